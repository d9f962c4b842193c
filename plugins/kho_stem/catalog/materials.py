"""Which common materials (``content/taxonomy/materials.yml``) a card's material line needs.

A line is written for a teacher, not for a machine: "hồ dán, kéo đầu tròn dành cho trẻ em, bút sáp
màu", "một nắm giá đỗ sạch để cho trẻ xem", "khối gỗ to hoặc hộp giấy cứng để kê dốc". It is read
in parts: notes in brackets are dropped, the rest is cut at commas and at the list words of the
vocabulary ("và"), and each part at its "or" words ("hoặc") into alternatives. An alternative names
a material when, after an optional quantity ("một nắm", "ba", "2"), it starts with a label or a
``words`` entry of materials.yml, as whole words, the longest entry winning (``PhraseIndex``:
diacritics count, "dao" is not "đào"; a line typed wholly without marks is read folded). A part
that starts with no material counts for nothing: "đã rửa sạch" or "rộng 20 cm" after a comma
describe the material before them, and a teacher's own drawing ("tranh vẽ sẵn") is no material.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kho_stem.taxonomy.material_check import LIST_WORDS, OR_WORDS, QUANTITY_WORDS
from kho_stem.taxonomy.vocabularies import Term, Vocabulary
from kho_stem.text import PhraseIndex, nfc

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?\s*")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class MaterialNeed:
    """One thing a line needs: any one of ``codes`` does (the first is the one the line names first)."""

    codes: tuple[str, ...]


class MaterialMatcher:
    """Reads material lines against the materials vocabulary; see the module's docstring."""

    def __init__(self, vocabulary: Vocabulary | None):
        terms: list[Term] = list(vocabulary or ())
        settings = vocabulary.settings if vocabulary is not None else {}
        self.labels = {term.code: term.label for term in terms}
        self._names = PhraseIndex((str(word), term.code) for term in terms
                                  for word in (term.label, *term.get("words", ())))
        self._quantities = PhraseIndex((str(word), True) for word in settings.get(QUANTITY_WORDS, ()))
        self._parts = _splitter((",", ";"), settings.get(LIST_WORDS, ()))
        self._alternatives = _splitter(("/",), settings.get(OR_WORDS, ()))
        # Libraries repeat their lines ("kéo đầu tròn dành cho trẻ em", "băng dính giấy"): read each once.
        self._read: dict[str, tuple[MaterialNeed, ...]] = {}

    def needs(self, line: str) -> tuple[MaterialNeed, ...]:
        """The materials ``line`` needs, in its order, each once; empty when no part names one."""
        known = self._read.get(line)
        if known is None:
            known = self._read[line] = self._needs(line)
        return known

    def _needs(self, line: str) -> tuple[MaterialNeed, ...]:
        text = _SPACES.sub(" ", _BRACKETS.sub(" ", nfc(line))).strip()
        needs: list[MaterialNeed] = []
        seen: set[str] = set()
        for part in self._parts.split(text):
            codes = [code for alternative in self._alternatives.split(part)
                     if (code := self._leading_material(alternative)) is not None]
            if not codes:
                continue
            fresh = tuple(dict.fromkeys(code for code in codes if code not in seen))
            if fresh:
                needs.append(MaterialNeed(fresh))
                seen.update(fresh)
        return tuple(needs)

    def _leading_material(self, text: str) -> str | None:
        text = self._skip_quantity(text.strip())
        found = self._names.find(text)
        if found and found[0].start == 0:
            return found[0].payloads[0]
        return None

    def _skip_quantity(self, text: str) -> str:
        """``text`` without a leading count or amount: "2 chai nhựa", "một nắm giá đỗ", "ba khay"."""
        while True:
            number = _NUMBER.match(text)
            if number and number.end():
                text = text[number.end():]
                continue
            found = self._quantities.find(text)
            if not found or found[0].start != 0:
                return text
            text = text[found[0].end:].lstrip()

    def coverage(self, lines: Iterable[str]) -> tuple[int, list[str]]:
        """How many of ``lines`` name a common material, and the ones that do not."""
        matched, unmatched = 0, []
        for line in lines:
            if self.needs(line):
                matched += 1
            else:
                unmatched.append(line)
        return matched, unmatched


def _splitter(marks: tuple[str, ...], words: Iterable[object]) -> re.Pattern[str]:
    """Cuts at any of ``marks`` and at any of ``words`` standing as whole words."""
    # A comma between digits is a decimal one ("1,5 lít"), not a list's.
    choices = [rf"(?<!\d){re.escape(mark)}(?!\d)" if mark == "," else re.escape(mark) for mark in marks]
    choices += [rf"(?<!\w){re.escape(nfc(str(word)))}(?!\w)" for word in words]
    return re.compile("|".join(choices), re.IGNORECASE)
