"""The home page's ways in: a picture card for each age band, topic and STEM field, with how many
activities each has, then links to the catalog, every card and the materials.

Each picture is the icon its vocabulary entry names (``icon`` in ages.yml, topics.yml, stem.yml);
the label beside it says the same, so the picture is hidden from screen readers.
"""

from __future__ import annotations

from collections.abc import Callable

from kho_stem.catalog.stats import LibraryStats
from kho_stem.site.fragments import e
from kho_stem.site.icons import term_icon
from kho_stem.site.urls import Linker, age_page, cards_index_page, catalog_page, materials_page, stem_page, topic_page
from kho_stem.taxonomy.vocabularies import Taxonomy

# (stats table and vocabulary, heading, its id, the page of one entry)
GROUPS: tuple[tuple[str, str, str, Callable[[str], str]], ...] = (
    ("ages", "Theo độ tuổi", "theo-do-tuoi", age_page),
    ("topics", "Theo chủ đề", "theo-chu-de", topic_page),
    ("stem", "Theo lĩnh vực STEM", "theo-linh-vuc", stem_page),
)


def _picture_link(href: str, picture: str, label: str, cards: int) -> str:
    return (f'<li><a class="ks-picture-link" href="{e(href)}">{picture}'
            f'<span class="ks-picture-link__label">{e(label)}</span>'
            f'<span class="ks-picture-link__count">{cards} hoạt động</span></a></li>')


def entry_points(stats: LibraryStats, taxonomy: Taxonomy, linker: Linker, here: str) -> str:
    """The block that replaces ``<!-- kho-stem:entry-points -->`` on the page ``here``."""
    sections = []
    for table, heading, anchor, page in GROUPS:
        vocabulary = taxonomy[table]
        links = "".join(
            _picture_link(linker.href(here, page(row.code)), term_icon(vocabulary[row.code], "ks-icon"),
                          row.label, row.cards)
            for row in stats.table(table).rows)
        sections.append(f'<section class="ks-pictures__group ks-pictures__group--{table}">'
                        f'<h2 id="{anchor}">{e(heading)}</h2><ul class="ks-picture-links">{links}</ul></section>')
    others = (
        f'<a href="{e(linker.href(here, catalog_page()))}">Tìm và lọc trong Thư viện</a> · '
        f'<a href="{e(linker.href(here, cards_index_page()))}">Tất cả {stats.total} hoạt động</a> · '
        f'<a href="{e(linker.href(here, materials_page()))}">Theo nguyên vật liệu</a>'
    )
    return '<div class="ks-pictures">\n' + "\n".join(sections) + f"\n</div>\n\n<p>{others}</p>\n"
