"""Machine-readable exports of the whole catalog, published with the site.

- ``catalog.json``: one object per card with every front-matter field, its slug, URL and review
  state; it validates against ``catalog.schema.json``, built from the card schema itself.
- ``catalog.csv``: for a principal's spreadsheet: one row per card, one column per field, headed by
  the field's Vietnamese label, with labels instead of codes (lists joined by "; "), UTF-8 with a
  BOM so that Excel on Windows shows Vietnamese correctly; cells are neutralised against formula
  injection (``csv_safety``). Programs read ``catalog.json``, which keeps the codes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from kho_stem.catalog.facts import CardFacts
from kho_stem.outputs.csv_safety import csv_text
from kho_stem.taxonomy.card_schema import card_schema
from kho_stem.taxonomy.vocabularies import Taxonomy

JSON_NAME = "catalog.json"
CSV_NAME = "catalog.csv"
SCHEMA_NAME = "catalog.schema.json"
REVIEW_STATES = ("da-duyet", "chua-duyet")
_EXTRA_COLUMNS = ("slug", "url", "review_state")


def _plain(value: Any) -> Any:
    """Front-matter values as JSON types (cards are read into read-only mappings)."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [_plain(item) for item in value]
    return value


def card_record(fact: CardFacts, url: str) -> dict[str, Any]:
    # A `reviewed:` left in a card is not a review (reviews are the board's, in content/reviews.yml).
    meta = {key: value for key, value in fact.card.meta.items() if key != "reviewed"}
    review = fact.card.review
    return {
        "slug": fact.slug,
        "url": url,
        "review_state": REVIEW_STATES[0] if fact.reviewed else REVIEW_STATES[1],
        **_plain(meta),
        **({"reviewed": {"by": review.by, "date": review.date}} if review else {}),
    }


def catalog_json(records: list[dict[str, Any]], generated: str) -> str:
    data = {"generated": generated, "count": len(records), "cards": records}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def catalog_schema(taxonomy: Taxonomy) -> dict[str, Any]:
    card = card_schema(taxonomy)
    item = {
        "type": "object",
        "required": [*_EXTRA_COLUMNS, *card["required"]],
        "additionalProperties": False,
        "properties": {
            "slug": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "url": {"type": "string", "description": "Address of the card page, relative to the site root"},
            "review_state": {"enum": list(REVIEW_STATES), "description": "da-duyet: reviewed; chua-duyet: not yet"},
            **card["properties"],
        },
    }
    return {
        "$schema": card["$schema"],
        "title": "Danh mục thẻ hoạt động STEM mầm non (catalog.json)",
        "type": "object",
        "required": ["generated", "count", "cards"],
        "additionalProperties": False,
        "properties": {
            "generated": {"type": "string", "format": "date"},
            "count": {"type": "integer", "minimum": 0},
            "cards": {"type": "array", "items": item},
        },
    }


def _cell(value: Any, labels: Mapping[str, str] | None = None) -> str:
    """A field as spreadsheet text; ``labels`` turns the codes of the field's vocabulary into words."""
    if value is None:
        return ""
    if isinstance(value, Mapping):
        if "name" in value:
            rest = [_cell(item) for key, item in value.items() if key != "name" and item not in (None, "")]
            return f"{value['name']} ({', '.join(rest)})" if rest else str(value["name"])
        return " · ".join(_cell(item) for item in value.values())
    if isinstance(value, Sequence) and not isinstance(value, str):
        return "; ".join(_cell(item, labels) for item in value)
    return labels.get(str(value), str(value)) if labels else str(value)


def _material_cell(items: Any, taxonomy: Taxonomy) -> str:
    """Each material with its quantity, what it is counted for, and its hazards, in words."""
    per = {term.code: term.label for term in taxonomy["per"]}
    hazards = {term.code: term.label for term in taxonomy.hazards}
    cells = []
    for item in items or ():
        if not isinstance(item, Mapping):
            cells.append(str(item))
            continue
        details = [" ".join(str(part) for part in (item.get("quantity"), per.get(str(item.get("per")), ""))
                            if part not in (None, ""))]
        details += [hazards.get(str(code), str(code)) for code in item.get("hazards") or ()]
        if item.get("from_home"):
            details.append("gia đình gửi")
        details = [detail for detail in details if detail]
        cells.append(f"{item['name']} ({', '.join(details)})" if details else str(item["name"]))
    return "; ".join(cells)


# The first columns of the spreadsheet, which are not card fields.
_EXTRA_HEADERS = {"slug": "Mã thẻ", "url": "Địa chỉ trang", "review_state": "Trạng thái duyệt"}
_REVIEW_WORDS = {REVIEW_STATES[0]: "đã duyệt", REVIEW_STATES[1]: "chưa duyệt"}


def catalog_csv(records: list[dict[str, Any]], taxonomy: Taxonomy) -> str:
    """The CSV text (without BOM: write it with encoding ``utf-8-sig``), in words a principal reads."""
    fields = [spec for spec in taxonomy.fields if not spec.deprecated]
    header = [*_EXTRA_HEADERS.values(), *(spec.label for spec in fields)]
    labels: dict[str, Mapping[str, str]] = {"review_state": _REVIEW_WORDS}
    for spec in fields:
        vocabulary = spec.schema.get("vocabulary") or (spec.schema.get("items") or {}).get("vocabulary")
        if vocabulary:
            labels[spec.key] = {term.code: term.label for term in taxonomy[vocabulary]}
    columns = [*_EXTRA_HEADERS, *(spec.key for spec in fields)]

    def row(record: dict[str, Any]) -> list[str]:
        return [_material_cell(record.get(column), taxonomy) if column == "materials"
                else _cell(record.get(column), labels.get(column)) for column in columns]

    return csv_text([header, *(row(record) for record in records)])
