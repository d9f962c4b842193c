"""The icons the vocabularies name (``icon: material/water``): the SVG files bundled with Material
for MkDocs, found on disk so that pages inline them at build time and work offline.

The theme package is located, never imported: the core does not load MkDocs or its theme.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from functools import cache
from pathlib import Path

THEME_PACKAGE = "material"
# Inside the theme package: one folder per icon set (material, fontawesome, octicons, simple).
ICONS_FOLDER = ("templates", ".icons")
# "set/name" or "set/group/name": lower-case words and dashes, never a way out of the folder.
_ICON_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)+$")


@cache
def icons_folder() -> Path | None:
    """The theme's icon folder, or None when the theme is not installed."""
    spec = importlib.util.find_spec(THEME_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))).joinpath(*ICONS_FOLDER)
    return folder if folder.is_dir() else None


def icon_file(name: str) -> Path | None:
    """The SVG file of the icon ``name`` ("material/water"), or None when there is no such icon."""
    folder = icons_folder()
    if folder is None or not _ICON_NAME.match(name):
        return None
    file = folder / f"{name}.svg"
    return file if file.is_file() else None


def closest_icon(name: str) -> str | None:
    """The bundled icon whose name is nearest to ``name`` in the same set, for a "did you mean"."""
    folder = icons_folder()
    icon_set, _, rest = name.partition("/")
    if folder is None or not rest or not re.fullmatch(r"[a-z0-9-]+", icon_set) or not (folder / icon_set).is_dir():
        return None
    names = [file.stem for file in (folder / icon_set).glob("*.svg")]
    found = difflib.get_close_matches(rest, names, n=1, cutoff=0.6)
    return f"{icon_set}/{found[0]}" if found else None
