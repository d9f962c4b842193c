"""What materials.yml must get right beyond the shape every vocabulary has: its word lists are
lists of words, `everyday` is true or false, and `substitutes` names other items of the file.

Each finding is ``(path in the document, key, message code, parameters)``; the loader adds the
file and turns the path into a line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from kho_stem.diagnostics.messages import phrase

# Vocabulary-wide word lists beside `items` (materials.yml documents them; catalog/materials.py reads them).
QUANTITY_WORDS = "quantity_words"
LIST_WORDS = "list_words"
OR_WORDS = "or_words"
MATERIAL_WORD_LISTS = (QUANTITY_WORDS, LIST_WORDS, OR_WORDS)
MaterialFinding = tuple[tuple[str | int, ...], str, str, dict[str, object]]


def material_problems(data: Mapping[str, Any]) -> Iterator[MaterialFinding]:
    for key in MATERIAL_WORD_LISTS:
        value = data.get(key, [])
        if not (isinstance(value, list) and all(isinstance(word, str) for word in value)):
            yield (key,), key, "taxonomy_not_a_list", {"key": key}
    items = [item for item in data.get("items") or [] if isinstance(item, dict)]
    codes = [str(item["code"]) for item in items if "code" in item]
    for index, item in enumerate(data.get("items") or []):
        if not isinstance(item, dict):
            continue
        everyday = item.get("everyday", False)
        if not isinstance(everyday, bool):
            yield ("items", index, "everyday"), "everyday", "taxonomy_not_boolean", {
                "key": "everyday", "value": everyday}
        substitutes = item.get("substitutes", [])
        if not (isinstance(substitutes, list) and all(isinstance(code, str) for code in substitutes)):
            continue  # reported as not a list of words with the other word lists
        for code in substitutes:
            path = ("items", index, "substitutes")
            if code == item.get("code"):
                yield path, "substitutes", "taxonomy_substitute_itself", {"code": code}
            elif code not in codes:
                yield path, "substitutes", "taxonomy_unknown_substitute", {
                    "code": code, "material": item.get("label", item.get("code")), "hint": _hint(code, codes)}


def _hint(code: str, codes: Sequence[str]) -> object:
    close = difflib.get_close_matches(code, codes, n=1, cutoff=0.6)
    return phrase("did_you_mean", suggestion=close[0]) if close else ""
