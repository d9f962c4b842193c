"""A card's published body as blocks a word processor understands: headings, paragraphs, list
items and tables, each a list of text runs (bold, italic, code).

The giáo án is made from ``Card.body_html``, the body exactly as the site publishes it (rendered
and sanitised), so it can only hold the tags of the allow-list (``content/taxonomy/html.yml``).
Pictures are left out (a giáo án is text a teacher edits); a link keeps its text and, when it
leaves the site, its address in brackets, so a printed copy still says where it goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

_SPACES = re.compile(r"\s+")
_HEADINGS = {"h2": 2, "h3": 3, "h4": 4}
_BOLD = frozenset({"b", "strong", "dt", "admonition-title"})
_ITALIC = frozenset({"em", "i", "figcaption"})
_CODE = frozenset({"code", "kbd"})
# Tags that end the paragraph being written and start a new one.
_BLOCKS = frozenset({"p", "div", "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption", "hr",
                     "details", "summary", "caption", *_HEADINGS})


@dataclass(frozen=True)
class Run:
    text: str  # "\n" alone is a line break inside the paragraph
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass(frozen=True)
class Block:
    """One paragraph: ``kind`` is "heading" (with ``level`` 2–4), "paragraph", "preformatted" or
    "item" (a list item, ``depth`` from 0, ``ordered``, and ``list_id`` to restart numbering)."""

    kind: str
    runs: tuple[Run, ...]
    level: int = 0
    depth: int = 0
    ordered: bool = False
    list_id: int = 0


@dataclass(frozen=True)
class TableBlock:
    rows: tuple[tuple[tuple[Run, ...], ...], ...]  # rows of cells of runs
    header_rows: int  # leading rows that were <th> cells
    kind: str = "table"


@dataclass
class _List:
    ordered: bool
    list_id: int


@dataclass
class _Table:
    rows: list[list[list[Run]]] = field(default_factory=list)
    header_rows: int = 0


class _BodyReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block | TableBlock] = []
        self.runs: list[Run] = []
        self.styles: list[str] = []  # open inline tags
        self.lists: list[_List] = []
        self.list_count = 0
        self.heading = 0
        self.pre = 0
        self.table: _Table | None = None
        self.cell: list[Run] | None = None
        self.link: str | None = None

    # -- writing runs ------------------------------------------------------------------------------
    def _add(self, text: str) -> None:
        if not text:
            return
        target = self.cell if self.cell is not None else self.runs
        styles = self.styles
        target.append(Run(text, bold=any(s in _BOLD for s in styles) or bool(self.heading),
                          italic=any(s in _ITALIC for s in styles), code=any(s in _CODE for s in styles)))

    def handle_data(self, data: str) -> None:
        if not self.pre:
            data = _SPACES.sub(" ", data)
            current = self.cell if self.cell is not None else self.runs
            if not current or current[-1].text.endswith((" ", "\n")):
                data = data.lstrip(" ")
        self._add(data)

    def _flush(self) -> None:
        runs = _trimmed(self.runs)
        self.runs = []
        if not runs:
            return
        if self.heading:
            self.blocks.append(Block("heading", runs, level=self.heading))
        elif self.pre:
            self.blocks.append(Block("preformatted", runs))
        elif self.lists:
            current = self.lists[-1]
            self.blocks.append(Block("item", runs, depth=len(self.lists) - 1, ordered=current.ordered,
                                     list_id=current.list_id))
        else:
            self.blocks.append(Block("paragraph", runs))

    # -- tags --------------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.table is not None and tag in ("tr", "td", "th"):
            self._table_tag(tag)
            return
        if tag == "br":
            self._add("\n")
        elif tag in ("ul", "ol"):
            self._flush()
            self.list_count += 1
            self.lists.append(_List(tag == "ol", self.list_count))
        elif tag == "li":
            self._flush()
        elif tag == "table":
            self._flush()
            self.table = _Table()
        elif tag in _BLOCKS:
            if tag == "p" and (self.cell or (self.lists and self.runs)):
                self._add("\n")  # paragraphs of a table cell or a loose list's item stay in it
            else:
                self._flush()
            self.heading = _HEADINGS.get(tag, self.heading)
            self.pre += tag == "pre"
            if tag in _BOLD or tag in _ITALIC:
                self.styles.append(tag)
            if tag == "p" and "admonition-title" in (dict(attrs).get("class") or "").split():
                self.styles.append("admonition-title")
        elif tag == "a":
            self.link = dict(attrs).get("href")
            self.styles.append(tag)
        elif tag != "img":
            self.styles.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.table is not None and tag in ("tr", "td", "th", "table"):
            if tag == "table":
                self._end_table()
            elif tag in ("td", "th"):
                self.cell = None
            return
        if tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag == "li":
            self._flush()
        elif tag in _BLOCKS:
            if not (tag == "p" and self.lists):
                self._flush()
            if tag in _HEADINGS:
                self.heading = 0
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            self._close_style(tag)
            if tag == "p":
                self._close_style("admonition-title")
        elif tag == "a":
            self._close_style(tag)
            if self.link and self.link.startswith(("http://", "https://")):
                self._add(f" ({self.link})")
            self.link = None
        else:
            self._close_style(tag)

    def _close_style(self, tag: str) -> None:
        for index in range(len(self.styles) - 1, -1, -1):
            if self.styles[index] == tag:
                del self.styles[index]
                return

    def _table_tag(self, tag: str) -> None:
        assert self.table is not None
        if tag == "tr":
            self.table.rows.append([])
            self.cell = None
        else:
            if not self.table.rows:
                self.table.rows.append([])
            if tag == "th" and len(self.table.rows) == self.table.header_rows + 1:
                self.table.header_rows = len(self.table.rows)
            self.cell = []
            self.table.rows[-1].append(self.cell)

    def _end_table(self) -> None:
        assert self.table is not None
        rows = tuple(tuple(_trimmed(cell) for cell in row) for row in self.table.rows if row)
        if rows:
            self.blocks.append(TableBlock(rows, min(self.table.header_rows, len(rows))))
        self.table = None
        self.cell = None

    def close(self) -> None:
        super().close()
        self._flush()


def _trimmed(runs: list[Run]) -> tuple[Run, ...]:
    """Runs without leading and trailing spaces and line breaks; empty when there is no text."""
    kept = list(runs)
    while kept and not kept[0].text.strip():
        kept.pop(0)
    while kept and not kept[-1].text.strip():
        kept.pop()
    if not kept:
        return ()
    kept[0] = replace(kept[0], text=kept[0].text.lstrip())
    kept[-1] = replace(kept[-1], text=kept[-1].text.rstrip())
    return tuple(kept)


def body_blocks(body_html: str) -> tuple[Block | TableBlock, ...]:
    """The blocks of a published (sanitised) card body, in order."""
    reader = _BodyReader()
    reader.feed(body_html)
    reader.close()
    return tuple(reader.blocks)
