"""``frontmatter.json``: the Front Matter CMS (VS Code) form for cards, made from the card schema.

Each field of the schema becomes a form field with the same label, help and allowed values, so
the form cannot drift from what ``build.py check`` accepts. ``build.py schema`` writes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kho_stem.taxonomy.card_schema import card_schema
from kho_stem.taxonomy.vocabularies import Taxonomy

CONTENT_TYPE = "the-hoat-dong"


def _field(key: str, schema: dict[str, Any], taxonomy: Taxonomy, required: bool) -> dict[str, Any]:
    field: dict[str, Any] = {"name": key, "title": schema.get("title", key)}
    if schema.get("description"):
        field["description"] = schema["description"]
    if required:
        field["required"] = True
    types = schema.get("type")
    items = schema.get("items", {})
    if "x-vocabulary" in schema or "x-vocabulary" in items:
        vocabulary = taxonomy[schema.get("x-vocabulary") or items["x-vocabulary"]]
        field.update(type="choice", multiple=types == "array",
                     choices=[{"id": term.code, "title": f"{term.code} — {term.label}"} for term in vocabulary])
        if "default" in schema:
            field["default"] = schema["default"]
    elif types == "integer":
        field.update(type="number", numberOptions={"isDecimal": False, **(
            {"min": schema["minimum"]} if "minimum" in schema else {}), **(
            {"max": schema["maximum"]} if "maximum" in schema else {})})
    elif schema.get("format") == "date":
        field.update(type="datetime", dateFormat="yyyy-MM-dd")
    elif schema.get("format") == "image-path":
        field["type"] = "image"
    elif types == "array":
        # Lists of names or sentences; a material's quantity, per and hazards are written in YAML.
        field["type"] = "list"
    elif types == "object" or (isinstance(types, list) and "object" in types):
        required_inside = set(schema.get("required", ()))
        field.update(type="fields", fields=[
            _field(name, {**sub, "title": sub.get("title", name)}, taxonomy, name in required_inside)
            for name, sub in schema.get("properties", {}).items()])
    else:
        field["type"] = "string"
        if "maxLength" not in schema or schema["maxLength"] > 120:
            field["multiline"] = True
    return field


def frontmatter_config(taxonomy: Taxonomy) -> dict[str, Any]:
    schema = card_schema(taxonomy)
    required = set(schema["required"])
    fields = [_field(key, property_schema, taxonomy, key in required)
              for key, property_schema in schema["properties"].items() if not property_schema.get("deprecated")]
    return {
        "$schema": "https://frontmatter.codes/frontmatter.schema.json",
        "frontMatter.framework.id": "other",
        "frontMatter.content.publicFolder": "activities",
        "frontMatter.content.pageFolders": [
            {"title": "Thẻ hoạt động", "path": "[[workspace]]/activities", "contentTypes": [CONTENT_TYPE]}],
        "frontMatter.taxonomy.contentTypes": [
            {"name": CONTENT_TYPE, "pageBundle": False, "previewPath": None, "fields": fields}],
    }


def config_text(taxonomy: Taxonomy) -> str:
    return json.dumps(frontmatter_config(taxonomy), ensure_ascii=False, indent=2) + "\n"


def write_config(taxonomy: Taxonomy, path: Path) -> None:
    path.write_text(config_text(taxonomy), encoding="utf-8")
