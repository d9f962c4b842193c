"""Realistic libraries for tests and measurements: the starter cards cloned, with their bundles and images.

Real cards are long (about ten materials, long safety notes, bodies of 3-5 kB) and each bundle
has a cover; short synthetic cards make every measure look better than it is.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the repository
STARTER = ROOT / "activities"


def clone_starter_cards(folder: Path, count: int) -> int:
    """Fill ``folder`` with ``count`` cards cloned from the starter bundles; return how many.

    Each clone gets a new folder name (its slug) and a new title, so slugs and titles stay unique.
    """
    bundles = sorted(p.parent for p in STARTER.glob("*/index.md"))
    for index in range(count):
        source = bundles[index % len(bundles)]
        copy_number = index // len(bundles) + 1
        target = folder / f"{source.name}-ban-{copy_number}"
        shutil.copytree(source, target)
        card = target / "index.md"
        lines = card.read_text(encoding="utf-8").split("\n")
        title = next(i for i, line in enumerate(lines) if line.startswith("title:"))
        lines[title] = retitled(lines[title], f" (bản {copy_number})")
        card.write_text("\n".join(lines), encoding="utf-8")
    return count


def retitled(line: str, suffix: str) -> str:
    """``title: X`` with ``suffix`` added inside the quotes when the title is quoted."""
    stripped = line.rstrip()
    if stripped[-1] in "\"'" and stripped[len("title:"):].lstrip()[:1] == stripped[-1]:
        return stripped[:-1] + suffix + stripped[-1]
    return stripped + suffix
