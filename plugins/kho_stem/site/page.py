"""A generated page: Markdown for the site generator, plus HTML fragments filled in afterwards.

Long card lists are plain HTML already. Passing them through Markdown would only make the
Markdown parser re-read thousands of tags (a third of a large build), so the page carries a
placeholder comment, which Markdown leaves untouched, and the fragment replaces it after rendering.
"""

from __future__ import annotations

from dataclasses import dataclass, field

_PLACEHOLDER = "<!-- kho-stem:fragment:{} -->"


@dataclass
class GeneratedPage:
    markdown: str = ""
    fragments: dict[str, str] = field(default_factory=dict)

    def add(self, markdown: str) -> GeneratedPage:
        self.markdown += markdown
        return self

    def add_fragment(self, html: str) -> GeneratedPage:
        placeholder = _PLACEHOLDER.format(len(self.fragments))
        self.fragments[placeholder] = html
        self.markdown += f"\n\n{placeholder}\n\n"
        return self

    def fill(self, html: str) -> str:
        """The rendered page with every fragment in place of its placeholder."""
        for placeholder, fragment in self.fragments.items():
            html = html.replace(placeholder, fragment, 1)
        return html

    @property
    def source(self) -> str:
        """The Markdown with every fragment in place: everything the page says, for reading it whole."""
        return self.fill(self.markdown)
