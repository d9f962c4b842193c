"""Where a card's images may come from: files inside the card's own folder tree."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
# C:\anh\a.jpg, C:/anh/a.jpg, \\server\share or anh\a.jpg: copied from Windows Explorer. A drive
# letter would otherwise read as a URL scheme ("from the Internet").
_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\)|\\")


def resolve_image(reference: str, card_folder: Path) -> tuple[Path | None, str | None]:
    """Return ``(file, None)`` for a usable reference, or ``(None, message code)``."""
    if _WINDOWS_PATH.search(reference.strip()):
        return None, "image_windows_path"
    parts = urlsplit(reference.strip())
    if parts.scheme or parts.netloc or reference.startswith("//"):
        return None, "image_external"
    relative = unquote(parts.path)
    if relative.startswith("/"):
        return None, "image_outside"
    # Resolved as strings (what Path.resolve does): checking a thousand kept verdicts does this for each image.
    folder = os.path.realpath(card_folder)
    resolved = os.path.realpath(os.path.join(folder, relative))
    if resolved != folder and not resolved.startswith(folder.rstrip(os.sep) + os.sep):
        return None, "image_outside"
    target = Path(resolved)
    if target.suffix.lower() not in IMAGE_SUFFIXES:
        return None, "image_bad_extension"
    if not target.is_file():
        return None, "image_missing"
    return target, None
