"""Rules beyond types: topics fit the ages, durations fit one session, process steps are in order.

Hazard rules live in hazards.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from kho_stem.cards.body import Heading
from kho_stem.diagnostics.messages import Text
from kho_stem.diagnostics.problems import Severity
from kho_stem.taxonomy.vocabularies import ProcessStep, Taxonomy, Term
from kho_stem.text import fold
from kho_stem.yaml_source import LocatedDocument

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


def check_duration(meta: dict[str, Any], document: LocatedDocument, taxonomy: Taxonomy, report: Report) -> None:
    """Warn when a card is longer than one usual activity for its youngest age band."""
    duration = meta.get("duration")
    ages = [a for a in _codes(meta.get("ages")) if a in taxonomy.ages]
    if not ages or not isinstance(duration, int) or isinstance(duration, bool):
        return
    spec = taxonomy.field("duration")
    if spec is not None and duration > spec.schema.get("maximum", duration):
        return  # reported as an error already
    written = document.scalars.get(("duration",))
    if written is not None and not written.raw.strip().isdigit():
        return  # "1:30" and the like are reported as YAML traps already
    youngest = min(ages, key=taxonomy.ages.codes.index)
    typical = taxonomy.typical_minutes(youngest)
    if typical is None or duration <= typical:
        return
    sessions = -(-duration // typical)
    report(document.line_of(("duration",), 1), "duration", "duration_too_long", severity=Severity.WARNING,
           duration=duration, age=_short_label(taxonomy.ages[youngest]), typical=typical, sessions=sessions,
           each=-(-duration // sessions))


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


def _short_label(term: Term) -> Text:
    return Text(str(term.get("short", term.label)), term.label_en)


def _label(term: Term) -> Text:
    return Text(term.label, term.label_en)
