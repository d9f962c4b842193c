"""Throwaway library projects for the benchmarks, filled with realistic cards.

A project is a copy of this repository's own site (``mkdocs.yml``, ``content/pages``, the taxonomy,
``build.py``) without its cards; ``clone_starter_library`` fills a folder with the starter cards
cloned to any number, so every benchmark measures cards as long as the real ones (about ten
materials, long safety notes, bodies of 3–5 kB, a cover picture each), never short synthetic text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTERS = ROOT / "activities"
# Copied into each project: the site as it is published, minus its cards.
PROJECT_FILES = ("build.py", "mkdocs.yml", "CONTRIBUTING.md", "content/zim.yml")
PROJECT_FOLDERS = ("content/pages", "content/taxonomy")
# The front matter's first line naming the title, its value bare or quoted.
_TITLE_LINE = re.compile(r"""^title:[ \t]*(?P<quote>["']?)(?P<text>.*?)(?P=quote)[ \t]*$""", re.MULTILINE)


def write_project(folder: Path) -> Path:
    """Lay out a copy of the site in ``folder``; return its (empty) activities folder."""
    for name in PROJECT_FOLDERS:  # first: a file may sit inside one of them (content/zim.yml)
        shutil.copytree(ROOT / name, folder / name)
    for name in PROJECT_FILES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, folder / name)
    (folder / "activities").mkdir()
    return folder / "activities"


def starter_bundles() -> list[Path]:
    """The starter cards' bundle folders (``activities/<slug>/index.md`` with their images), by slug."""
    bundles = sorted(card.parent for card in STARTERS.glob("*/index.md"))
    if not bundles:
        raise SystemExit(f"no starter cards in {STARTERS}: the benchmarks clone them")
    return bundles


def clone_starter_library(target: Path, count: int) -> list[Path]:
    """Fill ``target`` with ``count`` card bundles cloned from the starter cards, in turn.

    The first round is the starter cards as they are; round ``n`` (from 2) copies each bundle whole
    (card and images) to ``<slug>-ban-<n>`` and makes it a copy (``as_copy``), so slugs, titles and
    bodies stay unique while the text is the teachers'. Images stay byte for byte the starters'.
    Returns the cards' ``index.md`` paths."""
    bundles = starter_bundles()
    target.mkdir(parents=True, exist_ok=True)
    cards = []
    for index in range(count):
        source = bundles[index % len(bundles)]
        copy_number = index // len(bundles) + 1
        bundle = target / (source.name if copy_number == 1 else f"{source.name}-ban-{copy_number}")
        shutil.copytree(source, bundle)
        card = bundle / "index.md"
        if copy_number > 1:
            card.write_text(as_copy(card.read_text(encoding="utf-8"), copy_number, card), encoding="utf-8")
        cards.append(card)
    return cards


def as_copy(text: str, copy_number: int, card: Path) -> str:
    """The card ``text`` as copy ``n``: " (bản n)" appended to its title (inside its quotes if any),
    and a last paragraph naming the copy, so that no body is another's: caches keyed by a body's
    content (the rendered-body cache) must find a cloned library as cold as a real one."""
    new_text, found = _TITLE_LINE.subn(
        lambda title: f"title: {title['quote']}{title['text']} (bản {copy_number}){title['quote']}", text, count=1)
    if not found:
        raise SystemExit(f"{card}: no 'title:' line to rename the copy by")
    return f"{new_text.rstrip()}\n\nBản sao số {copy_number} của thẻ này.\n"
