"""Tokenising for the search, done once at build time so the browser only looks things up.

Vietnamese writes a word as one to four syllables separated by spaces ("nam châm" is a magnet,
"năm" and "chạm" are not), so the unit the search ranks by is a pair of adjacent syllables. For the
long fields of a card (materials, objectives, body…) the data carries its distinct words and each
distinct pair of neighbours; pairs never cross punctuation, where one phrase ends and the next begins.
The library's syllables (folded, most used first) let the browser split a query typed without
spaces and correct one slip.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

from kho_stem.text import fold

_WORD = re.compile(r"[^\W_]+")
# A phrase break (punctuation, "_") matches with an empty group.
_WORD_OR_BREAK = re.compile(r"([^\W_]+)|[^\w\s]|_")
# Once folded: letters only, with a vowel (units such as "cm" and "ml" are not syllables to split into).
_SYLLABLE = re.compile(r"^[a-z]*[aeiouy][a-z]*$")
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
PAIR_POSITIONS = 36 * 36
# The shape of one Vietnamese syllable once folded (initial consonant, one to three vowels, final
# consonant): the browser splits a word typed without spaces only when it cannot be one syllable,
# so "muong" (muỗng) stays a word even when the library lacks it.
SYLLABLE_SHAPE = "^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?$"


def words_and_pairs(*texts: str) -> tuple[str, str]:
    """The distinct words of ``texts`` (lower case, in order of first use, joined by spaces) and the
    distinct pairs of neighbouring words within each phrase, each pair written as the two words'
    positions in that list, two base-36 digits each: "Nam châm hút. Nam châm" -> ("nam châm hút",
    "0001" + "0102"). Positions keep the data small (four characters a pair); a word past the 1,296th
    of a card makes no pair."""
    words: dict[str, int] = {}
    pairs: dict[str, None] = {}
    for text in texts:
        # Words and phrase breaks in reading order; a break is an empty word and has no code.
        positions = [words.setdefault(word, len(words)) if word else PAIR_POSITIONS
                     for word in _WORD_OR_BREAK.findall(text.lower())]
        # A word past the last position has no code either and makes no pair.
        codes = [_POSITIONS[position] if position < PAIR_POSITIONS else "" for position in positions]
        pairs.update(dict.fromkeys(first + second for first, second in pairwise(codes) if first and second))
    return " ".join(words), "".join(pairs)


_POSITIONS = [first + second for first in _DIGITS for second in _DIGITS]  # a position's two digits


def library_syllables(texts: Iterable[str]) -> str:
    """Every syllable of ``texts`` as written (lower case, letters only), most used first, then in
    alphabetical order. The browser folds them: a query typed without spaces is split against them,
    a slip corrected to them, and a suggestion shown with the diacritics the library uses most."""
    counts = Counter(word for text in texts for word in _WORD.findall(text.lower()))
    syllables = [word for word in counts if _SYLLABLE.match(fold(word))]
    return " ".join(sorted(syllables, key=lambda word: (-counts[word], word)))


def synonym_alternatives(groups: Iterable[Iterable[str]]) -> list[list[str]]:
    """The synonym groups as the browser matches them: each word as written (lower case, one space)."""
    return [[" ".join(word.split()) for word in group] for group in groups]
