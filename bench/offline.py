#!/usr/bin/env python3
"""Benchmark: size of the offline zip for N synthetic cards, each with a phone-photo cover.

Usage: python bench/offline.py [N ...]     (default: 1000)
Each card is a bundle (activities/<slug>/index.md) whose cover is a different 4000x3000 JPEG
(the size a phone takes); the image pipeline publishes it as a 1280 px page image and a 400 px
thumbnail. Target (issue #6): under 60 MB for 1,000 cards with one cover each.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "plugins"))

from check_speed import synthetic_card  # noqa: E402

YML = """\
site_name: Benchmark
docs_dir: content/pages
theme: {name: material, language: vi, font: false}
plugins: [kho-stem]
"""
PHOTO = (4000, 3000)


def photo_base() -> Image.Image:
    """A photo-like picture: smooth light and shade plus sensor noise, which JPEG and WebP cannot
    squeeze away (flat synthetic colours would make the zip look far smaller than it will be)."""
    gradient = Image.linear_gradient("L").resize(PHOTO)
    noise = Image.effect_noise(PHOTO, 40)
    return Image.merge("RGB", (gradient, noise, gradient.transpose(Image.Transpose.ROTATE_180)))


def make_library(folder: Path, count: int) -> None:
    rng = random.Random(count)
    base = photo_base()
    for index in range(count):
        bundle = folder / f"the-{index:05d}"
        bundle.mkdir()
        card = synthetic_card(index, rng).replace("updated: ", "cover: bia.jpg\nupdated: ", 1)
        (bundle / "index.md").write_text(card, encoding="utf-8")
        cover = base.copy()
        x, y = rng.randrange(3000), rng.randrange(2000)
        ImageDraw.Draw(cover).ellipse((x, y, x + 900, y + 900), fill=(rng.randrange(256), 180, 90))
        cover.save(bundle / "bia.jpg", "JPEG", quality=85)


def main(counts: list[int]) -> None:
    from kho_stem_mkdocs.commands import build_offline

    print(f"{'cards':>6} {'zip MB':>7} {'kB/card':>8} {'build s':>8}")
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "content" / "pages").mkdir(parents=True)
            shutil.copytree(ROOT / "content" / "taxonomy", folder / "content" / "taxonomy")
            (folder / "content" / "pages" / "index.md").write_text("# Kho\n", encoding="utf-8")
            (folder / "activities").mkdir()
            make_library(folder / "activities", count)
            (folder / "mkdocs.yml").write_text(YML, encoding="utf-8")
            started = time.perf_counter()
            copy = build_offline(folder / "mkdocs.yml", folder / "dist" / "kho.zip")
            seconds = time.perf_counter() - started
            print(f"{count:>6} {copy.size / 1e6:>7.1f} {copy.size / count / 1000:>8.1f} {seconds:>8.1f}", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
