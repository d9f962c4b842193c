#!/usr/bin/env bash
# Build and serve the library at http://127.0.0.1:8000 (rebuilds when a card changes).
# Installs what it needs into .venv on first run. Extra arguments go to `build.py serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh base
# The web form (bien-tap/) brings its script from npm; without npm the site is built without it.
if command -v npm >/dev/null && { [ ! -d node_modules/@sveltia/cms ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec .venv/bin/python build.py serve "$@"
