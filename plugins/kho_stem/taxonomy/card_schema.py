"""The card's JSON Schema, generated from ``fields.yml`` and the vocabularies.

The validator checks types with this very schema, editors use the written copy
(``content/schema/card.schema.json``) and the contributor guide renders the same field specs,
so there is one list of fields, not three.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kho_stem.taxonomy.vocabularies import Taxonomy

SCHEMA_ID = "https://kho-stem-mam-non.github.io/schema/card.schema.json"


def expand(schema: Any, taxonomy: Taxonomy) -> Any:
    """Replace each ``{vocabulary: NAME}`` with an enum of that vocabulary's codes."""
    if isinstance(schema, list):
        return [expand(item, taxonomy) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "vocabulary" in schema:
        vocabulary = taxonomy[schema["vocabulary"]]
        rest = {k: expand(v, taxonomy) for k, v in schema.items() if k != "vocabulary"}
        return {
            "type": "string",
            "enum": list(vocabulary.codes),
            "x-vocabulary": vocabulary.name,
            **rest,
        }
    return {key: expand(value, taxonomy) for key, value in schema.items()}


def card_schema(taxonomy: Taxonomy) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for spec in taxonomy.fields:
        property_schema = {"title": spec.label, "description": spec.help, **expand(dict(spec.schema), taxonomy)}
        if spec.default is not None:
            property_schema["default"] = spec.default
        if spec.deprecated:
            property_schema["deprecated"] = True
            property_schema["description"] = spec.deprecated
        properties[spec.key] = property_schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Thẻ hoạt động STEM mầm non",
        "description": "Front matter of one activity card. Generated from content/taxonomy; do not edit.",
        "type": "object",
        "required": [spec.key for spec in taxonomy.fields if spec.required],
        "additionalProperties": False,
        "properties": properties,
    }


def schema_text(taxonomy: Taxonomy) -> str:
    return json.dumps(card_schema(taxonomy), ensure_ascii=False, indent=2) + "\n"


def write_schema(taxonomy: Taxonomy, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_text(taxonomy), encoding="utf-8")
