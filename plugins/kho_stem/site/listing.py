"""Lists of cards (browse pages, related cards, home page, the catalog's results): one tile per card.

The tile is written once, here. Static lists get it filled in at build time; the catalog page gets
it empty inside a ``<template>`` (``tile_template``) that its script clones for each result, so
the browser never builds a tile of its own. A card without a cover shows the picture of its first
topic instead; the catalog gets those pictures once, in ``topic_icons_template``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from kho_stem.catalog.facts import CardFacts
from kho_stem.site.fragments import (
    DURATION_TEXT,
    DURATION_TITLE,
    UNREVIEWED_TEXT,
    UNREVIEWED_TITLE,
    age_badges,
    badge,
    duration_badge,
    e,
    review_badge,
)
from kho_stem.site.icons import term_icon
from kho_stem.site.plan_parts import plan_button
from kho_stem.site.urls import Linker, card_page
from kho_stem.taxonomy.vocabularies import Taxonomy

TOPIC_SEPARATOR = " · "
MISSING_TEXT = "Còn thiếu: {material}"  # the catalog's "Lớp em có gì?": the one material the class lacks
TILE_TEMPLATE_ATTRIBUTE = "data-ks-tile"
TILE_ICON_CLASS = "ks-tile__icon"


class Thumbnail(NamedTuple):
    src: str
    width: int | None
    height: int | None


def _tile(image: str, link: str, title: str, description: str, badges: str, topics: str,
          topics_attributes: str = "", missing: str = "") -> str:
    """One tile; every text argument is plain text, ``image`` and ``badges`` are HTML."""
    return (
        f'<li class="ks-tile">{image}<div class="ks-tile__text">'
        f'<a class="ks-tile__title" href="{e(link)}">{e(title)}</a>'
        f'<p class="ks-tile__description">{e(description)}</p>'
        f'<p class="ks-badges">{badges}</p>'
        f'<p class="ks-tile__topics"{topics_attributes}>{e(topics)}</p>{plan_button()}{missing}'
        f"</div></li>"
    )


def _thumbnail(src: str, size: str = "") -> str:
    return f'<img class="ks-tile__thumb"{src}alt=""{size} loading="lazy">'


def _topic_picture(term_code: str, taxonomy: Taxonomy, attributes: str = "") -> str:
    icon = term_icon(taxonomy.topics[term_code], "ks-icon")
    return f'<span class="{TILE_ICON_CLASS}"{attributes}>{icon}</span>' if icon else ""


def topic_icons_template(taxonomy: Taxonomy) -> str:
    """Each topic's picture, once, for the catalog's script to put on tiles without a cover."""
    pictures = "".join(_topic_picture(term.code, taxonomy, f' data-ks-topic="{e(term.code)}"')
                       for term in taxonomy.topics)
    return f"<template data-ks-topic-icons>{pictures}</template>"


def tile_template() -> str:
    """The empty tile the catalog's script clones: one age badge to copy per age band, the badge
    texts with ``{minutes}`` and ``{material}`` left to fill, and the topic separator."""
    badges = (badge("", "age") + badge(DURATION_TEXT, "duration", DURATION_TITLE)
              + badge(UNREVIEWED_TEXT, "unreviewed", UNREVIEWED_TITLE))
    missing = f'<p class="ks-tile__missing">{e(MISSING_TEXT)}</p>'
    tile = _tile(_thumbnail(" "), "", "", "", badges, "", f' data-ks-separator="{e(TOPIC_SEPARATOR)}"', missing)
    return f"<template {TILE_TEMPLATE_ATTRIBUTE}>{tile}</template>"


def card_list(
    facts: Iterable[CardFacts], here: str, taxonomy: Taxonomy, linker: Linker, thumbnails: dict[str, Thumbnail]
) -> str:
    """An HTML list of card tiles for the page ``here``; ``thumbnails`` maps slug -> thumbnail."""
    return tile_list([card_tile(fact, here, taxonomy, linker, thumbnails) for fact in facts], here, linker)


def card_tile(fact: CardFacts, here: str, taxonomy: Taxonomy, linker: Linker, thumbnails: dict[str, Thumbnail]) -> str:
    """One card's tile on the page ``here``."""
    thumb = thumbnails.get(fact.slug)
    image = ""
    if thumb:
        size = f' width="{thumb.width}" height="{thumb.height}"' if thumb.width else ""
        image = _thumbnail(f' src="{e(linker.href(here, thumb.src))}" ', size)
    else:
        image = _topic_picture(fact.topics[0], taxonomy)
    topics = TOPIC_SEPARATOR.join(taxonomy.topics[code].label for code in fact.topics)
    badges = age_badges(fact, taxonomy) + duration_badge(fact) + review_badge(fact)
    return _tile(image, linker.href(here, card_page(fact.slug)), fact.title, fact.description, badges, topics)


def tile_list(tiles: list[str], here: str, linker: Linker) -> str:
    """Tiles (``card_tile``) as the page's list, or an invitation to contribute when there are none."""
    if not tiles:
        return '<p class="ks-empty">Chưa có hoạt động nào. Hãy <a href="{}">đóng góp</a> một thẻ!</p>'.format(
            e(linker.href(here, "dong-gop.md"))
        )
    return '<ul class="ks-tiles">\n' + "\n".join(tiles) + "\n</ul>"
