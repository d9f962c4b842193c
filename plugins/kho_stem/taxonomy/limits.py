"""Size limits of one card (``content/taxonomy/limits.yml``): what they are and how they are read.

The numbers are data; this module only knows their names and that each is a whole number > 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

from kho_stem.yaml_source import LocatedDocument

LIMITS_FILE = "limits.yml"
_NUMBERS = ("card_bytes", "body_bytes", "text_chars", "list_depth", "html_depth", "emphasis_run",
            "emphasis_depth", "html_tags", "unclosed_tags", "image_name_bytes")


@dataclass(frozen=True)
class Limits:
    card_bytes: int
    body_bytes: int
    text_chars: int
    list_depth: int
    html_depth: int
    emphasis_run: int
    emphasis_depth: int
    html_tags: int
    unclosed_tags: int
    image_name_bytes: int
    list_items: MappingProxyType[str, int]  # front-matter key -> most items its list may have


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def read_limits(document: LocatedDocument, report: Callable[..., None], field_keys: set[str]) -> Limits | None:
    """Limits from the parsed ``limits.yml``; every problem goes to ``report(line, key, code, **params)``.

    ``field_keys`` are the card's fields: ``list_items`` may only name those.
    """
    data = document.value
    if not isinstance(data, dict):
        report(1, "", "taxonomy_bad_shape", expected="card_bytes: 200000, body_bytes: …, list_items: {…}")
        return None
    ok = True
    for key in data:
        if key not in (*_NUMBERS, "list_items"):
            report(document.line_of((key,), 1), str(key), "taxonomy_unknown_key",
                   known=", ".join((*_NUMBERS, "list_items")))
            ok = False
    for key in _NUMBERS:
        if key not in data:
            report(1, key, "taxonomy_missing_key", key=key)
            ok = False
        elif not _is_count(data[key]):
            report(document.line_of((key,), 1), key, "taxonomy_not_a_count", value=data[key])
            ok = False
    items = data.get("list_items", {})
    if not isinstance(items, dict):
        report(document.line_of(("list_items",), 1), "list_items", "taxonomy_bad_shape",
               expected="list_items: {materials: 60, …}")
        return None
    for key, value in items.items():
        line = document.line_of(("list_items", key), 1)
        if key not in field_keys:
            report(line, f"list_items.{key}", "taxonomy_unknown_key", known=", ".join(sorted(field_keys)))
            ok = False
        elif not _is_count(value):
            report(line, f"list_items.{key}", "taxonomy_not_a_count", value=value)
            ok = False
    if not ok:
        return None
    return Limits(**{key: data[key] for key in _NUMBERS}, list_items=MappingProxyType(dict(items)))
