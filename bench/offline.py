#!/usr/bin/env python3
"""Benchmark: size of the offline zip for N cards (the starter cards cloned to N), each with a
phone-photo cover.

Usage: python bench/offline.py [N ...]     (default: 1000)
Each card is a starter bundle (activities/<slug>/index.md with its step pictures, bench/project.py)
whose drawn cover is replaced by a different 4000x3000 JPEG (the size a phone takes); the image
pipeline publishes it as a page image and a thumbnail (sizes in kho_stem.cards.images.PublishSettings).
Target (issue #6): under 60 MB for 1,000 cards with one cover each.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "plugins"))

from project import clone_starter_library, write_project  # noqa: E402

PHOTO = (4000, 3000)


def photo_base() -> Image.Image:
    """A photo-like picture: light and shade, shapes with edges, and sensor noise. Its 4000x3000
    JPEG is about 3 MB, like a phone's; real photos with fine detail (leaves, fabric) publish
    larger, so treat the result as typical, not worst case."""
    gradient = Image.linear_gradient("L").resize(PHOTO)
    scene = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.ROTATE_90).resize(PHOTO),
                                gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    draw = ImageDraw.Draw(scene)
    rng = random.Random(0)
    for _ in range(60):
        x, y, size = rng.randrange(PHOTO[0]), rng.randrange(PHOTO[1]), rng.randrange(100, 900)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x, y, x + size, y + size * 0.7), fill=colour)
    return Image.blend(scene, Image.effect_noise(PHOTO, 40).convert("RGB"), 0.15)


def make_library(folder: Path, count: int) -> None:
    rng = random.Random(count)
    base = photo_base()
    for card in clone_starter_library(folder, count):
        text = card.read_text(encoding="utf-8")
        if "\ncover: cover.png\n" not in text:
            raise SystemExit(f"{card}: expected 'cover: cover.png' to replace by a photo")
        card.write_text(text.replace("\ncover: cover.png\n", "\ncover: cover.jpg\n", 1), encoding="utf-8")
        (card.parent / "cover.png").unlink()
        cover = base.copy()
        x, y = rng.randrange(3000), rng.randrange(2000)
        ImageDraw.Draw(cover).ellipse((x, y, x + 900, y + 900), fill=(rng.randrange(256), 180, 90))
        cover.save(card.parent / "cover.jpg", "JPEG", quality=88)


def main(counts: list[int]) -> None:
    from kho_stem_mkdocs.commands import build_offline

    print(f"{'cards':>6} {'zip MB':>7} {'kB/card':>8} {'build s':>8}")
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            make_library(write_project(folder), count)
            started = time.perf_counter()
            copy = build_offline(folder / "mkdocs.yml", folder / "dist" / "kho.zip")
            seconds = time.perf_counter() - started
            print(f"{count:>6} {copy.size / 1e6:>7.1f} {copy.size / count / 1000:>8.1f} {seconds:>8.1f}", flush=True)
            for kind, size in sorted(sizes_by_kind(folder / "dist" / "kho.zip").items(), key=lambda item: -item[1]):
                print(f"{'':>6} {size / 1e6:>7.1f} {size / count / 1000:>8.1f}  {kind}")


def sizes_by_kind(archive: Path) -> dict[str, int]:
    """Bytes in the zip (compressed, as stored) by kind of file: where the budget goes."""
    sizes: dict[str, int] = {}
    with zipfile.ZipFile(archive) as copy:
        for member in copy.infolist():
            name = member.filename.rsplit("/", 1)[-1]
            if "/hoat-dong/" in member.filename and name.endswith(".webp"):
                kind = "card pictures (.webp)"
            elif "/hoat-dong/" in member.filename and name in ("index.html", "giao-an.docx", "giao-an.js", "in-the.js"):
                kind = f"card {name}"
            else:
                kind = "everything else"
            sizes[kind] = sizes.get(kind, 0) + member.compress_size
    return sizes


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
