#!/usr/bin/env bash
# Run every test: ruff lint, then pytest (unit, end-to-end build, property tests).
# Installs what it needs into .venv on first run. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh test "[test]"
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
