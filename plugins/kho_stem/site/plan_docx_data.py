"""What the plan page's "Tải giáo án cả kế hoạch (Word)" needs, shipped in the plan data (``plan_data``).

The texts of the whole plan's .docx (its cover, the week table's headings) and of the status line,
the scripts to load (the template once, then one per card of the plan, beside its page) and the
file's name. The week and day labels and a card's facts are the plan page's own (``plan_data``).
"""

from __future__ import annotations

from kho_stem.outputs.lesson_plan_payload import PLANS_GLOBAL, TEMPLATE_GLOBAL
from kho_stem.site.plan_page import UNPLACED_HEADING, WEEK_TABLE_HEADING
from kho_stem.site.scripts import LESSON_PLAN_TEMPLATE_SCRIPT
from kho_stem.site.urls import CARD_LESSON_PLAN_SCRIPT

FILE_PREFIX = "giao-an-"  # as each card's own download (card_page._lesson_plan_link)
FILE_FALLBACK = "ke-hoach"  # a plan without a name, or whose name has no letter or digit left

# "{…}" parts are filled in by the script.
DOCX_TEXTS = {
    "coverTitle": "KẾ HOẠCH VÀ GIÁO ÁN HOẠT ĐỘNG STEM",
    "coverCount": "Gồm {count} hoạt động, mỗi hoạt động một giáo án.",
    "coverSource": "Soạn từ Kho học liệu STEM mầm non.",
    "weekTable": WEEK_TABLE_HEADING,
    "unplaced": UNPLACED_HEADING,
    "working": "Đang tạo tệp Word cho {count} hoạt động…",
    "done": "Đã tạo tệp {file}.",
    "cardMissing": "Không tải được giáo án của “{title}”; tệp Word không có hoạt động này.",
    "templateMissing": "Không tải được mẫu giáo án; hãy tải lại trang rồi bấm lại.",
}


def plan_docx_data() -> dict[str, object]:
    return {
        "template": LESSON_PLAN_TEMPLATE_SCRIPT,  # from the site's root
        "templateGlobal": TEMPLATE_GLOBAL,
        "cardFile": CARD_LESSON_PLAN_SCRIPT,  # beside each card's page
        "cardsGlobal": PLANS_GLOBAL,
        "filePrefix": FILE_PREFIX,
        "fileFallback": FILE_FALLBACK,
        "texts": DOCX_TEXTS,
    }
