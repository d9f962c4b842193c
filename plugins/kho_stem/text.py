"""Vietnamese text helpers: normalisation, diacritic folding and slugs."""

from __future__ import annotations

import re
import unicodedata

_SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NON_SLUG_RUN = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese tones and marks: "Nước Đá" -> "nuoc da".

    Every mark goes (Unicode category M, what the browser's fold matches as ``\\p{M}``), not only the
    ones with a combining class: both folds must agree on whatever a teacher pastes."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M"))
    # đ has no decomposition, so it survives NFD and needs its own mapping.
    return stripped.replace("đ", "d")


def slugify(text: str) -> str:
    """ASCII slug of a Vietnamese title: "Thuyền giấy nổi" -> "thuyen-giay-noi"."""
    return _NON_SLUG_RUN.sub("-", fold(text)).strip("-")


def is_slug(text: str) -> bool:
    return bool(_SLUG_PATTERN.match(text))


def phrase_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    """One pattern matching any of ``phrases`` as whole words, case-insensitive, diacritics kept
    ("dao" does not match "dạo"); None when there is no phrase."""
    if not phrases:
        return None
    alternatives = "|".join(re.escape(nfc(phrase)) for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
