#!/usr/bin/env python3
"""The guide's pictures of the web form (bien-tap/): the sign-in page, and a new card being written.

Usage: python scripts/cms_screenshots.py --github-site SITE --test-site SITE [--out content/pages/images/bieu-mau]
Both sites are built with the CMS installed (npm ci): --github-site with a GitHub repository
(KHO_STEM_REPO_URL=https://github.com/<owner>/<name>), whose editor shows the real sign-in page;
--test-site without one, whose editor uses the CMS's test backend, where the sample card is written
(nothing is sent anywhere). Pictures at phone (360 px) and school-PC (1366 px) widths, 256 colours.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cms_teacher import field_section, fill_card, open_test_backend, sample_card
from PIL import Image
from playwright.sync_api import sync_playwright

from browser_support import CHROMIUM, CHROMIUM_ARGS, served

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {"pc": (1366, 768), "phone": (360, 740)}


def shrink(path: Path) -> None:
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256).save(path, optimize=True)
    print(path, path.stat().st_size)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--github-site", type=Path, required=True)
    parser.add_argument("--test-site", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=Path("content/pages/images/bieu-mau"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    card = sample_card(sorted((ROOT / "activities").glob("*/cover.png"))[0])
    with (served(args.github_site) as github_base, served(args.test_site) as test_base,
          sync_playwright() as playwright):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, (width, height) in WIDTHS.items():
            for base, steps in ((github_base, ("dang-nhap",)), (test_base, ("bieu-mau", "vat-lieu"))):
                context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
                page = context.new_page()
                editor = base + "bien-tap/"
                if steps == ("dang-nhap",):
                    page.goto(editor, wait_until="networkidle")
                    page.wait_for_timeout(1000)
                else:
                    open_test_backend(page, editor)
                    fill_card(page, editor, card)
                for step in steps:
                    if step == "bieu-mau":
                        field_section(page, "title")
                    elif step == "vat-lieu":
                        field_section(page, "materials.1.hazards")
                    target = args.out / f"{step}-{name}.png"
                    page.screenshot(path=str(target))
                    shrink(target)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
