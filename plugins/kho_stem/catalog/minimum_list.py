"""Danh mục tối thiểu: the fewest common materials that let a class run a share of the library's cards.

One computation serves ``build.py materials`` and the "Danh mục vật liệu" page, so the officer's
figures and the page's never differ.

A card can run when the class has every material it lists, by common name (``MaterialNames``).
Materials that ``materials.yml`` marks ``everyday: true`` (water, paper, crayons…) are taken as
present in every class: they are listed apart and never counted as purchases.

Choosing the fewest materials that cover a given number of cards is NP-hard (a card needs *all* its
materials, so it is a set-union problem, not plain set cover). We use a greedy rule: repeatedly
take the card missing the fewest materials (ties: the one whose missing materials most other cards
need), buy what it misses, and count every card that became runnable. ``exact_cover_size`` finds the
true minimum on small libraries, so the bench shows how far greedy is from it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from kho_stem.catalog.facts import CardFacts, MaterialItem
from kho_stem.taxonomy.vocabularies import Taxonomy

SHARES = (0.5, 0.8, 1.0)  # the shares a page shows: half, most, all of an age band's cards
_QUANTITY = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(.*?)\s*$")


@dataclass(frozen=True)
class PlanningDefaults:
    """How a card's quantities become a class's: read from ``per.yml`` (data, not code)."""

    class_size: int
    children_per_unit: Mapping[str, int]  # per code -> children one unit serves; absent: the whole class

    @classmethod
    def from_taxonomy(cls, taxonomy: Taxonomy) -> PlanningDefaults:
        per = taxonomy["per"]
        units = {term.code: int(term.get("children")) for term in per if term.get("children")}
        return cls(int(per.settings["class_size"]), units)

    def units(self, per: str | None, class_size: int) -> int:
        """How many times a class of ``class_size`` needs a quantity given ``per`` this basis."""
        children = self.children_per_unit.get(per or "")
        return math.ceil(class_size / children) if children else 1


@dataclass(frozen=True)
class HazardNote:
    code: str
    label: str
    safety_point: str


@dataclass(frozen=True)
class ListedMaterial:
    name: str  # the common name teachers see
    code: str | None  # its code in materials.yml; None for a material no common name covers
    cards: int  # cards of the covered set that need it
    quantity: str | None  # for one class, e.g. "25 chiếc"; None where the cards' units disagree
    hazards: tuple[HazardNote, ...]
    from_home: bool  # every card that lists it asks families to send it


@dataclass(frozen=True)
class MaterialsList:
    age: str | None  # an age band code; None for the whole school
    age_label: str
    share: float
    class_size: int
    cards_total: int  # cards of this age band
    target: int  # cards the share asks for
    ready: tuple[str, ...]  # slugs of the cards the list lets a class run
    purchases: tuple[ListedMaterial, ...]  # in the order greedy chose them
    everyday: tuple[ListedMaterial, ...]


def line_materials(item: MaterialItem, labels: Mapping[str, str]) -> tuple[str, ...]:
    """What a class must get for one material line, by common name.

    A line may need several materials ("hồ dán, kéo"); where it offers alternatives ("khối gỗ hoặc
    hộp giấy") the list counts the first it names. A line that names no common material (a teacher's
    drawing, a rare object) is still needed: it is listed under its own tidied name.
    """
    if not item.needs:
        return (item.common_name,)
    return tuple(labels[need.codes[0]] for need in item.needs)


def card_needs(facts: CardFacts, labels: Mapping[str, str], everyday: frozenset[str]) -> frozenset[str]:
    """The materials a class must get to run this card: everything its lines need but the everyday."""
    return frozenset(name for item in facts.material_items for name in line_materials(item, labels)
                     if name not in everyday)


def everyday_names(taxonomy: Taxonomy) -> frozenset[str]:
    return frozenset(term.label for term in taxonomy["materials"] if term.get("everyday") is True)


def greedy_cover(needs: Mapping[str, frozenset[str]], target: int) -> tuple[list[str], set[str]]:
    """Materials to buy, in order, and the cards they make runnable (at least ``target`` of them)."""
    # Cards that need the same materials become runnable together: work on each set of needs once,
    # weighted by its cards (a library repeats needs; copies of a card share all of them).
    groups: dict[frozenset[str], list[str]] = {}
    for slug, need in needs.items():
        groups.setdefault(need, []).append(slug)
    first = {need: min(slugs) for need, slugs in groups.items()}
    chosen: list[str] = []
    have: set[str] = set()
    ready = {slug for slug in groups.get(frozenset(), ())}
    waiting = [need for need in groups if need]
    while len(ready) < min(target, len(needs)):
        demand: dict[str, int] = {}
        for need in waiting:
            for name in need - have:
                demand[name] = demand.get(name, 0) + len(groups[need])
        best = min(waiting, key=lambda need: _card_cost(need - have, demand, first[need]))
        for name in sorted(best - have):
            chosen.append(name)
            have.add(name)
        done = [need for need in waiting if need <= have]
        ready.update(slug for need in done for slug in groups[need])
        waiting = [need for need in waiting if not need <= have]
    return chosen, ready


def _card_cost(missing: frozenset[str], demand: Mapping[str, int], slug: str) -> tuple[int, int, str]:
    """Fewest missing first; then the card whose missing materials most waiting cards also need."""
    return len(missing), -sum(demand[name] for name in missing), slug


def exact_cover_size(needs: Mapping[str, frozenset[str]], target: int, max_subsets: int = 3_000_000) -> int | None:
    """The true fewest materials for ``target`` cards, or None when too many subsets to try.

    Tries every set of cards to leave out; only for small libraries (the bench, the tests).
    """
    slugs = list(needs)
    leave_out = len(slugs) - min(target, len(slugs))
    if math.comb(len(slugs), leave_out) > max_subsets:
        return None
    best: int | None = None
    for dropped in combinations(range(len(slugs)), leave_out):
        skip = set(dropped)
        union: set[str] = set()
        for index, slug in enumerate(slugs):
            if index not in skip:
                union |= needs[slug]
        if best is None or len(union) < best:
            best = len(union)
    return best


def _per_class(item: MaterialItem, class_size: int, defaults: PlanningDefaults) -> tuple[float, str] | None:
    match = _QUANTITY.match(item.quantity or "")
    if match is None or "," in match.group(2) or "mỗi" in match.group(2).split():
        return None  # "4 cốc, 1 thìa", "1 mỗi loại": not a single amount
    amount = float(match.group(1).replace(",", "."))
    return amount * defaults.units(item.per, class_size), match.group(2)


def _quantity(lines: list[MaterialItem], class_size: int, defaults: PlanningDefaults) -> str | None:
    """The most any one card needs for a class, when every card gives it in the same unit.

    Materials are reused from one activity to the next, so the largest need is the amount to have.
    """
    if not lines:
        return None
    # A library repeats its lines ("2 chai", per "nhom"): each quantity and basis is read once.
    read: dict[tuple[str | None, str | None], tuple[float, str] | None] = {}
    units: set[str] = set()
    most = 0.0
    for line in lines:
        # A line that needs several materials gives one quantity for all of them: it says nothing of each.
        if len(line.needs) > 1:
            return None
        key = (line.quantity, line.per)
        if key not in read:
            read[key] = _per_class(line, class_size, defaults)
        amount = read[key]
        if amount is None:
            return None
        most = max(most, amount[0]) if units else amount[0]
        units.add(amount[1])
    if len(units) != 1:
        return None
    number = f"{most:g}".replace(".", ",")
    unit = units.pop()
    return f"{number} {unit}".strip()


class MinimumListMaker:
    """Holds what every list of one library shares: the facts, the vocabularies, the defaults."""

    def __init__(self, facts: Iterable[CardFacts], taxonomy: Taxonomy):
        self.facts = list(facts)
        self.taxonomy = taxonomy
        self.defaults = PlanningDefaults.from_taxonomy(taxonomy)
        self.everyday = everyday_names(taxonomy)
        self.labels = {term.code: term.label for term in taxonomy["materials"]}
        self._codes = {label: code for code, label in self.labels.items()}
        self._needs: dict[str, frozenset[str]] = {}  # per card: every list of this library reads them
        self._line_names: dict[str, tuple[tuple[str, MaterialItem], ...]] = {}  # per card, as _needs

    def needs(self, fact: CardFacts) -> frozenset[str]:
        found = self._needs.get(fact.slug)
        if found is None:
            found = self._needs[fact.slug] = card_needs(fact, self.labels, self.everyday)
        return found

    def line_names(self, fact: CardFacts) -> tuple[tuple[str, MaterialItem], ...]:
        """Each material the card's lines need, by common name (``line_materials``), with its line."""
        found = self._line_names.get(fact.slug)
        if found is None:
            found = self._line_names[fact.slug] = tuple(
                (name, item) for item in fact.material_items for name in line_materials(item, self.labels))
        return found

    def make(self, age: str | None, share: float, class_size: int | None = None) -> MaterialsList:
        class_size = class_size or self.defaults.class_size
        band = [fact for fact in self.facts if age is None or age in fact.ages]
        needs = {fact.slug: self.needs(fact) for fact in band}
        target = math.ceil(share * len(band) - 1e-9)
        chosen, ready = greedy_cover(needs, target)
        covered = [fact for fact in band if fact.slug in ready]
        # One pass over the covered cards' lines, so each listed material reads only its own.
        lines: dict[str, list[MaterialItem]] = {}
        users: dict[str, int] = {}
        for fact in covered:
            pairs = self.line_names(fact)
            for name, item in pairs:
                lines.setdefault(name, []).append(item)
            for name in {name for name, _ in pairs}:
                users[name] = users.get(name, 0) + 1
        everyday_used = sorted(name for name in lines if name in self.everyday)
        return MaterialsList(
            age=age,
            age_label=self.taxonomy.ages[age].label if age else "Cả trường",
            share=share,
            class_size=class_size,
            cards_total=len(band),
            target=target,
            ready=tuple(fact.slug for fact in covered),
            purchases=tuple(self._listed(name, lines[name], users[name], class_size) for name in chosen),
            everyday=tuple(self._listed(name, lines[name], users[name], class_size) for name in everyday_used),
        )

    def _listed(self, name: str, lines: list[MaterialItem], users: int, class_size: int) -> ListedMaterial:
        hazards = self.taxonomy.hazards
        # Each code once, then looked up: a material's lines are thousands in a large library.
        codes = [code for code in dict.fromkeys(code for line in lines for code in line.hazards) if code in hazards]
        return ListedMaterial(
            name=name,
            code=self._codes.get(name),
            cards=users,
            quantity=_quantity(lines, class_size, self.defaults),
            hazards=tuple(HazardNote(code, hazards[code].label, str(hazards[code].get("safety_point") or ""))
                          for code in codes),
            from_home=bool(lines) and all(line.from_home for line in lines),
        )
