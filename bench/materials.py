#!/usr/bin/env python3
"""Benchmark: the danh mục tối thiểu (issue #20) — how close greedy comes, and how fast it is.

Usage: python bench/materials.py [N ...]   (default: 1000 5000)
1. On the starter library, for each age band and share: the greedy list's size beside the true
   minimum, found by trying every set of cards to leave out (printed as "—" where that is more than
   three million sets).
2. For N realistic cards (the starter cards cloned, bench/project.py): `build.py materials` as a
   whole process, with its caches warm as a teacher's machine has them (target: under 2 s at
   5,000), and the survey page's computation (counts per age band and five purchases) on the data
   the site ships, in headless Chromium with the CPU four times slower as on a mid-range phone
   (target: under 200 ms at 5,000).
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))

from project import clone_starter_library, write_project  # noqa: E402

from kho_stem.catalog.facts import library_facts  # noqa: E402
from kho_stem.catalog.minimum_list import SHARES, MinimumListMaker, exact_cover_size  # noqa: E402
from kho_stem.site.materials_pages import MaterialsPages  # noqa: E402
from kho_stem.site.scripts import SURVEY_DATA  # noqa: E402
from kho_stem.site.urls import Linker  # noqa: E402
from kho_stem.taxonomy.vocabularies import load_taxonomy  # noqa: E402
from kho_stem.validation.library import check_library, find_card_files  # noqa: E402

ASSETS = ROOT / "plugins" / "kho_stem" / "site" / "assets"
MEASURE = """() => {
  const data = window.KhoStem.surveyData;
  const ticked = data.materials.filter((m, i) => i % 3 === 0).map((m) => m[0]);
  const start = performance.now();
  window.KhoStem.shares(data, ticked);
  window.KhoStem.purchases(data, ticked, 5);
  return performance.now() - start;
}"""


def greedy_against_best() -> None:
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy")
    result = check_library(find_card_files([ROOT / "activities"]), taxonomy)
    maker = MinimumListMaker(library_facts(result.cards, taxonomy), taxonomy)
    print(f"{'age band':<28} {'share':>5} {'cards':>9} {'greedy':>7} {'best':>5}")
    for age in [*taxonomy.ages.codes, None]:
        for share in SHARES:
            made = maker.make(age, share)
            needs = {f.slug: maker.needs(f) for f in maker.facts if age is None or age in f.ages}
            best = exact_cover_size(needs, made.target)
            print(f"{made.age_label:<28} {math.floor(share * 100):>4}% {len(made.ready):>4}/{made.cards_total:<4} "
                  f"{len(made.purchases):>7} {best if best is not None else '—':>5}", flush=True)


def survey_in_browser(folder: Path) -> float:
    """Milliseconds the survey's computation takes in Chromium, CPU throttled 4× (median of three)."""
    from playwright.sync_api import sync_playwright

    from browser_support import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto((folder / "survey.html").as_uri())
        page.wait_for_function("() => window.KhoStem && window.KhoStem.surveyData && window.KhoStem.purchases")
        runs = sorted(page.evaluate(MEASURE) for _ in range(3))
        browser.close()
    return runs[1]


def at_scale(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        clone_starter_library(write_project(project), count)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins"), "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, str(project / "build.py")]
        subprocess.run([*command, "check"], check=True, capture_output=True, env=env)  # fills the caches
        walls = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([*command, "materials", "--format", "csv"], check=True, capture_output=True, env=env)
            walls.append(time.perf_counter() - start)
        # The survey page's data and logic, as the site ships them, in a page of their own.
        taxonomy = load_taxonomy(project / "content" / "taxonomy")
        result = check_library(find_card_files([project / "activities"]), taxonomy)
        pages = MaterialsPages(library_facts(result.cards, taxonomy), taxonomy, Linker(False))
        data = pages.files()[SURVEY_DATA]
        (project / "survey-data.js").write_text(data, encoding="utf-8")
        shutil.copy(ASSETS / "kho-stem-survey.js", project / "kho-stem-survey.js")
        (project / "survey.html").write_text('<!doctype html><meta charset="utf-8"><script src="survey-data.js">'
                                             '</script><script src="kho-stem-survey.js"></script>', encoding="utf-8")
        browser_ms = survey_in_browser(project)
        print(f"{count:>6} cards: build.py materials {sorted(walls)[1]:.2f} s (median of 3, warm caches); "
              f"survey data {len(data.encode()) / 1024:.0f} kB, computed in {browser_ms:.0f} ms "
              f"(Chromium, CPU 4x slower)", flush=True)


def main(counts: list[int]) -> None:
    print(f"load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())} on {os.cpu_count()} cores")
    greedy_against_best()
    for count in counts:
        at_scale(count)
    print(f"load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
