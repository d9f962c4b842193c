"""Lists of cards (browse pages, related cards, home page): one tile per card."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from kho_stem.cards.card import Card
from kho_stem.site.fragments import age_badges, duration_badge, e, review_badge
from kho_stem.site.urls import Linker, card_page
from kho_stem.taxonomy.vocabularies import Taxonomy


class Thumbnail(NamedTuple):
    src: str
    width: int | None
    height: int | None


def card_list(
    cards: Iterable[Card], here: str, taxonomy: Taxonomy, linker: Linker, thumbnails: dict[str, Thumbnail]
) -> str:
    """An HTML list of card tiles for the page ``here``; ``thumbnails`` maps slug -> thumbnail."""
    items = []
    for card in cards:
        link = linker.href(here, card_page(card.slug))
        thumb = thumbnails.get(card.slug)
        image = ""
        if thumb:
            size = f' width="{thumb.width}" height="{thumb.height}"' if thumb.width else ""
            image = (f'<img class="ks-tile__thumb" src="{e(linker.href(here, thumb.src))}" alt=""{size} '
                     'loading="lazy">')
        items.append(
            f'<li class="ks-tile">{image}<div class="ks-tile__text">'
            f'<a class="ks-tile__title" href="{e(link)}">{e(card.title)}</a>'
            f'<p class="ks-tile__description">{e(card.get("description"))}</p>'
            f'<p class="ks-badges">{age_badges(card, taxonomy)}{duration_badge(card)}{review_badge(card)}</p>'
            f"</div></li>"
        )
    if not items:
        return '<p class="ks-empty">Chưa có hoạt động nào. Hãy <a href="{}">đóng góp</a> một thẻ!</p>'.format(
            e(linker.href(here, "dong-gop.md"))
        )
    return '<ul class="ks-tiles">\n' + "\n".join(items) + "\n</ul>"
