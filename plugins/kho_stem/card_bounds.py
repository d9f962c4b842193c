"""Bounds on a card's text, checked before anything parses or renders it.

Each check reads the text once (linear time), so a hostile card is refused quickly, and the
renderers, whose cost grows faster than the text (nesting is walked recursively, unclosed tags
are re-read), only ever see cards within the limits of ``limits.yml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from .front_matter import key_path
from .limits import Limits
from .messages import Text

# C0 controls except tab and line feed, DEL, and the bidirectional overrides and isolates
# (U+202A–U+202E, U+2066–U+2069) that make text read differently from how it is stored.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_QUOTE_PREFIX = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
# Block elements whose nesting Python-Markdown (md_in_html) turns into nested parsing.
# Elements people close (unlike <p> or <li>, which HTML closes by itself); `[^<>]*` stops at the
# next tag, so the scan stays linear even on unclosed tags.
_BLOCK_TAG = re.compile(
    r"<(/?)(div|details|section|article|aside|blockquote|figure|table|ul|ol|dl|summary|header|footer|"
    r"main|nav|span)\b([^<>]*)",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[A-Za-z!/?]")
_EMPHASIS_RUN = re.compile(r"[*_]+")
Finding = tuple[int, str, str, dict[str, Any]]  # line, key, message code, parameters
_LISTS = Text("danh sách", "lists")
_QUOTES = Text("trích dẫn (>)", "quotes (>)")
_HTML = Text("thẻ HTML", "HTML elements")


def control_characters(text: str, first_line: int) -> Iterator[Finding]:
    """The first control character of ``text`` (and how many there are), located by line."""
    match = _CONTROL.search(text)
    if match is None:
        return
    character = match.group()
    line = first_line + text.count("\n", 0, match.start())
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    name = unicodedata.name(character, "") or _C0_NAMES.get(ord(character), "CONTROL")
    yield line, "", "control_character", {
        "code": f"U+{ord(character):04X}", "name": name, "column": column,
        "count": len(_CONTROL.findall(text)),
    }


# unicodedata has no names for C0 controls; these are the ones people meet in pasted text.
_C0_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BACKSPACE", 0x0B: "VERTICAL TAB", 0x0C: "FORM FEED",
             0x1B: "ESC", 0x7F: "DEL"}


def body_bounds(body: str, body_line: int, limits: Limits) -> Iterator[Finding]:
    """Size, nesting of lists, quotes and HTML blocks, emphasis runs and tag count of the body."""
    size = len(body.encode("utf-8"))
    if size > limits.body_bytes:
        yield body_line, "", "body_too_large", {"limit": limits.body_bytes, "actual": size}
        return  # nothing else is worth reading in a body that will be refused anyway
    tags = len(_ANY_TAG.findall(body))
    if tags > limits.html_tags:
        yield body_line, "", "body_too_many_tags", {"limit": limits.html_tags, "actual": tags}
    yield from _list_depth(body, body_line, limits.list_depth)
    yield from _html_depth(body, body_line, limits.html_depth)
    yield from _emphasis_runs(body, body_line, limits.emphasis_run)


def _list_depth(body: str, body_line: int, limit: int) -> Iterator[Finding]:
    indents: list[int] = []  # indentation of the open list items, outermost first
    for index, line in enumerate(body.split("\n")):
        quote = _QUOTE_PREFIX.match(line)
        if quote and quote.group(1).count(">") > limit:
            yield body_line + index, "", "body_too_deep", {"what": _QUOTES, "limit": limit}
            return
        item = _LIST_ITEM.match(line)
        if item is None:
            if line.strip() and not line[:1].isspace():
                indents.clear()  # text at the margin ends every list
            continue
        indent = len(item.group(1).expandtabs(4))
        while indents and indents[-1] >= indent:
            indents.pop()
        indents.append(indent)
        if len(indents) > limit:
            yield body_line + index, "", "body_too_deep", {"what": _LISTS, "limit": limit}
            return


def _html_depth(body: str, body_line: int, limit: int) -> Iterator[Finding]:
    depth = 0
    for match in _BLOCK_TAG.finditer(body):
        closing, self_closing = match.group(1), match.group(3).rstrip().endswith("/")
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing:
            depth += 1
            if depth > limit:
                line = body_line + body.count("\n", 0, match.start())
                yield line, "", "body_too_deep", {"what": _HTML, "limit": limit}
                return


def _emphasis_runs(body: str, body_line: int, limit: int) -> Iterator[Finding]:
    for match in _EMPHASIS_RUN.finditer(body):
        if match.end() - match.start() > limit:
            line = body_line + body.count("\n", 0, match.start())
            yield line, "", "body_emphasis_run", {"limit": limit, "actual": match.end() - match.start()}
            return


def front_matter_bounds(data: dict[str, Any], line_of, limits: Limits) -> Iterator[Finding]:
    """Lists longer than ``list_items`` allows and text values longer than ``text_chars``."""
    for key, limit in limits.list_items.items():
        value = data.get(key)
        if isinstance(value, list) and len(value) > limit:
            yield line_of((key,)), key, "list_too_long", {"limit": limit, "actual": len(value)}
    yield from _long_texts(data, (), line_of, limits.text_chars)


def _long_texts(value: Any, path: tuple, line_of, limit: int) -> Iterator[Finding]:
    if isinstance(value, str):
        if len(value) > limit:
            yield line_of(path), key_path(path), "text_too_long", {"limit": limit, "actual": len(value)}
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _long_texts(item, (*path, key), line_of, limit)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _long_texts(item, (*path, index), line_of, limit)

