"""What a card's Markdown body contains: headings, images, links and raw HTML, with lines.

Code (fenced blocks and inline spans) is blanked out first: HTML or links shown as code are
text, not markup, and must not be reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str


@dataclass(frozen=True)
class ImageRef:
    line: int
    src: str
    alt: str


@dataclass(frozen=True)
class LinkRef:
    line: int
    url: str


@dataclass(frozen=True)
class HtmlTag:
    line: int
    tag: str
    attributes: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class BodyScan:
    headings: tuple[Heading, ...]
    images: tuple[ImageRef, ...]
    links: tuple[LinkRef, ...]
    tags: tuple[HtmlTag, ...]


@lru_cache(maxsize=2)
def code_free_lines(body: str) -> tuple[str, ...]:
    """The body's lines with fenced code blanked and inline code spans replaced by spaces.

    Kept for the card being checked: the hazard rules and the body scan both read it."""
    return tuple(_blank_code(body))


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


class _TagCollector(HTMLParser):
    def __init__(self, first_line: int):
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.tags: list[HtmlTag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if ":" in tag or "@" in tag:
            return  # an autolink such as <https://…> or <ten@truong.edu.vn>, not an element
        line = self.first_line + self.getpos()[0] - 1
        self.tags.append(HtmlTag(line, tag, tuple((name, value or "") for name, value in attrs)))


def scan_body(body: str, first_line: int) -> BodyScan:
    """Scan ``body``, whose first line is line ``first_line`` of the card file."""
    lines = code_free_lines(body)
    headings: list[Heading] = []
    images: list[ImageRef] = []
    links: list[LinkRef] = []
    for offset, line in enumerate(lines):
        number = first_line + offset
        heading = _HEADING.match(line)
        if heading:
            headings.append(Heading(number, len(heading.group(1)), heading.group(2)))
        for match in _IMAGE.finditer(line):
            images.append(ImageRef(number, match.group(2), match.group(1).strip()))
        for match in _LINK.finditer(line):
            links.append(LinkRef(number, match.group(1)))
    collector = _TagCollector(first_line)
    collector.feed("\n".join(lines))
    collector.close()
    for tag in collector.tags:
        if tag.tag == "img":
            attributes = dict(tag.attributes)
            images.append(ImageRef(tag.line, attributes.get("src", ""), attributes.get("alt", "").strip()))
    return BodyScan(tuple(headings), tuple(images), tuple(links), tuple(collector.tags))
