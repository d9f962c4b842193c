"""The safe list for raw HTML and URLs in card bodies.

Cards come from many contributors and are published on school sites and offline copies, so
anything that can run code (scripts, event handlers, javascript: URLs, frames) is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from .body import BodyScan

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl",
    "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "poster", "xlink:href", "background"})
FORBIDDEN_ATTRIBUTES = frozenset({"srcdoc", "formaction"})
SAFE_SCHEMES = frozenset({"", "http", "https", "mailto", "tel"})
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_DANGEROUS_STYLE = re.compile(r"url\s*\(|expression\s*\(|javascript:", re.IGNORECASE)


def is_safe_url(url: str) -> bool:
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    cleaned = _INVISIBLE.sub("", url)
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES


def unsafe_html(scan: BodyScan) -> Iterator[tuple[int, str, dict[str, str]]]:
    """Yield ``(line, message code, params)`` for every unsafe tag, attribute or link."""
    for tag in scan.tags:
        if tag.tag not in ALLOWED_TAGS:
            yield tag.line, "html_tag_forbidden", {"tag": tag.tag, "allowed": ", ".join(sorted(ALLOWED_TAGS))}
            continue
        for name, value in tag.attributes:
            forbidden = (
                name.startswith("on")
                or name in FORBIDDEN_ATTRIBUTES
                or (name == "style" and _DANGEROUS_STYLE.search(value) is not None)
            )
            if forbidden:
                yield tag.line, "html_attribute_forbidden", {"tag": tag.tag, "attribute": name}
            elif name in URL_ATTRIBUTES and not is_safe_url(value):
                yield tag.line, "unsafe_link", {"url": value}
    for link in scan.links:
        if not is_safe_url(link.url):
            yield link.line, "unsafe_link", {"url": link.url}
