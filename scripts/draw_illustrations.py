"""Draw the pictures of the starter activity cards (a cover for every card, plus step pictures).

Each picture is a flat, hand-made style drawing (shapes and a few short Vietnamese labels only:
no photos, no children). The object fills the middle of the 800x600 picture, because lists show
the cover as a small square cut from its centre. Run from the project root:

    .venv/bin/python scripts/draw_illustrations.py            # every picture
    .venv/bin/python scripts/draw_illustrations.py SLUG ...   # only these cards' pictures

The drawing code lives in ``scripts/illustrations/``: ``canvas.py`` (palette, font, labels,
saving), ``parts.py`` (bottles, cups, basins, boxes, leaves...) and one module per family of
cards, one function per picture. The output is deterministic: the same Pillow and DejaVu Sans
(Debian: ``fonts-dejavu-core``) give the same files. Pictures are 800x600 palette PNGs without
metadata, each a few KB.
"""

from __future__ import annotations

import sys

from illustrations import everyday, making, nature, senses, water  # noqa: F401 (they register pictures)
from illustrations.canvas import ACTIVITIES
from illustrations.registry import PICTURES, draw_all


def cards_without_cover() -> list[str]:
    """Slugs of cards under activities/ that no function draws a cover for."""
    drawn = {slug for slug, filename in PICTURES if filename == "cover.png"}
    slugs = {path.stem for path in ACTIVITIES.glob("*.md")}
    slugs |= {path.parent.name for path in ACTIVITIES.glob("*/index.md")}
    return sorted(slugs - drawn)


def main(argv: list[str]) -> int:
    only = set(argv) or None
    if only:
        unknown = sorted(only - {slug for slug, _ in PICTURES})
        if unknown:
            print(f"No picture is drawn for: {', '.join(unknown)}", file=sys.stderr)
            return 2
    draw_all(only)
    missing = cards_without_cover()
    if missing:
        print(f"Cards without a cover drawing: {', '.join(missing)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
