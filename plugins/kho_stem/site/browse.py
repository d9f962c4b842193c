"""Browse pages generated from the data: by age band, topic, STEM field, material, and all cards."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from kho_stem.cards.card import Card
from kho_stem.catalog.facts import CardFacts
from kho_stem.site.card_page import REF_2860_UNCHECKED, page_front_matter
from kho_stem.site.fragments import e
from kho_stem.site.listing import Thumbnail, card_list
from kho_stem.site.page import GeneratedPage
from kho_stem.site.print_parts import list_print_action
from kho_stem.site.urls import Linker, age_page, card_page, cards_index_page, materials_page, stem_page, topic_page
from kho_stem.taxonomy.vocabularies import Taxonomy
from kho_stem.text import fold


class BrowsePages:
    def __init__(self, facts: list[CardFacts], taxonomy: Taxonomy, linker: Linker, thumbnails: dict[str, Thumbnail]):
        """``facts``: every card's facts, in title order."""
        self.facts = facts
        self.cards = [fact.card for fact in facts]
        self.taxonomy = taxonomy
        self.linker = linker
        self.thumbnails = thumbnails

    def _list_page(self, here: str, title: str, description: str, intro_html: str, cards: list[Card]) -> GeneratedPage:
        page = GeneratedPage(page_front_matter(title, description) + intro_html + "\n" + list_print_action())
        return page.add_fragment(card_list(cards, here, self.taxonomy, self.linker, self.thumbnails))

    def _grouped(self, key: Callable[[Card], Iterable[str]]) -> dict[str, list[Card]]:
        groups: dict[str, list[Card]] = defaultdict(list)
        for card in self.cards:
            for code in key(card):
                groups[code].append(card)
        return groups

    def pages(self) -> dict[str, GeneratedPage]:
        pages: dict[str, GeneratedPage] = {}
        by_age = self._grouped(lambda card: card.get("ages"))
        for term in self.taxonomy.ages:
            cards = by_age.get(term.code, [])
            intro = f"<p>{len(cards)} hoạt động dành cho {e(term.label)}.</p>"
            pages[age_page(term.code)] = self._list_page(
                age_page(term.code), term.label, f"Hoạt động STEM cho {term.label}", intro, cards)
        by_topic = self._grouped(lambda card: card.get("topics"))
        for term in self.taxonomy.topics:
            cards = by_topic.get(term.code, [])
            reference = term.get("ref_2860") or REF_2860_UNCHECKED
            ages = ", ".join(self.taxonomy.ages[code].get("short", code) for code in term.get("ages") or [])
            nha_tre = term.get("nha_tre") or []
            extra = f"<li>Ở nhà trẻ thường gọi là: {e(', '.join(nha_tre))}</li>" if nha_tre else ""
            intro = (
                f'<div class="ks-topic-info">\n<p>{e(term.get("description", ""))}</p>\n<ul>'
                f"<li>Độ tuổi phù hợp: {e(ages)}</li>"
                f'<li>Quyết định 2860/QĐ-BGDĐT: <span class="ks-ref2860">{e(reference)}</span></li>{extra}</ul>\n'
                f"</div>\n\n<p>{len(cards)} hoạt động.</p>"
            )
            pages[topic_page(term.code)] = self._list_page(
                topic_page(term.code), f"Chủ đề: {term.label}", term.get("description", ""), intro, cards)
        by_stem = self._grouped(lambda card: card.get("stem"))
        for term in self.taxonomy["stem"]:
            cards = by_stem.get(term.code, [])
            intro = f"<p>{len(cards)} hoạt động có tích hợp {e(term.label.lower())} ({e(term.code)}).</p>"
            pages[stem_page(term.code)] = self._list_page(
                stem_page(term.code), f"Lĩnh vực {term.code}: {term.label}", "", intro, cards)
        pages[materials_page()] = self._materials_page()
        intro = f"<p>Thư viện có {len(self.cards)} hoạt động, xếp theo tên.</p>"
        pages[cards_index_page()] = self._list_page(cards_index_page(), "Tất cả hoạt động", "", intro, self.cards)
        return pages

    def _materials_page(self) -> GeneratedPage:
        here = materials_page()
        groups: dict[str, list[Card]] = defaultdict(list)
        for fact in self.facts:
            for name in fact.materials:
                groups[name].append(fact.card)
        rows = []
        for key in sorted(groups, key=lambda k: (fold(k), k)):
            links = ", ".join(
                f'<a href="{e(self.linker.href(here, card_page(card.slug)))}">{e(card.title)}</a>'
                for card in groups[key]
            )
            rows.append(f"<dt>{e(key)} <small>({len(groups[key])})</small></dt><dd>{links}</dd>")
        page = GeneratedPage(
            page_front_matter("Theo nguyên vật liệu", "Mọi nguyên vật liệu trong thư viện và các hoạt động dùng chúng")
            + f"<p>{len(groups)} loại nguyên vật liệu. Tìm nhanh bằng Ctrl+F (hoặc “Tìm trong trang” trên điện "
            "thoại).</p>\n"
        )
        return page.add_fragment('<dl class="ks-material-index">\n' + "\n".join(rows) + "\n</dl>")
