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
from pathlib import Path

from kho_stem.cards.card import Card
from kho_stem.site.page import GeneratedPage
from kho_stem.site.urls import Linker

PublishedLookup = Callable[[Path], tuple[str, int | None, int | None]]
_LIFTED_HEADINGS = {"h2": 2, "h3": 3, "h4": 4}
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"})
# The sanitiser writes attributes as name="value" with quotes and ampersands escaped, and escapes
# "<" and ">" in text: its output is read tag by tag with these patterns, no HTML parser needed.
_ELEMENT_TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*/?>')
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
    parts: list[tuple[str, str]] = []
    position = depth = 0
    opened: tuple[int, int, str] | None = None  # a top-level heading: where its tag starts, level, attributes
    for tag in _ELEMENT_TAG.finditer(body):
        closing, name = tag.group(1), tag.group(2).lower()
        if name in _VOID:
            continue
        if not closing:
            if depth == 0 and name in _LIFTED_HEADINGS:
                opened = (tag.start(), _LIFTED_HEADINGS[name], tag.group(3))
            depth += 1
            continue
        depth = max(depth - 1, 0)
        if depth == 0 and opened is not None and name in _LIFTED_HEADINGS:
            start, level, attributes = opened
            parts.append(("html", body[position:start]))
            parts.append(("markdown", _heading_markdown(level, body[start:tag.end()], _attributes(attributes))))
            position, opened = tag.end(), None
    parts.append(("html", body[position:]))
    return parts


def _attributes(written: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value or "") for name, value in _ATTRIBUTE.findall(written)}


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
