#!/usr/bin/env bash
# Runs the portal on its demo data: ./scripts/run.sh [--urls http://127.0.0.1:5080]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
atlas_ensure_dotnet
atlas_ensure_postgres "${ConnectionStrings__Atlas:-}"
args=("$@")
if [[ " ${args[*]} " != *" --urls"* ]]; then args+=(--urls "http://127.0.0.1:5080"); fi
exec dotnet run --project src/Atlas.Web -c Release --no-launch-profile -- "${args[@]}"
