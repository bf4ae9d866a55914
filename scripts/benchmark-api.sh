#!/usr/bin/env bash
# Measures the API's throughput against a bare endpoint of the same app, in one run on this machine:
#   ./scripts/benchmark-api.sh [seconds per endpoint, default 10] [connections, default 32]
# Starts the app in Release on a fresh private database with the demo data, runs wrk against each endpoint,
# prints requests/s, p50/p99 latency and the ratio to /ping, and writes docs/benchmarks-api.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
atlas_ensure_dotnet
atlas_ensure_postgres ""
command -v wrk >/dev/null || atlas_apt_install wrk

duration="${1:-10}"
connections="${2:-32}"
port=5190
base="http://127.0.0.1:$port"
data=$(mktemp -d /tmp/atlas-bench-XXXXXX)
chmod 755 "$data"

dotnet build src/Atlas.Web -c Release --nologo -v q >/dev/null
Atlas__LocalDatabase__Directory="$data" Atlas__RateLimit__RequestsPerMinute=1000000000 Serilog__MinimumLevel__Default=Warning \
  dotnet src/Atlas.Web/bin/Release/net10.0/Atlas.Web.dll --urls "$base" --contentRoot "$PWD/src/Atlas.Web" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "$base/health" >/dev/null && break; sleep 0.5; done
curl -sf "$base/health" >/dev/null || { echo "The app did not start: see $data/app.log" >&2; cat "$data/app.log" >&2; exit 1; }

project=$(curl -sf "$base/api/v1/projects?limit=1" | sed -E 's/.*"items":\[\{"id":([0-9]+).*/\1/')
endpoints=(
  "/ping"
  "/api/v1/projects?limit=20"
  "/api/v1/projects?country=MA&theme=developpement-urbain&limit=20"
  "/api/v1/projects?q=eau&limit=20"
  "/api/v1/projects/$project"
)
for optional in "/api/v1/partnerships?limit=20" "/api/v1/authorities?limit=20" "/api/v1/exports/projects.csv" "/api/v1/exports/projects.jsonl"; do
  if curl -sf -o /dev/null "$base$optional"; then endpoints+=("$optional"); fi
done

report=docs/benchmarks-api.md
mkdir -p docs
{
  echo "# API benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr); PostgreSQL $(compgen -G '/usr/lib/postgresql/*/bin/postgres' | head -1 | sed -E 's#.*/postgresql/([0-9]+)/.*#\1#') on the same machine"
  echo "- data: the demo dataset ($(curl -sf "$base/api/v1/projects?limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/') projects)"
  echo "- load: wrk, 2 threads, $connections connections, ${duration}s per endpoint, app and wrk on the same machine"
  echo
  echo "| endpoint | requests/s | p50 | p99 | × /ping |"
  echo "|---|---:|---:|---:|---:|"
} >"$report"

ping_rps=""
for endpoint in "${endpoints[@]}"; do
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$base$endpoint")
  rps=$(awk '/Requests\/sec:/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/{print $5}' <<<"$out")
  [ -z "$ping_rps" ] && ping_rps=$rps
  ratio=$(awk -v a="$rps" -v b="$ping_rps" 'BEGIN{printf "%.3f", a/b}')
  printf '%-70s %10s req/s  p50 %-8s p99 %-8s ×/ping %s%s\n' "$endpoint" "$rps" "$p50" "$p99" "$ratio" "${errors:+  NON-2XX: $errors}"
  echo "| \`$endpoint\` | $rps | $p50 | $p99 | $ratio |" >>"$report"
done
echo
echo "Report written to $report"
