"""Redirect pages for old card names (``aliases:``), so links shared before a rename keep working.

Each is a small static HTML file at the old card address, in both URL styles (the hosted site and
the offline copy opened from file://): a meta refresh, a canonical link and a visible link for a
browser that does not follow the refresh. They are files, not MkDocs pages, so they stay out of
the navigation, the search data and the sitemap.
"""

from __future__ import annotations

from kho_stem.cards.card import Card
from kho_stem.site.fragments import e
from kho_stem.site.urls import Linker, card_page


def redirect_file(alias: str) -> str:
    """Where the redirect page for ``alias`` lives in the site: where the card page would be."""
    return card_page(alias)[: -len(".md")] + ".html"


def redirect_page(card: Card, alias: str, linker: Linker) -> str:
    href = e(linker.href(card_page(alias), card_page(card.slug)))
    title = e(card.title)
    return (
        "<!doctype html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n'
        '<meta name="robots" content="noindex">\n'
        "</head>\n<body>\n"
        f'<p>Hoạt động này đã chuyển sang <a href="{href}">{title}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def redirect_pages(cards: list[Card], linker: Linker) -> dict[str, str]:
    """Every redirect page of ``cards``, by its file path in the site."""
    return {redirect_file(alias): redirect_page(card, alias, linker) for card in cards for alias in card.aliases}
