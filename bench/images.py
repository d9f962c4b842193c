#!/usr/bin/env python3
"""Benchmark: the image pipeline on phone-size photos, cold cache then warm cache.

Usage: python bench/images.py [COUNT]     (default: 200 photos of 4000x3000)
Target (issue #7): the warm run (nothing changed) takes under 5% of the cold run.
Also reports the time `check` spends inspecting the same photos, and the bytes published.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from kho_stem.cards.images import ImageCache, inspect_image  # noqa: E402

PHOTO_SIZE = (4000, 3000)


def make_photos(folder: Path, count: int) -> list[Path]:
    """Photo-like JPEGs (smooth gradients plus sensor noise), each different, half rotated by EXIF."""
    gradient = Image.linear_gradient("L").resize(PHOTO_SIZE)
    noise = Image.effect_noise(PHOTO_SIZE, 24)
    base = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT), noise))
    paths = []
    for index in range(count):
        photo = base.copy()
        ImageDraw.Draw(photo).rectangle((index * 15, 400, index * 15 + 900, 1800), fill=(index, 200, 255 - index))
        exif = Image.Exif()
        exif[0x0112] = 6 if index % 2 else 1  # Orientation: half the photos were taken upright
        path = folder / f"anh-{index:03d}.jpg"
        photo.save(path, "JPEG", quality=88, exif=exif)
        paths.append(path)
    return paths


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=200)
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kho-stem-images-"))
    try:
        photos_folder = work / "photos"
        photos_folder.mkdir()
        print(f"generating {arguments.count} photos of {PHOTO_SIZE[0]}x{PHOTO_SIZE[1]} …", flush=True)
        photos = make_photos(photos_folder, arguments.count)
        source_bytes = sum(p.stat().st_size for p in photos)
        cache_folder = work / "cache"
        cold = timed(lambda: ImageCache(cache_folder).publish(photos))
        warm = timed(lambda: ImageCache(cache_folder).publish(photos))
        inspect = timed(lambda: [inspect_image(p) for p in photos])
        published_bytes = sum(p.stat().st_size for p in cache_folder.glob("*.webp"))
        print(f"sources:   {arguments.count} photos, {source_bytes / 1e6:.0f} MB")
        print(f"cold:      {cold:.2f} s ({cold / arguments.count * 1000:.0f} ms per photo)")
        print(f"warm:      {warm:.2f} s = {warm / cold:.1%} of cold (target < 5%)")
        print(f"inspect:   {inspect:.2f} s (the checks `check` runs on every build)")
        print(f"published: {published_bytes / 1e6:.1f} MB "
              f"({published_bytes / arguments.count / 1000:.0f} kB per photo, page + thumbnail)")
        return 0 if warm < 0.05 * cold else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
