#!/usr/bin/env python3
"""Benchmark: the catalog page in headless Chromium with N cards (the starter cards cloned to N),
opened from file:// (the offline copy) with the CPU throttled like a mid-range phone.

Usage: python bench/catalog.py [--throttle R] [N ...]     (default: 4× throttle, 1000 5000)
For each N it builds the offline site (file URLs) and reports:
- data B/card: the catalog data the first view needs, and the search text loaded after it;
- ready: from navigation start until the catalog has drawn its tiles and filter counts and its
  controls respond (the page's ``ks-ready`` performance mark); usable: until that view is on screen
  (``ks-painted``, the first frame after it, once the theme's own start-up has run); medians of 3;
- query: "nuoc" typed right after the page became usable, until its results are on screen (the page
  marks ``ks-results`` with the query it drew; median of 3 loads);
- keystroke / filter: the time one update takes once everything is loaded (``data-ks-update-ms``);
- tiles in the DOM after the first view.
Targets (issue #23): with 5,000 cards and 4× throttling, usable within 1.5 s and the first query's
results within 300 ms; data size linear in the number of cards.
"""

from __future__ import annotations

import argparse
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

from browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

QUERY = "nuoc"
# Types the query at once and resolves when the page has drawn its results, after the next paint.
TYPE_AND_WAIT = """query => new Promise(done => {
    const root = document.querySelector('[data-ks-catalog-page]');
    const input = document.querySelector('#ks-q');
    const started = performance.now();
    const drawn = () => root.getAttribute('data-ks-results-for') === query;
    const finish = () => requestAnimationFrame(() => done(performance.now() - started));
    new MutationObserver((changes, observer) => {
        if (drawn()) { observer.disconnect(); finish(); }
    }).observe(root, {attributes: true, attributeFilter: ['data-ks-results-for']});
    input.value = query;
    input.dispatchEvent(new Event('input', {bubbles: true}));
})"""
MARKS_MS = "['ks-ready', 'ks-painted'].map(name => performance.getEntriesByName(name)[0].startTime)"


def build(folder: Path, count: int) -> Path:
    from kho_stem_mkdocs.commands import build_site

    clone_starter_library(write_project(folder), count)
    build_site(folder / "mkdocs.yml", folder / "site", use_directory_urls=False, repo_url="")
    return folder / "site"


def update_ms(page) -> float:
    return float(page.get_attribute("[data-ks-catalog-page]", "data-ks-update-ms"))


def open_catalog(page, address: str) -> tuple[float, float]:
    """Open the catalog; when it is ready and when on screen, in ms from navigation start."""
    page.goto(address, wait_until="commit")
    page.wait_for_selector("[data-ks-catalog-page][data-ks-ready]", state="attached", timeout=60_000)
    page.wait_for_function("performance.getEntriesByName('ks-painted').length > 0", timeout=60_000)
    ready, painted = page.evaluate(MARKS_MS)
    return float(ready), float(painted)


def measure(browser, address: str, throttle: float) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 360, "height": 740})
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    ready, usable, queries = [], [], []
    for _ in range(3):
        page.goto(address, wait_until="commit")
        page.wait_for_selector("[data-ks-catalog-page][data-ks-ready]", state="attached", timeout=60_000)
        queries.append(page.evaluate(TYPE_AND_WAIT, QUERY))  # typed as soon as the page answers
        page.wait_for_function("performance.getEntriesByName('ks-painted').length > 0", timeout=60_000)
        times = page.evaluate(MARKS_MS)
        ready.append(float(times[0]))
        usable.append(float(times[1]))
    open_catalog(page, address)
    tiles = page.locator("[data-ks-results] .ks-tile").count()
    elements = page.evaluate("document.getElementsByTagName('*').length")
    page.wait_for_timeout(2000)  # everything loaded: the cost of one update on its own
    keystrokes = []
    for length in range(1, len(QUERY) + 1):
        page.fill("#ks-q", QUERY[:length])
        keystrokes.append(update_ms(page))
    page.fill("#ks-q", "")
    filters = []
    page.click("[data-ks-filters-panel] > summary")  # phones start with the filters folded
    for name, value in (("tuoi", "4-5"), ("tuoi", "5-6"), ("linh-vuc", "S"), ("nguy-co", "khong")):
        box = page.locator(f"input[name='{name}'][value='{value}']")
        if not box.is_visible():
            box.locator("xpath=ancestor::details[1]/summary").click()
        box.check()
        filters.append(update_ms(page))
    page.close()
    return {"ready": statistics.median(ready), "usable": statistics.median(usable),
            "query": statistics.median(queries),
            "keystroke": statistics.median(keystrokes), "filter": statistics.median(filters),
            "tiles": tiles, "elements": elements}


def data_sizes(site: Path) -> tuple[int, int]:
    """Bytes of the first view's data and of the search text (which may not exist yet)."""
    folder = site / "assets" / "kho-stem"
    first = (folder / "catalog-data.js").stat().st_size
    text = folder / "search-text.js"
    return first, text.stat().st_size if text.exists() else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--throttle", type=float, default=4.0, help="CPU slow-down factor (1 = none)")
    parser.add_argument("counts", type=int, nargs="*", default=[1000, 5000])
    arguments = parser.parse_args()
    print(f"CPU throttled {arguments.throttle:g}×, opened from file://, 360 px wide")
    print(f"{'cards':>6} {'data B/card':>11} {'text B/card':>11} {'ready ms':>9} {'usable ms':>10} {'query ms':>9} "
          f"{'key ms':>7} {'filter ms':>10} {'tiles':>6} {'elements':>9}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for count in arguments.counts:
            with tempfile.TemporaryDirectory() as tmp:
                site = build(Path(tmp), count)
                first, text = data_sizes(site)
                result = measure(browser, (site / "thu-vien" / "index.html").as_uri(), arguments.throttle)
            print(f"{count:>6} {first / count:>11.0f} {text / count:>11.0f} {result['ready']:>9.0f} "
                  f"{result['usable']:>10.0f} "
                  f"{result['query']:>9.0f} {result['keystroke']:>7.1f} {result['filter']:>10.1f} "
                  f"{result['tiles']:>6} {result['elements']:>9}", flush=True)
        browser.close()


if __name__ == "__main__":
    main()
