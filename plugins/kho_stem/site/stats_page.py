"""The "Thống kê" page: the same ``LibraryStats`` as ``build.py stats``, as tables and bar charts.

Charts are inline SVG drawn here at build time: no script, readable offline and in print.
"""

from __future__ import annotations

import datetime as dt

from kho_stem.catalog.stats import Coverage, LibraryStats, Table
from kho_stem.outputs.exports import CSV_NAME, JSON_NAME, SCHEMA_NAME
from kho_stem.site.card_page import page_front_matter
from kho_stem.site.fragments import e
from kho_stem.site.page import GeneratedPage
from kho_stem.site.urls import Linker, stats_page

BAR_HEIGHT = 22
LABEL_WIDTH = 250
CHART_WIDTH = 640
CHARTED = ("ages", "topics", "stem", "durations")  # tables shown as charts as well as numbers


def bar_chart(table: Table) -> str:
    """A horizontal bar chart; the numbers are written on the bars, so it reads without colour."""
    rows = table.rows
    top = max((row.cards for row in rows), default=0) or 1
    room = CHART_WIDTH - LABEL_WIDTH - 50
    height = BAR_HEIGHT * len(rows) + 4
    title_id = f"bieu-do-{table.key}"
    bars = []
    for index, row in enumerate(rows):
        y = index * BAR_HEIGHT + 2
        width = round(room * row.cards / top)
        bars.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{e(row.label)}</text>'
            f'<rect class="ks-bar" x="{LABEL_WIDTH}" y="{y + 3}" width="{width}" height="{BAR_HEIGHT - 6}"/>'
            f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 15}">{row.cards}</text>')
    return (f'<svg class="ks-chart" role="img" aria-labelledby="{title_id}" viewBox="0 0 {CHART_WIDTH} {height}" '
            f'width="{CHART_WIDTH}" height="{height}" font-size="13" fill="currentColor">'
            f'<title id="{title_id}">{e(table.title)}</title>{"".join(bars)}</svg>')


def count_table(table: Table) -> str:
    rows = "".join(f"<tr><td>{e(row.label)}</td><td>{row.cards}</td></tr>" for row in table.rows)
    if not rows:
        rows = '<tr><td colspan="2">Chưa có</td></tr>'
    return (f'<table class="ks-stats-table"><thead><tr><th>Mục</th><th>Số thẻ</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def coverage_table(coverage: Coverage) -> str:
    head = "".join(f'<th scope="col">{e(age.label)}</th>' for age in coverage.ages)
    body = []
    for topic, cells in zip(coverage.topics, coverage.cells, strict=True):
        tds = []
        for cell in cells:
            if not cell.applies:
                tds.append('<td class="ks-cell--na" title="Chủ đề không dành cho độ tuổi này">·</td>')
            elif cell.is_gap:
                tds.append('<td class="ks-cell--gap">0<br><small>cần thêm hoạt động</small></td>')
            else:
                tds.append(f"<td>{cell.cards}</td>")
        body.append(f'<tr><th scope="row">{e(topic.label)}</th>{"".join(tds)}</tr>')
    return (f'<table class="ks-coverage"><thead><tr><th scope="col">Chủ đề</th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def render_stats_page(stats: LibraryStats, linker: Linker, official: bool = False, site_name: str = "",
                      built_on: dt.date | None = None) -> GeneratedPage:
    """``site_name`` and ``built_on`` say whose library these numbers are and when they were counted:
    a printed or downloaded report must carry both."""
    here = stats_page()
    scope = ("Bản chính thức: chỉ tính các thẻ đã được duyệt." if official else
             f"Tính trên mọi thẻ của thư viện, kể cả {stats.total - stats.reviewed} thẻ chưa duyệt.")
    day = (built_on or dt.date.today()).strftime("%d/%m/%Y")
    whose = f"Số liệu của {e(site_name)}, tính ngày {day}." if site_name else f"Số liệu tính ngày {day}."
    page = GeneratedPage(page_front_matter(
        "Thống kê", "Số hoạt động theo độ tuổi, chủ đề, lĩnh vực; độ phủ chủ đề × độ tuổi; tải danh mục"))
    parts = [
        f'<p class="ks-stats-when">{whose}</p>',
        f'<p class="ks-stats-total">Thư viện có <strong>{stats.total}</strong> thẻ hoạt động, '
        f"<strong>{stats.reviewed}</strong> thẻ đã duyệt. {e(scope)}</p>",
        '<h2 id="do-phu">Độ phủ chủ đề × độ tuổi</h2>',
        f"<p>Mỗi ô là số thẻ của một chủ đề cho một độ tuổi. Những ô có nền đỏ ghi <strong>cần thêm hoạt động</strong> "
        f"là chỗ thư viện còn trống ({stats.coverage.gaps} ô); dấu · là chủ đề không dành cho độ tuổi đó.</p>",
        f'<div class="ks-table-scroll">{coverage_table(stats.coverage)}</div>',
    ]
    for table in stats.tables:
        parts.append(f'<h2 id="{e(table.key)}">{e(table.title)}</h2>')
        if table.key in CHARTED:
            parts.append(f'<div class="ks-table-scroll">{bar_chart(table)}</div>')
        parts.append(count_table(table))
    links = {name: e(linker.href(here, name)) for name in (JSON_NAME, CSV_NAME, SCHEMA_NAME)}
    parts.append(f"""<h2 id="tai-ve">Tải danh mục</h2>
<ul>
<li><a href="{links[CSV_NAME]}" download>{CSV_NAME}</a>: mỗi thẻ một dòng, mở bằng Excel (mã UTF-8 có BOM, tiếng Việt
hiển thị đúng). Với LibreOffice, chọn bộ mã “Unicode (UTF-8)” trong hộp thoại mở tệp. Các danh sách trong một ô cách
nhau bằng dấu chấm phẩy.</li>
<li><a href="{links[JSON_NAME]}" download>{JSON_NAME}</a>: mọi trường của từng thẻ, địa chỉ trang và trạng thái duyệt
(<code>da-duyet</code> hoặc <code>chua-duyet</code>), cho phần mềm của phòng, sở giáo dục.
Cấu trúc được mô tả trong <a href="{links[SCHEMA_NAME]}" download>{SCHEMA_NAME}</a> (JSON Schema).</li>
</ul>""")
    return page.add_fragment("\n".join(parts))
