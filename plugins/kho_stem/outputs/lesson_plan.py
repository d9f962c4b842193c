"""What a card's giáo án (Word lesson plan) says, in the layout Vietnamese teachers hand in.

Chủ đề, Đề tài, Lứa tuổi, Thời gian; the safety notes first, in their own box; I. Mục đích – yêu
cầu (the objectives sorted into kiến thức, kỹ năng, thái độ by ``objective_kinds.yml``); II. Chuẩn
bị (materials with quantities, the place); III. Tiến hành (the body's steps under their process
headings); IV. Đánh giá (the card's observation points). Everything comes from ``CardFacts`` and
the taxonomy; ``lesson_plan_docx`` only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kho_stem.catalog.facts import CardFacts, MaterialItem
from kho_stem.diagnostics.problems import DiagnosticError, Problem, display_path
from kho_stem.outputs.lesson_plan_body import Block, TableBlock, body_blocks
from kho_stem.taxonomy.vocabularies import Taxonomy
from kho_stem.text import PhraseIndex
from kho_stem.yaml_source import load_located

OBJECTIVE_KINDS = "objective_kinds"


@dataclass(frozen=True)
class ObjectiveGroup:
    label: str  # Kiến thức, Kỹ năng, Thái độ
    objectives: tuple[str, ...]


@dataclass(frozen=True)
class MaterialRow:
    name: str
    quantity: str  # "1 cuộn mỗi nhóm", or "" when the card gives none
    note: str  # the card's note, and whether families send it


@dataclass(frozen=True)
class LessonPlan:
    title: str
    topics: tuple[str, ...]  # labels
    ages: tuple[str, ...]  # labels
    minutes: int
    group: str  # label of the way children are organised
    setting: str | None  # label of the place
    process: str | None  # label of the process, when it has steps
    process_steps: tuple[str, ...]
    safety: tuple[str, ...]
    hazards: tuple[str, ...]  # labels
    objectives: tuple[ObjectiveGroup, ...]  # only kinds that have objectives, in the taxonomy's order
    materials: tuple[MaterialRow, ...]
    steps: tuple[Block | TableBlock, ...]
    observe: tuple[str, ...]
    inclusion: str | None
    family: str | None
    author: str
    license: str
    updated: str | None


class ObjectiveSorter:
    """Puts each objective under the kind whose word it names first (``objective_kinds.yml``)."""

    def __init__(self, taxonomy: Taxonomy):
        if OBJECTIVE_KINDS not in taxonomy.vocabularies:
            file = taxonomy.root / f"{OBJECTIVE_KINDS}.yml"
            raise DiagnosticError([Problem(display_path(file), 1, "", "taxonomy_missing_file",
                                           {"name": display_path(file)})])
        kinds = taxonomy[OBJECTIVE_KINDS]
        fallbacks = [term for term in kinds if term.get("fallback") is True]
        if len(fallbacks) != 1:
            raise DiagnosticError([_fallback_problem(taxonomy.root / f"{OBJECTIVE_KINDS}.yml", len(fallbacks))])
        self.labels = {term.code: term.label for term in kinds}
        self.fallback = fallbacks[0].code
        self.index = PhraseIndex((word, term.code) for term in kinds for word in term.get("words", ()))

    def kind(self, objective: str) -> str:
        found = self.index.find(objective)
        return found[0].payloads[0] if found else self.fallback

    def groups(self, objectives: tuple[str, ...]) -> tuple[ObjectiveGroup, ...]:
        by_kind: dict[str, list[str]] = {code: [] for code in self.labels}
        for objective in objectives:
            by_kind[self.kind(objective)].append(objective)
        return tuple(ObjectiveGroup(self.labels[code], tuple(items)) for code, items in by_kind.items() if items)


def _fallback_problem(file: Path, count: int) -> Problem:
    """Located on the first kind that claims to be the fallback (a second one), else on the file."""
    line = 1
    try:
        document = load_located(file.read_text(encoding="utf-8-sig"))
        items = document.value.get("items", []) if isinstance(document.value, dict) else []
        claims = [index for index, item in enumerate(items) if isinstance(item, dict) and item.get("fallback")]
        if len(claims) > 1:
            line = document.line_of(("items", claims[1], "fallback"), 1)
    except (OSError, ValueError):
        pass  # the file was read when the taxonomy loaded: the count alone still says what to fix
    return Problem(display_path(file), line, "fallback", "lesson_plan_fallback", {"count": count})


def _quantity(item: MaterialItem, taxonomy: Taxonomy) -> str:
    if item.quantity is None:
        return ""
    per = f" {taxonomy['per'][item.per].label}" if item.per else ""
    return f"{item.quantity}{per}"


def _note(item: MaterialItem) -> str:
    parts = [item.note] if item.note else []
    if item.from_home:
        parts.append("Nhờ gia đình gửi đến lớp.")
    return " ".join(parts)


def lesson_plan(fact: CardFacts, taxonomy: Taxonomy, sorter: ObjectiveSorter) -> LessonPlan:
    process_code = fact.card.get("process") or "free"
    steps = taxonomy.process_steps(process_code) if process_code in taxonomy.processes else ()
    author = ", ".join(part for part in (fact.author.name, fact.author.school, fact.author.organization) if part)
    return LessonPlan(
        title=fact.title,
        topics=tuple(taxonomy.topics[code].label for code in fact.topics),
        ages=tuple(taxonomy.ages[code].label for code in fact.ages),
        minutes=fact.duration,
        group=taxonomy["groups"][fact.group].label,
        setting=taxonomy["settings"][fact.setting].label if fact.setting else None,
        process=taxonomy.processes[process_code].label if steps else None,
        process_steps=tuple(step.label for step in steps),
        safety=fact.safety,
        hazards=tuple(taxonomy.hazards[code].label for code in fact.hazards),
        objectives=sorter.groups(fact.objectives),
        materials=tuple(MaterialRow(item.name, _quantity(item, taxonomy), _note(item)) for item in fact.material_items),
        steps=body_blocks(fact.card.body_html),
        observe=fact.observe,
        inclusion=fact.inclusion,
        family=fact.family,
        author=author,
        license=taxonomy["licenses"][fact.license].label,
        updated=fact.updated,
    )
