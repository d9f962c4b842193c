"""The page of one card, laid out for a teacher standing in a classroom: what it is, safety
first, materials as a checklist, objectives, then the activity itself."""

from __future__ import annotations

from pathlib import Path

import yaml

from kho_stem.catalog.facts import CardFacts
from kho_stem.site.card_body import PublishedLookup, add_body
from kho_stem.site.fragments import age_badges, author_line, badge, duration_badge, e, review_badge
from kho_stem.site.page import GeneratedPage
from kho_stem.site.print_parts import PrintSettings, family_handout, print_actions, print_footer
from kho_stem.site.theme import BUTTON_CLASS, HIDE_KEY
from kho_stem.site.urls import Linker, card_page, lesson_plan_file, stem_page, topic_page
from kho_stem.taxonomy.vocabularies import Taxonomy

REF_2860_UNCHECKED = "chưa đối chiếu"
RELATED_ID = "lien-quan"  # the last section of a card page: other cards, which paper never shows
# libyaml's emitter when PyYAML has it: the pure-Python one was a third of rendering a card page.
# Either writes YAML that reads back as the same values, so the page is the same.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def page_front_matter(title: str, description: str = "", hide: tuple[str, ...] = ()) -> str:
    """Front matter of a generated page; ``hide`` names parts of the theme's layout to leave out."""
    # Themes print page.title and page.meta.description without escaping (in <title>, <h1>, the
    # navigation, <meta content="…">), so the card's text is escaped here, once, at the source.
    data: dict[str, object] = {"title": e(title)}
    if description:
        data["description"] = e(description)
    if hide:
        data[HIDE_KEY] = list(hide)
    return "---\n" + yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, width=10_000) + "---\n\n"


def render_card_page(
    fact: CardFacts, taxonomy: Taxonomy, linker: Linker, published_image: PublishedLookup, related_html: str,
    print_settings: PrintSettings | None = None, lesson_plan: bool = False,
) -> GeneratedPage:
    """Only the front matter and the section headings (the table of contents and its anchors) go
    through the site generator's Markdown; every block of HTML goes in after rendering.
    ``lesson_plan``: the card's giáo án (.docx) is published beside the page, so link to it."""
    here = card_page(fact.slug)
    print_settings = print_settings or PrintSettings()
    page = GeneratedPage(page_front_matter(fact.title, fact.description))
    _html(page, _summary(fact, taxonomy, linker, here))
    _html(page, print_actions(fact))
    if lesson_plan:
        _html(page, _lesson_plan_link(fact, linker, here))
    if fact.card.cover is not None:
        _html(page, _cover(fact.card.cover, linker, published_image, here))
    _section(page, "Lưu ý an toàn", "an-toan", _safety(fact, taxonomy))
    _section(page, "Nguyên vật liệu", "nguyen-vat-lieu", _materials(fact, taxonomy))
    _section(page, "Mục tiêu", "muc-tieu", _list(fact.objectives))
    if fact.observe:
        _section(page, "Quan sát, đánh giá", "quan-sat", _observe(fact.observe))
    add_body(page, fact.card, linker, published_image, here)
    if fact.family:
        _section(page, "Gợi ý cho gia đình", "gia-dinh", _text(fact.family))
    if fact.inclusion:
        _section(page, "Điều chỉnh cho trẻ có nhu cầu đặc biệt", "hoa-nhap", _text(fact.inclusion))
    _html(page, _footer(fact, taxonomy))
    _html(page, print_footer(fact, print_settings, linker.url(here)))
    _html(page, family_handout(fact))
    page.add(f"\n\n## Hoạt động liên quan {{ #{RELATED_ID} }}\n")
    return page.add_fragment(related_html)


def printable_body(page_html: str) -> str:
    """A rendered card page without its related cards: what printing it keeps, and a plan's
    "In tất cả thẻ" ships for each card (``plan_data.card_print_script``)."""
    related = page_html.find(f' id="{RELATED_ID}"')
    start = page_html.rfind("<h2", 0, related) if related >= 0 else -1
    return page_html[:start] if start >= 0 else page_html


def _section(page: GeneratedPage, title: str, anchor: str, html: str) -> None:
    page.add(f"\n\n## {title} {{ #{anchor} }}\n\n")
    _html(page, html)


def _html(page: GeneratedPage, html: str) -> None:
    # Markdown would print an HTML block without its last line break.
    if html:
        page.add_fragment(html.rstrip("\n"))


def _lesson_plan_link(fact: CardFacts, linker: Linker, here: str) -> str:
    # Saved under the card's name: every card's file is giao-an.docx on the site.
    return (f'<p class="ks-print-actions ks-lesson-plan"><a class="{BUTTON_CLASS}" '
            f'href="{e(linker.href(here, lesson_plan_file(fact.slug)))}" download="giao-an-{e(fact.slug)}.docx" '
            'type="application/vnd.openxmlformats-officedocument.wordprocessingml.document">'
            "Tải giáo án (Word)</a></p>\n")


def _cover(cover: Path, linker: Linker, published_image: PublishedLookup, here: str) -> str:
    src, width, height = published_image(cover)
    size = f' width="{width}" height="{height}"' if width else ""
    # The cover illustrates the title, which is read just before it: empty alt avoids repeating it.
    return f'<p class="ks-cover"><img src="{e(linker.href(here, src))}" alt=""{size}></p>\n'


def _summary(fact: CardFacts, taxonomy: Taxonomy, linker: Linker, here: str) -> str:
    details = [badge(taxonomy["groups"][fact.group].label, "group", "Hình thức tổ chức")]
    if fact.setting:
        details.append(badge(taxonomy["settings"][fact.setting].label, "setting", "Địa điểm"))
    stem = "".join(
        f'<a class="ks-badge ks-badge--stem" href="{e(linker.href(here, stem_page(code)))}" '
        f'title="{e(taxonomy["stem"][code].label)}">{e(code)} · {e(taxonomy["stem"][code].label)}</a>'
        for code in fact.stem
    )
    # Where each topic stands in Decision 2860 is said once, in the footer, not beside every topic.
    topics = [f'<a href="{e(linker.href(here, topic_page(code)))}">{e(taxonomy.topics[code].label)}</a>'
              for code in fact.topics]
    return (
        '<div class="ks-summary">\n'
        f'<p class="ks-description">{e(fact.description)}</p>\n'
        f'<p class="ks-badges">{age_badges(fact, taxonomy)}{duration_badge(fact)}{"".join(details)}'
        f"{review_badge(fact)}</p>\n"
        f'<p class="ks-badges">{stem}</p>\n'
        f'<p class="ks-topics"><strong>Chủ đề:</strong> {"; ".join(topics)}</p>\n'
        "</div>\n"
    )


def _safety(fact: CardFacts, taxonomy: Taxonomy) -> str:
    hazards = "".join(badge(taxonomy.hazards[code].label, "hazard") for code in fact.hazards)
    hazard_line = f'<p class="ks-badges">{hazards}</p>\n' if hazards else ""
    notes = "\n".join(f"<li>{e(note)}</li>" for note in fact.safety)
    return (
        f'<div class="ks-safety" role="note" aria-label="Lưu ý an toàn">\n{hazard_line}<ul>\n{notes}\n</ul>\n</div>\n'
    )


def _materials(fact: CardFacts, taxonomy: Taxonomy) -> str:
    rows = []
    for index, item in enumerate(fact.material_items):
        details = []
        if item.quantity is not None:
            per = f" {taxonomy['per'][item.per].label}" if item.per else ""
            details.append(f'<span class="ks-quantity">{e(item.quantity)}{e(per)}</span>')
        if item.hazards:
            labels = ", ".join(taxonomy.hazards[code].label for code in item.hazards)
            details.append(f'<span class="ks-material-hazard">⚠ {e(labels)}</span>')
        if item.note:
            details.append(f'<span class="ks-note">{e(item.note)}</span>')
        checkbox_id = f"vl-{index + 1}"
        rows.append(
            f'<li><input type="checkbox" id="{checkbox_id}"> <label for="{checkbox_id}">{e(item.name)}</label>'
            + (" — " + " · ".join(details) if details else "")
            + "</li>"
        )
    return '<ul class="ks-materials">\n' + "\n".join(rows) + "\n</ul>\n"


def _observe(signs: tuple[str, ...]) -> str:
    """'Quan sát, đánh giá': signs the teacher ticks (on screen or on paper) for assessing children."""
    rows = "\n".join(
        f'<li><input type="checkbox" id="qs-{index}"> <label for="qs-{index}">{e(sign)}</label></li>'
        for index, sign in enumerate(signs, start=1)
    )
    return f'<ul class="ks-observe">\n{rows}\n</ul>\n'


def _list(items: tuple[str, ...]) -> str:
    body = "\n".join(f"<li>{e(item)}</li>" for item in items)
    return f"<ul>\n{body}\n</ul>\n"


def _text(text: str) -> str:
    paragraphs = "\n".join(f"<p>{e(p.strip())}</p>" for p in text.split("\n\n") if p.strip())
    return f'<div class="ks-text">\n{paragraphs}\n</div>\n'


def _footer(fact: CardFacts, taxonomy: Taxonomy) -> str:
    license_term = taxonomy["licenses"][fact.license]
    review = (
        f"Đã duyệt bởi {e(fact.review.by)} ngày {e(fact.review.date)}" if fact.review
        else "Chưa duyệt — giáo viên nên đọc kỹ lưu ý an toàn trước khi dùng"
    )
    references = "; ".join(
        f"{e(taxonomy.topics[code].label)}: {e(taxonomy.topics[code].get('ref_2860') or REF_2860_UNCHECKED)}"
        for code in fact.topics)
    rows = [
        ("Tác giả", author_line(fact)),
        ("Giấy phép", f'<a href="{e(license_term.get("url", ""))}">{e(license_term.label)}</a>'),
        ("Trạng thái", review),
        ("Đối chiếu Quyết định 2860", f'<span class="ks-ref2860">{references}</span>'),
    ]
    if fact.updated:
        rows.append(("Cập nhật", e(fact.updated)))
    if fact.cost is not None:
        rows.append(("Chi phí dự kiến", f"{fact.cost:,} đồng mỗi nhóm".replace(",", ".")))
    items = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<dl class="ks-card-footer">\n{items}\n</dl>\n'
