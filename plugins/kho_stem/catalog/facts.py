"""What every view needs to know about each card: computed once, here.

Card pages, lists, browse pages, the catalog page, the search data, print parts, statistics and
exports all read ``CardFacts``; none of them looks into a card's front matter on its own, so they
cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from kho_stem.cards.card import Card
from kho_stem.cards.reviews import Review
from kho_stem.catalog.materials import MaterialMatcher, MaterialNeed
from kho_stem.taxonomy.vocabularies import Taxonomy, Vocabulary
from kho_stem.text import fold, nfc

_PARENTHESES = re.compile(r"\([^)]*\)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class DurationRange:
    code: str
    label: str
    low: int
    high: int | None  # None: no upper bound

    def __contains__(self, minutes: object) -> bool:
        return isinstance(minutes, int) and self.low <= minutes and (self.high is None or minutes <= self.high)


# Ranges a teacher plans with: a short corner activity, a typical session, a long one, a project.
DURATION_RANGES = (
    DurationRange("den-15", "Đến 15 phút", 0, 15),
    DurationRange("16-30", "16–30 phút", 16, 30),
    DurationRange("31-45", "31–45 phút", 31, 45),
    DurationRange("tren-45", "Trên 45 phút", 46, None),
)


def material_name(item: object) -> str:
    return item if isinstance(item, str) else str(item["name"])  # type: ignore[index]


def material_key(name: str) -> str:
    """Group spellings of one material: case, notes in brackets and what follows a comma are ignored.

    "Vỏ hộp sữa giấy (đã rửa), phơi khô" and "vỏ hộp sữa giấy" are the same material.
    """
    core = _PARENTHESES.sub(" ", nfc(name)).split(",")[0]
    return _SPACES.sub(" ", core).strip().lower()


class MaterialNames:
    """Groups the many ways cards name a material under the library's common materials.

    ``content/taxonomy/materials.yml`` lists common materials, each with the words a card's
    material line may name it by: "chai nhựa 500 ml đã rửa sạch" is "chai nhựa", and "hồ dán, kéo
    đầu tròn" needs two of them (``MaterialMatcher`` reads the line). Diacritics count: "dao" (a
    knife) is not "đào" (a peach).
    """

    def __init__(self, vocabulary: Vocabulary | None):
        self.matcher = MaterialMatcher(vocabulary)

    def needs(self, name: str) -> tuple[MaterialNeed, ...]:
        return self.matcher.needs(name)

    def label(self, code: str) -> str:
        return self.matcher.labels[code]

    def common_name(self, name: str) -> str:
        """The common name of the first material ``name`` needs; ``name`` tidied when it names none."""
        needs = self.needs(name)
        return self.label(needs[0].codes[0]) if needs else material_key(name)


def duration_range(minutes: int) -> str:
    return next(r.code for r in DURATION_RANGES if minutes in r)


@dataclass(frozen=True)
class MaterialItem:
    """One line of a card's materials, whether written as a plain name or as a mapping."""

    name: str
    common_name: str  # the library's common name for it (``MaterialNames``)
    needs: tuple[MaterialNeed, ...]  # the common materials (codes) it needs; none when it names none
    quantity: str | None
    per: str | None  # a code of the `per` vocabulary
    hazards: tuple[str, ...]
    note: str | None
    from_home: bool  # families are asked to send it


@dataclass(frozen=True)
class Author:
    name: str
    school: str | None
    organization: str | None


@dataclass(frozen=True)
class CardFacts:
    card: Card  # the source: slug, files, and the published body (``card.body_html``)
    title: str
    description: str
    objectives: tuple[str, ...]
    observe: tuple[str, ...]
    safety: tuple[str, ...]
    family: str | None
    inclusion: str | None
    material_items: tuple[MaterialItem, ...]
    author: Author
    license: str
    updated: str | None
    cost: int | None
    review: Review | None
    ages: tuple[str, ...]
    topics: tuple[str, ...]
    stem: tuple[str, ...]
    domains: tuple[str, ...]
    duration: int
    duration_range: str
    group: str
    setting: str | None
    hazards: tuple[str, ...]  # every hazard code declared on the card's materials, in order
    materials: tuple[str, ...]  # common material names (``MaterialNames``), each once, in the card's order
    material_needs: tuple[tuple[str, ...], ...]  # per thing the card needs, the common names any of which does
    reviewed: bool
    organization: str | None  # the author's organisation, else school

    @property
    def slug(self) -> str:
        return self.card.slug


def _material_item(item: object, names: MaterialNames) -> MaterialItem:
    name = material_name(item)
    details = item if isinstance(item, dict) else {}
    quantity = details.get("quantity")
    return MaterialItem(
        name=name,
        common_name=names.common_name(name),
        needs=names.needs(name),
        quantity=None if quantity is None else str(quantity),
        per=details.get("per"),
        hazards=tuple(details.get("hazards") or ()),
        note=details.get("note"),
        from_home=details.get("from_home") is True,
    )


def _author(value: object) -> Author:
    if isinstance(value, dict):
        return Author(str(value["name"]), value.get("school") or None, value.get("organization") or None)
    return Author(str(value), None, None)


def card_facts(card: Card, names: MaterialNames) -> CardFacts:
    items = tuple(_material_item(item, names) for item in card.get("materials"))
    # Only common names are shown: a line that names none (a teacher's own drawing) is left out.
    needs = dict.fromkeys(tuple(names.label(code) for code in need.codes) for item in items for need in item.needs)
    materials = dict.fromkeys(label for need in needs for label in need)
    hazards = dict.fromkeys(code for item in items for code in item.hazards)
    author = _author(card.get("author"))
    # A partner STEM centre is named in `organization`; a school author's unit is the school.
    organization = author.organization or author.school
    updated = card.get("updated")
    return CardFacts(
        card=card,
        title=card.title,
        description=card.get("description"),
        objectives=tuple(card.get("objectives")),
        observe=tuple(card.get("observe") or ()),
        safety=tuple(card.get("safety")),
        family=card.get("family") or None,
        inclusion=card.get("inclusion") or None,
        material_items=items,
        author=author,
        license=card.get("license"),
        updated=None if updated is None else str(updated),
        cost=card.get("cost"),
        review=card.review,
        ages=tuple(card.get("ages")),
        topics=tuple(card.get("topics")),
        stem=tuple(card.get("stem")),
        domains=tuple(card.get("domains") or ()),
        duration=card.get("duration"),
        duration_range=duration_range(card.get("duration")),
        group=card.get("group"),
        setting=card.get("setting"),
        hazards=tuple(hazards),
        materials=tuple(materials),
        material_needs=tuple(needs),
        reviewed=card.is_reviewed,
        organization=organization,
    )


def library_facts(cards: Iterable[Card], taxonomy: Taxonomy) -> list[CardFacts]:
    """The facts of every card, in title order."""
    names = MaterialNames(taxonomy.vocabularies.get("materials"))
    return [card_facts(card, names) for card in sort_cards(cards)]


def sort_cards(cards: Iterable[Card]) -> list[Card]:
    return sorted(cards, key=lambda card: (fold(card.title), card.title, card.slug))


def all_materials(facts: Iterable[CardFacts]) -> list[str]:
    """Every material key in the library, in Vietnamese alphabetical order (diacritics folded)."""
    keys = {key for fact in facts for key in fact.materials}
    return sorted(keys, key=lambda key: (fold(key), key))


@dataclass(frozen=True)
class FacetValue:
    code: str
    label: str


# The facet keys name filters in the catalog's address ("#tuoi=4-5"); the browser reads them, and
# the roles below, from the catalog data (``site/search_data.py``), never from a copy of its own.
AGE_FACET = "tuoi"
TOPIC_FACET = "chu-de"
HAZARD_FACET = "nguy-co"
MATERIAL_FACET = "vat-lieu"
NO_HAZARD = "khong"  # the hazard filter's "no hazard at all" value; no hazard code may take it


@dataclass(frozen=True)
class Facet:
    """One group of filters in the catalog: ``key`` names it in the page address, ``codes`` gives a
    card's values. A facet that ``excludes`` leaves out the cards having a ticked value (hazards);
    its ``none`` value keeps only the cards having no value at all."""

    key: str
    legend: str
    values: tuple[FacetValue, ...]
    codes: Callable[[CardFacts], tuple[str, ...]] = field(compare=False, repr=False)
    excludes: bool = False
    none: str | None = None


def catalog_facets(taxonomy: Taxonomy, materials: list[str]) -> tuple[Facet, ...]:
    """The filters, in the order a teacher narrows a search: who, what, how long, how, where."""

    def vocabulary(key: str, name: str, codes: Callable[[CardFacts], tuple[str, ...]], legend: str = "",
                   excludes: bool = False, none: str | None = None) -> Facet:
        words = taxonomy[name]
        legend = legend or words.noun[:1].upper() + words.noun[1:]
        return Facet(key, legend, tuple(FacetValue(term.code, term.label) for term in words), codes, excludes, none)

    return (
        vocabulary(AGE_FACET, "ages", lambda facts: facts.ages),
        vocabulary(TOPIC_FACET, "topics", lambda facts: facts.topics),
        vocabulary("linh-vuc", "stem", lambda facts: facts.stem),
        vocabulary("phat-trien", "domains", lambda facts: facts.domains),
        Facet("thoi-luong", "Thời lượng", tuple(FacetValue(r.code, r.label) for r in DURATION_RANGES),
              lambda facts: (facts.duration_range,)),
        vocabulary("nhom", "groups", lambda facts: (facts.group,)),
        vocabulary("noi", "settings", lambda facts: (facts.setting,) if facts.setting else ()),
        # The vocabulary's noun names its codes, so the legend is written here.
        vocabulary(HAZARD_FACET, "hazards", lambda facts: facts.hazards, "Mối nguy", excludes=True, none=NO_HAZARD),
        Facet(MATERIAL_FACET, "Nguyên vật liệu", tuple(FacetValue(key, key) for key in materials),
              lambda facts: facts.materials),
    )
