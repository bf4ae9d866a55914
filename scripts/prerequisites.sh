#!/usr/bin/env bash
# Installs what Atlas needs on a Debian/Ubuntu machine when it is missing: the PostgreSQL server binaries, and Chromium for
# the browser tests.
# Sourced by run.sh and test.sh. Nothing is installed when a connection string is given instead.
set -euo pipefail

atlas_have_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || command -v initdb >/dev/null
}

atlas_apt_install() {
  local packages=("$@") sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "Atlas needs: ${packages[*]}. Install them with: sudo apt-get install -y ${packages[*]}" >&2
      return 1
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    echo "Atlas needs: ${packages[*]} (the PostgreSQL server binaries initdb and pg_ctl). Install them with your package manager," >&2
    echo "or set ConnectionStrings__Atlas (app) / ATLAS_TEST_CONNECTION (tests) to a PostgreSQL server of yours." >&2
    return 1
  fi
  echo "Installing ${packages[*]}…" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >&2
}

atlas_ensure_postgres() {
  if [ -n "${1:-}" ]; then return 0; fi   # a server was configured: no local binaries needed
  atlas_have_postgres || atlas_apt_install postgresql
}

# The browser tests drive the system's Chromium (Playwright cannot download its own browser here).
atlas_ensure_chromium() {
  local path="${ATLAS_CHROMIUM:-/usr/bin/chromium}"
  if [ -x "$path" ]; then return 0; fi
  if [ -z "${ATLAS_CHROMIUM:-}" ] && command -v apt-get >/dev/null && atlas_apt_install chromium && [ -x "$path" ]; then return 0; fi
  echo "The browser tests need Chromium at $path. Install it with: sudo apt-get install -y chromium (Debian/Ubuntu)," >&2
  echo "or set ATLAS_CHROMIUM to a Chromium executable of yours." >&2
  return 1
}

atlas_ensure_dotnet() {
  if ! command -v dotnet >/dev/null; then
    echo "Atlas needs the .NET 10 SDK: see https://learn.microsoft.com/dotnet/core/install/linux" >&2
    return 1
  fi
}

# scripts/cluster.sh puts nginx (the distribution's package) in front of its app instances.
atlas_ensure_nginx() {
  if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then return 0; fi
  atlas_apt_install nginx
}
