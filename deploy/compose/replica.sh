#!/usr/bin/env bash
# The replica container: on an empty volume, a base backup of the primary with its standby settings (-R), then the server.
set -euo pipefail
export PGDATA=/var/lib/postgresql/data
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h postgres -U atlas; do sleep 1; done
  pg_basebackup -h postgres -U atlas -D "$PGDATA" -R -X stream -c fast
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c hot_standby_feedback=on
