"""Rules beyond types: topics fit the ages, hazards drive safety, process steps are in order."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .body import Heading
from .messages import Text
from .taxonomy import ProcessStep, Taxonomy, Term
from .text import contains_phrase, fold
from .yaml_source import LocatedDocument

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


def check_hazards(
    meta: dict[str, Any], body: str, document: LocatedDocument, taxonomy: Taxonomy, report: Report
) -> None:
    ages = [a for a in _codes(meta.get("ages")) if a in taxonomy.ages]
    safety_notes = [note for note in meta.get("safety") or [] if isinstance(note, str)]
    declared: dict[str, tuple[int, ...]] = {}
    for index, item in enumerate(meta.get("materials") or []):
        name, hazards = _material(item)
        if name is None:
            continue
        path = ("materials", index)
        for hazard in taxonomy.hazards:
            for plant in hazard.get("forbidden_materials") or []:
                if contains_phrase(name, plant):
                    report(document.line_of(path, 1), f"materials[{index + 1}]", "forbidden_material",
                           name=name, plant=plant)
            if hazard.code in hazards:
                continue
            if any(contains_phrase(name, word) for word in hazard.get("detect") or []):
                report(document.line_of(path, 1), f"materials[{index + 1}]", "hazard_undeclared",
                       name=name, hazard=hazard.code, label=_label(hazard))
        for code in hazards:
            if code not in taxonomy.hazards:
                continue  # already reported as an unknown code
            declared.setdefault(code, path)
            forbidden = [a for a in ages if a in (taxonomy.hazards[code].get("forbid_ages") or [])]
            if forbidden:
                report(document.line_of((*path, "hazards"), 1), f"materials[{index + 1}].hazards",
                       "hazard_forbidden_age", hazard=code, label=_label(taxonomy.hazards[code]),
                       ages=", ".join(forbidden))
    marker = taxonomy.adult_only_marker.lower()
    has_adult_step = marker in body.lower() or any(marker in note.lower() for note in safety_notes)
    for code, path in declared.items():
        hazard: Term = taxonomy.hazards[code]
        words = hazard.get("must_mention") or []
        if words and not any(word.lower() in note.lower() for note in safety_notes for word in words):
            report(document.line_of(("safety",), 1), "safety", "hazard_needs_safety_note",
                   hazard=code, label=_label(hazard), words=", ".join(words), point=hazard.get("safety_point", ""))
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
        if index < furthest:
            report(heading.line, "", "process_step_order", heading=heading.text, number=index + 1,
                   process=code, previous=steps[index - 1].label if index else steps[furthest].label)
            continue
        furthest = index
        found.setdefault(index, heading)
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
    for index, step in enumerate(steps):
        if any(folded.startswith(fold(name)) for name in (step.label, *step.alternatives)):
            return index
    return None


def _codes(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _material(item: Any) -> tuple[str | None, list[str]]:
    if isinstance(item, str):
        return item, []
    if isinstance(item, dict) and isinstance(item.get("name"), str):
        return item["name"], _codes(item.get("hazards"))
    return None, []


def _label(term: Term) -> Text:
    return Text(term.label, term.label_en)
