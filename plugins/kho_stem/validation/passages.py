"""The texts of a card that a teacher or parent follows, each with the file line it starts on.

Hazard rules read these: material names and notes, the body's steps (one passage per list item,
paragraph or heading, fenced code left out), `family`, `inclusion`, and the `safety` notes that
answer hazards.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from kho_stem.cards.body import code_free_lines
from kho_stem.yaml_source import LocatedDocument

# Where a passage comes from. Safety notes answer hazards; every other source can raise them.
NAME, NOTE, BODY, FAMILY, INCLUSION, SAFETY = "name", "note", "body", "family", "inclusion", "safety"
_ITEM_START = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")


class Passage(NamedTuple):  # a tuple: cards have many passages and this is built for each one
    text: str
    line: int  # file line of the passage's first line
    where: str  # key path shown in messages: "materials[2]", "family", "" for the body
    source: str
    material: int | None = None  # index of the material a name or note belongs to

    def line_at(self, offset: int) -> int:
        """File line of the character at ``offset``; body passages keep their line breaks."""
        return self.line + self.text.count("\n", 0, offset)


def card_passages(meta: dict[str, Any], body: str, body_line: int, document: LocatedDocument) -> list[Passage]:
    passages: list[Passage] = []
    materials = meta.get("materials")
    for index, item in enumerate(materials if isinstance(materials, list) else []):
        where = f"materials[{index + 1}]"
        line = document.line_of(("materials", index), 1)
        if isinstance(item, str):
            passages.append(Passage(item, line, where, NAME, index))
        elif isinstance(item, dict):
            if isinstance(item.get("name"), str):
                passages.append(Passage(item["name"], line, where, NAME, index))
            if isinstance(item.get("note"), str):
                note_line = document.line_of(("materials", index, "note"), line)
                passages.append(Passage(_one_line(item["note"]), note_line, f"{where}.note", NOTE, index))
    safety = meta.get("safety")
    for index, note in enumerate(safety if isinstance(safety, list) else []):
        if isinstance(note, str):
            passages.append(Passage(_one_line(note), document.line_of(("safety", index), 1), "safety", SAFETY))
    for key, source in (("family", FAMILY), ("inclusion", INCLUSION)):
        value = meta.get(key)
        if isinstance(value, str):
            # A block scalar may span lines; its key's line is where a contributor looks.
            passages.append(Passage(_one_line(value), document.line_of((key,), 1), key, source))
    passages.extend(body_passages(body, body_line))
    return passages


def body_passages(body: str, first_line: int) -> list[Passage]:
    """One passage per step: a list item with its continuation lines, a paragraph or a heading."""
    passages: list[Passage] = []
    lines: list[str] = []
    start = first_line

    def close() -> None:
        if lines:
            passages.append(Passage("\n".join(lines), start, "", BODY))
            lines.clear()

    for offset, line in enumerate(code_free_lines(body)):
        stripped = line.lstrip()
        if not stripped:
            close()
            continue
        first = stripped[0]
        # Cheap first-character tests before the exact ones: most lines are plain text.
        heading = first == "#" and _HEADING.match(line) is not None
        if heading or not lines or (first in "-*+0123456789" and _ITEM_START.match(line)):
            close()
            start = first_line + offset
        lines.append(line)
        if heading:
            close()
    close()
    return passages


def _one_line(text: str) -> str:
    return " ".join(text.split())
