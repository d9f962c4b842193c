"""'Did you mean' suggestions for mistyped keys and codes."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from kho_stem.text import fold, slugify


def closest(value: str, candidates: Sequence[str]) -> str | None:
    """The candidate a contributor most likely meant, or None when nothing is close."""
    if not candidates:
        return None
    folded = {fold(c): c for c in candidates}
    for attempt in (value, fold(value), slugify(value)):
        if attempt in candidates:
            return attempt
        if attempt in folded:
            return folded[attempt]
    # "nuoc-hien-tuong" -> "nuoc-va-hien-tuong-tu-nhien": every word of the value is in the code.
    words = set(slugify(value).split("-")) - {""}
    containing = [c for c in candidates if words and words <= set(slugify(c).split("-"))]
    if len(containing) == 1:
        return containing[0]
    matches = difflib.get_close_matches(fold(value), list(folded), n=1, cutoff=0.6)
    return folded[matches[0]] if matches else None
