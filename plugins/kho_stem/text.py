"""Vietnamese text helpers: normalisation, diacritic folding and slugs."""

from __future__ import annotations

import re
import unicodedata

_SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NON_SLUG_RUN = re.compile(r"[^a-z0-9]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese tones and marks: "Nước Đá" -> "nuoc da"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # đ has no decomposition, so it survives NFD and needs its own mapping.
    return stripped.replace("đ", "d")


def slugify(text: str) -> str:
    """ASCII slug of a Vietnamese title: "Thuyền giấy nổi" -> "thuyen-giay-noi"."""
    return _NON_SLUG_RUN.sub("-", fold(text)).strip("-")


def is_slug(text: str) -> bool:
    return bool(_SLUG_PATTERN.match(text))


def contains_phrase(haystack: str, phrase: str) -> bool:
    """Whole-word, case-insensitive match that keeps diacritics ("dao" does not match "dạo")."""
    pattern = r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)"
    return re.search(pattern, haystack.lower()) is not None
