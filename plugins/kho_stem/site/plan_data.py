"""The data behind the plan page, written as JavaScript files (file:// pages may load scripts, not fetch()).

``plan-data.js`` carries what the plan shows of each card, from the same ``CardFacts`` the catalog
reads: title, ages, duration and its materials (common name, quantity, basis, sent from home).
Cards are keyed by slug, which a shared plan link stores: it is the same in the hosted site and
the offline copy. The weeks and days come from the taxonomy (``weeks.yml``, ``weekdays.yml``).

Each card also gets ``in-the.js`` beside its page: the card page's body as the site renders it, so
"In tất cả thẻ" prints every card of a plan with the card layout, without fetching pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from kho_stem.catalog.facts import CardFacts, MaterialItem
from kho_stem.site.card_page import printable_body
from kho_stem.site.fragments import DURATION_TEXT
from kho_stem.site.plan_docx_data import plan_docx_data
from kho_stem.site.plan_parts import STORAGE_KEY, plan_bounds
from kho_stem.site.urls import CARD_PRINT_SCRIPT, Linker, card_page
from kho_stem.taxonomy.vocabularies import Taxonomy

DATA_GLOBAL = "KhoStemPlanData"
PRINT_GLOBAL = "KhoStemCardPrint"
SHARE_KEY = "kh"  # the page address's key for a shared plan: …/ke-hoach/#kh=1.<plan>
SHARE_VERSION = 1  # bump when the shared form changes; the page refuses links of another version

# What the page's script writes on its own (status lines, labels of controls it fills in); every
# other text is in the page (``plan_page.py``). "{…}" parts are filled in by the script.
TEXTS = {
    "duration": DURATION_TEXT,
    "unplaced": "Chưa xếp",
    "noName": "Kế hoạch chưa đặt tên",
    "count": "{count} hoạt động",
    "upLabel": "Đưa “{title}” lên trên",
    "downLabel": "Đưa “{title}” xuống dưới",
    "removeLabel": "Bỏ “{title}” khỏi kế hoạch",
    "weekLabel": "Tuần của “{title}”",
    "dayLabel": "Ngày của “{title}”",
    "noteLabel": "Ghi chú cho “{title}”",
    "moved": "Đã chuyển “{title}” tới vị trí {position}.",
    "removed": "Đã bỏ “{title}” khỏi kế hoạch.",
    "missing": "Thẻ “{slug}” không còn trong thư viện này.",
    "prepare": "Chuẩn bị: ",
    "forCards": "cho: {titles}",
    "importAsk": "Đường liên kết này mang kế hoạch “{name}” ({count} hoạt động). Máy này đang có kế hoạch "
                 "“{current}” ({currentCount} hoạt động). Mở kế hoạch được gửi sẽ thay kế hoạch đang có.",
    "imported": "Đã mở kế hoạch “{name}” từ đường liên kết.",
    "kept": "Đã giữ nguyên kế hoạch trên máy này.",
    "importBad": "Đường liên kết không mang kế hoạch nào đọc được (có thể bị cắt mất một đoạn); kế hoạch trên "
                 "máy này giữ nguyên.",
    "dropped": "{count} hoạt động trong đường liên kết không có trong thư viện này nên đã được bỏ qua.",
    "qrTooLong": "Kế hoạch dài quá để làm mã QR; hãy gửi đường liên kết ở trên.",
    "copied": "Đã chép đường liên kết.",
    "copyFailed": "Không chép được tự động; hãy chọn đường liên kết rồi chép.",
    "printFailed": "Không tải được thẻ “{title}” để in.",
}


def _material(item: MaterialItem, taxonomy: Taxonomy) -> list[object]:
    per = taxonomy["per"][item.per].label if item.per else ""
    return [item.common_name, item.quantity or "", per, 1 if item.from_home else 0, item.name]


def card_entry(facts: CardFacts, taxonomy: Taxonomy, linker: Linker) -> dict[str, object]:
    return {
        "u": linker.url(card_page(facts.slug)),
        "t": facts.title,
        "a": [taxonomy.ages[code].get("short", code) for code in facts.ages],
        "n": facts.duration,
        "m": [_material(item, taxonomy) for item in facts.material_items],
    }


def plan_data(facts: Iterable[CardFacts], taxonomy: Taxonomy, linker: Linker) -> dict[str, object]:
    return {
        "storageKey": STORAGE_KEY,
        "shareKey": SHARE_KEY,
        "version": SHARE_VERSION,
        "printFile": CARD_PRINT_SCRIPT,  # beside each card's page
        "bounds": plan_bounds(taxonomy),
        "weeks": [term.label for term in taxonomy["weeks"]],
        "days": [term.label for term in taxonomy["weekdays"]],
        "texts": TEXTS,
        "docx": plan_docx_data(),  # "Tải giáo án cả kế hoạch (Word)"
        "cards": {fact.slug: card_entry(fact, taxonomy, linker) for fact in facts},
    }


def _script_json(value: object) -> str:
    # "<" is escaped so that no card text can ever close a <script> element around it.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def plan_data_script(data: Mapping[str, object]) -> str:
    return f"window.{DATA_GLOBAL}={_script_json(data)};\n"


def card_print_script(slug: str, body_html: str) -> str:
    """The card page's rendered body as paper shows it; the plan page's script resolves its relative links."""
    return (f"window.{PRINT_GLOBAL}=window.{PRINT_GLOBAL}||{{}};"
            f"window.{PRINT_GLOBAL}[{_script_json(slug)}]={_script_json(printable_body(body_html))};\n")
