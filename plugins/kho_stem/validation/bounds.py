"""Bounds on a card's text, checked before anything parses or renders it.

Each check reads the text once (linear time), so a hostile card is refused quickly, and the
renderers, whose cost grows faster than the text (nesting is walked recursively, unclosed tags
are re-read), only ever see cards within the limits of ``limits.yml``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from kho_stem.diagnostics.messages import Text
from kho_stem.taxonomy.limits import Limits
from kho_stem.validation.front_matter import key_path
from kho_stem.yaml_source import Path

LineOf = Callable[[Path], int]  # the file line of a front-matter path

# C0 controls except tab and line feed, DEL, and the bidirectional overrides and isolates
# (U+202A–U+202E, U+2066–U+2069) that make text read differently from how it is stored.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_LIST_LINE = re.compile(r"(?m)^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_QUOTE_PREFIX = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
# Elements whose nesting Python-Markdown turns into nested parsing: those people close
# (unlike <p> or <li>, which HTML closes by itself); any element that asks
# for Markdown inside (markdown="1") counts too, since md_in_html parses each one recursively.
# `[^<>]*` stops at the next tag, so the scan stays linear even on unclosed tags.
_NESTING_TAGS = frozenset({"div", "details", "section", "article", "aside", "blockquote", "figure", "table",
                           "ul", "ol", "dl", "summary", "header", "footer", "main", "nav", "span", "fieldset",
                           "form", "figcaption", "address", "hgroup", "menu", "noscript"})
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)")
_MARKDOWN_ATTRIBUTE = re.compile(r"\bmarkdown\s*=", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[A-Za-z!/?]")
_EMPHASIS_RUN = re.compile(r"[*_]+")
_EMPHASIS_OPENER = re.compile(r"(?<!\S)[*_]+(?=\S)")  # a run before a word, after a space
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
Finding = tuple[int, str, str, dict[str, Any]]  # line, key, message code, parameters
_LISTS = Text("danh sách", "lists")
_QUOTES = Text("trích dẫn (>)", "quotes (>)")
_HTML = Text("thẻ HTML", "HTML elements")
_EMPHASIS = Text("chữ đậm, nghiêng (* hoặc _)", "bold or italic (* or _)")


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
    yield from _unclosed_tags(body, body_line, limits.unclosed_tags)
    # Nesting deeper than a limit needs more items than the limit: most cards skip the line-by-line
    # scans after one count (this runs for every card of every check).
    limit = limits.list_depth
    if len(_LIST_LINE.findall(body)) > limit or re.search(rf"(?m)^[ \t]*(?:>[ \t]?){{{limit + 1}}}", body):
        yield from _list_depth(body, body_line, limit)
    if tags > limits.html_depth:
        yield from _html_depth(body, body_line, limits.html_depth)
    yield from _emphasis_runs(body, body_line, limits.emphasis_run)
    if len(_EMPHASIS_OPENER.findall(body)) > limits.emphasis_depth:
        yield from _emphasis_depth(body, body_line, limits.emphasis_depth)


def _unclosed_tags(body: str, body_line: int, limit: int) -> Iterator[Finding]:
    """Tags whose `>` never comes before the next `<`: Python's HTML parser reads the rest of the
    body again for each one, so a few hundred of them make a long body take seconds."""
    unclosed = 0
    starts = [match.start() for match in _ANY_TAG.finditer(body)]
    next_close = body.find(">", starts[0]) if starts else -1  # the next ">" (-1: none left)
    for index, start in enumerate(starts):
        if next_close != -1 and next_close < start:
            next_close = body.find(">", start)  # moves forward only: the whole scan reads the body once
        following = starts[index + 1] if index + 1 < len(starts) else len(body)
        if next_close == -1 or next_close > following:
            unclosed += 1
            if unclosed > limit:
                line = body_line + body.count("\n", 0, start)
                yield line, "", "body_unclosed_tags", {"limit": limit}
                return


def _list_depth(body: str, body_line: int, limit: int) -> Iterator[Finding]:
    indents: list[int] = []  # indentation of the open list items, outermost first
    previous_blank = False
    for index, line in enumerate(body.split("\n")):
        quote = _QUOTE_PREFIX.match(line)
        if quote:
            if quote.group(1).count(">") > limit:
                yield body_line + index, "", "body_too_deep", {"what": _QUOTES, "limit": limit}
                return
            line = line[quote.end():]  # lists inside a quote nest like any other
        item = _LIST_ITEM.match(line)
        if item is None:
            if previous_blank and line.strip() and not line[:1].isspace():
                indents.clear()  # a paragraph at the margin after a blank line ends every list
            previous_blank = not line.strip()
            continue
        previous_blank = False
        indent = len(item.group(1).expandtabs(4))
        while indents and indents[-1] >= indent:
            indents.pop()
        indents.append(indent)
        if len(indents) > limit:
            yield body_line + index, "", "body_too_deep", {"what": _LISTS, "limit": limit}
            return


def _html_depth(body: str, body_line: int, limit: int) -> Iterator[Finding]:
    open_tags: list[str] = []  # never longer than ``limit``, so closing one costs at most ``limit``
    for match in _TAG.finditer(body):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            if name in open_tags:
                del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name):]
            continue
        if rest.rstrip().endswith("/") or (name not in _NESTING_TAGS and not _MARKDOWN_ATTRIBUTE.search(rest)):
            continue
        open_tags.append(name)
        if len(open_tags) > limit:
            line = body_line + body.count("\n", 0, match.start())
            yield line, "", "body_too_deep", {"what": _HTML, "limit": limit}
            return


def _emphasis_runs(body: str, body_line: int, limit: int) -> Iterator[Finding]:
    match = re.search(rf"[*_]{{{limit + 1},}}", body)
    if match:
        run = len(match.group(0))  # the greedy repeat already took the whole run
        yield body_line + body.count("\n", 0, match.start()), "", "body_emphasis_run", {"limit": limit, "actual": run}


def _emphasis_depth(body: str, body_line: int, limit: int) -> Iterator[Finding]:
    """Emphasis opened inside emphasis (`*a *b *c … c* b* a*`) nests as deeply as it is written.

    A run of * or _ before a word opens, one after a word closes (a bullet `* `, `2*3` and a blank
    `____` do neither); a blank line ends the paragraph and everything left open in it."""
    depth, previous_end = 0, 0
    for match in _EMPHASIS_RUN.finditer(body):
        start, end = match.start(), match.end()
        if _BLANK_LINE.search(body, previous_end, start):  # each stretch of text is searched once
            depth = 0
        previous_end = end
        before = body[start - 1] if start else " "
        after = body[end] if end < len(body) else " "
        opens, closes = not after.isspace() and before.isspace(), not before.isspace() and after.isspace()
        if opens:
            depth += 1
            if depth > limit:
                yield body_line + body.count("\n", 0, start), "", "body_too_deep", {"what": _EMPHASIS, "limit": limit}
                return
        elif closes:
            depth = max(0, depth - 1)


def front_matter_bounds(data: dict[str, Any], source: str, line_of: LineOf, limits: Limits) -> Iterator[Finding]:
    """Lists longer than ``list_items`` allows and text values longer than ``text_chars``.

    ``source`` is the front matter's text: no value is longer than the text it is written in."""
    for key, limit in limits.list_items.items():
        value = data.get(key)
        if isinstance(value, list) and len(value) > limit:
            yield line_of((key,)), key, "list_too_long", {"limit": limit, "actual": len(value)}
    if len(source) > limits.text_chars:
        yield from _long_texts(data, (), line_of, limits.text_chars)


def _long_texts(value: Any, path: Path, line_of: LineOf, limit: int) -> Iterator[Finding]:
    if isinstance(value, str):
        if len(value) > limit:
            yield line_of(path), key_path(path), "text_too_long", {"limit": limit, "actual": len(value)}
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _long_texts(item, (*path, key), line_of, limit)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _long_texts(item, (*path, index), line_of, limit)

