"""Card pages whose Markdown stub is the same are rendered by MkDocs once.

A card page gives MkDocs only a stub: its section headings and placeholders for the HTML the
plugin puts in after rendering (``kho_stem.site.GeneratedPage``). Even so, each page costs MkDocs
a new Markdown parser and its tree walks, a large part of a build, while cards with the same
sections and process steps have the very same stub. What MkDocs makes of a stub depends only on
its text and the site's Markdown settings: it holds no link or image, the only parts MkDocs
renders differently on each page. So the first page with a stub is rendered as before, and each
later page with the same text hands MkDocs an empty page and takes the first one's HTML, table of
contents and anchors: the published page is the same, byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.plugins import PluginCollection
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents


@dataclass(frozen=True)
class _Rendering:
    html: str
    toc: TableOfContents
    anchors: frozenset[str]


class StubRenderings:
    """What MkDocs rendered for each distinct stub during one build (and serve's previews after it)."""

    def __init__(self) -> None:
        self._known: dict[str, _Rendering] = {}
        self._waiting: dict[str, str] = {}  # page source -> the stub it gave MkDocs to render

    def clear(self) -> None:
        self._known.clear()
        self._waiting.clear()

    def markdown_to_render(self, page: Page, stub: str) -> str:
        """What MkDocs should render for ``page``: its stub, or nothing when the stub was rendered before."""
        self._waiting[page.file.src_uri] = stub
        return "" if stub in self._known else stub

    def content(self, page: Page, html: str) -> str:
        """The page's rendered HTML; a page that rendered nothing gets its stub's first rendering."""
        stub = self._waiting.pop(page.file.src_uri, None)
        if stub is None:
            return html
        known = self._known.get(stub)
        if known is None:
            self._known[stub] = _Rendering(html, page.toc, frozenset(page.present_anchor_ids or ()))
            return html
        page.toc = known.toc
        page.present_anchor_ids = set(known.anchors)
        return known.html


def last_to_change_markdown(plugins: PluginCollection, plugin: object) -> bool:
    """True when no plugin after ``plugin`` changes a page's Markdown: only then may it hand MkDocs
    an empty page, since a later plugin would otherwise see nothing to work on."""
    handlers = plugins.events.get("page_markdown", [])
    return bool(handlers) and getattr(handlers[-1], "__self__", None) is plugin
