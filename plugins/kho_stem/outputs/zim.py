"""The library as one ZIM file for Kiwix (desktop, Android, kiwix-serve, Internet-in-a-Box).

A built site with file URLs (the offline copy's pages, their relative links work inside a ZIM as
they do in a folder) goes in entry by entry: every page a front article (Kiwix's suggestions and
full-text index, in the library's language), every asset a plain entry. Written under a temporary
name and renamed when libzim has finished, so a failure never leaves a half-written ZIM.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from kho_stem.outputs.zim_metadata import ZimMetadata

MAIN_PAGE = "index.html"
ILLUSTRATION_SIZE = 48  # Kiwix's library lists a book with its 48×48 illustration


@dataclass(frozen=True)
class ZimBook:
    """Everything a ZIM says about itself: the data of zim.yml plus what the site already names."""

    metadata: ZimMetadata
    title: str  # mkdocs.yml site_name
    long_description: str  # mkdocs.yml site_description
    license: str  # mkdocs.yml copyright
    date: dt.date
    illustration: bytes  # PNG, ILLUSTRATION_SIZE square


@dataclass(frozen=True)
class ZimFile:
    path: Path
    size: int  # bytes
    entries: int
    cards: int


def illustration_png(icon: Path) -> bytes:
    """The library's icon fitted into a transparent ILLUSTRATION_SIZE square, as PNG bytes."""
    with Image.open(icon) as opened:
        picture = opened.convert("RGBA")
    picture.thumbnail((ILLUSTRATION_SIZE, ILLUSTRATION_SIZE), Image.Resampling.LANCZOS)
    square = Image.new("RGBA", (ILLUSTRATION_SIZE, ILLUSTRATION_SIZE), (0, 0, 0, 0))
    square.paste(picture, ((ILLUSTRATION_SIZE - picture.width) // 2, (ILLUSTRATION_SIZE - picture.height) // 2))
    output = io.BytesIO()
    square.save(output, "PNG", optimize=True)
    return output.getvalue()


def zim_default_name(today: dt.date) -> str:
    return f"kho-stem-{today.isoformat()}.zim"


def partial_name(target: Path) -> Path:
    """Where ``target`` is written before it is complete (a name OFFLINE_LEFTOVERS recognises)."""
    return target.with_name(f".{target.name}.{os.getpid()}.part")


def libzim_available() -> bool:
    """Whether libzim (the library that writes ZIM files) is installed: checked before a build."""
    return importlib.util.find_spec("libzim") is not None


def pack_zim(site: Path, target: Path, book: ZimBook, cards: int) -> ZimFile:
    """Write every published file of ``site`` into the ZIM ``target``; ``index.html`` is its main page."""
    # Imported here: only this command needs libzim, every other one runs without it.
    from kho_stem.outputs.zim_entries import write_zim

    target.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_name(target)
    try:
        entries = write_zim(partial, site, book)
        partial.replace(target)
    finally:
        # libzim writes its work file beside the one it was given.
        for leftover in (partial, partial.with_name(partial.name + ".tmp")):
            leftover.unlink(missing_ok=True)
    return ZimFile(target, target.stat().st_size, entries, cards)
