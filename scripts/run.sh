#!/usr/bin/env bash
# Runs the portal on its demo data: ./scripts/run.sh [--urls http://127.0.0.1:5080]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh
atlas_ensure_dotnet
atlas_ensure_postgres "${ConnectionStrings__Atlas:-}"
args=("$@")
urls=""
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --urls) urls="${args[i + 1]:-}" ;;
    --urls=*) urls="${args[i]#--urls=}" ;;
  esac
done
if [[ -z "$urls" ]]; then
  urls="http://127.0.0.1:5080"
  args+=(--urls "$urls")
fi
# It runs in Production, where account mail links start from Atlas:PublicBaseUrl only (never from a request's Host header):
# the first address it serves on, unless the environment or the arguments give one. A wildcard host is named localhost.
if [[ -z "${Atlas__PublicBaseUrl:-}" && " ${args[*]} " != *"PublicBaseUrl"* ]]; then
  public=$(sed -E 's#^(https?://)(0\.0\.0\.0|\[::\]|\*|\+)([:/]|$)#\1localhost\3#' <<<"${urls%%;*}")
  args+=("--Atlas:PublicBaseUrl=${public%/}")
fi
exec dotnet run --project src/Atlas.Web -c Release --no-launch-profile -- "${args[@]}"
