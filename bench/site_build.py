#!/usr/bin/env python3
"""Benchmark: `build.py build` on N realistic cards against plain Material on the same text, in one run.

Usage: python bench/site_build.py [N ...]     (default: 100 1000 5000)
For each N, one after the other in the same run, both as whole processes with nothing cached:
- ours: a copy of this site (bench/project.py: mkdocs.yml, pages, taxonomy) with the starter cards
  cloned to N, built by `python build.py build` (its check, then MkDocs with the kho-stem plugin);
- plain: mkdocs-material without the kho-stem plugin (Material's own search instead), with the same
  theme settings and Markdown extensions, building the same text: the same hand-written pages in
  the same navigation, and each card's index.md (front matter and body, with its pictures) as a
  Markdown page at hoat-dong/<slug>/index.md, kept out of the navigation (`not_in_nav`) as our
  card pages are, so neither build renders a navigation of N entries into every page.
Then, in the same folders, both are built again WARM_RUNS times in alternation: ours keeps the caches
of its first build (card verdicts, rendered bodies, pictures, giáo án files), as a school's rebuild or
a contributor's next build does; plain Material has nothing to keep. The medians are printed.
Prints both wall times and ours/plain, cold and warm, and the 5000/1000 ratio of ours when both were
measured.
The CPU seconds of each process (and its workers) are printed too, with the load average before the
run: on a machine shared with other work the CPU ratio is the steadier of the two.
Targets (issue #18): ours at most 1.15x plain at 1,000 cards; 5,000 cards at most 5.3x 1,000.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

sys.path.insert(0, str(Path(__file__).resolve().parent))

from project import ROOT, clone_starter_library, write_project

CARD_PAGES = "hoat-dong"  # where both builds publish a card: /hoat-dong/<slug>/
# Settings plain Material shares with our mkdocs.yml; `plugins` and generated pages are ours alone.
SHARED_SETTINGS = ("site_name", "site_description", "copyright", "theme", "markdown_extensions")
TARGET_RATIO, TARGET_GROWTH = 1.15, 5.3
WARM_RUNS = 3


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float  # user and system seconds of the process and the workers it waited for


def timed(command: list[str], folder: Path) -> Timing:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "plugins")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {folder}:\n{done.stdout}\n{done.stderr}")
    return Timing(wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


def card_pages(site: Path) -> int:
    return sum(1 for _ in (site / CARD_PAGES).glob("*/index.html"))


def ours(folder: Path, count: int) -> Timing:
    folder.mkdir()
    clone_starter_library(write_project(folder), count)
    return ours_again(folder, count)


def ours_again(folder: Path, count: int) -> Timing:
    timing = timed([sys.executable, "build.py", "build"], folder)
    _expect_cards(folder / "site", count)
    return timing


def plain_material(folder: Path, count: int) -> Timing:
    docs = folder / "docs"
    shutil.copytree(ROOT / "content" / "pages", docs)
    clone_starter_library(docs / CARD_PAGES, count)
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(plain_config(docs), allow_unicode=True), encoding="utf-8")
    return plain_material_again(folder, count)


def plain_material_again(folder: Path, count: int) -> Timing:
    timing = timed([sys.executable, "-m", "mkdocs", "build", "-q"], folder)
    _expect_cards(folder / "site", count)
    return timing


def plain_config(docs: Path) -> dict[str, Any]:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as source:
        site = yaml_load(source)  # MkDocs' own loader: mkdocs.yml uses its !ENV tag
    config = {name: site[name] for name in SHARED_SETTINGS if name in site}
    config.update(docs_dir=docs.name, plugins=["search"], nav=_existing(site["nav"], docs),
                  not_in_nav=f"/{CARD_PAGES}/")
    return config


def _existing(nav: list[Any], docs: Path) -> list[Any]:
    """The navigation without the pages our plugin generates (catalog, lists, statistics)."""
    kept: list[Any] = []
    for entry in nav:
        if isinstance(entry, str):
            if (docs / entry).is_file():
                kept.append(entry)
            continue
        [(title, target)] = entry.items()
        inner = _existing(target, docs) if isinstance(target, list) else _existing([target], docs)
        if inner:
            kept.append({title: inner if isinstance(target, list) else inner[0]})
    return kept


def _expect_cards(site: Path, count: int) -> None:
    found = card_pages(site)
    if found != count:
        raise SystemExit(f"{site}: {found} card pages, expected {count}")


def median_timing(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings))


def row(label: str, count: int, mine: Timing, plain: Timing) -> str:
    return (f"{count:>6} {label:>5} {mine.wall:8.1f} {plain.wall:8.1f} {mine.wall / plain.wall:10.2f} {mine.cpu:11.1f} "
            f"{plain.cpu:12.1f} {mine.cpu / plain.cpu:9.2f}")


def main(counts: list[int]) -> None:
    print(f"load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"{'cards':>6} {'cache':>5} {'ours s':>8} {'plain s':>8} {'ours/plain':>10} {'ours cpu s':>11} "
          f"{'plain cpu s':>12} {'cpu ratio':>9}  (goal: ours/plain <= {TARGET_RATIO}; warm: median of {WARM_RUNS})")
    cold_results: dict[int, Timing] = {}
    warm_results: dict[int, Timing] = {}
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            mine = cold_results[count] = ours(Path(tmp) / "ours", count)
            plain = plain_material(Path(tmp) / "plain", count)
            print(row("cold", count, mine, plain), flush=True)
            mine_warm: list[Timing] = []
            plain_warm: list[Timing] = []
            for _ in range(WARM_RUNS):
                mine_warm.append(ours_again(Path(tmp) / "ours", count))
                plain_warm.append(plain_material_again(Path(tmp) / "plain", count))
            mine = warm_results[count] = median_timing(mine_warm)
            print(row("warm", count, mine, median_timing(plain_warm)), flush=True)
    for label, results in (("cold", cold_results), ("warm", warm_results)):
        if 1000 in results and 5000 in results:
            print(f"5000/1000 ratio of ours, {label}: {results[5000].wall / results[1000].wall:.2f} wall, "
                  f"{results[5000].cpu / results[1000].cpu:.2f} cpu (goal <= {TARGET_GROWTH})")
    print(f"load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000, 5000])
