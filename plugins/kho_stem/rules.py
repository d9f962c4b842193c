"""Rules beyond types: topics fit the ages, hazards drive safety, process steps are in order."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from .body import Heading
from .messages import Text
from .taxonomy import ProcessStep, Taxonomy, Term
from .text import fold, phrase_pattern
from .yaml_source import LocatedDocument, Path

Report = Callable[..., None]
_STEP_PREFIX = re.compile(r"^(?:buoc\s*\d+\s*[:.)\-–—]?\s*|\d+\s*[:.)\-–—]\s*)")


def check_topic_ages(meta: dict[str, Any], document: LocatedDocument, taxonomy: Taxonomy, report: Report) -> None:
    ages = [a for a in _codes(meta.get("ages")) if a in taxonomy.ages]
    for index, code in enumerate(_codes(meta.get("topics"))):
        if code not in taxonomy.topics:
            continue
        allowed = taxonomy.topics[code].get("ages", [])
        outside = [a for a in ages if a not in allowed]
        if outside:
            report(document.line_of(("topics", index), 1), "topics", "topic_age_mismatch",
                   topic=code, topic_ages=", ".join(allowed), ages=", ".join(outside))


@dataclass(frozen=True)
class _HazardPatterns:
    detect: re.Pattern[str] | None
    forbidden: re.Pattern[str] | None


class HazardRules:
    """The hazard rules of a taxonomy, with their word lists compiled once."""

    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        self.patterns = {
            hazard.code: _HazardPatterns(
                detect=phrase_pattern(hazard.get("detect") or []),
                forbidden=phrase_pattern(hazard.get("forbidden_materials") or []),
            )
            for hazard in taxonomy.hazards
        }

    def check(self, meta: dict[str, Any], body: str, document: LocatedDocument, report: Report) -> None:
        taxonomy = self.taxonomy
        ages = [a for a in _codes(meta.get("ages")) if a in taxonomy.ages]
        safety_notes = [note.lower() for note in _list(meta.get("safety")) if isinstance(note, str)]
        declared: dict[str, Path] = {}
        for index, item in enumerate(_list(meta.get("materials"))):
            name, hazards = _material(item)
            if name is None:
                continue
            path = ("materials", index)
            where = f"materials[{index + 1}]"
            # A hazard found in the name counts as declared for the rules below, so one run
            # reports everything the card needs (the note, the adult-only step), not one at a time.
            hazards = list(hazards)
            for hazard in taxonomy.hazards:
                patterns = self.patterns[hazard.code]
                plant = patterns.forbidden.search(name) if patterns.forbidden else None
                if plant:
                    report(document.line_of(path, 1), where, "forbidden_material", name=name, plant=plant.group(0))
                if hazard.code not in hazards and patterns.detect and patterns.detect.search(name):
                    report(document.line_of(path, 1), where, "hazard_undeclared",
                           name=name, hazard=hazard.code, label=_label(hazard))
                    hazards.append(hazard.code)
            for code in hazards:
                if code not in taxonomy.hazards:
                    continue  # already reported as an unknown code
                declared.setdefault(code, path)
                forbidden = [a for a in ages if a in (taxonomy.hazards[code].get("forbid_ages") or [])]
                if forbidden:
                    report(document.line_of((*path, "hazards"), 1), f"{where}.hazards", "hazard_forbidden_age",
                           hazard=code, label=_label(taxonomy.hazards[code]), ages=", ".join(forbidden))
        marker = taxonomy.adult_only_marker.lower()
        has_adult_step = marker in body.lower() or any(marker in note for note in safety_notes)
        for code, path in declared.items():
            hazard: Term = taxonomy.hazards[code]
            words = hazard.get("must_mention") or []
            if words and not any(word.lower() in note for note in safety_notes for word in words):
                report(document.line_of(("safety",), 1), "safety", "hazard_needs_safety_note", hazard=code,
                       label=_label(hazard), words=", ".join(words), point=hazard.get("safety_point", ""))
            if hazard.get("adult_only") and not has_adult_step:
                report(document.line_of(path, 1), f"materials[{path[1] + 1}]", "hazard_needs_adult_step",
                       hazard=code, label=_label(hazard), marker=taxonomy.adult_only_marker.capitalize())


def check_process(
    meta: dict[str, Any], headings: tuple[Heading, ...], document: LocatedDocument,
    taxonomy: Taxonomy, report: Report,
) -> None:
    code = meta.get("process")
    if not isinstance(code, str) or code not in taxonomy.processes:
        return
    steps = taxonomy.process_steps(code)
    if not steps:
        return
    found: dict[int, Heading] = {}
    furthest = -1
    for heading in headings:
        if heading.level != 2:
            continue
        index = _step_of(heading.text, steps)
        if index is None:
            continue
        found.setdefault(index, heading)  # present, even if misplaced: not also "missing"
        if index < furthest:
            report(heading.line, "", "process_step_order", heading=heading.text, number=index + 1,
                   process=code, later=steps[furthest].label)
            continue
        furthest = index
    process_line = document.line_of(("process",), 1)
    for index, step in enumerate(steps):
        if index in found or step.optional:
            continue
        if index:
            report(process_line, "process", "process_step_missing", process=code, step=step.label,
                   number=index + 1, previous=steps[index - 1].label)
        else:
            report(process_line, "process", "process_first_step_missing", process=code, step=step.label)


def _step_of(text: str, steps: tuple[ProcessStep, ...]) -> int | None:
    folded = _STEP_PREFIX.sub("", fold(text).strip())
    for index, names in enumerate(_folded_step_names(steps)):
        if folded.startswith(names):
            return index
    return None


@cache
def _folded_step_names(steps: tuple[ProcessStep, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(fold(name) for name in (step.label, *step.alternatives)) for step in steps)


def _list(value: Any) -> list[Any]:
    """The value when it is a list; a wrongly typed value was reported by the schema already."""
    return value if isinstance(value, list) else []


def _codes(value: Any) -> list[str]:
    return [v for v in _list(value) if isinstance(v, str)]


def _material(item: Any) -> tuple[str | None, list[str]]:
    if isinstance(item, str):
        return item, []
    if isinstance(item, dict) and isinstance(item.get("name"), str):
        return item["name"], _codes(item.get("hazards"))
    return None, []


def _label(term: Term) -> Text:
    return Text(term.label, term.label_en)
