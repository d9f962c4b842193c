#!/usr/bin/env python3
"""Command line of the preschool STEM library: check, build, serve, offline, new, stats.

Run ``python build.py --help``. The core lives in plugins/kho_stem.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

from kho_stem.cli.main import main  # noqa: E402  (the path above must be set first)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], root=ROOT))
