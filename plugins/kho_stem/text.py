"""Vietnamese text helpers: normalisation, diacritic folding and slugs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

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


def fold_aligned(text: str) -> str:
    """``fold(text)`` with one character per character of ``text``, so that offsets found in the
    folded text point at the same characters in the original."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    return "".join(f if len(f := fold(ch)) == 1 else ch for ch in text)


def is_unaccented(span: str) -> bool:
    """True when ``span`` is written without Vietnamese marks ("bong bong", not "bóng bóng")."""
    return fold(span) == span.lower()


_SPACES = re.compile(r"\s+")


def _key(phrase: str) -> str:
    return _SPACES.sub(" ", nfc(phrase).strip().lower())


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regular expression for many phrases, shaped as a trie so that matching a long word
    list costs about as much as matching one word; longer phrases win over their prefixes."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    start: int
    end: int
    text: str  # as written in the searched text
    payloads: tuple[T, ...]


class PhraseIndex(Generic[T]):
    """Find listed phrases in a text as whole words and phrases, never inside a longer word.

    A phrase matches when it is written exactly (case ignored, diacritics kept: "dạo" is not
    "dao"), or when the text writes it without any diacritics ("bong bong" for "bong bóng").
    A span with other marks is not a match: "bóng râm" is not "bong bóng". At one place the
    longest listed phrase wins, so listing "nến điện" keeps it from being read as "nến".
    Each phrase carries payloads; the same phrase may be listed several times.
    """

    def __init__(self, entries: Iterable[tuple[str, T]]):
        payloads: dict[str, list[T]] = {}
        for phrase, payload in entries:
            key = _key(phrase)
            if key:
                payloads.setdefault(key, []).append(payload)
        self._exact = {key: tuple(values) for key, values in payloads.items()}
        folded: dict[str, list[T]] = {}
        for key, values in self._exact.items():
            folded.setdefault(fold(key), []).extend(values)
        self._folded = {key: tuple(values) for key, values in folded.items()}
        self._exact_pattern = self._compile(self._exact)
        self._folded_pattern = self._compile(self._folded)

    @staticmethod
    def _compile(keys: Iterable[str]) -> re.Pattern[str] | None:
        body = _trie_pattern(keys)
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if body else None

    def find(self, text: str, folded: str | None = None) -> list[PhraseMatch[T]]:
        """Every match in ``text``, in order; ``folded`` is ``fold_aligned(text)`` if already known."""
        if self._exact_pattern is None or self._folded_pattern is None:
            return []
        found: dict[int, PhraseMatch[T]] = {}
        for match in self._exact_pattern.finditer(text):
            payloads = self._exact.get(_key(match.group(0)))
            if payloads:
                found[match.start()] = PhraseMatch(match.start(), match.end(), match.group(0), payloads)
        folded = fold_aligned(text) if folded is None else folded
        taken = sorted((m.start, m.end) for m in found.values())
        for match in self._folded_pattern.finditer(folded):
            span = text[match.start():match.end()]
            if match.start() in found or not is_unaccented(span):
                continue
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            payloads = self._folded.get(_key(match.group(0)))
            if payloads:
                found[match.start()] = PhraseMatch(match.start(), match.end(), span, payloads)
        return [found[start] for start in sorted(found)]
