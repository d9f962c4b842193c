"""The web form's configuration (Sveltia CMS): made from ``fields.yml`` and the vocabularies.

Every field of the card schema becomes one form field with the same Vietnamese label and help,
the vocabulary's codes as its choices, the schema's bounds and the list limits of ``limits.yml``,
and "required" exactly where ``build.py check`` requires it. There is one collection per process
(``processes.yml``): its cards have that ``process`` and a new card's body starts with one
heading per step, so the form cannot drift from what ``check`` accepts.

``build.py schema`` writes the result to ``content/schema/cms.yml``; the build adds the
``backend`` (the repository the site is published from) and serves it at ``bien-tap/config.yml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kho_stem.cards.images import FORMATS as IMAGE_FORMATS
from kho_stem.diagnostics.messages import message
from kho_stem.taxonomy.card_schema import card_schema
from kho_stem.taxonomy.vocabularies import Taxonomy, Term

ACTIVITIES_FOLDER = "activities"
BODY_FIELD = "body"
PROCESS_FIELD = "process"
HEADER = ("# The web form (Sveltia CMS) for activity cards, generated from content/taxonomy by\n"
          "# `python build.py schema`; do not edit. The build adds `backend` (kho_stem/site/editor_page.py).\n")
# A single-line input above this length is hard to read; longer texts get a text area.
_ONE_LINE_MAX = 120


def _option(term: Term) -> dict[str, str]:
    return {"label": f"{term.label} ({term.code})", "value": term.code}


def _vocabulary_name(schema: dict[str, Any]) -> str | None:
    name = schema.get("x-vocabulary") or schema.get("items", {}).get("x-vocabulary")
    return str(name) if name else None


def _text_widget(name: str, label: str, schema: dict[str, Any], taxonomy: Taxonomy, hint: str = "",
                 short: bool = False) -> dict[str, Any]:
    longest = schema.get("maxLength")
    # Names and values that may also be a number ("2", "1 cuộn") are short; free text is not.
    one_line = short or isinstance(schema.get("type"), list) or (longest is not None and longest <= _ONE_LINE_MAX)
    field: dict[str, Any] = {"name": name, "label": label, "widget": "string" if one_line else "text"}
    if "minLength" in schema:
        field["minlength"] = schema["minLength"]
    # Every text value is bounded by limits.yml's text_chars unless its field has a tighter maxLength.
    field["maxlength"] = longest if longest is not None else taxonomy.limits.text_chars
    if "pattern" in schema and hint:
        field["pattern"] = [schema["pattern"], hint]
    return field


def _form_field(key: str, schema: dict[str, Any], taxonomy: Taxonomy, required: bool,
                label: str | None = None, short: bool = False) -> dict[str, Any]:
    """One form field for the value ``schema`` (already expanded from the vocabularies)."""
    label = label or str(schema.get("title", key))
    types = schema.get("type")
    items = schema.get("items", {})
    vocabulary = _vocabulary_name(schema)
    if vocabulary is not None:
        field: dict[str, Any] = {"name": key, "label": label, "widget": "select",
                                 "options": [_option(term) for term in taxonomy[vocabulary]]}
        if types == "array":
            field["multiple"] = True
    elif types == "integer":
        field = {"name": key, "label": label, "widget": "number", "value_type": "int", "step": 1}
        for bound, option in (("minimum", "min"), ("maximum", "max")):
            if bound in schema:
                field[option] = schema[bound]
    elif types == "boolean":
        field = {"name": key, "label": label, "widget": "boolean", "default": False}
    elif schema.get("format") == "date":
        field = {"name": key, "label": label, "widget": "datetime", "format": "YYYY-MM-DD",
                 "date_format": "DD/MM/YYYY", "time_format": False}
    elif schema.get("format") == "image-path":
        field = {"name": key, "label": label, "widget": "image",
                 "accept": ",".join(f"image/{name.lower()}" for name in IMAGE_FORMATS)}
    elif types == "array" and "properties" in items:
        # Materials: each item a mapping (the plain-name form is what `name` alone gives).
        inner_required = set(items.get("required", ()))
        field = {"name": key, "label": label, "widget": "list", "collapsed": False,
                 "summary": "{{fields.name}}",
                 "fields": [_form_field(name, sub, taxonomy, name in inner_required, label=str(sub.get("title", name)))
                            for name, sub in items["properties"].items()]}
    elif types == "array":
        # A list of sentences: one text area per item (a comma inside a sentence stays in it).
        item = _text_widget("muc", label, items, taxonomy, str(schema.get("description", "")))
        field = {"name": key, "label": label, "widget": "list", "field": item | {"widget": "text"}}
    elif types == "object" or (isinstance(types, list) and "object" in types):
        inner_required = set(schema.get("required", ()))
        field = {"name": key, "label": label, "widget": "object", "collapsed": False,
                 "fields": [_form_field(name, sub, taxonomy, name in inner_required, label=str(sub.get("title", name)),
                                        short=True)
                            for name, sub in schema.get("properties", {}).items()]}
    else:
        field = _text_widget(key, label, schema, taxonomy, str(schema.get("description", "")), short)
    if types == "array":
        if schema.get("minItems"):
            field["min"] = schema["minItems"]
        if key in taxonomy.limits.list_items:
            field["max"] = taxonomy.limits.list_items[key]
    if "default" in schema and "default" not in field:
        field["default"] = schema["default"]
    description = schema.get("description")
    if description:
        field["hint"] = str(description)
    field["required"] = required
    return field


def body_template(taxonomy: Taxonomy, process: str, language: str = "vi") -> str:
    """A new card's body: one level-2 heading per step of ``process``, in order (check's rule)."""
    steps = taxonomy.process_steps(process)
    headings = ([message("cms_step_heading", language, number=number, label=step.label_en if language == "en"
                         else step.label) for number, step in enumerate(steps, 1)]
                or message("cms_body_free_headings", language).split("|"))
    return "".join(f"## {heading}\n\n\n" for heading in headings)


def card_fields(taxonomy: Taxonomy, process: str, language: str = "vi") -> list[dict[str, Any]]:
    """The form's fields for a card of ``process``: every schema field that is not deprecated, then the body."""
    schema = card_schema(taxonomy)
    required = set(schema["required"])
    fields = []
    for key, property_schema in schema["properties"].items():
        if property_schema.get("deprecated"):
            continue
        if key == PROCESS_FIELD:
            # Chosen by the collection; written into the card so that check applies the step rule.
            fields.append({"name": key, "label": str(property_schema["title"]), "widget": "hidden",
                           "default": process})
            continue
        fields.append(_form_field(key, property_schema, taxonomy, key in required))
    steps = ", ".join(step.label for step in taxonomy.process_steps(process))
    hint = (message("cms_body_hint_steps", language, steps=steps) if steps
            else message("cms_body_hint_free", language))
    fields.append({"name": BODY_FIELD, "label": message("cms_body_label", language), "widget": "markdown",
                   "default": body_template(taxonomy, process, language), "hint": hint, "required": True})
    return fields


def cms_config(taxonomy: Taxonomy) -> dict[str, Any]:
    """Everything of the CMS configuration except ``backend``, which depends on where the site is published."""
    collections = []
    for process in taxonomy.processes:
        collections.append({
            "name": f"the-{process.code}",
            "label": message("cms_collection_label", "vi", process=process.label),
            "label_singular": message("cms_collection_singular", "vi", process=process.label),
            "description": str(process.get("description", "")),
            "folder": ACTIVITIES_FOLDER,
            # A bundle per card: activities/<slug>/index.md with its images beside it.
            "path": "{{slug}}/index",
            "media_folder": "",
            "public_folder": "",
            "extension": "md",
            "format": "yaml-frontmatter",
            "create": True,
            "delete": False,
            "slug": "{{title}}",
            "identifier_field": "title",
            "summary": "{{title}}",
            "filter": {"field": PROCESS_FIELD, "value": process.code},
            "fields": card_fields(taxonomy, process.code),
        })
    return {
        "publish_mode": "editorial_workflow",
        "media_folder": ACTIVITIES_FOLDER,
        "public_folder": "",
        # Slugs are lowercase ASCII with "-" (card-format.md): "Vật chìm" -> "vat-chim".
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-", "lowercase": True},
        "output": {"omit_empty_optional_fields": True},
        "collections": collections,
    }


def cms_config_text(taxonomy: Taxonomy) -> str:
    return HEADER + yaml.safe_dump(cms_config(taxonomy), allow_unicode=True, sort_keys=False, width=120)


def write_cms_config(taxonomy: Taxonomy, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(cms_config_text(taxonomy), encoding="utf-8")
