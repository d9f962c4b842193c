"""Counts for school and district reports, computed once from the cards' facts (``catalog.py``).

``build.py stats`` prints them as text, CSV or JSON; the site's "Thống kê" page draws the same
``LibraryStats``. Nothing here reads a card's front matter itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kho_stem.catalog.facts import DURATION_RANGES, CardFacts
from kho_stem.taxonomy.vocabularies import Taxonomy

MATERIALS_SHOWN = 20
NO_ORGANIZATION = "Không ghi đơn vị"


@dataclass(frozen=True)
class Count:
    code: str
    label: str
    cards: int


@dataclass(frozen=True)
class Table:
    key: str  # short name, used in CSV and JSON
    title: str  # Vietnamese heading
    rows: tuple[Count, ...]


@dataclass(frozen=True)
class CoverageCell:
    cards: int
    applies: bool  # the topic is meant for this age band (topics.yml `ages`)

    @property
    def is_gap(self) -> bool:
        return self.applies and self.cards == 0


@dataclass(frozen=True)
class Coverage:
    ages: tuple[Count, ...]  # the columns (cards = column total)
    topics: tuple[Count, ...]  # the rows (cards = row total)
    cells: tuple[tuple[CoverageCell, ...], ...]  # [topic][age]

    @property
    def gaps(self) -> int:
        return sum(cell.is_gap for row in self.cells for cell in row)


@dataclass(frozen=True)
class LibraryStats:
    total: int
    reviewed: int
    tables: tuple[Table, ...]
    coverage: Coverage

    def table(self, key: str) -> Table:
        return next(table for table in self.tables if table.key == key)


def _vocabulary_table(key: str, title: str, name: str, facts: list[CardFacts], taxonomy: Taxonomy,
                      codes: Callable[[CardFacts], Iterable[str | None]]) -> Table:
    counts = Counter(code for fact in facts for code in set(codes(fact)) if code)
    return Table(key, title, tuple(Count(term.code, term.label, counts[term.code]) for term in taxonomy[name]))


def library_stats(facts: list[CardFacts], taxonomy: Taxonomy) -> LibraryStats:
    reviewed = sum(fact.reviewed for fact in facts)
    durations = Counter(fact.duration_range for fact in facts)
    materials = Counter(name for fact in facts for name in fact.materials)
    organizations = Counter(fact.organization or NO_ORGANIZATION for fact in facts)
    tables = (
        _vocabulary_table("ages", "Theo độ tuổi", "ages", facts, taxonomy, lambda f: f.ages),
        _vocabulary_table("topics", "Theo chủ đề", "topics", facts, taxonomy, lambda f: f.topics),
        _vocabulary_table("stem", "Theo lĩnh vực STEM", "stem", facts, taxonomy, lambda f: f.stem),
        _vocabulary_table("domains", "Theo lĩnh vực phát triển", "domains", facts, taxonomy, lambda f: f.domains),
        _vocabulary_table("groups", "Theo hình thức tổ chức", "groups", facts, taxonomy, lambda f: [f.group]),
        _vocabulary_table("settings", "Theo địa điểm", "settings", facts, taxonomy, lambda f: [f.setting]),
        Table("durations", "Theo thời lượng",
              tuple(Count(r.code, r.label, durations[r.code]) for r in DURATION_RANGES)),
        _vocabulary_table("hazards", "Theo mối nguy", "hazards", facts, taxonomy, lambda f: f.hazards),
        Table("review", "Theo trạng thái duyệt", (
            Count("da-duyet", "Đã duyệt", reviewed), Count("chua-duyet", "Chưa duyệt", len(facts) - reviewed))),
        Table("materials", f"{MATERIALS_SHOWN} nguyên vật liệu dùng nhiều nhất", tuple(
            Count(name, name, cards) for name, cards in
            sorted(materials.items(), key=lambda item: (-item[1], item[0]))[:MATERIALS_SHOWN])),
        Table("organizations", "Theo đơn vị tác giả (trường, trung tâm STEM đối tác)", tuple(
            Count(name, name, cards) for name, cards in
            sorted(organizations.items(), key=lambda item: (-item[1], item[0])))),
    )
    return LibraryStats(len(facts), reviewed, tables, _coverage(facts, taxonomy))


def _coverage(facts: list[CardFacts], taxonomy: Taxonomy) -> Coverage:
    pairs = Counter((topic, age) for fact in facts for topic in fact.topics for age in fact.ages)
    by_age = Counter(age for fact in facts for age in fact.ages)
    by_topic = Counter(topic for fact in facts for topic in fact.topics)
    ages = tuple(Count(term.code, term.get("short", term.label), by_age[term.code]) for term in taxonomy.ages)
    topics = tuple(Count(term.code, term.label, by_topic[term.code]) for term in taxonomy.topics)
    cells = tuple(
        tuple(CoverageCell(pairs[(topic.code, age.code)], age.code in (taxonomy.topics[topic.code].get("ages") or ()))
              for age in ages)
        for topic in topics
    )
    return Coverage(ages, topics, cells)
