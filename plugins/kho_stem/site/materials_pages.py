"""The "Danh mục vật liệu" pages: the minimum list per age band, and the school's survey.

The lists are the same ``MaterialsList`` values ``build.py materials`` prints (one computation);
the survey ships each card's needs as data, and ``kho-stem-survey.js`` works out, in the browser,
what a school that ticked its materials can run now and what to buy next.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from kho_stem.catalog.facts import CardFacts
from kho_stem.catalog.minimum_list import SHARES, ListedMaterial, MaterialsList, MinimumListMaker, line_materials
from kho_stem.outputs.csv_safety import csv_text
from kho_stem.outputs.materials_report import as_rows, percent, summary
from kho_stem.site.card_page import page_front_matter
from kho_stem.site.fragments import e
from kho_stem.site.page import GeneratedPage
from kho_stem.site.scripts import SURVEY_DATA, SURVEY_SCRIPTS
from kho_stem.site.urls import Linker, card_page, materials_list_csv, materials_list_page, survey_page
from kho_stem.taxonomy.vocabularies import Taxonomy
from kho_stem.text import fold

HEADLINE_SHARE = 0.8  # the share each age band shows first; the others fold under it
SURVEY_KEY = "kho-stem-khao-sat"  # localStorage key of the school's ticks


def _hazards_cell(item: ListedMaterial) -> str:
    return "".join(f"<p><strong>{e(h.label)}</strong>: {e(h.safety_point)}</p>" for h in item.hazards)


def _table(materials: MaterialsList) -> str:
    rows = []
    for number, item in enumerate(materials.purchases, 1):
        home = ' <small class="ks-from-home">(gia đình gửi)</small>' if item.from_home else ""
        rows.append(f"<tr><td>{number}</td><td>{e(item.name)}{home}</td><td>{e(item.quantity or '—')}</td>"
                    f"<td>{item.cards}</td><td>{_hazards_cell(item)}</td></tr>")
    body = "".join(rows) or '<tr><td colspan="5">Không cần mua thêm gì.</td></tr>'
    everyday = ""
    if materials.everyday:
        names = ", ".join(e(item.name) for item in materials.everyday)
        everyday = f'<p class="ks-everyday">Lớp nào cũng có (không tính là mua sắm): {names}.</p>'
    return (f"<p>{e(summary(materials))}</p>"
            '<div class="ks-table-scroll ks-materials-list"><table><thead><tr>'
            '<th scope="col">STT</th><th scope="col">Vật liệu</th><th scope="col">Số lượng cho một lớp</th>'
            '<th scope="col">Số thẻ dùng</th><th scope="col">Mối nguy và lưu ý an toàn</th></tr></thead>'
            f"<tbody>{body}</tbody></table></div>{everyday}")


def _band_section(lists: Sequence[MaterialsList]) -> str:
    headline = next(m for m in lists if m.share == HEADLINE_SHARE)
    anchor = f"danh-muc-{headline.age or 'ca-truong'}"
    parts = [f'<section class="ks-band"><h2 id="{anchor}">{e(headline.age_label)}</h2>',
             f"<h3>{percent(headline.share)} số thẻ</h3>", _table(headline)]
    for other in lists:
        if other is not headline:
            parts.append(f'<details class="ks-other-share"><summary>{percent(other.share)} số thẻ: '
                         f"{len(other.purchases)} vật liệu, {len(other.ready)}/{other.cards_total} thẻ</summary>"
                         f"{_table(other)}</details>")
    parts.append("</section>")
    return "".join(parts)


class MaterialsPages:
    """Both pages and their data files, for one library."""

    def __init__(self, facts: Sequence[CardFacts], taxonomy: Taxonomy, linker: Linker):
        self.facts = facts
        self.taxonomy = taxonomy
        self.linker = linker
        self.maker = MinimumListMaker(facts, taxonomy)
        ages: list[str | None] = [*taxonomy.ages.codes, None]
        self.lists = {age: [self.maker.make(age, share) for share in SHARES] for age in ages}

    def pages(self) -> dict[str, GeneratedPage]:
        return {materials_list_page(): self.list_page(), survey_page(): self.survey_page()}

    def files(self) -> dict[str, str]:
        every_list = [m for lists in self.lists.values() for m in lists]
        return {
            # A BOM first, as for catalog.csv: Excel reads Vietnamese right only with one.
            materials_list_csv(): "\ufeff" + csv_text(as_rows(every_list)),
            SURVEY_DATA: "window.KhoStem = window.KhoStem || {};\nwindow.KhoStem.surveyData = "
                         + json.dumps(self.survey_data(), ensure_ascii=False, separators=(",", ":")) + ";\n",
        }

    def list_page(self) -> GeneratedPage:
        here = materials_list_page()
        page = GeneratedPage(page_front_matter(
            "Danh mục vật liệu tối thiểu",
            "Những vật liệu ít nhất một lớp cần để tổ chức được phần lớn hoạt động STEM của thư viện, theo độ tuổi"))
        class_size = self.maker.defaults.class_size
        intro = f"""<p>Danh mục này được tính từ chính các thẻ hoạt động của thư viện: với mỗi độ tuổi, đó là những
vật liệu <strong>ít nhất</strong> mà một lớp {class_size} trẻ cần có để tổ chức được 80 % số thẻ của độ tuổi đó (mở
mục bên dưới để xem 50 % và toàn bộ). Số lượng là cho một lớp: cô nhân số lượng “mỗi trẻ”, “mỗi nhóm” trên thẻ với sĩ
số lớp; khi các thẻ ghi cùng một đơn vị, danh mục lấy số lớn nhất mà một thẻ cần (vật liệu dùng lại được giữa các
hoạt động). Ô “—” là khi các thẻ ghi số lượng khác đơn vị: xem từng thẻ.</p>
<p>Danh mục được chọn theo cách <em>tham lam</em>: lần lượt lấy thẻ còn thiếu ít vật liệu nhất, mua những gì nó
thiếu, rồi đếm mọi thẻ đã đủ. Cách này nhanh và cho danh mục gần ít nhất, nhưng không bảo đảm ít nhất tuyệt đối.
Vật liệu được liệt kê theo thứ tự nên mua.</p>
<p><a href="{e(self.linker.href(here, survey_page()))}">Khảo sát vật liệu của trường</a>: đánh dấu những gì trường đã
có để biết tổ chức được bao nhiêu hoạt động và nên mua gì trước. ·
<a href="{e(self.linker.href(here, materials_list_csv()))}" download>Tải danh mục (CSV)</a> cho báo cáo của phòng
giáo dục. · <button type="button" class="md-button ks-print-button" data-ks-print>In danh mục</button></p>"""
        page.add_fragment(intro)
        page.add_fragment("\n".join(_band_section(lists) for lists in self.lists.values()))
        return page

    def survey_page(self) -> GeneratedPage:
        here = survey_page()
        page = GeneratedPage(page_front_matter(
            "Khảo sát vật liệu của trường",
            "Trường đánh dấu vật liệu đã có, biết ngay tổ chức được bao nhiêu hoạt động và nên mua gì trước"))
        data = self.linker.href(here, SURVEY_DATA)
        scripts = "".join(f'<script src="{e(self.linker.href(here, s))}" defer></script>' for s in SURVEY_SCRIPTS)
        page.add_fragment(f"""<p class="ks-survey-intro">Đánh dấu những vật liệu trường đã có (đủ cho một lớp). Trang tự
tính số hoạt động tổ chức được ngay cho từng độ tuổi và năm thứ nên mua trước. Những gì lớp nào cũng có (nước, giấy…)
luôn được tính là có. Lựa chọn được lưu trên máy này, trong trình duyệt; không gửi đi đâu.</p>
<div class="ks-survey" data-ks-survey data-ks-storage="{SURVEY_KEY}">
<p class="ks-survey-school"><label>Tên trường, lớp: <input type="text" data-ks-survey-school
 autocomplete="organization"></label></p>
<section class="ks-survey-results" aria-live="polite">
<h2 id="ket-qua">Kết quả</h2>
<div data-ks-survey-shares></div>
<h3 id="nen-mua-truoc">Năm thứ nên mua trước</h3>
<p>Theo thứ tự nên mua; mỗi thứ ghi số thẻ còn thiếu nó và những thẻ tổ chức được khi mua xong (cùng các thứ
phía trên).</p>
<ol data-ks-survey-purchases></ol>
<p class="ks-survey-actions"><button type="button" class="md-button" data-ks-print>In phiếu khảo sát</button>
<button type="button" class="md-button" data-ks-survey-export>Tải kết quả (CSV)</button>
<button type="button" class="md-button" data-ks-survey-clear>Bỏ mọi đánh dấu</button></p>
</section>
<section class="ks-survey-list">
<h2 id="vat-lieu">Vật liệu trường đã có</h2>
<p><label>Lọc danh sách: <input type="search" data-ks-survey-filter autocomplete="off"></label></p>
<ul class="ks-survey-items" data-ks-survey-items></ul>
</section>
</div>
<noscript><p>Trang khảo sát cần JavaScript. Xem <a href="{e(self.linker.href(here, materials_list_page()))}">danh
mục tối thiểu</a> để in.</p></noscript>
<script src="{e(data)}" defer></script>
{scripts}""")
        return page

    def survey_data(self) -> dict[str, object]:
        """What the survey needs: each material once, each card's needs as positions in that list."""
        everyday = self.maker.everyday
        needs = {fact.slug: self.maker.needs(fact) for fact in self.facts}
        used = sorted({name for need in needs.values() for name in need}, key=lambda name: (fold(name), name))
        position = {name: index for index, name in enumerate(used)}
        users = {name: sum(1 for need in needs.values() if name in need) for name in used}
        here = survey_page()
        return {
            "ages": [[term.code, term.label] for term in self.taxonomy.ages],
            "schoolLabel": "Cả trường",
            "materials": [[name, users[name], fold(name)] for name in used],
            "everyday": sorted({name for fact in self.facts for item in fact.material_items
                                for name in line_materials(item, self.maker.labels) if name in everyday}, key=fold),
            "cards": [[fact.title, self.linker.href(here, card_page(fact.slug)), list(fact.ages),
                       sorted(position[name] for name in needs[fact.slug]), fact.cost]
                      for fact in self.facts],
            "labels": {
                "ready": "thẻ tổ chức được ngay",
                "cards": "thẻ",
                "unlocks": "mua xong thì tổ chức được thêm",
                "waiting": "thẻ chưa đủ vật liệu",
                "needed_by": "cần cho",
                "cost": "chi phí các thẻ ghi",
                "money": "{amount} đ",
                "nothing": "Trường đã có đủ vật liệu cho mọi thẻ.",
                "everyday": "lớp nào cũng có",
                "csv_header": ["Mục", "Tên", "Giá trị"],
                "csv_school": "Trường, lớp",
                "csv_age": "Độ tuổi",
                "csv_have": "Đã có",
                "csv_buy": "Nên mua",
                "csv_file": "khao-sat-vat-lieu.csv",
                "yes": "có",
                "no": "chưa",
                "confirm_clear": "Bỏ mọi vật liệu đã đánh dấu trên máy này?",
            },
        }
