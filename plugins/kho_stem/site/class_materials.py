"""What "Lớp em có gì?" works with: the materials a class can tick, which ones every class has,
which can stand in for which, and the words the catalog shows about them.

The list, `everyday` and `substitutes` come from ``content/taxonomy/materials.yml``; the browser
gets them in the catalog data (``search_data.catalog_data``) and decides with ``kho-stem-facets.js``
(``classReadiness``), so no label is written twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kho_stem.catalog.facts import CardFacts
from kho_stem.taxonomy.vocabularies import Vocabulary
from kho_stem.text import fold

# One heading per group, in order: the cards the class can do at once, then those lacking one
# thing, then two. Their number sets how many missing things a card may have and still be shown.
GROUP_HEADINGS = ("Sẵn sàng: lớp em làm được ngay ({count})", "Thiếu 1 thứ ({count})", "Thiếu 2 thứ ({count})")
SWAP_TEXT = "Dùng {substitute} thay {material}"
NAME_SEPARATOR = ", "
EVERYDAY_NOTE = "Lớp nào cũng có, đã tính là có sẵn: {materials}."
MODE_ANY = "Có một trong số đó"
MODE_ALL = "Chỉ những thứ đã chọn: thẻ dùng đủ mọi thứ đã đánh dấu"


@dataclass(frozen=True)
class ClassMaterials:
    """``names``: every common name a card needs or that can stand in for one, in alphabetical
    order; ``everyday`` and ``substitutes`` refer to them by position."""

    names: tuple[str, ...]
    everyday: tuple[int, ...]
    substitutes: tuple[tuple[int, ...], ...]

    @property
    def tickable(self) -> tuple[str, ...]:
        """The names a teacher ticks: every class has the everyday ones already."""
        return tuple(name for index, name in enumerate(self.names) if index not in self.everyday)

    @property
    def everyday_names(self) -> tuple[str, ...]:
        return tuple(self.names[index] for index in self.everyday)

    def needs(self, facts: CardFacts) -> list[list[int]]:
        """Per thing the card needs, the positions of the names any of which does."""
        return [[self.names.index(name) for name in need] for need in facts.material_needs]

    def data(self) -> dict[str, object]:
        return {
            "names": list(self.names),
            "everyday": list(self.everyday),
            "substitutes": [list(positions) for positions in self.substitutes],
            "groups": list(GROUP_HEADINGS),
            "swap": SWAP_TEXT,
            "separator": NAME_SEPARATOR,
        }


def class_materials(facts: Iterable[CardFacts], vocabulary: Vocabulary | None) -> ClassMaterials:
    """``vocabulary``: materials.yml, which a taxonomy may leave out (then no card names a material)."""
    by_label = {term.label: term for term in vocabulary or ()}
    by_code = {term.code: term for term in vocabulary or ()}
    needed = {name for fact in facts for need in fact.material_needs for name in need}
    stand_ins = {by_code[code].label for name in needed for code in by_label[name].get("substitutes") or ()}
    names = tuple(sorted(needed | stand_ins, key=lambda name: (fold(name), name)))
    position = {name: index for index, name in enumerate(names)}
    everyday = tuple(index for index, name in enumerate(names) if by_label[name].get("everyday") is True)
    # A stand-in no card needs may list substitutes of its own that are not offered: they never matter.
    substitutes = tuple(
        tuple(position[label] for code in by_label[name].get("substitutes") or ()
              if (label := by_code[code].label) in position)
        for name in names)
    return ClassMaterials(names, everyday, substitutes)
