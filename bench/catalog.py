#!/usr/bin/env python3
"""Benchmark: the catalog page in headless Chromium with N cards (the starter cards cloned to N).

Usage: python bench/catalog.py [N ...]     (default: 1000 5000)
For each N it builds a library, serves it on 127.0.0.1 and reports:
- usable: from navigation start until the catalog has drawn its first results (median of 3 loads);
- keystroke / filter: the time one update takes inside the page (median of a typed query and of
  ticked filters), as the page measures it itself (``data-ks-update-ms``);
- header search: one query in the site-wide search box of a card page;
- bytes per card of the catalog data script.
Targets (issue #5): usable under 1.5 s and each update under 50 ms with 5,000 cards; data size
linear in the number of cards.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "plugins"))

from playwright.sync_api import sync_playwright  # noqa: E402
from project import clone_starter_library, write_project  # noqa: E402

from browser_support import CHROMIUM, CHROMIUM_ARGS, served  # noqa: E402

QUERY = "nuoc da"


def build(folder: Path, count: int) -> Path:
    from kho_stem_mkdocs.commands import build_site

    clone_starter_library(write_project(folder), count)
    build_site(folder / "mkdocs.yml", folder / "site")
    return folder / "site"


def update_ms(page) -> float:
    return float(page.get_attribute("[data-ks-catalog-page]", "data-ks-update-ms"))


def measure(browser, base: str) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    usable = []
    for _ in range(3):
        page.goto(base + "thu-vien/", wait_until="commit")
        page.wait_for_selector("[data-ks-catalog-page][data-ks-ready]", state="attached", timeout=60_000)
        usable.append(page.evaluate("performance.now()"))
    page.wait_for_timeout(1000)  # a teacher reads the page before typing; search data is prepared meanwhile
    keystrokes = []
    for length in range(1, len(QUERY) + 1):
        page.fill("#ks-q", QUERY[:length])
        keystrokes.append(update_ms(page))
    print("  keystrokes ms:", " ".join(f"{k:.0f}" for k in keystrokes))
    page.fill("#ks-q", "")
    filters = []
    for name, value in (("tuoi", "4-5"), ("tuoi", "5-6"), ("linh-vuc", "S"), ("nguy-co", "khong")):
        box = page.locator(f"input[name='{name}'][value='{value}']")
        if not box.is_visible():
            box.locator("xpath=ancestor::details[1]/summary").click()
        box.check()
        filters.append(update_ms(page))
    card = page.locator("[data-ks-results] a.ks-tile__title").first.get_attribute("href")
    page.goto(base + "thu-vien/" + card)
    page.click(".md-search__input")
    page.wait_for_timeout(1000)
    header = page.evaluate("""query => new Promise(done => KhoStem.load(
        document.querySelector('[data-ks-search]').getAttribute('data-ks-data'), () => {
            const input = document.querySelector('.md-search__input');
            const started = performance.now();
            input.value = query;
            input.dispatchEvent(new Event('input'));
            done(performance.now() - started);
        }))""", QUERY)
    page.close()
    return {"usable": statistics.median(usable), "keystroke": statistics.median(keystrokes),
            "keystroke_max": max(keystrokes), "filter": statistics.median(filters), "filter_max": max(filters),
            "header": header}


def main(counts: list[int]) -> None:
    print(f"{'cards':>6} {'usable ms':>10} {'key ms':>7} {'key max':>8} {'filter ms':>10} {'filter max':>11} "
          f"{'header ms':>10} {'data kB':>8} {'B/card':>7}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for count in counts:
            with tempfile.TemporaryDirectory() as tmp:
                site = build(Path(tmp), count)
                data_bytes = (site / "assets" / "kho-stem" / "catalog-data.js").stat().st_size
                with served(site) as base:
                    result = measure(browser, base)
            print(f"{count:>6} {result['usable']:>10.0f} {result['keystroke']:>7.1f} {result['keystroke_max']:>8.1f} "
                  f"{result['filter']:>10.1f} {result['filter_max']:>11.1f} {result['header']:>10.1f} "
                  f"{data_bytes / 1000:>8.0f} {data_bytes / count:>7.0f}", flush=True)
        browser.close()


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
