"""Small HTML pieces shared by card pages and lists. Every card text is escaped here."""

from __future__ import annotations

from html import escape

from kho_stem.catalog.facts import CardFacts
from kho_stem.taxonomy.vocabularies import Taxonomy

# Badge texts, written once: static tiles use them here, the catalog's tiles get them from the
# tile template (``listing.tile_template``), where ``{minutes}`` is left for the browser to fill.
DURATION_TEXT = "{minutes} phút"
DURATION_TITLE = "Thời lượng"
UNREVIEWED_TEXT = "Chưa duyệt"
UNREVIEWED_TITLE = "Thẻ chưa được giáo viên cốt cán duyệt"


def e(text: object) -> str:
    return escape(str(text), quote=True)


def badge(text: str, kind: str, title: str = "") -> str:
    title_attr = f' title="{e(title)}"' if title else ""
    return f'<span class="ks-badge ks-badge--{kind}"{title_attr}>{e(text)}</span>'


def age_badges(fact: CardFacts, taxonomy: Taxonomy) -> str:
    return "".join(
        badge(taxonomy.ages[code].get("short", code), "age", taxonomy.ages[code].label) for code in fact.ages
    )


def duration_badge(fact: CardFacts) -> str:
    return badge(DURATION_TEXT.format(minutes=fact.duration), "duration", DURATION_TITLE)


def review_badge(fact: CardFacts) -> str:
    return "" if fact.reviewed else badge(UNREVIEWED_TEXT, "unreviewed", UNREVIEWED_TITLE)


def author_line(fact: CardFacts) -> str:
    author = fact.author
    return " · ".join(e(part) for part in (author.name, author.school, author.organization) if part)
