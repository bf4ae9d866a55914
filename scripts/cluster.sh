#!/usr/bin/env bash
# The atlas as a cluster on one machine, on loopback: ./scripts/cluster.sh up|down|status [--purge]
#   up      a PostgreSQL primary and a streaming hot standby (pg_basebackup -R), both from the installed server binaries as
#           the app's private PostgreSQL is; two app instances of the Release build; nginx in front (docs/operations.md,
#           « Several instances and a replica »). What exists already is reused: up after down keeps the data.
#   down    stops nginx, the instances (SIGTERM: they finish their requests and exit 0) and both servers; --purge also
#           removes the folder.
#   status  what runs, the replication state, and each instance's /health/ready.
#   render-nginx cluster|compose
#           prints nginx's configuration from deploy/nginx/nginx.conf.template: this cluster's, or docker-compose.yml's
#           (`scripts/cluster.sh render-nginx compose >deploy/compose/nginx.conf` after editing the template).
# Everything lives in ATLAS_CLUSTER_DIR (/var/tmp/atlas-cluster). Ports: ATLAS_CLUSTER_PRIMARY_PORT (5433),
# ATLAS_CLUSTER_REPLICA_PORT (5434), ATLAS_CLUSTER_WEB_PORTS ("5301 5302"), ATLAS_CLUSTER_NGINX_PORT (5300).
# ATLAS_CLUSTER_NO_BUILD=1 uses the Release build as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/prerequisites.sh

dir=${ATLAS_CLUSTER_DIR:-/var/tmp/atlas-cluster}
primary_port=${ATLAS_CLUSTER_PRIMARY_PORT:-5433}
replica_port=${ATLAS_CLUSTER_REPLICA_PORT:-5434}
read -r -a web_ports <<<"${ATLAS_CLUSTER_WEB_PORTS:-5301 5302}"
nginx_port=${ATLAS_CLUSTER_NGINX_PORT:-5300}
app_dll="$root/src/Atlas.Web/bin/Release/net10.0/Atlas.Web.dll"

# The server refuses to run as root: as root, it runs as postgres, as the app's private PostgreSQL does.
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$d/$1" ]; then echo "$d/$1"; return; fi
  done
  command -v "$1"
}

# Multi-host strings (docs/operations.md): writes find whichever server is the primary, reads prefer the standby, so that
# a promoted standby takes the writes through the same strings. Host Recheck Seconds: how long a server's state is trusted.
write_connection="Host=127.0.0.1:$primary_port,127.0.0.1:$replica_port;Database=atlas;Username=atlas;Target Session Attributes=primary;Host Recheck Seconds=2;Timeout=3"
read_connection="Host=127.0.0.1:$replica_port,127.0.0.1:$primary_port;Database=atlas;Username=atlas;Target Session Attributes=prefer-standby;Host Recheck Seconds=2;Timeout=3"

server_dir() { echo "$dir/pg/$1"; }

start_server() { # name port
  local data; data=$(server_dir "$1")
  if as_postgres "$(pg_bin pg_ctl)" -D "$data" status >/dev/null 2>&1; then return 0; fi
  mkdir -p "$dir/pg/socket"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir/pg/socket"
  as_postgres "$(pg_bin pg_ctl)" -D "$data" -l "$dir/pg/$1.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $2 -k $dir/pg/socket -c max_connections=200 -c wal_keep_size=256MB -c hot_standby_feedback=on" start >/dev/null
}

psql_at() { # port sql
  "$(pg_bin psql)" -X -q -A -t -h 127.0.0.1 -p "$1" -U atlas -d "${3:-atlas}" -c "$2"
}

up() {
  atlas_ensure_dotnet
  atlas_ensure_postgres ""
  atlas_ensure_nginx
  mkdir -p "$dir/pg" "$dir/web" "$dir/nginx/tmp" "$dir/keys"
  chmod 0755 "$dir" "$dir/pg"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir/pg"

  local primary replica
  primary=$(server_dir primary)
  replica=$(server_dir replica)
  if [ ! -f "$primary/PG_VERSION" ] && [ ! -f "$replica/PG_VERSION" ]; then
    as_postgres "$(pg_bin initdb)" -D "$primary" -U atlas --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-instructions >/dev/null
  fi
  # After a failover the promoted standby is the primary: the roles follow standby.signal, not the folder names.
  [ -f "$primary/PG_VERSION" ] && start_server primary "$primary_port"
  if [ ! -f "$replica/PG_VERSION" ]; then
    [ "$(psql_at "$primary_port" "SELECT 1 FROM pg_database WHERE datname = 'atlas'" postgres)" = 1 ] \
      || psql_at "$primary_port" "CREATE DATABASE atlas" postgres
    as_postgres "$(pg_bin pg_basebackup)" -h 127.0.0.1 -p "$primary_port" -U atlas -D "$replica" -R -X stream -c fast
  fi
  start_server replica "$replica_port"

  if [ "${ATLAS_CLUSTER_NO_BUILD:-}" != 1 ]; then dotnet build src/Atlas.Web -c Release --nologo -v q >/dev/null; fi
  local i=0 port
  # All at once, as a container orchestrator starts them: migrations, the demo data and the first data-protection key are
  # each made once under an advisory lock, and the certificate file by whichever instance writes it first.
  for port in "${web_ports[@]}"; do
    i=$((i + 1))
    start_instance "$i" "$port"
  done
  for port in "${web_ports[@]}"; do wait_ready "$port"; done
  write_nginx_conf
  if [ -f "$dir/nginx/nginx.pid" ] && kill -0 "$(cat "$dir/nginx/nginx.pid")" 2>/dev/null; then
    nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -s reload
  else
    nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf"
  fi
  echo "Atlas cluster up: http://127.0.0.1:$nginx_port (instances ${web_ports[*]}, PostgreSQL $primary_port and $replica_port, folder $dir)"
}

start_instance() { # n port
  local pidfile="$dir/web/$1.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then return 0; fi
  rm -f "$pidfile"
  (
    cd "$root/src/Atlas.Web"
    export ASPNETCORE_ENVIRONMENT=Production
    export ConnectionStrings__Atlas="$write_connection"
    export ConnectionStrings__AtlasReadOnly="$read_connection"
    export AllowedHosts="*"
    export Atlas__PublicBaseUrl="http://127.0.0.1:$nginx_port"
    export Atlas__DataProtection__CertificatePath="$dir/keys/data-protection.pfx"
    export Atlas__DataProtection__CreateCertificate=true
    export Atlas__Mail__PickupDirectory="$dir/web/mail-$1"
    export Atlas__ShutdownTimeoutSeconds="${ATLAS_CLUSTER_SHUTDOWN_SECONDS:-10}"
    # The drills' load comes from one address: the API's per-client limit would answer it 429.
    export Atlas__RateLimit__RequestsPerMinute="${ATLAS_CLUSTER_RATE_LIMIT:-1000000}"
    export Atlas__RateLimit__AccountFormsPerMinute="${ATLAS_CLUSTER_RATE_LIMIT:-1000000}"
    # The instance's exit status is kept (the drills check that SIGTERM ends it with 0).
    rm -f "$dir/web/$1.exit"
    setsid dotnet "$app_dll" --urls "http://127.0.0.1:$2" >>"$dir/web/$1.log" 2>&1 </dev/null &
    echo $! >"$pidfile"
    wait $! && status=0 || status=$?
    echo "$status" >"$dir/web/$1.exit"
  ) </dev/null >/dev/null 2>&1 &
  local deadline=$((SECONDS + 10))
  while [ ! -s "$pidfile" ] && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
}

wait_ready() { # port
  local deadline=$((SECONDS + 180))
  until curl -fs -o /dev/null "http://127.0.0.1:$1/health/ready"; do
    if [ $SECONDS -ge $deadline ]; then echo "The instance on port $1 did not become ready within 180 s: see $dir/web/*.log" >&2; return 1; fi
    sleep 0.5
  done
}

# nginx's configuration, from the template docker-compose.yml's is made from (deploy/nginx/nginx.conf.template):
#   cluster  this cluster's, on loopback, with its pid, logs and temporary files in its folder;
#   compose  docker-compose.yml's (deploy/compose/nginx.conf), the instances being web-a and web-b on the compose network.
render_nginx() { # cluster|compose
  local conf generated main http servers="" listen port
  conf=$(<"$root/deploy/nginx/nginx.conf.template")
  conf=${conf#*@GENERATED@}
  case "$1" in
    cluster)
      generated="# Generated by scripts/cluster.sh from deploy/nginx/nginx.conf.template."
      main="pid $dir/nginx/nginx.pid;"$'\n'"error_log $dir/nginx/error.log warn;"
      http="    log_format upstream '\$remote_addr \"\$request\" \$status \$request_time upstream=\$upstream_addr/\$upstream_status';"$'\n'
      http+="    access_log $dir/nginx/access.log upstream;"$'\n'
      http+="    client_body_temp_path $dir/nginx/tmp/body;"$'\n'"    proxy_temp_path $dir/nginx/tmp/proxy;"$'\n'
      http+="    fastcgi_temp_path $dir/nginx/tmp/fastcgi;"$'\n'"    uwsgi_temp_path $dir/nginx/tmp/uwsgi;"$'\n'
      http+="    scgi_temp_path $dir/nginx/tmp/scgi;"
      for port in "${web_ports[@]}"; do servers+="        server 127.0.0.1:$port max_fails=2 fail_timeout=5s;"$'\n'; done
      listen="127.0.0.1:$nginx_port"
      ;;
    compose)
      generated="# Generated from deploy/nginx/nginx.conf.template by \`scripts/cluster.sh render-nginx compose\`: edit the template, not this file."
      main="error_log /dev/stderr warn;"
      http="    access_log /dev/stdout;"
      servers="        server web-a:8080 max_fails=2 fail_timeout=5s;"$'\n'"        server web-b:8080 max_fails=2 fail_timeout=5s;"$'\n'
      listen=8080
      ;;
    *) echo "render-nginx cluster|compose" >&2; return 2 ;;
  esac
  conf=${conf//@MAIN@/$main}
  conf=${conf//@HTTP@/$http}
  conf=${conf//@SERVERS@$'\n'/$servers}
  conf=${conf//@LISTEN@/$listen}
  printf '%s%s\n' "$generated" "$conf"
}

write_nginx_conf() {
  render_nginx cluster >"$dir/nginx/nginx.conf"
  nginx -t -q -p "$dir/nginx" -c "$dir/nginx/nginx.conf"
}

stop_instance() { # n
  local pidfile="$dir/web/$1.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    local deadline=$((SECONDS + 60))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    while [ ! -f "$dir/web/$1.exit" ] && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
  fi
  rm -f "$pidfile"
}

down() {
  if [ -f "$dir/nginx/nginx.pid" ] && kill -0 "$(cat "$dir/nginx/nginx.pid")" 2>/dev/null; then
    nginx -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -s quit
    local deadline=$((SECONDS + 20))
    while [ -f "$dir/nginx/nginx.pid" ] && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  fi
  local i
  for i in $(seq 1 ${#web_ports[@]}); do stop_instance "$i"; done
  local name
  for name in replica primary; do
    if [ -f "$(server_dir $name)/PG_VERSION" ]; then
      as_postgres "$(pg_bin pg_ctl)" -D "$(server_dir $name)" -m fast -w stop >/dev/null 2>&1 || true
    fi
  done
  if [ "${1:-}" = "--purge" ]; then rm -rf "$dir"; echo "Atlas cluster removed ($dir)"; else echo "Atlas cluster stopped (data kept in $dir)"; fi
}

status() {
  local name port
  for name in primary replica; do
    if as_postgres "$(pg_bin pg_ctl)" -D "$(server_dir $name)" status >/dev/null 2>&1; then
      port=$([ $name = primary ] && echo "$primary_port" || echo "$replica_port")
      echo "postgres $name ($port): running, in recovery: $(psql_at "$port" "SELECT pg_is_in_recovery()" postgres)"
    else
      echo "postgres $name: stopped"
    fi
  done
  psql_at "$primary_port" "SELECT 'replication to ' || application_name || ': ' || state || ', replay lag ' || coalesce(replay_lag::text, '0') FROM pg_stat_replication" postgres 2>/dev/null || true
  local i=0
  for port in "${web_ports[@]}"; do
    i=$((i + 1))
    if [ -f "$dir/web/$i.pid" ] && kill -0 "$(cat "$dir/web/$i.pid")" 2>/dev/null; then
      echo "web $i ($port): $(curl -sS -m 5 "http://127.0.0.1:$port/health/ready" 2>&1 || true)"
    else
      echo "web $i ($port): stopped"
    fi
  done
  if [ -f "$dir/nginx/nginx.pid" ] && kill -0 "$(cat "$dir/nginx/nginx.pid")" 2>/dev/null; then
    echo "nginx ($nginx_port): running"
  else
    echo "nginx: stopped"
  fi
}

case "${1:-}" in
  up) up ;;
  down) down "${2:-}" ;;
  status) status ;;
  # For scripts/failover-test.sh: one piece at a time.
  start-instance) start_instance "$2" "${web_ports[$(($2 - 1))]}"; wait_ready "${web_ports[$(($2 - 1))]}" ;;
  stop-instance) stop_instance "$2" ;;
  start-server) start_server "$2" "$([ "$2" = primary ] && echo "$primary_port" || echo "$replica_port")" ;;
  stop-server) as_postgres "$(pg_bin pg_ctl)" -D "$(server_dir "$2")" -m fast -w stop >/dev/null ;;
  render-nginx) render_nginx "${2:-cluster}" ;;
  promote) as_postgres "$(pg_bin pg_ctl)" -D "$(server_dir "$2")" -w promote >/dev/null ;;
  *) echo "usage: $0 up|down [--purge]|status|render-nginx cluster|compose" >&2; exit 2 ;;
esac
