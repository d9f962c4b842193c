"""The plan page ("Kế hoạch của tôi"): the teacher's plan, kept in this browser, filled in by a script.

Everything the page says is written here; ``kho-stem-plan.js`` fills the list of cards (cloning the
row ``<template>``), the week table, the materials and the share link and QR code, from the plan in
``localStorage`` and the plan data (``plan_data.py``). The plan logic is ``kho-stem-plan-core.js``.
"""

from __future__ import annotations

from kho_stem.site.card_page import page_front_matter
from kho_stem.site.fragments import e
from kho_stem.site.page import GeneratedPage
from kho_stem.site.scripts import PLAN_DATA_SCRIPT, PLAN_SCRIPTS
from kho_stem.site.theme import BUTTON_CLASS, HIDE_TABLE_OF_CONTENTS
from kho_stem.site.urls import Linker, catalog_page, plan_page

PLAN_TITLE = "Kế hoạch của tôi"
PRINT_CARDS_MODE = "plan-cards"  # the print mode "In tất cả thẻ" sets (kho-stem.css)
DOCX_BUTTON = "Tải giáo án cả kế hoạch (Word)"  # kho-stem-plan-word.js: one .docx for the whole plan
# Headings the page and the whole plan's .docx share (plan_docx_data).
WEEK_TABLE_HEADING = "Lịch theo tuần"
UNPLACED_HEADING = "Chưa xếp ngày"


def _row_template() -> str:
    """One card of the plan; the script fills the title, badges and the option lists."""
    return f"""<template data-ks-plan-row><li class="ks-plan-item">
<div class="ks-plan-item__head"><span class="ks-plan-item__position"></span>
<a class="ks-plan-item__title"></a><span class="ks-badges ks-plan-item__badges"></span></div>
<div class="ks-plan-item__place">
<label><span>Tuần</span> <select data-ks-plan-week></select></label>
<label><span>Ngày</span> <select data-ks-plan-day></select></label>
</div>
<label class="ks-plan-item__note"><span>Ghi chú</span> <input type="text" data-ks-plan-note></label>
<div class="ks-plan-item__actions">
<button type="button" class="{BUTTON_CLASS}" data-ks-plan-move="-1">↑ Lên</button>
<button type="button" class="{BUTTON_CLASS}" data-ks-plan-move="1">↓ Xuống</button>
<button type="button" class="{BUTTON_CLASS}" data-ks-plan-remove>Bỏ</button>
</div>
</li></template>"""


def render_plan_page(linker: Linker) -> GeneratedPage:
    here = plan_page()
    scripts = "".join(f'<script src="{e(linker.href(here, script))}" defer></script>\n' for script in PLAN_SCRIPTS)
    data = e(linker.href(here, PLAN_DATA_SCRIPT))
    html = f"""<div class="ks-plan" data-ks-plan-page data-ks-root="{e(linker.root(here))}">
<div class="ks-plan__import" data-ks-plan-import role="group" aria-label="Kế hoạch được gửi" hidden>
<p data-ks-plan-import-text></p>
<p class="ks-print-actions">
<button type="button" class="{BUTTON_CLASS} {BUTTON_CLASS}--primary" data-ks-plan-import-replace>
Mở kế hoạch được gửi</button>
<button type="button" class="{BUTTON_CLASS}" data-ks-plan-import-keep>Giữ kế hoạch của tôi</button></p>
</div>
<p class="ks-plan__status" role="status" aria-live="polite" data-ks-plan-status></p>
<div class="ks-plan__editor">
<p class="ks-hint">Kế hoạch chỉ lưu trong trình duyệt của máy này, không gửi đi đâu. Muốn mở trên máy khác, dùng
đường liên kết hoặc mã QR ở phần “Chia sẻ kế hoạch”.</p>
<label class="ks-plan__name-label" for="ks-plan-name">Tên kế hoạch (lớp, chủ đề, tháng)</label>
<input id="ks-plan-name" class="ks-plan__name" type="text" autocomplete="off" data-ks-plan-name
 placeholder="Ví dụ: Lớp Chồi 2 · Chủ đề Nước · Tháng 3">
<p class="ks-plan__empty" data-ks-plan-empty>Kế hoạch chưa có hoạt động nào. Vào
<a href="{e(linker.href(here, catalog_page()))}">Thư viện</a>, bấm “Thêm vào kế hoạch” ở những hoạt động muốn
dạy, rồi quay lại đây để xếp tuần, ngày.</p>
<ol class="ks-plan__items" data-ks-plan-items></ol>
{_row_template()}
</div>
<div class="ks-plan__result" data-ks-plan-result>
<p class="ks-print-actions"><button type="button" class="{BUTTON_CLASS}" data-ks-print="plan">In kế hoạch</button>
<button type="button" class="{BUTTON_CLASS}" data-ks-plan-print-cards>In tất cả thẻ</button>
<button type="button" class="{BUTTON_CLASS}" data-ks-plan-docx>{e(DOCX_BUTTON)}</button></p>
<p class="ks-plan__title" data-ks-plan-title></p>
<h2 id="lich-tuan">{e(WEEK_TABLE_HEADING)}</h2>
<div class="ks-table-scroll"><table class="ks-plan-table" data-ks-plan-table></table></div>
<div class="ks-plan__unplaced" data-ks-plan-unplaced hidden><h3>{e(UNPLACED_HEADING)}</h3>
<ul data-ks-plan-unplaced-list></ul></div>
<h2 id="vat-lieu-ke-hoach">Nguyên vật liệu cần chuẩn bị</h2>
<p class="ks-hint">Gộp theo tên chung của vật liệu; số lượng cùng đơn vị được cộng lại.</p>
<ul class="ks-plan__materials" data-ks-plan-materials></ul>
<div data-ks-plan-families-part hidden><h2 id="nho-gia-dinh">Nhờ gia đình gửi đến lớp</h2>
<ul class="ks-plan__families" data-ks-plan-families></ul></div>
<div class="ks-plan__share">
<h2 id="chia-se">Chia sẻ kế hoạch</h2>
<p>Đường liên kết này mở đúng kế hoạch này trên máy khác (điện thoại, máy tính ở trường):</p>
<p class="ks-plan__link"><input type="text" readonly aria-label="Đường liên kết tới kế hoạch" data-ks-plan-link>
<button type="button" class="{BUTTON_CLASS}" data-ks-plan-copy>Chép đường liên kết</button></p>
<figure class="ks-plan__qr" data-ks-plan-qr><figcaption>Quét mã QR để mở kế hoạch trên điện thoại.</figcaption>
</figure>
</div>
</div>
<form class="ks-plan__paste" data-ks-plan-paste>
<label for="ks-plan-paste">Mở kế hoạch người khác gửi: dán đường liên kết vào đây
(dùng được cả giữa hai bản ngoại tuyến)</label>
<p class="ks-plan__link"><input id="ks-plan-paste" type="text" autocomplete="off" data-ks-plan-paste-link>
<button type="submit" class="{BUTTON_CLASS}">Mở kế hoạch</button></p>
</form>
<div class="ks-plan-cards" data-ks-plan-cards data-ks-print-mode="{PRINT_CARDS_MODE}"></div>
</div>
<noscript><p>Trang này cần JavaScript: kế hoạch được lưu và sắp xếp ngay trong trình duyệt.</p></noscript>
<script src="{data}" defer></script>
{scripts}"""
    page = GeneratedPage(page_front_matter(
        PLAN_TITLE, "Xếp các hoạt động đã chọn vào tuần và ngày, in lịch, in thẻ, gộp nguyên vật liệu và chia sẻ",
        hide=(HIDE_TABLE_OF_CONTENTS,)))
    return page.add_fragment(html)
