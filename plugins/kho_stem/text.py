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


class _FoldedCharacters(dict[int, str]):
    """Each character's fold, worked out on first use: ``str.translate`` then folds a text in C.

    Decomposing character by character gives what decomposing the whole text gives once the marks
    are gone: NFD never composes, and its reordering moves only combining marks."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code))
        # đ has no decomposition, so it survives NFD and needs its own mapping.
        folded = "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M")).replace("đ", "d")
        self[code] = folded
        return folded


_FOLDED = _FoldedCharacters()


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese tones and marks: "Nước Đá" -> "nuoc da".

    Every mark goes (Unicode category M, what the browser's fold matches as ``\\p{M}``), not only the
    ones with a combining class: both folds must agree on whatever a teacher pastes. The whole text
    is lower-cased first, as the browser does (a final sigma depends on its neighbours)."""
    return text.lower().translate(_FOLDED)


def slugify(text: str) -> str:
    """ASCII slug of a Vietnamese title: "Thuyền giấy nổi" -> "thuyen-giay-noi"."""
    return _NON_SLUG_RUN.sub("-", fold(text)).strip("-")


def is_slug(text: str) -> bool:
    return bool(_SLUG_PATTERN.match(text))


def _lower_table() -> dict[int, str]:
    """Upper to lower case for Latin, Greek and Cyrillic letters whose lower case is one letter."""
    table: dict[int, str] = {}
    for first, last in ((0x0041, 0x052F), (0x1E00, 0x1FFF)):
        for code in range(first, last + 1):
            lowered = chr(code).lower()
            if len(lowered) == 1 and lowered != chr(code):
                table[code] = lowered
    return table


_LOWER_TABLE = _lower_table()


def lower_aligned(text: str) -> str:
    """Lower-case ``text`` one character for one (``str.lower`` may lengthen a text: "İ"), so
    that offsets found in the lower-cased text point at the same characters in the original."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_LOWER_TABLE)


def _key(phrase: str) -> str:
    return " ".join(nfc(phrase).lower().split())


def _unmarked(lowered_line: str) -> bool:
    """No Vietnamese marks: NFC marked letters are never in NFD form, and "đ" has no decomposition."""
    return unicodedata.is_normalized("NFD", lowered_line) and "đ" not in lowered_line


def _spaced(span: str) -> str:
    """A matched span with its spaces as in the keys (a phrase may run over a line break)."""
    return span if " " not in span and "\n" not in span and "\t" not in span else " ".join(span.split())


# A trie node: one child per next character; the key "" marks that a phrase ends here.
_Trie = dict[str, "_Trie"]


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regular expression for many phrases, shaped as a trie so that matching a long word
    list costs about as much as matching one word; longer phrases win over their prefixes.
    Each phrase must start a word: that is checked right after its first character, so the
    expression starts with a set of letters and the regex engine can skip to candidates fast."""
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: _Trie, first: bool = False) -> str:
        branches = []
        for char, child in sorted(node.items()):
            if char:
                start = r"\s+" if char == " " else re.escape(char)
                boundary = r"(?<!\w[\s\S])" if first else ""
                branches.append(start + boundary + build(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie, first=True)


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

    Typing without marks is judged cautiously, because many plain words are real words: a
    one-word phrase counts unmarked only on a line written wholly without marks ("con" in "Bố mẹ
    cho con" is not "cồn"), and ``blockers`` (words found exactly) veto an unmarked reading of
    a span that contains them ("cho con" holds "con", so it is not "chó con").
    """

    def __init__(self, entries: Iterable[tuple[str, T]], blockers: Iterable[str] = ()):
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
        # Exact search inside a candidate also knows the blockers (with no payload).
        self._inner = {**{_key(word): () for word in blockers}, **self._exact}
        unmarked_phrases = [key for key in self._folded if " " in key and key not in self._exact]
        one_word_unmarked = [key for key in self._folded if " " not in key and key not in self._exact]
        # The text is searched as written (lower-cased): exact phrases, and phrases of several
        # words typed without marks, which can only match text that has none.
        self._pattern = self._compile([*self._exact, *unmarked_phrases])
        self._inner_pattern = self._compile(self._inner)
        self._one_word_pattern = self._compile(one_word_unmarked)

    @staticmethod
    def _compile(keys: Iterable[str]) -> re.Pattern[str] | None:
        body = _trie_pattern(keys)
        return re.compile(rf"{body}(?!\w)") if body else None

    def find(self, text: str) -> list[PhraseMatch[T]]:
        """Every match in ``text``, in order, not overlapping."""
        found: list[PhraseMatch[T]] = []
        if self._pattern is None:
            return found
        lowered = lower_aligned(text)
        search, position = self._pattern.search, 0
        while (match := search(lowered, position)) is not None:
            start, end = match.span()
            written = _spaced(match.group(0))
            payloads = self._exact.get(written)
            if payloads is None:  # several words typed without marks
                inner_pattern = self._inner_pattern
                inner = inner_pattern.search(lowered, start, end) if inner_pattern else None
                if inner_pattern is not None and inner is not None:
                    inner = inner_pattern.match(lowered, inner.start()) or inner
                    start, end = inner.span()
                    payloads = self._inner.get(_spaced(inner.group(0)))
                else:
                    payloads = self._folded.get(written)
            if payloads:
                found.append(PhraseMatch(start, end, text[start:end], payloads))
                position = end
            else:
                position = start + 1
        if self._one_word_pattern is not None:
            self._find_one_word_unmarked(self._one_word_pattern, text, lowered, found)
        return found

    def _find_one_word_unmarked(
        self, pattern: re.Pattern[str], text: str, lowered: str, found: list[PhraseMatch[T]]
    ) -> None:
        """One-word phrases typed without marks ("nen" for "nến"), on lines that have no marks."""
        added = False
        line_start = 0
        for line in lowered.split("\n"):
            line_end = line_start + len(line)
            if line.isascii() or _unmarked(line):
                for match in pattern.finditer(lowered, line_start, line_end):
                    start, end = match.span()
                    if any(m.start < end and start < m.end for m in found):
                        continue
                    payloads = self._folded.get(match.group(0))
                    if payloads:
                        found.append(PhraseMatch(start, end, text[start:end], payloads))
                        added = True
            line_start = line_end + 1
        if added:
            found.sort(key=lambda m: m.start)
