#!/usr/bin/env bash
# Run every test: ruff lint, mypy, then pytest (unit, end-to-end build, property tests).
# Installs what it needs into .venv on first run. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_venv.sh test "[test]"
# Browser tests use Debian's chromium; install it when missing (CI runs as root).
# Print tests read the PDFs with poppler's pdfinfo and pdftotext.
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v pdftotext >/dev/null || missing="$missing poppler-utils"
# The card pictures are drawn with DejaVu Sans (Vietnamese diacritics); their tests redraw them.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
# The CSV export test opens catalog.csv in LibreOffice Calc (headless) to prove no cell runs as a formula.
command -v soffice >/dev/null || missing="$missing libreoffice-calc-nogui"
if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
.venv/bin/ruff check .
# Types of the core and the MkDocs adapter ([tool.mypy] in pyproject.toml: strict).
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
