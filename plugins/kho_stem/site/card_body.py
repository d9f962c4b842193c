"""A card's body on its page: the sanitised HTML, with images pointing at their published copies.

The body never passes through the site generator's Markdown again: it was rendered and sanitised
once, when the card was checked (``Card.body_html``), and goes into the page after rendering. Only
its top-level headings are given to the generator, as plain text, so that they still join the
page's table of contents and get its anchors.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from pathlib import Path

from kho_stem.cards.card import Card
from kho_stem.site.page import GeneratedPage
from kho_stem.site.urls import Linker

PublishedLookup = Callable[[Path], tuple[str, int | None, int | None]]
_LIFTED_HEADINGS = {"h2": 2, "h3": 3, "h4": 4}
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})
# The sanitiser writes attributes as name="value" with quotes and ampersands escaped.
_IMG = re.compile(r'<img((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*/?>')
_ATTRIBUTE = re.compile(r'([^\s=>/]+)(?:="([^"]*)")?')
_TAG = re.compile(r"<[^>]*>")
# Characters that can start Markdown or HTML inside a heading line ("(" only follows "]").
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]<>&#]")


def add_body(page: GeneratedPage, card: Card, linker: Linker, published_image: PublishedLookup, here: str) -> None:
    body = _publish_images(card.body_html, card.image_files, linker, published_image, here)
    for kind, content in _split_top_level_headings(body):
        if kind == "html":
            if content.strip():
                page.add_fragment(content)
        else:
            page.add(content)


def _split_top_level_headings(body: str) -> list[tuple[str, str]]:
    """``[("html", fragment) | ("markdown", heading line), ...]`` in page order."""
    finder = _HeadingFinder()
    finder.feed(body)
    finder.close()
    offsets = _line_offsets(body)
    parts: list[tuple[str, str]] = []
    position = 0
    for (start_line, start_col), (end_line, end_col), level, attrs in finder.headings:
        start = offsets[start_line - 1] + start_col
        end = body.index(">", offsets[end_line - 1] + end_col) + 1
        parts.append(("html", body[position:start]))
        parts.append(("markdown", _heading_markdown(level, body[start:end], attrs)))
        position = end
    parts.append(("html", body[position:]))
    return parts


def _heading_markdown(level: int, element: str, attrs: dict[str, str]) -> str:
    text = html.unescape(_TAG.sub("", element)).strip()
    # Plain text, every Markdown character as an entity: the heading cannot become markup.
    escaped = _MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)
    extra = []
    if attrs.get("id"):
        extra.append(f"#{attrs['id']}")
    extra.extend(f".{name}" for name in attrs.get("class", "").split())
    suffix = f" {{ {' '.join(extra)} }}" if extra else ""
    return f"\n\n{'#' * level} {escaped}{suffix}\n\n"


class _HeadingFinder(HTMLParser):
    """Positions of the body's top-level h2–h4 (start of the open tag, start of the close tag)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.open: tuple[tuple[int, int], int, dict[str, str]] | None = None
        self.headings: list[tuple[tuple[int, int], tuple[int, int], int, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self.depth == 0 and tag in _LIFTED_HEADINGS:
            self.open = (self.getpos(), _LIFTED_HEADINGS[tag], {k: v or "" for k, v in attrs})
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth = max(self.depth - 1, 0)
        if self.depth == 0 and self.open is not None and tag in _LIFTED_HEADINGS:
            start, level, attrs = self.open
            self.headings.append((start, self.getpos(), level, attrs))
            self.open = None


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for match in re.finditer("\n", text):
        offsets.append(match.end())
    return offsets


def _publish_images(
    body: str, image_files: Mapping[str, Path], linker: Linker, published_image: PublishedLookup, here: str
) -> str:
    """Point every image at its published copy, with width and height so the page does not jump.
    Each reference was resolved to its file once, when the card was checked (``Card.image_files``)."""

    def replace(match: re.Match[str]) -> str:
        attrs = {name: value for name, value in _ATTRIBUTE.findall(match.group(1))}
        target = image_files.get(html.unescape(attrs.get("src", "")))
        if target is None:
            return ""  # checked cards have no such image; never publish a reference we cannot serve
        src, width, height = published_image(target)
        attrs["src"] = html.escape(linker.href(here, src))
        if width and "width" not in attrs and "height" not in attrs:
            attrs["width"], attrs["height"] = str(width), str(height)
        attrs.setdefault("loading", "lazy")
        return "<img " + " ".join(f'{name}="{value}"' for name, value in attrs.items()) + ">"

    return _IMG.sub(replace, body)
