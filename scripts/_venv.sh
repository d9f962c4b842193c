# Sourced by serve.sh and test.sh: make .venv and install the project into it when needed.
# Only Python >= 3.11 and git are assumed on the machine.
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Cần Python 3.11 trở lên (Python >= 3.11 is required); đặt PYTHON=/đường/dẫn/python3.11" >&2
  exit 2
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# Reinstall only when the dependency list changed, so repeated runs start at once.
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)-${1:-base}"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".${2:-}"
  touch "$stamp"
fi
export NO_MKDOCS_2_WARNING=1
