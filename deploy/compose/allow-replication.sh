#!/usr/bin/env bash
# Run once by the postgres image on a new volume: the replica container may stream the WAL (password as for the app).
set -euo pipefail
echo "host replication all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
