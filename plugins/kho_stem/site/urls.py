"""Where each generated page lives, and relative links between pages.

Pages are addressed by their source path (``hoat-dong/<slug>/index.md``); the link from one page to
another depends on whether the site uses directory URLs (``…/slug/``, the hosted site) or file URLs
(``…/slug/index.html``, the offline copy opened from file://).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

CARDS = "hoat-dong"
AGES = "do-tuoi"
TOPICS = "chu-de"
STEM = "linh-vuc"
MATERIALS = "vat-lieu"
CATALOG = "thu-vien"
STATS = "thong-ke"
PLAN = "ke-hoach"
CARD_PRINT_SCRIPT = "in-the.js"  # beside a card's page: its printable body, for the plan's "In tất cả thẻ"
# Beside a card's page: its giáo án's body, for the plan page's one .docx of the whole plan.
CARD_LESSON_PLAN_SCRIPT = "giao-an.js"
MATERIALS_LIST = "danh-muc-vat-lieu"


def card_page(slug: str) -> str:
    return f"{CARDS}/{slug}/index.md"


def lesson_plan_file(slug: str) -> str:
    """The card's giáo án (.docx), beside its page."""
    return f"{CARDS}/{slug}/giao-an.docx"


def age_page(code: str) -> str:
    return f"{AGES}/{code}/index.md"


def topic_page(code: str) -> str:
    return f"{TOPICS}/{code}/index.md"


def stem_page(code: str) -> str:
    return f"{STEM}/{code.lower()}/index.md"


def materials_page() -> str:
    return f"{MATERIALS}/index.md"


def cards_index_page() -> str:
    return f"{CARDS}/index.md"


def catalog_page() -> str:
    return f"{CATALOG}/index.md"


def stats_page() -> str:
    return f"{STATS}/index.md"


def plan_page() -> str:
    return f"{PLAN}/index.md"


def card_print_file(slug: str) -> str:
    return f"{CARDS}/{slug}/{CARD_PRINT_SCRIPT}"


def lesson_plan_script_file(slug: str) -> str:
    return f"{CARDS}/{slug}/{CARD_LESSON_PLAN_SCRIPT}"


def materials_list_page() -> str:
    return f"{MATERIALS_LIST}/index.md"


def survey_page() -> str:
    return f"{MATERIALS_LIST}/khao-sat/index.md"


def materials_list_csv() -> str:
    return f"{MATERIALS_LIST}/danh-muc-toi-thieu.csv"


@dataclass(frozen=True)
class Linker:
    directory_urls: bool = True

    def url(self, src: str) -> str:
        """Site-relative URL of a page or file given by its source path."""
        if not src.endswith(".md"):
            return src
        stem = src[: -len(".md")]
        if self.directory_urls:
            if stem == "index" or stem.endswith("/index"):
                return stem[: -len("index")]
            return stem + "/"
        return stem + ".html"

    def root(self, from_src: str) -> str:
        """The prefix that turns a site-relative URL into a link from the page ``from_src``."""
        folder = self._folder(self.url(from_src)).strip("/")
        return "../" * (folder.count("/") + 1) if folder else ""

    @staticmethod
    def _folder(url: str) -> str:
        return url if url.endswith("/") or url == "" else posixpath.dirname(url) + "/"

    def href(self, from_src: str, to_src: str) -> str:
        """Relative link from the page ``from_src`` to the page or file ``to_src``."""
        target = self.url(to_src)
        here = self.url(from_src)
        base = self._folder(here)
        if base in ("", "/"):
            relative = target
        else:
            relative = _relative(target, base)
            if (target == "" or target.endswith("/")) and not relative.endswith("/"):
                relative += "/"
        if relative in ("", "./"):
            return "./"
        return relative


def _relative(target: str, base: str) -> str:
    """``posixpath.relpath`` for site URLs (no ``.`` or ``..`` parts): pure string work, without
    the current directory that relpath looks up on every call (thousands of links per build)."""
    to = [part for part in target.split("/") if part]
    start = [part for part in base.split("/") if part]
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."
