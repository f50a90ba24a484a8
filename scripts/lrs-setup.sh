#!/usr/bin/env bash
# Installs the learning record stores the integration tests run against, test partners
# only, never linked or shipped: Learning Locker's statements service (`xapi-statements`
# 5.0.1 from npm, GPL-3.0) and Ralph (`ralph-malph` 5.1.0 from PyPI, MIT). They go into
# $FRONTLINE_LRS_CACHE (default ~/.cache/frontline-lrs), where
# tests/suite/centre/real_lrs.rs looks for them. Needs node and npm (installed with apt-get
# where they are missing and apt-get is there) and python3 with venv for Ralph.
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

if [ ! -f "$server" ]; then
    mkdir -p "$folder"
    (
        cd "$folder"
        [ -f package.json ] || echo '{"private": true}' > package.json
        # --ignore-scripts: the service runs without its packages' install steps (native metrics).
        npm install --no-audit --no-fund --ignore-scripts --loglevel=error xapi-statements@5.0.1 >/dev/null
    )
    test -f "$server"
    echo "lrs-setup: the statements service is in $folder"
fi

ralph="$cache/ralph"
if [ ! -x "$ralph/bin/uvicorn" ]; then
    if python3 -m venv "$ralph" >/dev/null 2>&1; then
        # requests: Ralph's API imports it for OpenID Connect, which its `lrs` extra leaves out.
        "$ralph/bin/pip" install -q 'ralph-malph[lrs]==5.1.0' requests >/dev/null
        echo "lrs-setup: Ralph is in $ralph"
    else
        echo "lrs-setup: python3 -m venv does not work here; the Ralph test will be skipped" >&2
        rm -rf "$ralph"
    fi
fi
