#!/usr/bin/env bash
# Installs the learning record store the integration tests run against: Learning Locker's
# statements service (`xapi-statements` 5.0.1 from npm, GPL-3.0), a test partner only,
# never linked or shipped. It goes into $FRONTLINE_LRS_CACHE (default ~/.cache/frontline-lrs),
# where tests/suite/centre/real_lrs.rs looks for it. Needs node and npm; installs them with
# apt-get where they are missing and apt-get is there.
set -euo pipefail

cache="${FRONTLINE_LRS_CACHE:-$HOME/.cache/frontline-lrs}"
folder="$cache/xapi-statements"
server="$folder/node_modules/xapi-statements/dist/server.js"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        SUDO=""
        if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
        $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
    else
        echo "lrs-setup: node and npm are missing; the learning record store tests will be skipped" >&2
        exit 0
    fi
fi

if [ -f "$server" ]; then
    exit 0
fi
mkdir -p "$folder"
cd "$folder"
[ -f package.json ] || echo '{"private": true}' > package.json
# --ignore-scripts: the service runs without its packages' install steps (native metrics).
npm install --no-audit --no-fund --ignore-scripts --loglevel=error xapi-statements@5.0.1 >/dev/null
test -f "$server"
echo "lrs-setup: the statements service is in $folder"
