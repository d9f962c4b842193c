"""The catalog page ("Thư viện"): filters as real form controls, results filled in by the browser.

Every filter value is written into the page here, so the form is readable (and labelled) before
any script runs; ``kho-stem-catalog.js`` then adds the counts, the results (tiles cloned from the
template ``listing.tile_template`` renders) and the address state.
"""

from __future__ import annotations

from kho_stem.catalog.facts import AGE_FACET, MATERIAL_FACET, TOPIC_FACET, Facet
from kho_stem.site.card_page import page_front_matter
from kho_stem.site.class_materials import EVERYDAY_NOTE, MODE_ALL, MODE_ANY, NAME_SEPARATOR, ClassMaterials
from kho_stem.site.fragments import e
from kho_stem.site.listing import tile_template
from kho_stem.site.page import GeneratedPage
from kho_stem.site.print_parts import list_print_action
from kho_stem.site.scripts import CATALOG_SCRIPTS, DATA_SCRIPT, SEARCH_TEXT_SCRIPT
from kho_stem.site.search_texts import DATA_FAILED, SEARCH_TEXTS, SORT_CONTROL, SORT_ORDERS
from kho_stem.site.theme import BUTTON_CLASS, HIDE_TABLE_OF_CONTENTS
from kho_stem.site.urls import Linker, cards_index_page, catalog_page
from kho_stem.text import fold

OPEN_FACETS = {AGE_FACET, TOPIC_FACET}  # the two filters teachers start with
LONG_LIST = 12  # facets with more values than this get a box to narrow the list
# Tiles drawn at first (a screenful, on a phone and on a school PC), then added each time the end of
# the list comes near: the page stays small with thousands of cards.
FIRST_TILES = 12
MORE_TILES = 24
# Form controls besides the facets; their names are also the page address's keys, and the
# catalog data ships them to the script (``search_data.CATALOG_KEYS``).
REVIEWED_CONTROL = "duyet"
CLASS_MODE_CONTROL = "lop"
INVENTORY_CONTROL = "co"
MATERIALS_ALL_CONTROL = "vat-lieu-du"  # the materials facet keeps the cards having every ticked material


def _checkbox(name: str, value: str, label: str, extra_class: str = "") -> str:
    return (f'<label class="ks-option{extra_class}" data-fold="{e(fold(label))}"><input type="checkbox" '
            f'name="{e(name)}" value="{e(value)}"> <span>{e(label)}</span> <span class="ks-count"></span></label>')


def _list_filter(label: str) -> str:
    return (f'<input type="search" class="ks-list-filter" aria-label="{e(label)}" placeholder="{e(label)}" '
            'autocomplete="off" data-ks-list-filter>')


def _sort_control() -> str:
    """The orders of the results; the script selects the one in use (relevance only with a query)."""
    options = "".join(f'<option value="{e(order.code)}">{e(order.label)}</option>' for order in SORT_ORDERS)
    return (f'<p class="ks-sort"><label for="ks-sort">{e(SEARCH_TEXTS["sortLabel"])}</label> '
            f'<select id="ks-sort" name="{SORT_CONTROL}" data-ks-sort>{options}</select></p>')


def _facet(facet: Facet) -> str:
    options = [_checkbox(facet.key, value.code, value.label) for value in facet.values]
    legend = facet.legend
    hint = ""
    if facet.excludes:
        # This filter works the other way round: say so where teachers look, not only to screen readers.
        legend = f"{facet.legend}: bỏ thẻ có…"
        hint = ('<p class="ks-hint">Đánh dấu một mối nguy để <strong>ẩn</strong> các hoạt động có mối nguy đó; '
                "số bên cạnh là số hoạt động có mối nguy đó.</p>")
    if facet.none:
        options.insert(0, _checkbox(facet.key, facet.none, "Chỉ thẻ không có mối nguy nào", " ks-option--strong"))
    narrow = _list_filter(f"Lọc danh sách {facet.legend.lower()}") if len(facet.values) > LONG_LIST else ""
    if facet.key == MATERIAL_FACET:
        hint = _materials_mode()
    is_open = " open" if facet.key in OPEN_FACETS else ""
    return (f'<details class="ks-facet"{is_open}><summary>{e(legend)}</summary>'
            f'<fieldset data-facet="{e(facet.key)}"><legend class="ks-visually-hidden">{e(legend)}</legend>'
            f'{hint}{narrow}<div class="ks-options">{"".join(options)}</div></fieldset></details>')


def _materials_mode() -> str:
    """Any ticked material (the default) or every one; the address keeps the second as
    ``MATERIALS_ALL_CONTROL=1``."""
    def choice(value: str, label: str, checked: str) -> str:
        return (f'<label class="ks-option ks-option--mode"><input type="radio" name="{MATERIALS_ALL_CONTROL}" '
                f'value="{value}"{checked}> <span>{e(label)}</span></label>')

    return (f'<div class="ks-mode" role="radiogroup" aria-label="Cách chọn nhiều vật liệu">'
            f'{choice("", MODE_ANY, " checked")}{choice("1", MODE_ALL, "")}</div>')


def _class_form(class_list: ClassMaterials | None, materials: Facet) -> str:
    """The "Lớp em có gì?" form: what the class has; the everyday things are said, not asked."""
    names = class_list.tickable if class_list else tuple(value.code for value in materials.values)
    everyday = NAME_SEPARATOR.join(class_list.everyday_names) if class_list else ""
    inventory = "".join(_checkbox(INVENTORY_CONTROL, name, name) for name in names)
    note = EVERYDAY_NOTE.format(materials=everyday) if everyday else ""
    note = f'<p class="ks-hint" data-ks-everyday>{e(note)}</p>\n' if note else ""
    return f"""<form class="ks-class__form" aria-label="Nguyên vật liệu lớp em có">
<p>Đánh dấu những thứ lớp đã có; thư viện sẽ chỉ ra hoạt động làm được ngay, rồi đến hoạt động thiếu một hoặc hai
thứ, và thứ lớp em có thể dùng thay. Danh sách này chỉ lưu trên máy này, không gửi đi đâu.</p>
{note}<label class="ks-option ks-option--strong"><input type="checkbox" name="{CLASS_MODE_CONTROL}" value="1">
 <span>Chỉ hiện hoạt động lớp em làm được (đủ, hoặc thiếu một, hai thứ)</span> <span class="ks-count"></span></label>
{_list_filter("Lọc danh sách vật liệu lớp em có")}
<fieldset data-inventory><legend class="ks-visually-hidden">Nguyên vật liệu lớp em có</legend>
<div class="ks-options">{inventory}</div></fieldset>
</form>"""


def render_catalog_page(
    facets: tuple[Facet, ...], linker: Linker, card_count: int, official: bool = False,
    reviewed_cards: int | None = None, class_list: ClassMaterials | None = None, topic_icons: str = "",
) -> GeneratedPage:
    """``reviewed_cards``: with none reviewed, the "reviewed only" filter would only ever give nothing.
    ``class_list``: what "Lớp em có gì?" offers (``class_materials``); without it, the materials facet's.
    ``topic_icons``: the topics' pictures for tiles without a cover (``listing.topic_icons_template``)."""
    here = catalog_page()
    scope = ('<p class="ks-official">Bản chính thức của nhà trường: thư viện này chỉ gồm các thẻ đã được '
             "duyệt.</p>\n" if official else "")
    materials = next(facet for facet in facets if facet.key == MATERIAL_FACET)
    reviewed_facet = "" if reviewed_cards == 0 else (
        f'<details class="ks-facet"><summary>Duyệt</summary><fieldset data-facet="{REVIEWED_CONTROL}">\n'
        '<legend class="ks-visually-hidden">Duyệt</legend>\n'
        f'<div class="ks-options">{_checkbox(REVIEWED_CONTROL, "1", "Chỉ thẻ đã được duyệt")}</div>'
        "</fieldset></details>")
    scripts = "".join(f'<script src="{e(linker.href(here, script))}" defer></script>\n' for script in CATALOG_SCRIPTS)
    # The search text's bytes are fetched while the page is drawn; the script runs it afterwards.
    preload = f'<link rel="preload" href="{e(linker.href(here, SEARCH_TEXT_SCRIPT))}" as="script">\n'
    html = scope + preload + f"""<div class="ks-catalog" data-ks-catalog-page data-ks-root="{e(linker.root(here))}"
 data-ks-data="{e(linker.href(here, DATA_SCRIPT))}" data-ks-text="{e(linker.href(here, SEARCH_TEXT_SCRIPT))}"
 data-ks-first-tiles="{FIRST_TILES}" data-ks-more-tiles="{MORE_TILES}" data-ks-failed="{e(DATA_FAILED)}">
<form class="ks-catalog__search" role="search" aria-label="Tìm trong thư viện" data-ks-query-form>
<label for="ks-q">Tìm hoạt động</label>
<input id="ks-q" type="search" name="q" placeholder="Ví dụ: nuoc, thuyen giay, nam cham" autocomplete="off"
 spellcheck="false">
<p class="ks-hint">Gõ có dấu hay không dấu đều được.</p>
</form>
<details class="ks-class" data-ks-class>
<summary>Lớp em có gì?</summary>
{_class_form(class_list, materials)}
</details>
<div class="ks-catalog__body">
<details class="ks-catalog__panel" open data-ks-filters-panel>
<summary>Bộ lọc <span data-ks-active-count></span></summary>
<form class="ks-catalog__filters" aria-label="Bộ lọc" data-ks-filters>
{"".join(_facet(facet) for facet in facets)}
{reviewed_facet}
<button type="reset" class="{BUTTON_CLASS}">Bỏ mọi bộ lọc</button>
<button type="button" class="{BUTTON_CLASS} {BUTTON_CLASS}--primary ks-show-results"
 data-ks-show-results>Xem kết quả</button>
</form>
</details>
<div class="ks-catalog__results">
<p class="ks-catalog__count" role="status" aria-live="polite">Thư viện có {card_count} hoạt động.</p>
<div data-ks-suggestions></div>
{_sort_control()}
{list_print_action()}<p class="ks-print-filters" data-ks-print-filters></p>
<div data-ks-results></div>
{tile_template()}
{topic_icons}
<button type="button" class="{BUTTON_CLASS} ks-more" data-ks-more hidden>Xem thêm</button>
</div>
</div>
</div>
<noscript><p>Trang này cần JavaScript để lọc và tìm. Xem
<a href="{e(linker.href(here, cards_index_page()))}">danh sách tất cả hoạt động</a>.</p></noscript>
<script src="{e(linker.href(here, DATA_SCRIPT))}" defer></script>
{scripts}"""
    page = GeneratedPage(page_front_matter(
        "Thư viện hoạt động", "Tìm và lọc hoạt động STEM theo độ tuổi, chủ đề, lĩnh vực, thời lượng và nguyên vật liệu",
        hide=(HIDE_TABLE_OF_CONTENTS,)))
    return page.add_fragment(html)
