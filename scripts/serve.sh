#!/usr/bin/env bash
# Build and serve the library at http://127.0.0.1:8000 (rebuilds when a card changes).
# Installs what it needs into .venv on first run. Extra arguments go to `build.py serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh base
exec .venv/bin/python build.py serve "$@"
