#!/usr/bin/env bash
# The portal's benchmark, rerunnable: ./scripts/benchmark.sh [--scale N] [--seconds S] [--connections C] [--reuse]
#   --scale N        synthetic data size (1 ≈ 12,700 projects, 100 ≈ 1.27 million; default 1)
#   --seconds S      wrk duration per endpoint (default 10)
#   --connections C  wrk connections (default 32)
#   --reuse          keep the private database of a previous run at the same scale instead of generating it again
# Loads the scale into a private PostgreSQL (/var/tmp/atlas-bench/scale-N) with the tools (Atlas.Tools generate), starts the
# app in Release and, on a port of its own, the tools' raw yardstick (Atlas.Tools bench-raw), runs wrk against the app's
# /ping (the machine's HTTP limit), the yardstick's raw-Npgsql read of a project and answers of a search (the data-access
# limits), the API, the pages and a CSV export, with the output cache on and then off, and prints requests/s, p50/p95/p99
# and the ratio to /ping of the same run, then each read's ratio to its yardstick; and times the opening and saving of a
# project's edit form, signed in, with the SQL statements of each (scripts/benchmark-edit.py).
# Writes docs/benchmarks.md (machine, scale, date, tables, page sizes, CSV export, EXPLAIN (ANALYZE, BUFFERS) of each hot query).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
atlas_ensure_dotnet
atlas_ensure_postgres ""
command -v wrk >/dev/null || atlas_apt_install wrk
command -v python3 >/dev/null || atlas_apt_install python3

scale=1; duration=10; connections=32; reuse=false
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --seconds) duration="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --reuse) reuse=true; shift ;;
    *) sed -n '2,6p' "$0" >&2; exit 2 ;;
  esac
done

port=5191
base="http://127.0.0.1:$port"
raw_base="http://127.0.0.1:$((port + 1))"
# url_of <path>: the yardstick's paths are served by the tools, every other by the app.
url_of() { case "$1" in /bench/*) echo "$raw_base$1" ;; *) echo "$base$1" ;; esac; }
data="/var/tmp/atlas-bench/scale-$scale"
work=$(mktemp -d /tmp/atlas-bench-XXXXXX)
report=docs/benchmarks.md
# A published copy: rebuilding the worktree while the benchmark runs does not change what is measured.
app_dir="$work/app"
dll="$app_dir/Atlas.Web.dll"
tools_dir="$work/tools"
tools_dll="$tools_dir/Atlas.Tools.dll"
psql_atlas() { psql -h "$data/socket" -U atlas -d atlas -v ON_ERROR_STOP=1 -qAt "$@"; }
stop_postgres() {
  local bin; bin=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -1)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$data/data" -m fast -w stop >/dev/null 2>&1 || true
  else "$bin/pg_ctl" -D "$data/data" -m fast -w stop >/dev/null 2>&1 || true; fi
}

app=""; raw=""
stop_app() {
  if [ -n "$raw" ]; then kill "$raw" 2>/dev/null || true; wait "$raw" 2>/dev/null || true; raw=""; fi
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=""; fi
}
trap 'stop_app; stop_postgres; rm -rf "$work"' EXIT

dotnet publish src/Atlas.Web -c Release --nologo -v q -o "$app_dir" >/dev/null
dotnet publish src/Atlas.Tools -c Release --nologo -v q -o "$tools_dir" >/dev/null
mkdir -p /var/tmp/atlas-bench && chmod 755 /var/tmp/atlas-bench

generated=""
if $reuse && [ -f "$data/data/PG_VERSION" ]; then generated="reused"; fi
if [ -z "$generated" ]; then
  rm -rf "$data"
  echo "Generating scale $scale into $data ..." >&2
  start=$(date +%s)
  (cd "$tools_dir" && Atlas__LocalDatabase__Directory="$data" dotnet "$tools_dll" generate --scale "$scale" --seed 42) | tee "$work/generate.txt"
  generated="$(( $(date +%s) - start )) s"
fi

# start_app [extra env assignments...]: the app in Release on the private database, then the raw yardstick beside it.
# The yardstick reaches the app's cluster through its socket (a connection string, as the app's own) rather than through
# Atlas__LocalDatabase__Directory: a process that finds the cluster running adopts it and stops it when it exits, and the
# yardstick stopping must not stop the app's database. It is restarted with the app, whose stop stops the cluster, so that
# its connections are never ones the restart broke.
# The private server's buffer pool: a quarter of the memory, as a server would be tuned (the default 256 MB suits the
# tests, which start several). At scale 100 the filtered export read its 21,600 project pages from the OS cache with it.
shared_buffers="$(( $(awk '/MemTotal/{print $2}' /proc/meminfo) / 4096 ))MB"
start_app() {
  (cd "$app_dir" && exec env Atlas__LocalDatabase__Directory="$data" Atlas__LocalDatabase__SharedBuffers="$shared_buffers" Atlas__DemoData=false \
    Atlas__RateLimit__RequestsPerMinute=1000000000 Serilog__MinimumLevel__Default=Warning "$@" \
    dotnet "$dll" --urls "$base" >"$work/app.log" 2>&1) &
  app=$!
  local up=false
  for _ in $(seq 1 240); do curl -sf "$base/health" >/dev/null && { up=true; break; }; sleep 0.5; done
  $up || { echo "The app did not start:" >&2; cat "$work/app.log" >&2; exit 1; }
  (cd "$tools_dir" && exec env ConnectionStrings__Atlas="Host=$data/socket;Port=5432;Username=atlas;Database=atlas;Maximum Pool Size=50" \
    dotnet "$tools_dll" bench-raw --urls "$raw_base" >"$work/raw.log" 2>&1) &
  raw=$!
  for _ in $(seq 1 120); do curl -sf "$raw_base/ping" >/dev/null && return 0; sleep 0.5; done
  echo "The raw yardstick did not start:" >&2; cat "$work/raw.log" >&2; exit 1
}

# ensure_edit_account: the administrator the edit timings sign in as. The app creates its demo administrator when started in
# Development (on any data: it needs no scope), once; the measured app runs in Production.
edit_email=admin@atlas.localhost; edit_password=atlas-demo-2025
ensure_edit_account() {
  start_app ASPNETCORE_ENVIRONMENT=Development
  stop_app
}

# edit_timings: issue 14's open-and-save of a project's edit form, signed in, 20 rounds (scripts/benchmark-edit.py), on a
# project other than the one the reads measure; run after the read tables, since a save invalidates cached figures.
edit_timings() {
  python3 scripts/benchmark-edit.py "$base" "$edit_project" "$edit_email" "$edit_password" 20 >"$work/edit.txt" \
    || { echo "The edit timings failed" >&2; exit 1; }
  cat "$work/edit.txt"
}

# edit_statements: the SQL statements of one open and one save, counted in the auto_explain log.
edit_statements() {
  python3 scripts/benchmark-edit.py "$base" "$edit_project" "$edit_email" "$edit_password" 1 "$data/postgres.log" \
    | awk '/-statements/' >"$work/edit-statements.txt" || true
}

# quotient <a> <b>: a/b to two decimals, or a dash when b is nothing (a page that answered no request within the timeout).
quotient() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else printf "–" }'; }

# budget_table: issue 13's budget within the uncached run: each directory page against the project search pages.
budget_table() {
  local name p_rps p_p95 s_rps s_p95
  p_rps=${rps_of["uncached|search page (no filter)"]}; p_p95=${p95_of["uncached|search page (no filter)"]}
  s_rps=${rps_of["uncached|search page (q + 2 filters)"]}; s_p95=${p95_of["uncached|search page (q + 2 filters)"]}
  echo "| page | requests/s | p95 | × \`/projets\` requests/s | p95 / \`/projets\` p95 | × search requests/s | p95 / search p95 |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| search page (no filter) | $p_rps | $(ms "$p_p95") | 1 | 1 | | |"
  echo "| search page (q + 2 filters) | $s_rps | $(ms "$s_p95") | | | 1 | 1 |"
  for name in "authority directory" "authority directory (country)" "authority directory (common name)" "country directory" \
              "partnership directory (country)" "partnership directory (common name)" "partnership directory (theme)" "theme directory"; do
    local r=${rps_of["uncached|$name"]} p=${p95_of["uncached|$name"]}
    echo "| $name | $r | $(ms "$p") | $(quotient "$r" "$p_rps") | $(quotient "$p" "$p_p95") | $(quotient "$r" "$s_rps") | $(quotient "$p" "$s_p95") |"
  done
}

# ratio_table: issue 15's ratios within the uncached run: each read against its raw yardstick.
ratio_table() {
  local pair app_name raw_name a r
  echo "| endpoint | requests/s | yardstick | its requests/s | ratio |"
  echo "|---|---:|---|---:|---:|"
  for pair in "API project by id|raw Npgsql project" "project page|raw Npgsql project" \
              "search page (q + 2 filters)|raw search (yardstick)" "API list with filters|raw list (yardstick)"; do
    app_name=${pair%%|*}; raw_name=${pair#*|}
    a=${rps_of["uncached|$app_name"]}; r=${rps_of["uncached|$raw_name"]}
    echo "| $app_name | $a | $raw_name | $r | $(quotient "$a" "$r") |"
  done
}

# The probe: a project from the middle of the table, a busy country and theme, and a common word.
ensure_edit_account
start_app
# The stored counts (home, statistics, map, unfiltered search) of a new database are computed by the first request that
# needs them: made here, so that no measured request waits for them (about 30 s at scale 100).
curl -s -o /dev/null --max-time 600 "$base/"
# Planner statistics for every column, those added by migrations to a reused database included.
psql_atlas -c "ANALYZE" >/dev/null
projects=$(psql_atlas -c "SELECT count(*) FROM projects")
project=$(psql_atlas -c "SELECT id FROM projects ORDER BY id OFFSET $(( projects / 2 )) LIMIT 1")
edit_project=$(psql_atlas -c "SELECT id FROM projects WHERE deleted_at IS NULL AND id > $project ORDER BY id LIMIT 1")
country=$(psql_atlas -c "SELECT c FROM (SELECT unnest(country_codes) c FROM projects TABLESAMPLE SYSTEM (10)) s GROUP BY c ORDER BY count(*) DESC LIMIT 1")
theme=$(psql_atlas -c "SELECT key FROM themes WHERE level = 1 ORDER BY sort_order LIMIT 1")
# Issue 13's hard cases of the directories: a name thousands of authorities and partnerships bear (« saint »: 25,600
# and 49,475 at scale 100), and a theme of many partnerships (the environment's: 135,000), whose selects are estimated.
directory_theme=environnement
endpoints=(
  "ping|/ping"
  "raw Npgsql project|/bench/raw-project/$project"
  "API project by id|/api/v1/projects/$project"
  "project page|/projets/$project"
  "country page|/pays/$country"
  "search page (q + 2 filters)|/projets?q=eau&pays=$country&theme=$theme"
  "search page (no filter)|/projets"
  "authority directory|/collectivites"
  "authority directory (country)|/collectivites?pays=$country"
  "authority directory (common name)|/collectivites?q=saint"
  "country directory|/pays"
  "partnership directory (country)|/partenariats?pays=$country"
  "partnership directory (common name)|/partenariats?q=saint"
  "partnership directory (theme)|/partenariats?theme=$directory_theme"
  "theme directory|/thematiques"
  "API list with filters|/api/v1/projects?country=$country&theme=$theme&status=ongoing&limit=20"
  "raw search (yardstick)|/bench/raw-search?q=eau&pays=$country&theme=$theme"
  "raw list (yardstick)|/bench/raw-list?country=$country&theme=$theme&status=ongoing&limit=20"
  "home page|/"
  "CSV export (filtered)|/api/v1/exports/projects.csv?country=$country&theme=$theme&status=ongoing"
)
# The export of about 20,000 projects: the country whose projects number closest to it (at scale 1, the largest).
read -r export_country export_projects <<<"$(psql_atlas -F' ' -c "SELECT c, n FROM (SELECT unnest(country_codes) c, count(*) n FROM projects WHERE deleted_at IS NULL GROUP BY 1) s ORDER BY abs(n - 20000) LIMIT 1")"
singles=(
  "raw Npgsql project|/bench/raw-project/$project"
  "API project by id|/api/v1/projects/$project"
  "project page|/projets/$project"
  "country page|/pays/$country"
  "search page (q + 2 filters)|/projets?q=eau&pays=$country&theme=$theme"
  "API list with filters|/api/v1/projects?country=$country&theme=$theme&status=ongoing&limit=20"
  "CSV export of $export_projects projects|/api/v1/exports/projects.csv?country=$export_country"
)
for e in "${endpoints[@]}" "${singles[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$(url_of "${e#*|}")")
  [ "$code" = 200 ] || { echo "GET ${e#*|} answered $code" >&2; exit 1; }
done

# wrk with p95 (wrk's own --latency stops at 50/75/90/99): a done() hook prints the percentiles in microseconds.
cat >"$work/stats.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("STATS %.2f %d %d %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, summary.errors.status + summary.errors.timeout))
end
LUA
# Paced: each connection waits a random time (exponential, of mean WRK_PAUSE_MS) between requests, so that requests
# arrive independently; a fixed pause makes every connection fire at once and measures the queue of each wave instead.
cat >"$work/paced.lua" <<'LUA'
local pause = tonumber(os.getenv("WRK_PAUSE_MS") or "0")
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16))
delay = function() return math.floor(-pause * math.log(1 - math.random())) end
done = function(summary, latency, requests)
  io.write(string.format("STATS %.2f %d %d %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, summary.errors.status + summary.errors.timeout))
end
LUA
ms() { awk -v us="$1" 'BEGIN{ if (us >= 1000) printf "%.1f ms", us/1000; else printf "%d µs", us }'; }

# run_table <label>: one wrk per endpoint; fills the Markdown table rows in $work/<label>.md
declare -A rps_of p95_of mean_of
run_table() {
  local label=$1 ping="" line name path out rps p50 p95 p99 mean errors ratio
  : >"$work/$label.md"
  for line in "${endpoints[@]}"; do
    name=${line%%|*}; path=${line#*|}
    out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$work/stats.lua" "$(url_of "$path")" | awk '/^STATS/{print $2, $3, $4, $5, $6, $7}')
    read -r rps p50 p95 p99 mean errors <<<"$out"
    [ -z "$ping" ] && ping=$rps
    ratio=$(awk -v a="$rps" -v b="$ping" 'BEGIN{printf "%.3f", a/b}')
    rps_of["$label|$name"]=$rps; p95_of["$label|$name"]=$p95; mean_of["$label|$name"]=$mean
    local failed=""; [ "$errors" != 0 ] && failed=" ($errors failed or timed out after 10 s)"
    printf '%-8s %-28s %10s req/s  p50 %-9s p95 %-9s p99 %-9s ×/ping %s%s\n' "$label" "$name" "$rps" "$(ms "$p50")" "$(ms "$p95")" "$(ms "$p99")" "$ratio" "$failed"
    echo "| $name | \`$path\` | $rps$failed | $(ms "$p50") | $(ms "$p95") | $(ms "$p99") | $ratio |" >>"$work/$label.md"
  done
  # The search at half of its peak rate: each connection pauses so that the total rate is about half the peak. A first
  # run pauses as if requests took no time and measures how long they take at that load; the three measured runs take
  # that time off the pause (issue 15 asks for its p95 target in three runs out of three).
  local peak=${rps_of["$label|search page (q + 2 filters)"]} pause mean_ms=0 run
  for run in 0 1 2 3; do
    pause=$(awk -v c="$connections" -v r="$peak" -v m="$mean_ms" 'BEGIN{if (r < 1) r = 1; p = c * 1000 / (r / 2) - m; if (p < 0) p = 0; if (p > 10000) p = 10000; printf "%d", p}')
    out=$(WRK_PAUSE_MS=$pause wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s "$work/paced.lua" "$base/projets?q=eau&pays=$country&theme=$theme" | awk '/^STATS/{print $2, $3, $4, $5, $6, $7}')
    read -r rps p50 p95 p99 mean errors <<<"$out"
    [ "$run" = 0 ] && { mean_ms=$(awk -v us="$mean" 'BEGIN{printf "%d", us / 1000}'); continue; }
    p95_of["$label|search at half peak $run"]=$p95
    ratio=$(awk -v a="$rps" -v b="$ping" 'BEGIN{printf "%.3f", a/b}')
    printf '%-8s %-28s %10s req/s  p50 %-9s p95 %-9s p99 %-9s (pause %s ms per connection)\n' "$label" "search at half peak, run $run" "$rps" "$(ms "$p50")" "$(ms "$p95")" "$(ms "$p99")" "$pause"
    echo "| search page at half of peak load, run $run of 3 | (${pause} ms pause per connection) | $rps | $(ms "$p50") | $(ms "$p95") | $(ms "$p99") | $ratio |" >>"$work/$label.md"
  done
}

# single_table: issue 15's times of one request alone (no other load), uncached: 20 sequential requests after a warm-up,
# median and p95 of curl's total time. The country page's target (≤ 100 ms at scale 100) and the export of about 20,000
# projects' (≤ 300 ms) are of a request alone, which the tables under 32 connections cannot give.
single_table() {
  local line name path times
  echo "| request | URL | requests | median | p95 |"
  echo "|---|---|---:|---:|---:|"
  for line in "${singles[@]}"; do
    name=${line%%|*}; path=${line#*|}
    curl -s -o /dev/null "$(url_of "$path")"
    times=$(for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "$(url_of "$path")"; done | sort -n)
    echo "$times" | awk -v name="$name" -v path="$path" '{ t[NR] = $1 * 1000 } END {
      printf "| %s | `%s` | %d | %.1f ms | %.1f ms |\n", name, path, NR, (t[10] + t[11]) / 2, t[19] }'
  done
}

run_table cached
stop_app
start_app Atlas__OutputCache__Enabled=false
run_table uncached
echo
budget_table
echo
single_table | tee "$work/single.md"
echo

# Transferred size of each public page, as a browser asking for compression gets it.
pages=("/" "/projets" "/projets?q=eau&pays=$country&theme=$theme" "/projets/$project" "/pays/$country" "/collectivites" "/pays" "/partenariats" "/thematiques" "/donnees" "/css/atlas.css" "/js/atlas.js")
{
  echo "| page | transferred (br/gzip) | uncompressed |"
  echo "|---|---:|---:|"
  for page in "${pages[@]}"; do
    compressed=$(curl -s -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$base$page")
    plain=$(curl -s -o /dev/null -w '%{size_download}' "$base$page")
    echo "| \`$page\` | $compressed B | $plain B |"
  done
} >"$work/sizes.md"

# The whole CSV export once: time, size, and the app's memory while it streams.
app_pid=$app
rss_before=$(awk '/VmRSS/{print $2}' "/proc/$app_pid/status")
( peak=0; while kill -0 "$app_pid" 2>/dev/null && [ ! -f "$work/csv.done" ]; do r=$(awk '/VmRSS/{print $2}' "/proc/$app_pid/status"); [ "$r" -gt "$peak" ] && peak=$r; echo "$peak" >"$work/csv.peak"; sleep 0.05; done ) &
sampler=$!
csv=$(curl -s -o "$work/all.csv" -w '%{time_total} %{size_download}' "$base/api/v1/exports/projects.csv")
touch "$work/csv.done"; wait "$sampler" || true
rss_peak=$(cat "$work/csv.peak")
csv_rows=$(( $(wc -l <"$work/all.csv") - 1 ))
read -r csv_time csv_size <<<"$csv"
# Twice more: the first download after the start reads the table into a buffer pool not yet touched (at scale 100 the
# first of three took 10.8 s, the next two 7.8 and 8.1 s), and a portal serves downloads one after the other.
csv_again=""
for _ in 1 2; do csv_again="$csv_again $(curl -s -o /dev/null -w '%{time_total}' "$base/api/v1/exports/projects.csv") s,"; done
csv_again=${csv_again%,}
echo "CSV export of all $csv_rows projects: ${csv_time}s, $csv_size bytes; app RSS ${rss_before} kB before, ${rss_peak} kB peak; again:$csv_again"
edit_timings

# EXPLAIN (ANALYZE, BUFFERS) of every statement each endpoint runs: auto_explain in the sessions of the app and of the
# yardstick (new ones: set while the app runs, since stopping the app stops its private PostgreSQL).
psql_atlas -c "ALTER DATABASE atlas SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER DATABASE atlas SET auto_explain.log_min_duration = 0" -c "ALTER DATABASE atlas SET auto_explain.log_analyze = on" \
  -c "ALTER DATABASE atlas SET auto_explain.log_buffers = on" -c "ALTER DATABASE atlas SET auto_explain.log_timing = on"
stop_app
start_app Atlas__OutputCache__Enabled=false
log="$data/postgres.log"
: >"$work/explain.md"
for line in "${endpoints[@]:1}"; do
  name=${line%%|*}; path=${line#*|}
  case "$name" in ping*) continue ;; esac
  curl -s -o /dev/null "$(url_of "$path")"   # warm: the plan of a first run includes cold caches
  from=$(wc -l <"$log")
  curl -s -o /dev/null "$(url_of "$path")"
  sleep 0.3
  {
    echo "### $name: \`$path\`"
    echo
    echo '```'
    tail -n +"$((from + 1))" "$log" | sed -E 's/^[0-9-]+ [0-9:.]+ [A-Z]+ \[[0-9]+\] //' \
      | awk '/LOG:  duration:/ { header = $0; pending = 1; keep = 0; next }
             pending { pending = 0; keep = ($0 !~ /data_versions|api_rate_windows/); if (keep) print header }
             keep && ++n <= 600'
    echo '```'
    echo
  } >>"$work/explain.md"
done
edit_statements
psql_atlas -c "ALTER DATABASE atlas RESET ALL"

cpu=$(awk -F: '/model name/{gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo)
counts=$(psql_atlas -F' ' -c "SELECT (SELECT count(*) FROM projects), (SELECT count(*) FROM partnerships), (SELECT count(*) FROM local_authorities WHERE country_code = 'FR'), (SELECT count(*) FROM local_authorities WHERE country_code <> 'FR'), (SELECT count(DISTINCT country_code) FROM local_authorities WHERE country_code <> 'FR'), (SELECT count(*) FROM project_participants), (SELECT count(*) FROM fundings)")
read -r n_projects n_partnerships n_fr n_foreign n_countries n_participants n_fundings <<<"$counts"
db_size=$(psql_atlas -c "SELECT pg_size_pretty(pg_database_size('atlas'))")
mkdir -p docs
{
  echo "<!-- scale $scale -->"
  echo "## Scale $scale"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr); PostgreSQL $(psql_atlas -c 'SHOW server_version' | cut -d' ' -f1) on the same machine; wrk, the app and PostgreSQL share the cores"
  echo "- scale $scale (seed 42; data ${generated}): $n_projects projects, $n_partnerships partnerships, $n_fr French and $n_foreign foreign authorities in $n_countries countries, $n_participants participants, $n_fundings funding lines; database $db_size"
  echo "- load: wrk, 2 threads, $connections connections, ${duration}s per endpoint; p50/p95/p99 from wrk's latency histogram; PostgreSQL's shared_buffers $shared_buffers"
  echo
  echo "### With the output cache (the default)"
  echo
  echo "| endpoint | URL | requests/s | p50 | p95 | p99 | × /ping |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  cat "$work/cached.md"
  echo
  echo "### Without the output cache (\`Atlas__OutputCache__Enabled=false\`): every request reaches the database"
  echo
  echo "| endpoint | URL | requests/s | p50 | p95 | p99 | × /ping |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  cat "$work/uncached.md"
  echo
  echo "### Reads against their raw yardsticks (issue 15; uncached run)"
  echo
  ratio_table
  echo
  echo "### One request alone (issue 15: the country page ≤ 100 ms at scale 100, an export of 20,000 projects ≤ 300 ms; uncached)"
  echo
  cat "$work/single.md"
  echo
  echo "### Directories against the project search (issue 13: within the budget of \`/projets\`; uncached run)"
  echo
  budget_table
  echo
  echo "### Edit form, signed in (issue 14: each ≤ 300 ms at scale 1)"
  echo
  echo "| request | rounds | median | p95 | SQL statements |"
  echo "|---|---:|---:|---:|---:|"
  awk -v o="$(awk '/^open-statements/{print $2}' "$work/edit-statements.txt")" -v s="$(awk '/^save-statements/{print $2}' "$work/edit-statements.txt")" \
    '$1 == "open" { printf "| open `GET /projets/ID/modifier` | %s | %s ms | %s ms | %s |\n", $2, $3, $4, o }
     $1 == "save" { printf "| save `POST /projets/ID/modifier` | %s | %s ms | %s ms | %s |\n", $2, $3, $4, s }' "$work/edit.txt"
  echo
  echo "### CSV export of every project"
  echo
  echo "\`GET /api/v1/exports/projects.csv\`: $csv_rows rows, $csv_size bytes in ${csv_time} s, then in$csv_again; the app's resident memory was ${rss_before} kB before and ${rss_peak} kB at most while streaming the first."
  echo
  echo "### Transferred size of the public pages"
  echo
  cat "$work/sizes.md"
  echo
  echo "### EXPLAIN (ANALYZE, BUFFERS) of each endpoint's statements"
  echo
  echo "Captured with auto_explain in the app's own sessions and the raw yardstick's (output cache off), second request of each URL."
  echo
  cat "$work/explain.md"
  echo "<!-- end of scale $scale -->"
} >"$work/section.md"
# One section per scale: this run replaces its own scale's section and keeps the others.
# The text above the first section (notes written by hand) is kept as it is.
{
  if [ -f "$report" ] && grep -q '^<!-- scale ' "$report"; then
    awk '/^<!-- scale /{exit} {print}' "$report"
    awk -v s="$scale" '/^<!-- scale / { split($0, w, " "); skip = (w[3] == s) } /^<!-- scale /, /^<!-- end of scale / { if (!skip) print; next }' "$report"
  else
    echo "# Benchmarks"
    echo
    echo "Produced by \`scripts/benchmark.sh --scale N\` (one section per scale; rerun to refresh). Ratios compare each endpoint with \`/ping\` measured in the same run."
    echo
  fi
  cat "$work/section.md"
} >"$work/report.md"
mv "$work/report.md" "$report"
echo
echo "Report written to $report"
