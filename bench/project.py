"""A throwaway library project for the benchmarks: the real taxonomy, a home page, mkdocs.yml."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = """\
site_name: Benchmark
docs_dir: content/pages
theme: {name: material, language: vi, font: false}
plugins: [kho-stem]
nav: [index.md, hoat-dong/index.md]
"""


def write_project(folder: Path, home: str = "# Kho\n") -> Path:
    """Lay out a project in ``folder``; return its (empty) activities folder."""
    (folder / "content" / "pages").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "taxonomy", folder / "content" / "taxonomy")
    (folder / "content" / "pages" / "index.md").write_text(home, encoding="utf-8")
    (folder / "activities").mkdir()
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return folder / "activities"
