#!/usr/bin/env bash
# Probes every parameter of the API's lists and of /projets for SQL injection with sqlmap (Debian's package), level 3 and
# risk 2, against a running instance: ./scripts/sqlmap.sh [http://127.0.0.1:5080]
# Start that instance with a rate limit sqlmap will not reach, e.g. Atlas__RateLimit__RequestsPerMinute=100000000.
# Prints one line per URL and ends with the number of injectable parameters found (0 expected); exits 1 if any.
set -euo pipefail
base="${1:-http://127.0.0.1:5080}"
command -v sqlmap >/dev/null || { echo "sqlmap is missing: apt-get install -y sqlmap" >&2; exit 2; }

urls=(
  "/api/v1/projects?q=eau&country=MA&region=44&department=57&authority=1&theme=culture-patrimoine&status=ongoing&yearFrom=2000&yearTo=2015&sort=title&limit=5"
  "/api/v1/partnerships?q=eau&country=MA&region=44&department=57&authority=1&theme=culture-patrimoine&status=ongoing&signedFrom=1990&signedTo=2010&sort=-signedOn&limit=5"
  "/api/v1/authorities?q=fes&country=MA&kind=commune&region=44&department=57&sort=name&limit=5"
  "/api/v1/authorities/suggestions?q=Marakech&limit=5"
  "/api/v1/organisations?q=agence&kind=agency&country=FR&sort=name&limit=5"
  "/api/v1/countries?q=maroc&all=true&hasPartnerships=true&sort=name&limit=5"
  "/api/v1/fundings?funder=region&funderAuthority=1&funderOrganisation=1&country=MA&year=2007&currency=EUR&project=1&sort=year&limit=5"
  "/api/v1/diplomatic-posts?country=MA&sort=name&limit=5"
  "/api/v1/exports/projects.csv?q=eau&country=MA&theme=culture-patrimoine&status=ongoing&yearFrom=2000&yearTo=2015"
  "/projets?q=patrimoine&pays=MA&region=44&departement=57&collectivite=1&theme=culture-patrimoine&statut=ongoing&de=2000&a=2015&tri=titre&page=1"
)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
found=0
for url in "${urls[@]}"; do
  log="$out/$(echo "$url" | md5sum | cut -c1-8).log"
  start=$(date +%s)
  sqlmap -u "$base$url" --batch --level 3 --risk 2 --time-sec 2 --threads 4 --disable-coloring --output-dir "$out/session" \
    --flush-session >"$log" 2>&1 || true
  requests=$(grep -Eo 'HTTP requests: [0-9]+|[0-9]+ HTTP\(s\) requests' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
  if grep -q "is vulnerable\|sqlmap identified the following injection point" "$log"; then
    found=$((found + 1)); verdict="INJECTABLE"
    grep -E "Parameter:|Type:|Title:" "$log" | sed 's/^/    /'
  elif grep -q "all tested parameters do not appear to be injectable" "$log"; then verdict="not injectable"
  else verdict="inconclusive (see below)"; tail -5 "$log" | sed 's/^/    /'; fi
  echo "$verdict  ${url%%\?*} ($(( $(date +%s) - start )) s${requests:+, $requests requests})"
done
echo "sqlmap level 3 risk 2: $found injectable URL(s) of ${#urls[@]}"
[ "$found" -eq 0 ]
