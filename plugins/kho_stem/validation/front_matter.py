"""Check front-matter values against the card schema and turn each failure into a Problem.

Types, required keys, unknown keys and value ranges are checked by JSON Schema (the same
schema that is written for editors); this module adds what the schema cannot say well to a
teacher: YAML 1.1 coercions, dates, "did you mean" and a line number for every message.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import fastjsonschema

from kho_stem.diagnostics.messages import Text, phrase, type_name
from kho_stem.diagnostics.problems import Severity
from kho_stem.taxonomy.card_schema import card_schema
from kho_stem.taxonomy.vocabularies import FieldSpec, Taxonomy
from kho_stem.validation.suggest import closest
from kho_stem.yaml_source import LocatedDocument, Path

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

_INT_TAG = "tag:yaml.org,2002:int"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Report = Callable[..., None]


def key_path(path: Path, value_is_scalar_item: bool = False) -> str:
    """``("materials", 2, "per")`` -> ``materials[3].per`` (items counted from 1, as people do).

    A scalar item of a simple list is named by its list (``ages``): the message quotes the value.
    """
    if value_is_scalar_item and path and isinstance(path[-1], int):
        path = path[:-1]
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "date"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "string"


def _types(schema: dict[str, Any]) -> set[str]:
    declared = schema.get("type", [])
    return {declared} if isinstance(declared, str) else set(declared)


class FrontMatterChecker:
    """Compiled once per taxonomy; ``check`` is called for every card."""

    def __init__(self, taxonomy: Taxonomy):
        self.taxonomy = taxonomy
        self.schema = card_schema(taxonomy)
        self._validator: Draft202012Validator | None = None  # jsonschema's, built on the first invalid card
        # Most cards are valid: a compiled validator answers "valid" ~10x faster, and only an
        # invalid card pays for jsonschema's complete, located error list.
        self.is_valid_fast = fastjsonschema.compile(_without_formats(self.schema), use_default=False)
        self.defaults = {spec.key: spec.default for spec in taxonomy.fields if spec.default is not None}

    def check(self, document: LocatedDocument, report: Report) -> dict[str, Any]:
        """Report every problem of the front matter; return the values with defaults applied."""
        data = document.value
        for spec in self.taxonomy.fields:
            if spec.deprecated and spec.key in data:
                report(
                    document.line_of((spec.key,), 1), spec.key, "deprecated_key",
                    severity=Severity.WARNING, message=spec.deprecated,
                )
        trapped: set[Path] = set()
        data = self._normalise(data, self.schema, (), document, report, trapped)
        if self._passes_fast_check(data):
            return {**self.defaults, **data}
        for error in self._detailed_validator().iter_errors(data):
            path = tuple(error.absolute_path)
            if any(path[: len(t)] == t for t in trapped):
                continue
            self._report_error(error, path, document, report)
        return {**self.defaults, **data}

    def _detailed_validator(self) -> Draft202012Validator:
        if self._validator is None:
            # Imported here: importing jsonschema costs more than checking 50 valid cards.
            from jsonschema import Draft202012Validator

            self._validator = Draft202012Validator(self.schema)
        return self._validator

    def _passes_fast_check(self, data: dict[str, Any]) -> bool:
        try:
            self.is_valid_fast(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    # -- YAML 1.1 coercions and dates -----------------------------------------------------------
    def _normalise(
        self, value: Any, schema: dict[str, Any], path: Path, document: LocatedDocument,
        report: Report, trapped: set[Path],
    ) -> Any:
        types = _types(schema)
        if isinstance(value, dict) and "object" in types:
            properties = schema.get("properties", {})
            return {
                key: self._normalise(item, properties[key], (*path, key), document, report, trapped)
                if key in properties else item
                for key, item in value.items()
            }
        if isinstance(value, list) and "array" in types:
            items = schema.get("items", {})
            return [
                self._normalise(item, items, (*path, index), document, report, trapped)
                for index, item in enumerate(value)
            ]
        scalar = document.scalars.get(path)
        line = document.line_of(path, 1)
        if schema.get("format") == "date":
            if isinstance(value, datetime.datetime):
                return value.date().isoformat()
            if isinstance(value, datetime.date):
                return value.isoformat()
            if isinstance(value, str) and not _is_iso_date(value):
                report(line, key_path(path), "bad_date", value=value)
                trapped.add(path)
            return value
        if scalar is None or not scalar.plain or value is None or isinstance(value, str):
            return value
        if types == {"string"}:
            if isinstance(value, bool):
                code = "trap_bool"
            elif isinstance(value, (datetime.date, datetime.datetime)):
                code = "trap_date"
            else:
                code = "trap_number"
            report(line, key_path(path, True), code, raw=scalar.raw)
            trapped.add(path)
            return scalar.raw
        if "integer" in types and scalar.tag == _INT_TAG and ":" in scalar.raw:
            report(line, key_path(path), "trap_sexagesimal", raw=scalar.raw, value=value)
            trapped.add(path)
        return value

    # -- JSON Schema errors ---------------------------------------------------------------------
    def _report_error(
        self, error: Any, path: Path, document: LocatedDocument, report: Report
    ) -> None:
        kind = error.validator
        schema = error.schema if isinstance(error.schema, dict) else {}
        instance = error.instance
        line = document.line_of(path, 1)
        if kind == "required":
            present = instance if isinstance(instance, dict) else {}
            # jsonschema raises one error per missing key, each carrying the whole list: name
            # only the key this error is about, or ten missing keys would print a hundred lines.
            for missing in [key for key in error.validator_value if error.message.startswith(f"{key!r} ")][:1]:
                if missing in present:
                    continue
                if not path:
                    spec = self.taxonomy.field(missing)
                    report(1, "", "required", key=missing, label=spec.label if spec else missing,
                           help=_help(spec))
                else:
                    report(line, key_path(path), "required_subkey", key=missing)
        elif kind == "additionalProperties":
            known = list(schema.get("properties", {}))
            for extra in sorted(set(instance) - set(known), key=list(instance).index):
                suggestion = closest(extra, known)
                hint = (
                    phrase("did_you_mean", suggestion=suggestion) if suggestion
                    else phrase("valid_choices", choices=", ".join(known))
                )
                report(document.line_of((*path, extra), line), key_path((*path, extra)),
                       "unknown_key", hint=hint)
        elif kind == "type":
            if instance is None:
                spec = self.taxonomy.field(path[0]) if len(path) == 1 and isinstance(path[0], str) else None
                help_text = _help(spec) if spec else phrase(
                    "wrong_type", expected=type_name(error.validator_value), actual=type_name("null"))
                report(line, key_path(path), "empty_value", help=help_text)
            else:
                report(line, key_path(path, True), "wrong_type",
                       expected=type_name(error.validator_value), actual=type_name(_json_type(instance)))
        elif kind == "enum":
            vocabulary = self.taxonomy[schema["x-vocabulary"]]
            codes = list(vocabulary.codes)
            suggestion = closest(str(instance), codes)
            hint = (
                phrase("did_you_mean", suggestion=suggestion) if suggestion
                else phrase("valid_choices", choices=", ".join(codes))
            )
            report(line, key_path(path, True), "not_in_vocabulary", value=instance,
                   noun=Text(vocabulary.noun, vocabulary.noun_en), hint=hint)
        elif kind == "minLength":
            report(line, key_path(path, True), "too_short", limit=error.validator_value, actual=len(instance))
        elif kind == "maxLength":
            report(line, key_path(path, True), "too_long", limit=error.validator_value, actual=len(instance))
        elif kind == "minItems":
            report(line, key_path(path), "too_few_items", limit=error.validator_value)
        elif kind in ("minimum", "exclusiveMinimum"):
            report(line, key_path(path), "below_minimum", limit=error.validator_value, value=instance)
        elif kind in ("maximum", "exclusiveMaximum"):
            report(line, key_path(path), "above_maximum", limit=error.validator_value, value=instance)
        elif kind == "uniqueItems":
            report(line, key_path(path), "duplicate_items", value=_first_repeated(instance))
        elif kind == "pattern":
            report(line, key_path(path, True), "bad_slug", value=instance)
        else:  # a keyword fields.yml may use later: still a located message, never a traceback
            report(line, key_path(path), "wrong_type", expected=error.message, actual=str(instance))


def _without_formats(schema: Any) -> Any:
    """Formats are checked by ``_normalise`` (dates) and the image rules, not by the schema."""
    if isinstance(schema, dict):
        return {k: _without_formats(v) for k, v in schema.items() if k not in ("format", "$schema", "$id")}
    if isinstance(schema, list):
        return [_without_formats(v) for v in schema]
    return schema


def _help(spec: FieldSpec | None) -> Text:
    return Text(spec.help, spec.help_en) if spec else Text("", "")


def _first_repeated(items: list[Any]) -> Any:
    seen: list[Any] = []
    for item in items:
        if item in seen:
            return item
        seen.append(item)
    return None


def _is_iso_date(text: str) -> bool:
    if not _DATE.match(text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
