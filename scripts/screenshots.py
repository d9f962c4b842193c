#!/usr/bin/env python3
"""Screenshots of the built site at phone and school-PC widths, for a person to look at.

Usage: python scripts/screenshots.py [--site site] [--out screenshots] [PAGE ...]
PAGE is a site path such as "hoat-dong/<slug>/"; by default the home page, one card page and one
browse page. Serves the site on 127.0.0.1 and drives Debian's Chromium with Playwright.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from browser_support import CHROMIUM, CHROMIUM_ARGS, served

WIDTHS = {"phone": (360, 780), "pc": (1366, 768)}


def default_pages(site: Path) -> list[str]:
    card = sorted(p.parent.name for p in (site / "hoat-dong").glob("*/index.html"))[0]
    return ["", f"hoat-dong/{card}/", "chu-de/nuoc-va-hien-tuong-tu-nhien/"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--full-page", action="store_true")
    parser.add_argument("--dark", action="store_true", help="dark colour scheme")
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with served(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height},
                                    color_scheme="dark" if args.dark else "light")
            for path in args.pages or default_pages(args.site):
                page.goto(base + path)
                slug = path.strip("/").replace("/", "_") or "home"
                target = args.out / f"{slug}-{name}{'-dark' if args.dark else ''}.png"
                page.screenshot(path=str(target), full_page=args.full_page)
                print(target)
        browser.close()

if __name__ == "__main__":
    main()
