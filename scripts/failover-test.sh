#!/usr/bin/env bash
# The failure drills of docs/operations.md (« Several instances and a replica »), on a throwaway cluster of scripts/cluster.sh,
# each under a bounded load of parallel GETs through nginx on loopback; prints requests sent, answered and failed per drill
# and exits non-zero when a drill fails:
#   1. an app instance stopped (SIGTERM) under load: no failed GET (nginx retries on the other), the instance exits 0;
#      an editor's POSTs (API creations, two at a time) go on meanwhile: each either completes (201, the record and its
#      history entry written) or gets a clear error (a status and a message, nothing written), checked in the database;
#   2. the replica stopped: reads move to the primary within seconds, no 5xx;
#   3. the primary stopped: anonymous reads go on from the replica (no failed GET), a write (the sign-in form's POST)
#      answers 503 with the French page; the operator promotes the replica (pg_ctl promote) and writes resume through the
#      same connection strings;
#   4. everything restarted (the old primary rebuilt as a standby of the new one, then cluster.sh down and up): the counts
#      are identical.
# Usage: ./scripts/failover-test.sh (ATLAS_FAILOVER_SECONDS: seconds of load around each event, 4 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
export ATLAS_CLUSTER_DIR=${ATLAS_CLUSTER_DIR:-/var/tmp/atlas-failover-$$}
export ATLAS_CLUSTER_SHUTDOWN_SECONDS=10
cluster=scripts/cluster.sh
nginx="http://127.0.0.1:${ATLAS_CLUSTER_NGINX_PORT:-5300}"
read -r -a web_ports <<<"${ATLAS_CLUSTER_WEB_PORTS:-5301 5302}"
primary_port=${ATLAS_CLUSTER_PRIMARY_PORT:-5433}
replica_port=${ATLAS_CLUSTER_REPLICA_PORT:-5434}
seconds=${ATLAS_FAILOVER_SECONDS:-4}
workers=4
# A bound on every load, whatever happens: each worker stops after this many requests.
max_per_worker=3000
work=$(mktemp -d)
failures=0
summary=()
started=$SECONDS

cleanup() {
  stop_load 2>/dev/null || true
  stop_posts 2>/dev/null || true
  bash "$cluster" down --purge >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql_at() { "$(ls -d /usr/lib/postgresql/*/bin | sort -t/ -k5 -n -r | head -1)/psql" -X -q -A -t -h 127.0.0.1 -p "$1" -U atlas -d atlas -c "$2"; }
fail() { echo "FAILED: $*" >&2; failures=$((failures + 1)); }

# Anonymous GETs through nginx: pages and API reads, each worker looping over them until stop_load or its bound.
urls=(/ /projets /partenariats /pays/MA /api/v1/projects /api/v1/projects/1 /statistiques /api/v1/stats)
start_load() {
  rm -f "$work"/load-* "$work/stop"
  local w
  for w in $(seq 1 $workers); do
    (
      local n=0 url code
      while [ ! -f "$work/stop" ] && [ $n -lt $max_per_worker ]; do
        url=${urls[$(((n + w) % ${#urls[@]}))]}
        code=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$nginx$url" || true)
        echo "$code $url" >>"$work/load-$w"
        n=$((n + 1))
      done
    ) &
    echo $! >"$work/worker-$w"
  done
}
stop_load() {
  touch "$work/stop"
  local f
  for f in "$work"/worker-*; do [ -f "$f" ] && { wait "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; }; done
}
# sent: every request; answered: any HTTP answer; failed: no answer or a 5xx.
report_load() { # drill name
  local sent answered failed five
  sent=$(cat "$work"/load-* 2>/dev/null | wc -l)
  answered=$(cat "$work"/load-* 2>/dev/null | awk '$1 != "000"' | wc -l)
  failed=$(cat "$work"/load-* 2>/dev/null | awk '$1 == "000" || $1 >= 500' | wc -l)
  five=$(cat "$work"/load-* 2>/dev/null | awk '$1 >= 500' | cut -d' ' -f1 | sort | uniq -c | tr '\n' ' ')
  summary+=("$(printf '%-32s sent %5d  answered %5d  failed %3d  %s' "$1" "$sent" "$answered" "$failed" "${five:+(5xx: $five)}")")
  echo "${summary[-1]}"
  [ "$failed" -eq 0 ] || fail "$1: $failed GETs failed"
}
wait_for() { # seconds description command...
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then fail "$what within $limit s"; return 1; fi
    sleep 0.2
  done
}
reads_on() { [ "$(psql_at "$1" "SELECT count(*) > 0 FROM pg_stat_activity WHERE application_name = 'atlas-read' AND datname = 'atlas'")" = t ]; }

# The sign-in form's POST (antiforgery token and cookie from its GET): a write path of the primary. Prints the status.
sign_in_form() { rm -f "$work/jar"; curl -s -c "$work/jar" "$nginx/compte/connexion" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' >"$work/token"; }
sign_in_post() {
  curl -s -o "$work/post.html" -w '%{http_code}' -b "$work/jar" -m 15 \
    --data-urlencode "__RequestVerificationToken=$(cat "$work/token")" --data-urlencode "Email=personne@atlas.test" \
    --data-urlencode "Password=un mot de passe assez long" "$nginx/compte/connexion" || true
}
# Polled by wait_for: each call asks again.
writes_answered() { [ "$(sign_in_post)" = 200 ]; }
form_and_post_answered() { sign_in_form; local status; status=$(sign_in_post); echo "$status" >"$work/last-post"; [ "$status" = 200 ]; }
rate_windows_written() {
  [ "$(psql_at "$replica_port" "SELECT count(*) > 0 FROM api_rate_windows WHERE window_start > now() - interval '2 minutes'")" = t ]
}
counts() { echo "$(curl -s "$nginx/api/v1/stats") $(psql_at "$1" "SELECT (SELECT count(*) FROM projects) || '/' || (SELECT count(*) FROM partnerships) || '/' || (SELECT count(*) FROM change_records)")"; }

# docker-compose.yml describes the same topology: checked by the compose tool where there is one.
if docker compose version >/dev/null 2>&1; then
  docker compose --profile cluster config -q || fail "docker compose config rejects docker-compose.yml"
elif command -v docker-compose >/dev/null; then
  docker-compose --profile cluster config -q || fail "docker-compose config rejects docker-compose.yml"
else
  echo "No docker compose here: docker-compose.yml is checked by tests/Atlas.Web.Tests/Cluster/ClusterFilesTests.cs only."
fi

# The compose file's nginx configuration is the template's rendering, and nginx accepts it (its instances' names, which
# only resolve on the compose network, read as loopback here).
mkdir -p "$work/nginx-compose"
bash "$cluster" render-nginx compose >"$work/nginx-compose/nginx.conf"
cmp -s "$work/nginx-compose/nginx.conf" deploy/compose/nginx.conf \
  || fail "deploy/compose/nginx.conf is not the rendering of deploy/nginx/nginx.conf.template (scripts/cluster.sh render-nginx compose)"
sed -i 's/server web-[ab]:8080/server 127.0.0.1:8080/' "$work/nginx-compose/nginx.conf"
if nginx -t -q -p "$work/nginx-compose" -c "$work/nginx-compose/nginx.conf" -g "pid $work/nginx-compose/nginx.pid;"; then
  echo "nginx -t accepts the compose configuration (and the cluster's, at each start)."
else
  fail "nginx -t rejects deploy/compose/nginx.conf"
fi

echo "Starting the cluster in $ATLAS_CLUSTER_DIR…"
bash "$cluster" up
wait_for 30 "reads on the replica" reads_on "$replica_port" || true
# Each instance answers each URL once before a load starts: a page's first answer compiles its code and fills its caches
# (seconds on a loaded machine, past the load's 10 s bound at a load average of 58), which is not what a drill measures.
warm_up() { local port url; for port in "${web_ports[@]}"; do for url in "${urls[@]}"; do curl -s -o /dev/null -m 60 "http://127.0.0.1:$port$url" || true; done; done; }
warm_up
echo "Cluster up after $((SECONDS - started)) s."

# An administrator and a personal API token of theirs, stored as the portal stores one (its SHA-256): the editor of drill 1.
api_token="atl_failover$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
psql_at "$primary_port" "WITH editor AS (
    INSERT INTO users (display_name, role, is_disabled, created_at, user_name, normalized_user_name, email, normalized_email,
                       email_confirmed, security_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
    VALUES ('Exercice de bascule', 'administrator', false, now(), 'bascule@atlas.test', 'BASCULE@ATLAS.TEST', 'bascule@atlas.test',
            'BASCULE@ATLAS.TEST', true, md5(random()::text), false, false, false, 0) RETURNING id)
  INSERT INTO api_tokens (user_id, name, secret_hash, prefix, created_at)
  SELECT id, 'failover drill', sha256(convert_to('$api_token', 'UTF8')), left('$api_token', 12), now() FROM editor" >/dev/null

# The editor's POSTs: new authorities through nginx, one name per POST, each poster waiting for its answer before the next.
posters=2
start_posts() {
  rm -f "$work"/posts-* "$work/stop-posts"
  local p
  for p in $(seq 1 $posters); do
    (
      local n=0 code
      while [ ! -f "$work/stop-posts" ] && [ $n -lt 1000 ]; do
        n=$((n + 1))
        code=$(curl -s -o "$work/post-$p-$n.body" -m 30 -w '%{http_code}' -H "Authorization: Bearer $api_token" \
          -H 'Content-Type: application/json' --data "{\"country\":\"MA\",\"name\":\"Commune de bascule $p-$n\",\"kind\":\"commune-rurale\"}" \
          "$nginx/api/v1/authorities" || true)
        echo "$code Commune de bascule $p-$n $work/post-$p-$n.body" >>"$work/posts-$p"
      done
    ) &
    echo $! >"$work/poster-$p"
  done
}
stop_posts() {
  touch "$work/stop-posts"
  local f
  for f in "$work"/poster-*; do [ -f "$f" ] && { wait "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; }; done
}
# Each POST's answer against the database: a 201 has its authority and that authority's history entry ("created"); any
# other answer is a clear error (an HTTP status with a body: the nginx template's French 502 page or the app's problem)
# and wrote nothing.
report_posts() { # drill name
  psql_at "$primary_port" "SELECT a.name || '|' || count(c.id) FROM local_authorities a
      LEFT JOIN change_records c ON c.entity_type = 'local-authority' AND c.entity_id = a.id::text AND c.action = 'created'
      WHERE a.name LIKE 'Commune de bascule %' GROUP BY a.id, a.name" >"$work/written"
  local sent=0 created=0 refused=0 unanswered=0 wrong=0 code name body history statuses
  while read -r code rest; do
    body=${rest##* }; name=${rest% *}
    sent=$((sent + 1))
    history=$(awk -F'|' -v n="$name" '$1 == n {print $2}' "$work/written")
    if [ "$code" = 201 ]; then
      created=$((created + 1))
      [ "$history" = 1 ] || { wrong=$((wrong + 1)); echo "   $name: answered 201, written: ${history:-nothing}" >&2; }
    elif [ "$code" = 000 ]; then
      unanswered=$((unanswered + 1))
      [ -z "$history" ] || [ "$history" = 1 ] || { wrong=$((wrong + 1)); echo "   $name: no answer, half-written" >&2; }
    else
      refused=$((refused + 1))
      [ -s "$body" ] || { wrong=$((wrong + 1)); echo "   $name: answered $code with an empty body" >&2; }
      [ -z "$history" ] || { wrong=$((wrong + 1)); echo "   $name: answered $code, yet written" >&2; }
    fi
  done < <(cat "$work"/posts-* 2>/dev/null)
  statuses=$(cat "$work"/posts-* 2>/dev/null | awk '$1 != 201 {print $1}' | sort | uniq -c | tr '\n' ' ')
  summary+=("$(printf '%-32s sent %5d  created %5d  clear errors %3d  unanswered %3d  %s' "$1" "$sent" "$created" "$refused" "$unanswered" "${statuses:+(other answers: $statuses)}")")
  echo "${summary[-1]}"
  [ "$created" -gt 0 ] || fail "$1: no POST completed"
  [ "$unanswered" -eq 0 ] || fail "$1: $unanswered POSTs got no answer"
  [ "$wrong" -eq 0 ] || fail "$1: $wrong POSTs half-written or unclear"
}

echo "Drill 1: stop one app instance under load, an editor's POSTs in flight"
start_load; start_posts; sleep "$seconds"
bash "$cluster" stop-instance 1
exit_status=$(cat "$ATLAS_CLUSTER_DIR/web/1.exit" 2>/dev/null || echo none)
sleep "$seconds"; stop_load; stop_posts
report_load "1. app instance stopped"
report_posts "1. editor's POSTs meanwhile"
[ "$exit_status" = 0 ] || fail "the instance stopped by SIGTERM exited with $exit_status, not 0"
echo "   the instance exited with status $exit_status after SIGTERM"
ATLAS_CLUSTER_NO_BUILD=1 bash "$cluster" start-instance 1
warm_up

echo "Drill 2: stop the replica under load"
start_load; sleep "$seconds"
bash "$cluster" stop-server replica
moved=$SECONDS
wait_for 15 "reads moved to the primary" reads_on "$primary_port" && echo "   reads on the primary within $((SECONDS - moved)) s"
sleep "$seconds"; stop_load
report_load "2. replica stopped"
bash "$cluster" start-server replica
wait_for 30 "reads back on the replica" reads_on "$replica_port" || true

echo "Drill 3: stop the primary under load, then promote the replica"
wait_for 30 "the sign-in POST answering 200 before the drill" form_and_post_answered \
  || echo "   its last answer: $(cat "$work/last-post" 2>/dev/null) $(grep -o '<title>[^<]*' "$work/post.html" 2>/dev/null | head -1)"
start_load; sleep "$seconds"
bash "$cluster" stop-server primary
stopped=$SECONDS
status=$(sign_in_post)
if [ "$status" = 503 ] && grep -q "momentanément indisponible" "$work/post.html"; then
  echo "   a write while the primary is stopped: 503 with the French maintenance page"
else
  fail "a write while the primary is stopped answered $status, not 503 with the French page"
fi
sleep "$seconds"; stop_load
report_load "3a. primary stopped"
start_load
promoted=$SECONDS
bash "$cluster" promote replica
wait_for 30 "writes resumed after promotion" writes_answered \
  && echo "   writes resume $((SECONDS - promoted)) s after pg_ctl promote ($((SECONDS - stopped)) s after the primary stopped)"
# The rate-limit counters are written by every instance in the background: rows of this minute on the new primary.
wait_for 15 "the instances' own writes on the new primary" rate_windows_written && echo "   the instances' rate-limit counters are written on the new primary"
sleep "$seconds"; stop_load
report_load "3b. replica promoted"

echo "Drill 4: restart everything"
# The operator's step after a failover: the old primary becomes a standby of the new one.
rm -rf "$ATLAS_CLUSTER_DIR/pg/primary"
if [ "$(id -u)" -eq 0 ]; then run=(runuser -u postgres --); else run=(); fi
"${run[@]}" "$(ls -d /usr/lib/postgresql/*/bin | sort -t/ -k5 -n -r | head -1)/pg_basebackup" -h 127.0.0.1 -p "$replica_port" -U atlas \
  -D "$ATLAS_CLUSTER_DIR/pg/primary" -R -X stream -c fast
bash "$cluster" start-server primary
before=$(counts "$replica_port")
bash "$cluster" down
ATLAS_CLUSTER_NO_BUILD=1 bash "$cluster" up
warm_up
start_load; sleep "$((seconds * 2))"; stop_load
after=$(counts "$replica_port")
report_load "4. everything restarted"
if [ "$before" = "$after" ]; then echo "   counts identical: ${after:0:160}…"; else fail "counts differ after the restart: $before / $after"; fi

echo
echo "Failover drills ($((SECONDS - started)) s, $workers parallel clients):"
printf '  %s\n' "${summary[@]}"
if [ $failures -ne 0 ]; then echo "$failures drill check(s) failed"; exit 1; fi
echo "All drills passed"
