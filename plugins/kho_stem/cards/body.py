"""The headings of a card's Markdown body, with their lines (for the process-step rules).

Code (fenced blocks and inline spans) is blanked out first: a heading shown as code is text.
What the body publishes (HTML, links, images) is judged on the rendered page by ``body_html``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str


def _blank_code(body: str) -> list[str]:
    lines = body.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            lines[index] = ""
        elif match:
            fence = match.group(1)
            lines[index] = ""
        else:
            lines[index] = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
    return lines


@lru_cache(maxsize=2)
def code_free_lines(body: str) -> tuple[str, ...]:
    """The body's lines with fenced code blanked and inline code spans replaced by spaces.

    Kept for the card being checked: the hazard rules and the headings both read it."""
    return tuple(_blank_code(body))


def body_headings(body: str, first_line: int) -> tuple[Heading, ...]:
    """The headings of ``body``, whose first line is line ``first_line`` of the card file."""
    headings = []
    for offset, line in enumerate(code_free_lines(body)):
        heading = _HEADING.match(line)
        if heading:
            headings.append(Heading(first_line + offset, len(heading.group(1)), heading.group(2)))
    return tuple(headings)
