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


def test_the_adapter_uses_only_the_faces_of_the_core_packages():
    """The MkDocs adapter imports what each core package's __init__ offers, never a module inside it,
    so the core can be rearranged (or another generator's adapter written) against a small surface."""
    import ast

    deep = []
    for file in sorted((ROOT / "plugins" / "kho_stem_mkdocs").glob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            deep += [f"{file.name}: {name}" for name in names if name.startswith("kho_stem.") and name.count(".") > 1]
    assert deep == []


def test_each_core_package_names_what_it_offers():
    import importlib

    packages = sorted(p.name for p in (ROOT / "plugins" / "kho_stem").iterdir() if (p / "__init__.py").is_file())
    assert packages == ["cards", "catalog", "cli", "diagnostics", "outputs", "site", "taxonomy", "validation"]
    for name in packages:
        module = importlib.import_module(f"kho_stem.{name}")
        assert module.__doc__ and module.__doc__.strip(), name
        assert all(hasattr(module, face) for face in module.__all__), name
