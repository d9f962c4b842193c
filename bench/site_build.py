#!/usr/bin/env python3
"""Benchmark: wall time of the full library build for N synthetic cards, against plain
mkdocs-material building the same Markdown pages with every page in the navigation.

Usage: python bench/site_build.py [N ...]     (default: 100 1000 5000)
Plain Material is measured up to 1,000 pages only (it grows quadratically: minutes beyond).
Targets (issue #3): 1,000 cards under 15 s; 5,000 cards at most 5.5x the time of 1,000.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_speed import make_library
from project import write_project

PLAIN_LIMIT = 1000
def timed_mkdocs_build(config: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], check=True, env=env,
                   cwd=config.parent)
    return time.perf_counter() - start


def ours(folder: Path, count: int) -> float:
    make_library(write_project(folder, "# Kho\n\n<!-- kho-stem:latest -->\n"), count)
    return timed_mkdocs_build(folder / "mkdocs.yml")


def plain_material(folder: Path, count: int) -> float:
    docs = folder / "docs"
    docs.mkdir(parents=True)
    make_library(docs, count)
    (docs / "index.md").write_text("# Kho\n", encoding="utf-8")
    nav = "\n".join(f"  - the-{index:05d}.md" for index in range(count))
    (folder / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme: {name: material, language: vi, font: false}\nplugins: [search]\n"
        f"nav:\n  - index.md\n{nav}\n", encoding="utf-8")
    return timed_mkdocs_build(folder / "mkdocs.yml")


def main(counts: list[int]) -> None:
    print(f"{'cards':>6} {'ours s':>8} {'plain s':>8} {'plain/ours':>10}")
    results: dict[int, float] = {}
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            results[count] = ours(Path(tmp) / "ours", count)
            plain = plain_material(Path(tmp) / "plain", count) if count <= PLAIN_LIMIT else None
        plain_text = f"{plain:8.1f} {plain / results[count]:10.1f}" if plain else f"{'—':>8} {'—':>10}"
        print(f"{count:>6} {results[count]:8.1f} {plain_text}", flush=True)
    if 1000 in results and 5000 in results:
        print(f"5000/1000 ratio: {results[5000] / results[1000]:.2f} (target <= 5.5)")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000, 5000])
