"""The taxonomy: vocabularies, hazards, processes and card fields, read from data files.

Every ``*.yml`` file in the taxonomy folder except ``fields.yml`` and ``limits.yml`` (the size
limits of a card, see ``limits.py``) is a vocabulary named after
the file (``ages.yml`` -> ``ages``) with a ``noun`` for messages and a list of ``items``, each
with at least ``code`` and ``label``. ``fields.yml`` defines the card's front-matter fields.
The taxonomy is checked as it is loaded, so a broken data file gets a file:line message too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kho_stem.diagnostics.problems import DiagnosticError, Problem, display_path
from kho_stem.taxonomy.limits import LIMITS_FILE, Limits, read_limits
from kho_stem.taxonomy.material_check import material_problems
from kho_stem.taxonomy.self_check import (
    REQUIRED_DEFAULTS,
    code_problem,
    default_problem,
    field_schema_problems,
    html_policy_problems,
    icon_problem,
    not_text,
    synonym_group_problems,
    untitled_parts,
)
from kho_stem.text import nfc
from kho_stem.yaml_source import LocatedDocument, YamlSyntaxError, load_located

FIELDS_FILE = "fields.yml"
# Vocabularies the code reads by name; any other vocabulary file is used only through fields.yml.
CORE_VOCABULARIES = ("ages", "topics", "processes", "hazards", "weeks", "weekdays")
# The teacher's plan places cards in a week and a day of these: an empty list leaves nowhere to place them.
PLAN_VOCABULARIES = ("weeks", "weekdays")
_EXTRA_KEYS: dict[str, tuple[str, ...]] = {
    "topics": ("description", "ages", "ref_2860", "icon"),
    "stem": ("icon",),  # every topic and STEM field has a picture (issue #23, item 12)
    "hazards": ("forbid_ages", "adult_only", "must_mention", "safety_point", "source"),
    "processes": ("steps",),
    "materials": ("words",),
    "synonyms": ("words",),
}
# Whole numbers > 0 the materials list plans with: settings of a vocabulary file, and keys of its items.
_COUNT_SETTINGS: dict[str, tuple[str, ...]] = {"per": ("class_size",)}
_COUNT_ITEM_KEYS: dict[str, tuple[str, ...]] = {"per": ("children",)}
# Keys whose value is a list of words or codes: a plain string there would be read letter by letter.
_TEXT_LIST_KEYS = ("ages", "nha_tre", "attributes", "forbid_ages", "must_mention", "detect", "forbidden_materials",
                   "words", "substitutes", "not", "misuse", "safe_forms", "detect_if", "detect_context")
# Word lists of the hazard vocabulary as a whole (hazards.yml, beside `items`).
HAZARD_WORD_LISTS = ("adult_only_markers", "not_markers", "negation_cues", "not_negation", "negation_list_words",
                     "child_words", "clause_words")


@dataclass(frozen=True)
class Term:
    code: str
    label: str
    label_en: str
    data: MappingProxyType[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


@dataclass(frozen=True)
class Vocabulary:
    name: str
    noun: str
    noun_en: str
    terms: tuple[Term, ...]
    settings: MappingProxyType[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(term.code for term in self.terms)

    def __contains__(self, code: object) -> bool:
        return any(term.code == code for term in self.terms)

    def __getitem__(self, code: str) -> Term:
        for term in self.terms:
            if term.code == code:
                return term
        raise KeyError(code)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def noun_in(self, language: str) -> str:
        return self.noun_en if language == "en" else self.noun


@dataclass(frozen=True)
class ProcessStep:
    label: str
    label_en: str
    alternatives: tuple[str, ...]
    optional: bool


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    help: str
    help_en: str
    required: bool
    schema: MappingProxyType[str, Any]
    default: Any = None
    deprecated: str | None = None

    def help_in(self, language: str) -> str:
        return self.help_en if language == "en" else self.help


@dataclass(frozen=True)
class Taxonomy:
    root: Path
    vocabularies: MappingProxyType[str, Vocabulary]
    fields: tuple[FieldSpec, ...]
    limits: Limits

    def __getitem__(self, name: str) -> Vocabulary:
        return self.vocabularies[name]

    @property
    def ages(self) -> Vocabulary:
        return self.vocabularies["ages"]

    @property
    def topics(self) -> Vocabulary:
        return self.vocabularies["topics"]

    @property
    def hazards(self) -> Vocabulary:
        return self.vocabularies["hazards"]

    @property
    def processes(self) -> Vocabulary:
        return self.vocabularies["processes"]

    @property
    def synonym_groups(self) -> tuple[tuple[str, ...], ...]:
        """The words of each group in synonyms.yml (NFC, lower case); none without that file."""
        vocabulary = self.vocabularies.get("synonyms")
        return tuple(tuple(nfc(word).lower() for word in term.get("words")) for term in vocabulary or ())

    @property
    def adult_only_markers(self) -> tuple[str, ...]:
        """The phrases that mark a step only an adult does; the first is the wording to propose."""
        return tuple(self.hazards.settings["adult_only_markers"])

    def typical_minutes(self, age: str) -> int | None:
        """The usual length of one activity for an age band (ages.yml), if recorded."""
        value = self.ages[age].get("typical_minutes") if age in self.ages else None
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def field(self, key: str) -> FieldSpec | None:
        for spec in self.fields:
            if spec.key == key:
                return spec
        return None

    def process_steps(self, code: str) -> tuple[ProcessStep, ...]:
        return self._process_steps[code]

    @cached_property
    def _process_steps(self) -> dict[str, tuple[ProcessStep, ...]]:
        return {
            process.code: tuple(
                ProcessStep(
                    label=step["label"],
                    label_en=step.get("label_en", step["label"]),
                    alternatives=tuple(step.get("alternatives") or ()),
                    optional=bool(step.get("optional", False)),
                )
                for step in process.get("steps", ())
            )
            for process in self.processes
        }


def load_taxonomy(root: Path) -> Taxonomy:
    """Load and check the taxonomy folder; raises DiagnosticError listing every problem."""
    loader = _TaxonomyLoader(root)
    taxonomy = loader.load()
    if loader.problems:
        raise DiagnosticError(loader.problems)
    return taxonomy


class _TaxonomyLoader:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.documents: dict[str, tuple[Path, LocatedDocument]] = {}
        self.field_keys: set[str] = set()

    def report(self, file: Path, line: int, key: str, code: str, /, **params: object) -> None:
        self.problems.append(Problem(display_path(file), line, key, code, params))

    def read(self, file: Path) -> LocatedDocument | None:
        if not file.is_file():
            self.report(file, 1, "", "taxonomy_missing_file", name=display_path(file))
            return None
        try:
            text = file.read_text(encoding="utf-8-sig")
            return load_located(text.replace("\r\n", "\n"))
        except (OSError, UnicodeDecodeError) as error:
            self.report(file, 1, "", "file_unreadable", reason=str(error))
        except YamlSyntaxError as error:
            self.report(file, error.line, "", "yaml_syntax", problem=error.problem)
        return None

    def load(self) -> Taxonomy:
        vocabularies: dict[str, Vocabulary] = {}
        files = sorted(p for p in self.root.glob("*.yml") if p.name not in (FIELDS_FILE, LIMITS_FILE))
        for file in files:
            vocabulary = self.load_vocabulary(file)
            if vocabulary is not None:
                vocabularies[vocabulary.name] = vocabulary
        for name in CORE_VOCABULARIES:
            if name not in vocabularies and not any(f.stem == name for f in files):
                self.report(self.root / f"{name}.yml", 1, "", "taxonomy_missing_file", name=f"{name}.yml")
        for name in PLAN_VOCABULARIES:
            # Only an empty list: a list whose items are all broken is reported item by item already.
            if name in self.documents and not self.documents[name][1].value["items"]:
                file, document = self.documents[name]
                self.report(file, document.line_of(("items",), 1), "items", "taxonomy_plan_list_empty", name=file.name)
        fields = self.load_fields(self.root / FIELDS_FILE, vocabularies)
        # Every field named in fields.yml, even a broken one already reported: limits may name it.
        limits = self.load_limits(self.root / LIMITS_FILE, self.field_keys)
        if not self.problems:
            self.check_references(vocabularies)
        return Taxonomy(self.root, MappingProxyType(vocabularies), fields, limits)  # type: ignore[arg-type]

    def load_limits(self, file: Path, field_keys: set[str]) -> Limits | None:
        document = self.read(file)
        if document is None:
            return None

        def report(line: int, key: str, code: str, /, **params: object) -> None:
            self.report(file, line, key, code, **params)

        return read_limits(document, report, field_keys)

    def load_vocabulary(self, file: Path) -> Vocabulary | None:
        document = self.read(file)
        if document is None:
            return None
        data = document.value
        shape = "noun, noun_en, items (danh sách các mục có code và label)"
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            self.report(file, 1, "", "taxonomy_bad_shape", expected=shape)
            return None
        for key in ("noun", "noun_en"):
            if key not in data:
                self.report(file, 1, key, "taxonomy_missing_key", key=key)
            elif not isinstance(data[key], str):
                self.report(file, document.line_of((key,), 1), key, "taxonomy_not_text", key=key)
        name = file.stem
        required = ("code", "label", *_EXTRA_KEYS.get(name, ()))
        if name == "hazards":
            self.check_hazard_word_lists(file, document, data)
        if name == "html":
            for key, code, params in html_policy_problems(data):
                self.report(file, document.line_of((key,), 1), key, code, **params)
        for key in _COUNT_SETTINGS.get(name, ()):
            if not _is_count(data.get(key)):
                self.report(file, document.line_of((key,), 1), key, "taxonomy_not_a_count", value=data.get(key, ""))
        if name == "materials":
            for path, key, code, params in material_problems(data):
                self.report(file, document.line_of(path, 1), key, code, **params)
        terms: list[Term] = []
        positions: list[int] = []  # each term's place in `items`, for locating later checks
        seen: set[str] = set()
        for index, item in enumerate(data["items"]):
            line = document.line_of(("items", index), 1)
            if not isinstance(item, dict):
                self.report(file, line, "items", "taxonomy_bad_shape", expected=shape)
                continue
            missing = [key for key in required if key not in item]
            for key in missing:
                self.report(file, line, f"items[{index + 1}]", "taxonomy_missing_key", key=key)
            if missing:
                continue
            wrong_texts = not_text(item, ("code", "label", "label_en", "description", "short", "safety_point", "icon"))
            for key in wrong_texts:
                self.report(file, document.line_of(("items", index, key), line), key, "taxonomy_not_text", key=key)
            if wrong_texts:
                continue
            bad_icon = icon_problem(item["icon"]) if "icon" in item else None
            if bad_icon:
                self.report(file, document.line_of(("items", index, "icon"), line), "icon", bad_icon[0], **bad_icon[1])
            bad_code = code_problem(name, item["code"])
            if bad_code:
                self.report(file, document.line_of(("items", index, "code"), line), "code", bad_code[0], **bad_code[1])
                continue
            wrong_lists = [key for key in _TEXT_LIST_KEYS if key in item and not (
                isinstance(item[key], list) and all(isinstance(word, str) for word in item[key]))]
            for key in wrong_lists:
                self.report(file, document.line_of(("items", index, key), line), key, "taxonomy_not_a_list", key=key)
            if wrong_lists:
                continue
            wrong_counts = [key for key in _COUNT_ITEM_KEYS.get(name, ()) if key in item and not _is_count(item[key])]
            for key in wrong_counts:
                self.report(file, document.line_of(("items", index, key), line), key, "taxonomy_not_a_count",
                            value=item[key])
            if wrong_counts:
                continue
            code = str(item["code"])
            if code in seen:
                self.report(file, line, "code", "taxonomy_duplicate_code", code=code)
                continue
            seen.add(code)
            extra = {k: v for k, v in item.items() if k not in ("code", "label", "label_en")}
            positions.append(index)
            terms.append(
                Term(
                    code=code,
                    label=str(item["label"]),
                    label_en=str(item.get("label_en", item["label"])),
                    data=MappingProxyType(extra),
                )
            )
        if name == "synonyms":
            groups = [term.get("words") for term in terms]
            for group, code, params in synonym_group_problems(groups):
                index = positions[group]
                line = document.line_of(("items", index, "words"), 1)
                self.report(file, line, f"items[{index + 1}].words", code, **params)
        settings = {k: v for k, v in data.items() if k not in ("noun", "noun_en", "items")}
        self.documents[name] = (file, document)
        return Vocabulary(
            name=name,
            noun=str(data.get("noun", name)),
            noun_en=str(data.get("noun_en", name)),
            terms=tuple(terms),
            settings=MappingProxyType(settings),
        )

    def check_hazard_word_lists(self, file: Path, document: LocatedDocument, data: dict[str, Any]) -> None:
        if not data.get("adult_only_markers"):
            self.report(file, 1, "adult_only_markers", "taxonomy_missing_key", key="adult_only_markers")
        for key in HAZARD_WORD_LISTS:
            value = data.get(key, [])
            if not (isinstance(value, list) and all(isinstance(word, str) for word in value)):
                self.report(file, document.line_of((key,), 1), key, "taxonomy_not_a_list", key=key)

    def load_fields(self, file: Path, vocabularies: dict[str, Vocabulary]) -> tuple[FieldSpec, ...]:
        document = self.read(file)
        if document is None:
            return ()
        data = document.value
        if not isinstance(data, dict) or not isinstance(data.get("fields"), dict):
            self.report(file, 1, "", "taxonomy_bad_shape", expected="fields: {tên-trường: {...}}")
            return ()
        specs: list[FieldSpec] = []
        self.field_keys = {str(key) for key in data["fields"]}
        for key, spec in data["fields"].items():
            line = document.line_of(("fields", key), 1)
            if not isinstance(spec, dict) or not isinstance(spec.get("schema"), dict):
                self.report(file, line, key, "taxonomy_missing_key", key="schema")
                continue
            for missing in ("label", "help"):
                if missing not in spec:
                    self.report(file, line, key, "taxonomy_missing_key", key=missing)
            for wrong in not_text(spec, ("label", "help", "help_en", "deprecated")):
                self.report(file, document.line_of(("fields", key, wrong), line), f"{key}.{wrong}",
                            "taxonomy_not_text", key=wrong)
            schema_problems = field_schema_problems(spec["schema"])
            for code, params in schema_problems:
                self.report(file, document.line_of(("fields", key, "schema"), line), f"{key}.schema", code, **params)
            if schema_problems:
                continue
            # The forms leave deprecated fields out, so only the others need labels for their parts.
            for path, part in () if spec.get("deprecated") else untitled_parts(spec["schema"]):
                self.report(file, document.line_of(("fields", key, "schema", *path), line), f"{key}.{part}",
                            "taxonomy_part_untitled", part=part)
            if key in REQUIRED_DEFAULTS and spec.get("default") is None:
                self.report(file, line, key, "taxonomy_default_required", key=key)
            elif spec.get("default") is not None:
                codes = {name: vocabulary.codes for name, vocabulary in vocabularies.items()}
                bad_default = default_problem(spec["default"], spec["schema"], codes)
                if bad_default:
                    self.report(file, document.line_of(("fields", key, "default"), line), f"{key}.default",
                                bad_default[0], **bad_default[1])
            for reference in _vocabulary_references(spec["schema"]):
                # A vocabulary whose file exists but is broken was reported already.
                if reference not in vocabularies and not (self.root / f"{reference}.yml").is_file():
                    self.report(file, line, key, "taxonomy_unknown_code", code=reference,
                                vocabulary="content/taxonomy")
            specs.append(
                FieldSpec(
                    key=key,
                    label=str(spec.get("label", key)),
                    help=str(spec.get("help", "")),
                    help_en=str(spec.get("help_en", spec.get("help", ""))),
                    required=bool(spec.get("required", False)),
                    schema=MappingProxyType(spec["schema"]),
                    default=spec.get("default"),
                    deprecated=spec.get("deprecated"),
                )
            )
        return tuple(specs)

    def check_references(self, vocabularies: dict[str, Vocabulary]) -> None:
        """Codes that one vocabulary uses from another must exist there."""
        ages = vocabularies["ages"]
        references = (("topics", "ages"), ("hazards", "forbid_ages"))
        for name, key in references:
            file, document = self.documents[name]
            for index, term in enumerate(vocabularies[name]):
                codes = term.get(key) or []
                if not isinstance(codes, list):
                    line = document.line_of(("items", index, key), 1)
                    self.report(file, line, key, "taxonomy_bad_shape", expected=f"{key}: [mã độ tuổi, ...]")
                    continue
                for code in codes:
                    if code not in ages:
                        line = document.line_of(("items", index, key), 1)
                        self.report(file, line, key, "taxonomy_unknown_code", code=code, vocabulary="ages.yml")
        file, document = self.documents["processes"]
        for index, term in enumerate(vocabularies["processes"]):
            steps = term.get("steps")
            if not isinstance(steps, list) or not all(isinstance(s, dict) and "label" in s for s in steps):
                line = document.line_of(("items", index, "steps"), 1)
                self.report(file, line, "steps", "taxonomy_bad_shape", expected="steps: [{label: ...}, ...]")


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _vocabulary_references(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        if "vocabulary" in schema:
            yield str(schema["vocabulary"])
        for value in schema.values():
            yield from _vocabulary_references(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _vocabulary_references(value)
