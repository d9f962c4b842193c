#!/usr/bin/env bash
# Run every test: ruff, mypy and ESLint, the scripts' unit tests (Node's test runner), then pytest
# (unit, end-to-end build, property tests). Installs what it needs into .venv and node_modules/ on
# first run. Extra arguments go to pytest.
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
# The giáo án test converts .docx files to PDF with LibreOffice Writer (headless), read back with poppler.
[ -e /usr/lib/libreoffice/program/libswlo.so ] || missing="$missing libreoffice-writer-nogui"
# The site's scripts are linted with ESLint (npm) and unit-tested with Node's own test runner.
command -v node >/dev/null || missing="$missing nodejs"
command -v npm >/dev/null || missing="$missing npm"
# The ZIM tests serve the built ZIM with Kiwix's own server (Debian's kiwix-tools) to Chromium.
command -v kiwix-serve >/dev/null || missing="$missing kiwix-tools"
if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
.venv/bin/ruff check .
# The pinned ESLint (package-lock.json) goes into node_modules/, again whenever the lock file changes.
if [ ! -x node_modules/.bin/eslint ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node_modules/.bin/eslint .
node --test tests/js/
# Types of the core and the MkDocs adapter ([tool.mypy] in pyproject.toml: strict).
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
