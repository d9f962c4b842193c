"""Where a card's images may come from: files inside the card's own folder tree."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
# C:\anh\a.jpg, C:/anh/a.jpg, \\server\share or anh\a.jpg: copied from Windows Explorer. A drive
# letter would otherwise read as a URL scheme ("from the Internet").
_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\)|\\")


def resolve_image(reference: str, card_folder: Path,
                  realpath: Callable[[str], str] = os.path.realpath) -> tuple[Path | None, str | None]:
    """Return ``(file, None)`` for a usable reference, or ``(None, message code)``.

    ``realpath``: ``os.path.realpath`` or one that gives the same answers faster (``RealPaths``)."""
    name, code = resolve_image_name(reference, card_folder, realpath)
    return (Path(name) if name is not None else None), code


def resolve_image_name(reference: str, card_folder: Path,
                       realpath: Callable[[str], str] = os.path.realpath) -> tuple[str | None, str | None]:
    """``resolve_image`` with the file as text: checking thousands of kept verdicts needs no Path."""
    relative, code = reference_path(reference)
    if relative is None:
        return None, code
    folder = realpath(os.fspath(card_folder))
    resolved = realpath(os.path.join(folder, relative))
    if resolved != folder and not resolved.startswith(folder.rstrip(os.sep) + os.sep):
        return None, "image_outside"
    if _suffix(resolved).lower() not in IMAGE_SUFFIXES:
        return None, "image_bad_extension"
    if not os.path.isfile(resolved):
        return None, "image_missing"
    return resolved, None


def reference_path(reference: str) -> tuple[str | None, str | None]:
    """The path a reference names, relative to the card's folder, before any file is looked at;
    or ``(None, message code)`` when its text alone refuses it."""
    if _WINDOWS_PATH.search(reference.strip()):
        return None, "image_windows_path"
    parts = urlsplit(reference.strip())
    if parts.scheme or parts.netloc or reference.startswith("//"):
        return None, "image_external"
    relative = unquote(parts.path)
    if relative.startswith("/"):
        return None, "image_outside"
    return relative, None


def _suffix(name: str) -> str:
    """``Path(name).suffix``: the last dot's part of the last name, unless the dot starts or ends it."""
    last = os.path.basename(name)
    dot = last.rfind(".")
    return last[dot:] if 0 < dot < len(last) - 1 else ""
