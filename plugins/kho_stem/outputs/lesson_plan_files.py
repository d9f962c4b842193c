"""Each card's giáo án (.docx), made once and kept by the card's content, like published images.

A giáo án depends only on the card (its content hash, and the body as published), the taxonomy
(labels, the objective kinds), the code that writes it and python-docx, so the key is a hash of
all of them: a build with no such change does no .docx work, and editing a card makes only its
giáo án again. The folder is safe to delete. Files are written whole (``write_cache_file``).

Beside each .docx the cache keeps what the plan page's whole-plan document needs of it (``.json``,
``lesson_plan_payload``), cut from the same bytes when the .docx is made (or found without it),
and the template's parts once per fingerprint: a warm build reads files and makes no document.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

from kho_stem.cards.cache_file import write_cache_file
from kho_stem.cards.reviews import content_hash
from kho_stem.catalog import facts as facts_module
from kho_stem.catalog.facts import CardFacts
from kho_stem.diagnostics.problems import Problem, Severity
from kho_stem.outputs import lesson_plan as plan_module
from kho_stem.outputs import lesson_plan_body, lesson_plan_docx, lesson_plan_payload
from kho_stem.outputs.lesson_plan import LessonPlan, ObjectiveSorter, lesson_plan
from kho_stem.outputs.lesson_plan_docx import lesson_plan_docx as write_docx
from kho_stem.outputs.lesson_plan_payload import (
    card_payload,
    card_script,
    template_json,
    template_payload,
    template_script,
)
from kho_stem.taxonomy.vocabularies import Taxonomy

FORMAT = 2  # of the files written here (2: each .docx has its plan payload beside it)
# Below this many documents to make, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 16
_CODE = (plan_module, lesson_plan_body, lesson_plan_docx, lesson_plan_payload, facts_module)
# Not ".js": the cache would be linted as the project's scripts (the site names the copy giao-an.js).
_SCRIPT_SUFFIX = ".script"
_UNCUTTABLE = (ValueError, KeyError, zipfile.BadZipFile)  # what cutting a .docx that is not as expected raises


class LessonPlanFiles:
    def __init__(self, folder: Path, taxonomy: Taxonomy):
        self.folder = folder
        self.taxonomy = taxonomy
        digest = hashlib.sha256(f"{FORMAT}|{version('python-docx')}|{version('lxml')}".encode())
        for module in _CODE:
            digest.update(Path(str(module.__file__)).read_bytes())
        for file in sorted(taxonomy.root.glob("*.yml")):
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
        self.fingerprint = digest.hexdigest()

    def file_for(self, fact: CardFacts) -> Path:
        card = fact.card
        key = hashlib.sha256(f"{self.fingerprint}\0{card.content_hash or content_hash(card.path)}\0".encode()
                             + card.body_html.encode("utf-8")).hexdigest()
        return self.folder / key[:2] / f"{key}.docx"

    def publish(self, facts: Iterable[CardFacts]) -> tuple[dict[str, Path], list[Problem]]:
        """Each card's giáo án file by slug, made only where the cache has none, and a warning
        for each card whose giáo án could not be made (its page is built without the link).

        Raises ``DiagnosticError`` when ``objective_kinds.yml`` is unusable and a giáo án must be made."""
        files: dict[str, Path] = {}
        missing: list[tuple[CardFacts, Path]] = []
        for fact in facts:
            target = self.file_for(fact)
            if target.is_file() and _has_payload(target):
                files[fact.slug] = target
            else:
                missing.append((fact, target))
        if not missing:
            return files, []
        sorter = ObjectiveSorter(self.taxonomy)
        problems: list[Problem] = []
        plans: list[tuple[CardFacts, Path, LessonPlan]] = []
        for fact, target in missing:
            try:
                plans.append((fact, target, lesson_plan(fact, self.taxonomy, sorter)))
            except (KeyError, ValueError, TypeError) as error:
                problems.append(_failed(fact, error))
        for (fact, target, _), made in zip(plans, _write_all([plan for _, _, plan in plans]), strict=True):
            if isinstance(made, str):
                problems.append(_failed(fact, made))
                continue
            try:
                _cache_payload(target, made)
            except _UNCUTTABLE as error:
                problems.append(_failed(fact, error))
                continue
            write_cache_file(target, made)
            if target.is_file():
                files[fact.slug] = target
            else:
                problems.append(_failed(fact, f"cannot write {target}"))
        return files, problems

    def scripts(self, files: dict[str, Path]) -> dict[str, Path]:
        """Each card's part of the plan's .docx as the script published beside its page, by slug,
        kept in the cache beside its .docx (``files``, from ``publish``): a build links the files
        instead of writing a thousand scripts again."""
        scripts: dict[str, Path] = {}
        for slug, docx in files.items():
            script = docx.with_name(f"{docx.stem}.{slug}{_SCRIPT_SUFFIX}")
            if not script.is_file():
                write_cache_file(script, card_script(slug, payload_file(docx).read_text(encoding="utf-8")).encode())
            scripts[slug] = script
        return scripts

    def template_script(self) -> str:
        """The script with the template's parts (``lesson_plan_payload.template_payload``), made once."""
        # Kept as JSON: a .js file in the cache would be linted as one of the project's scripts.
        cached = self.folder / f"template-{self.fingerprint}.json"
        if cached.is_file():
            return template_script(cached.read_text(encoding="utf-8"))
        payload = template_json(template_payload())
        write_cache_file(cached, payload.encode("utf-8"))
        return template_script(payload)


def payload_file(docx: Path) -> Path:
    """Where the cache keeps the plan page's part of the giáo án ``docx`` (JSON, body and numbering)."""
    return docx.with_suffix(".json")


def _cache_payload(target: Path, docx: bytes) -> None:
    """Caches the plan page's part of the giáo án ``docx`` (the bytes of ``target``); raises ``_UNCUTTABLE``."""
    write_cache_file(payload_file(target), card_payload(docx).as_json().encode("utf-8"))


def _has_payload(target: Path) -> bool:
    """The cached giáo án's payload is cached, or is cut now from the file (a build stopped between the
    two); False for a file it cannot be cut from (damaged), which is then made again like a missing one."""
    if payload_file(target).is_file():
        return True
    try:
        _cache_payload(target, target.read_bytes())
    except (*_UNCUTTABLE, OSError):
        return False
    return True


def _failed(fact: CardFacts, reason: object) -> Problem:
    return Problem(fact.card.source, 1, "", "lesson_plan_failed", {"reason": str(reason)}, Severity.WARNING)


def _write_one(plan: LessonPlan) -> bytes | str:
    """The document, or why python-docx refused it (a reason, not a traceback)."""
    try:
        return write_docx(plan)
    except (KeyError, ValueError, TypeError) as error:
        return f"{type(error).__name__}: {error}"


def _write_all(plans: list[LessonPlan]) -> list[bytes | str]:
    workers = min(os.cpu_count() or 1, 4)
    if len(plans) < PARALLEL_THRESHOLD or workers < 2:
        return [_write_one(plan) for plan in plans]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_write_one, plans, chunksize=8))
