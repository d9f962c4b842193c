"""The core package never imports MkDocs, so it can move to another site generator."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_core_modules_do_not_import_mkdocs():
    code = (
        "import pkgutil, importlib, sys, kho_stem\n"
        "for m in pkgutil.walk_packages(kho_stem.__path__, 'kho_stem.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n == 'mkdocs' or n.startswith('mkdocs.'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT / "plugins", check=True)
