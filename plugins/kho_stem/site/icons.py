"""Pictures of topics, STEM fields and age bands: the icons their vocabulary entries name, inlined as
SVG at build time (no request, so they show in the offline copy too).

The icons are decorative, always beside a text that says the same: hidden from screen readers.
"""

from __future__ import annotations

import re
from functools import cache

from kho_stem.site.fragments import e
from kho_stem.taxonomy.icons import icon_file
from kho_stem.taxonomy.vocabularies import Term

_SVG_START = re.compile(r"<svg\b")


@cache
def _svg(name: str) -> str:
    file = icon_file(name)
    if file is None:  # the taxonomy check refuses such a name before any page is drawn
        raise ValueError(f"no bundled icon {name!r}")
    return file.read_text(encoding="utf-8").strip()


def inline_icon(name: str, css_class: str = "ks-icon") -> str:
    """The icon ``name`` ("material/water") as an inline ``<svg>``, hidden from screen readers."""
    return _SVG_START.sub(f'<svg class="{e(css_class)}" aria-hidden="true" focusable="false"', _svg(name), count=1)


def term_icon(term: Term, css_class: str = "ks-icon") -> str:
    """The picture of a vocabulary entry, or nothing when its vocabulary gives it none."""
    name = term.get("icon")
    return inline_icon(name, css_class) if isinstance(name, str) else ""
