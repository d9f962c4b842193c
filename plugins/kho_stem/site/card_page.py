"""The page of one card, laid out for a teacher standing in a classroom: what it is, safety
first, materials as a checklist, objectives, then the activity itself."""

from __future__ import annotations

from pathlib import Path

import yaml

from kho_stem.cards.card import Card
from kho_stem.catalog.facts import CardFacts, material_name
from kho_stem.site.card_body import PublishedLookup, add_body
from kho_stem.site.fragments import age_badges, author_line, badge, duration_badge, e, review_badge
from kho_stem.site.page import GeneratedPage
from kho_stem.site.print_parts import PrintSettings, family_handout, print_actions, print_footer
from kho_stem.site.urls import Linker, card_page, stem_page, topic_page
from kho_stem.taxonomy.vocabularies import Taxonomy

REF_2860_UNCHECKED = "chưa đối chiếu"


def page_front_matter(title: str, description: str = "", hide: tuple[str, ...] = ()) -> str:
    """Front matter of a generated page; ``hide`` names parts of the theme's layout to leave out."""
    # Themes print page.title and page.meta.description without escaping (in <title>, <h1>, the
    # navigation, <meta content="…">), so the card's text is escaped here, once, at the source.
    data: dict[str, object] = {"title": e(title)}
    if description:
        data["description"] = e(description)
    if hide:
        data["hide"] = list(hide)
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, width=10_000) + "---\n\n"


def render_card_page(
    fact: CardFacts, taxonomy: Taxonomy, linker: Linker, published_image: PublishedLookup, related_html: str,
    print_settings: PrintSettings | None = None,
) -> GeneratedPage:
    card = fact.card
    here = card_page(card.slug)
    print_settings = print_settings or PrintSettings()
    before = [page_front_matter(card.title, card.get("description")), _summary(card, taxonomy, linker, here),
              print_actions(card)]
    if card.cover is not None:
        before.append(_cover(card.cover, linker, published_image, here))
    before.append(_safety(card, fact.hazards, taxonomy))
    before.append(_materials(card, taxonomy))
    before.append(_list_section("Mục tiêu", "muc-tieu", card.get("objectives")))
    if card.get("observe"):
        before.append(_observe(card.get("observe")))
    after = []
    if card.get("family"):
        after.append(_text_section("Gợi ý cho gia đình", "gia-dinh", card.get("family")))
    if card.get("inclusion"):
        after.append(_text_section("Điều chỉnh cho trẻ có nhu cầu đặc biệt", "hoa-nhap", card.get("inclusion")))
    after.append(_footer(card, taxonomy))
    after.append(print_footer(card, print_settings, linker.url(here)))
    after.append(family_handout(card))
    after.append("## Hoạt động liên quan { #lien-quan }\n")
    page = GeneratedPage("\n".join(before))
    add_body(page, card, linker, published_image, here)
    return page.add("\n\n" + "\n".join(after)).add_fragment(related_html)


def _cover(cover: Path, linker: Linker, published_image: PublishedLookup, here: str) -> str:
    src, width, height = published_image(cover)
    size = f' width="{width}" height="{height}"' if width else ""
    # The cover illustrates the title, which is read just before it: empty alt avoids repeating it.
    return f'<p class="ks-cover"><img src="{e(linker.href(here, src))}" alt=""{size}></p>\n'


def _summary(card: Card, taxonomy: Taxonomy, linker: Linker, here: str) -> str:
    details = [badge(taxonomy["groups"][card.get("group")].label, "group", "Hình thức tổ chức")]
    if card.get("setting"):
        details.append(badge(taxonomy["settings"][card.get("setting")].label, "setting", "Địa điểm"))
    stem = "".join(
        f'<a class="ks-badge ks-badge--stem" href="{e(linker.href(here, stem_page(code)))}" '
        f'title="{e(taxonomy["stem"][code].label)}">{e(code)} · {e(taxonomy["stem"][code].label)}</a>'
        for code in card.get("stem")
    )
    topics = []
    for code in card.get("topics"):
        topic = taxonomy.topics[code]
        reference = topic.get("ref_2860") or REF_2860_UNCHECKED
        topics.append(
            f'<a href="{e(linker.href(here, topic_page(code)))}">{e(topic.label)}</a> '
            f'<small class="ks-ref2860">(Quyết định 2860: {e(reference)})</small>'
        )
    return (
        '<div class="ks-summary">\n'
        f'<p class="ks-description">{e(card.get("description"))}</p>\n'
        f'<p class="ks-badges">{age_badges(card, taxonomy)}{duration_badge(card)}{"".join(details)}'
        f"{review_badge(card)}</p>\n"
        f'<p class="ks-badges">{stem}</p>\n'
        f'<p class="ks-topics"><strong>Chủ đề:</strong> {"; ".join(topics)}</p>\n'
        "</div>\n"
    )


def _safety(card: Card, hazard_codes: tuple[str, ...], taxonomy: Taxonomy) -> str:
    hazards = "".join(badge(taxonomy.hazards[code].label, "hazard") for code in hazard_codes)
    hazard_line = f'<p class="ks-badges">{hazards}</p>\n' if hazards else ""
    notes = "\n".join(f"<li>{e(note)}</li>" for note in card.get("safety"))
    return (
        "## Lưu ý an toàn { #an-toan }\n\n"
        f'<div class="ks-safety" role="note" aria-label="Lưu ý an toàn">\n{hazard_line}<ul>\n{notes}\n</ul>\n</div>\n'
    )


def _materials(card: Card, taxonomy: Taxonomy) -> str:
    rows = []
    for index, item in enumerate(card.get("materials")):
        name = material_name(item)
        details = []
        if isinstance(item, dict):
            if item.get("quantity") is not None:
                per = f" {taxonomy['per'][item['per']].label}" if item.get("per") else ""
                details.append(f'<span class="ks-quantity">{e(item["quantity"])}{e(per)}</span>')
            if item.get("hazards"):
                labels = ", ".join(taxonomy.hazards[code].label for code in item["hazards"])
                details.append(f'<span class="ks-material-hazard">⚠ {e(labels)}</span>')
            if item.get("note"):
                details.append(f'<span class="ks-note">{e(item["note"])}</span>')
        checkbox_id = f"vl-{index + 1}"
        rows.append(
            f'<li><input type="checkbox" id="{checkbox_id}"> <label for="{checkbox_id}">{e(name)}</label>'
            + (" — " + " · ".join(details) if details else "")
            + "</li>"
        )
    return (
        "## Nguyên vật liệu { #nguyen-vat-lieu }\n\n"
        '<ul class="ks-materials">\n' + "\n".join(rows) + "\n</ul>\n"
    )


def _observe(signs: list[str]) -> str:
    """'Quan sát, đánh giá': signs the teacher ticks (on screen or on paper) for assessing children."""
    rows = "\n".join(
        f'<li><input type="checkbox" id="qs-{index}"> <label for="qs-{index}">{e(sign)}</label></li>'
        for index, sign in enumerate(signs, start=1)
    )
    return f'## Quan sát, đánh giá {{ #quan-sat }}\n\n<ul class="ks-observe">\n{rows}\n</ul>\n'


def _list_section(title: str, anchor: str, items: list[str]) -> str:
    body = "\n".join(f"<li>{e(item)}</li>" for item in items)
    return f"## {title} {{ #{anchor} }}\n\n<ul>\n{body}\n</ul>\n"


def _text_section(title: str, anchor: str, text: str) -> str:
    paragraphs = "\n".join(f"<p>{e(p.strip())}</p>" for p in text.split("\n\n") if p.strip())
    return f"## {title} {{ #{anchor} }}\n\n<div class=\"ks-text\">\n{paragraphs}\n</div>\n"


def _footer(card: Card, taxonomy: Taxonomy) -> str:
    license_term = taxonomy["licenses"][card.get("license")]
    review = (
        f"Đã duyệt bởi {e(card.review.by)} ngày {e(card.review.date)}" if card.review
        else "Chưa duyệt — giáo viên nên đọc kỹ lưu ý an toàn trước khi dùng"
    )
    rows = [
        ("Tác giả", author_line(card)),
        ("Giấy phép", f'<a href="{e(license_term.get("url", ""))}">{e(license_term.label)}</a>'),
        ("Trạng thái", review),
    ]
    if card.get("updated"):
        rows.append(("Cập nhật", e(card.get("updated"))))
    if card.get("cost") is not None:
        rows.append(("Chi phí dự kiến", f"{card.get('cost'):,} đồng mỗi nhóm".replace(",", ".")))
    items = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<dl class="ks-card-footer">\n{items}\n</dl>\n'
