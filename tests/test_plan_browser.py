"""The teacher's plan ("Kế hoạch của tôi") in headless Chromium, from file:// with the network cut.

A fixture library of eight cards is built as the offline copy is (file URLs); every test opens it
from its folder, as from a USB stick, and fails on any request that is not a file of the copy.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import HAS_CHROMIUM, ROOT, VALID_CARD, edit, watched

if not HAS_CHROMIUM or not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
    pytest.skip("needs Debian's chromium and poppler-utils (scripts/test.sh installs them)", allow_module_level=True)

SCREENSHOTS = ROOT / "screenshots" / "plan"  # git-ignored: to look at, not to compare
MKDOCS_YML = """\
site_name: Thử nghiệm
docs_dir: content/pages
use_directory_urls: false
theme: {name: material, language: vi, font: false}
plugins: [kho-stem]
"""
TITLES = {
    "thuyen-la": "Thuyền lá nổi hay chìm",
    "binh-loc-nuoc": "Bình lọc nước bằng chai nhựa",
    "cau-vong-trong-coc": "Cầu vồng trong cốc nước",
    "nam-cham-hut-gi": "Nam châm hút gì",
    "bong-bay-tu-bay": "Bóng bay tự bay lên",
    "hat-dau-nay-mam": "Hạt đậu nảy mầm",
    "cat-uot-cat-kho": "Cát ướt, cát khô",
    "tieng-dong-trong-chai": "Tiếng động trong chai",
}
FROM_HOME = "binh-loc-nuoc"  # asks families for its milk cartons, counted in boxes, not as a number
# A four-week plan: (slug, week, day) in the teacher's order.
FOUR_WEEKS = [("thuyen-la", 1, 1), ("binh-loc-nuoc", 1, 3), ("cau-vong-trong-coc", 2, 2),
              ("nam-cham-hut-gi", 2, 5), ("bong-bay-tu-bay", 3, 1), ("hat-dau-nay-mam", 3, 4),
              ("cat-uot-cat-kho", 4, 2), ("tieng-dong-trong-chai", 4, 5)]


def _card(slug: str) -> str:
    text = edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", f"title: {TITLES[slug]}")
    if slug == FROM_HOME:
        text = edit(text, "{name: vỏ hộp sữa giấy, quantity: 2, per: nhom}",
                    "{name: vỏ hộp sữa giấy, quantity: 3 hộp, per: nhom, from_home: true}")
    return text


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from kho_stem_mkdocs.commands import build_site

    root = tmp_path_factory.mktemp("plan")
    (root / "content" / "pages").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "taxonomy", root / "content" / "taxonomy")
    (root / "content" / "pages" / "index.md").write_text("# Trang chủ\n\n<!-- kho-stem:latest -->\n",
                                                          encoding="utf-8")
    (root / "content" / "pages" / "dong-gop.md").write_text("# Đóng góp\n", encoding="utf-8")
    (root / "activities").mkdir()
    for slug in TITLES:
        (root / "activities" / f"{slug}.md").write_text(_card(slug), encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    build_site(root / "mkdocs.yml", root / "site")
    return root / "site"


def url(site: Path, page: str) -> str:
    return (site / page).as_uri()


@pytest.fixture
def open_context(browser):
    """A fresh browser (its own storage), with the network cut; reports page errors at the end."""
    with watched(browser) as watcher:
        yield lambda width=1366: watcher.page(viewport={"width": width, "height": 900})


def open_plan(page, site: Path, address: str = "") -> None:
    page.goto(url(site, "ke-hoach/index.html") + address)
    page.wait_for_selector("[data-ks-plan-page][data-ks-ready]", state="attached")


def plan_titles(page) -> list[str]:
    return page.locator("[data-ks-plan-items] .ks-plan-item__title").all_inner_texts()


def build_four_weeks(page, site: Path) -> None:
    """The teacher adds the eight cards from their pages, names the plan and places each card."""
    for slug, _, _ in FOUR_WEEKS:
        page.goto(url(site, f"hoat-dong/{slug}/index.html"))
        page.click(".ks-print-actions [data-ks-plan-add]")
    open_plan(page, site)
    page.fill("[data-ks-plan-name]", "Lớp Chồi 2 · Chủ đề Nước · Tháng 3")
    for index, (_, week, day) in enumerate(FOUR_WEEKS):
        row = page.locator("[data-ks-plan-items] > li").nth(index)
        row.locator("[data-ks-plan-week]").select_option(str(week))
        row = page.locator("[data-ks-plan-items] > li").nth(index)
        row.locator("[data-ks-plan-day]").select_option(str(day))


def test_add_from_a_card_page_and_tiles_order_place_and_reload(open_context, site: Path):
    page = open_context()
    page.goto(url(site, "hoat-dong/thuyen-la/index.html"))
    button = page.locator(".ks-print-actions [data-ks-plan-add]")
    assert button.inner_text() == "Thêm vào kế hoạch"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert button.inner_text() == "✓ Đã có trong kế hoạch"
    # A tile of a static list (all activities) and one the catalog's script clones.
    page.goto(url(site, "hoat-dong/index.html"))
    tile = page.locator(".ks-tile", has=page.locator(".ks-tile__title", has_text=TITLES["hat-dau-nay-mam"]))
    tile.locator("[data-ks-plan-add]").click()
    assert page.locator(".ks-tile", has_text=TITLES["thuyen-la"]).locator(
        "[data-ks-plan-add]").get_attribute("aria-pressed") == "true", "the card added on its page shows as added"
    page.goto(url(site, "thu-vien/index.html"))
    page.wait_for_selector("[data-ks-catalog-page][data-ks-ready]", state="attached")
    tile = page.locator("[data-ks-results] .ks-tile", has_text=TITLES["nam-cham-hut-gi"])
    tile.locator("[data-ks-plan-add]").click()
    assert tile.locator("[data-ks-plan-add]").get_attribute("aria-pressed") == "true"

    open_plan(page, site)
    assert plan_titles(page) == [TITLES["thuyen-la"], TITLES["hat-dau-nay-mam"], TITLES["nam-cham-hut-gi"]]
    # Order with the keyboard: the focus stays on the card that moved.
    page.locator("[data-ks-plan-items] > li").nth(2).locator("[data-ks-plan-move='-1']").focus()
    page.keyboard.press("Enter")
    assert plan_titles(page) == [TITLES["thuyen-la"], TITLES["nam-cham-hut-gi"], TITLES["hat-dau-nay-mam"]]
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == \
        f"Đưa “{TITLES['nam-cham-hut-gi']}” lên trên"
    page.keyboard.press("Enter")
    assert plan_titles(page)[0] == TITLES["nam-cham-hut-gi"]
    assert "tới vị trí 1" in page.inner_text("[data-ks-plan-status]")
    # Place, note, name; then everything is still there after a reload.
    row = page.locator("[data-ks-plan-items] > li").nth(0)
    row.locator("[data-ks-plan-week]").select_option("2")
    page.locator("[data-ks-plan-items] > li").nth(0).locator("[data-ks-plan-day]").select_option("3")
    page.locator("[data-ks-plan-items] > li").nth(1).locator("[data-ks-plan-note]").fill("Chuẩn bị chậu nước")
    page.locator("[data-ks-plan-items] > li").nth(1).locator("[data-ks-plan-note]").press("Tab")
    page.fill("[data-ks-plan-name]", "Lớp Lá 1 · Tháng 4")
    page.reload()
    page.wait_for_selector("[data-ks-plan-page][data-ks-ready]", state="attached")
    assert plan_titles(page) == [TITLES["nam-cham-hut-gi"], TITLES["thuyen-la"], TITLES["hat-dau-nay-mam"]]
    assert page.input_value("[data-ks-plan-name]") == "Lớp Lá 1 · Tháng 4"
    first = page.locator("[data-ks-plan-items] > li").nth(0)
    assert first.locator("[data-ks-plan-week]").input_value() == "2"
    assert first.locator("[data-ks-plan-day]").input_value() == "3"
    assert page.locator("[data-ks-plan-items] > li").nth(1).locator("[data-ks-plan-note]").input_value() == \
        "Chuẩn bị chậu nước"
    table = page.locator("[data-ks-plan-table]")
    assert table.locator("tbody tr").count() == 2, "rows up to week 2"
    assert TITLES["nam-cham-hut-gi"] in table.locator("tbody tr").nth(1).locator("td").nth(2).inner_text()
    assert page.locator("[data-ks-plan-unplaced] li").count() == 2
    # The button takes a card out again; the plan page follows.
    page.goto(url(site, "hoat-dong/thuyen-la/index.html"))
    page.click(".ks-print-actions [data-ks-plan-add]")
    open_plan(page, site)
    assert TITLES["thuyen-la"] not in plan_titles(page)


def test_a_shared_address_opens_the_plan_elsewhere_and_never_overwrites_without_asking(open_context, site: Path):
    teacher = open_context()
    build_four_weeks(teacher, site)
    link = teacher.input_value("[data-ks-plan-link]")
    assert re.search(r"#kh=1\.[A-Za-z0-9_-]+$", link), link
    assert len(link.split("#", 1)[1]) < 400, "compact enough for a QR code"
    assert teacher.locator("[data-ks-plan-qr] svg").count() == 1

    # Another device, with no plan: it opens at once.
    colleague = open_context(360)
    colleague.goto(link)
    colleague.wait_for_selector("[data-ks-plan-page][data-ks-ready]", state="attached")
    assert plan_titles(colleague) == [TITLES[slug] for slug, _, _ in FOUR_WEEKS]
    assert colleague.input_value("[data-ks-plan-name]") == "Lớp Chồi 2 · Chủ đề Nước · Tháng 3"
    assert colleague.locator("[data-ks-plan-items] > li").nth(7).locator("[data-ks-plan-day]").input_value() == "5"
    assert "#" not in colleague.url, "the address is cleared: a reload does not ask again"

    # A device that has a plan of its own: asked first; keeping it changes nothing.
    other = open_context()
    other.goto(url(site, "hoat-dong/thuyen-la/index.html"))
    other.click(".ks-print-actions [data-ks-plan-add]")
    other.goto(link)
    other.wait_for_selector("[data-ks-plan-page][data-ks-ready]", state="attached")
    ask = other.locator("[data-ks-plan-import]")
    assert ask.is_visible()
    assert "Lớp Chồi 2 · Chủ đề Nước · Tháng 3" in ask.inner_text() and "(8 hoạt động)" in ask.inner_text()
    assert plan_titles(other) == [TITLES["thuyen-la"]], "nothing replaced before the teacher answers"
    other.click("[data-ks-plan-import-keep]")
    other.reload()
    assert plan_titles(other) == [TITLES["thuyen-la"]]
    other.goto(link)
    other.wait_for_selector("[data-ks-plan-page][data-ks-ready]", state="attached")
    other.click("[data-ks-plan-import-replace]")
    assert plan_titles(other) == [TITLES[slug] for slug, _, _ in FOUR_WEEKS]

    # A link from another copy (another address) pasted into the page: its plan opens here.
    pasted = open_context()
    open_plan(pasted, site)
    pasted.fill("[data-ks-plan-paste-link]", "https://truong.example/kho/ke-hoach/#" + link.split("#", 1)[1])
    pasted.click("[data-ks-plan-paste] button[type=submit]")
    pasted.wait_for_function("document.querySelectorAll('[data-ks-plan-items] > li').length === 8")
    assert pasted.input_value("[data-ks-plan-name]") == "Lớp Chồi 2 · Chủ đề Nước · Tháng 3"

    # A link cut short (a QR code misread, a message cut) is refused with a message.
    cut = open_context()
    cut.goto(link[:-25])
    cut.wait_for_selector("[data-ks-plan-page][data-ks-ready]", state="attached")
    assert "không mang kế hoạch nào đọc được" in cut.inner_text("[data-ks-plan-status]")
    assert plan_titles(cut) == []


def _pdf(page, target: Path) -> tuple[int, list[str]]:
    page.pdf(path=str(target), format="A4", prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    return pages, [" ".join(sheet.split()) for sheet in text.split("\f")[:pages]]


def test_a_four_week_plan_prints_as_a_table_and_as_cards(open_context, site: Path, tmp_path: Path):
    page = open_context()
    build_four_weeks(page, site)
    # Playwright cannot answer the print dialog: count the calls, then print to PDF as the dialog would.
    page.evaluate("() => { window.print = () => { window.printCalls = (window.printCalls || 0) + 1; }; }")

    page.click("[data-ks-print='plan']")
    assert page.evaluate("window.printCalls") == 1
    assert page.evaluate("document.documentElement.getAttribute('data-ks-print')") == "plan"
    pages, sheets = _pdf(page, tmp_path / "ke-hoach.pdf")
    text = " ".join(sheets)
    assert pages == 1, "four weeks of eight cards fit one A4 page"
    assert "Lớp Chồi 2 · Chủ đề Nước · Tháng 3 · 8 hoạt động" in text
    for label in ("Tuần 1", "Tuần 4", "Thứ 2", "Thứ 6"):
        assert label in text
    assert "Chuẩn bị:" in text and "25 phút" in text
    assert "Nguyên vật liệu cần chuẩn bị" in text and "Nhờ gia đình gửi đến lớp" in text
    assert "vỏ hộp sữa giấy: 14 mỗi nhóm + 3 hộp mỗi nhóm" in text, "added where units agree"
    families = page.inner_text("[data-ks-plan-families]")
    assert families == f"vỏ hộp sữa giấy: 3 hộp mỗi nhóm — cho: {TITLES[FROM_HOME]}", "only what families send"
    assert "Tên kế hoạch" not in text and "Chia sẻ kế hoạch" not in text, "no editor on paper"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")

    page.click("[data-ks-plan-print-cards]")
    page.wait_for_function("window.printCalls === 2")
    assert page.locator("[data-ks-plan-cards] > .ks-plan-card").count() == 8
    pages, sheets = _pdf(page, tmp_path / "the.pdf")
    assert 8 <= pages <= 16, "each card on one or two pages"
    starts = [sheet for sheet in sheets if any(sheet.startswith(TITLES[slug]) for slug, _, _ in FOUR_WEEKS)]
    assert [next(TITLES[slug] for slug, _, _ in FOUR_WEEKS if sheet.startswith(TITLES[slug])) for sheet in starts] \
        == [TITLES[slug] for slug, _, _ in FOUR_WEEKS], "each card starts a new page, in the plan's order"
    assert all("Lưu ý an toàn" in sheet and "Nguyên vật liệu" in sheet for sheet in starts), "the card layout"
    assert "Hoạt động liên quan" not in " ".join(sheets) and "Kế hoạch của tôi" not in " ".join(sheets)
    assert "trong kế hoạch" not in " ".join(sheets), "no plan button on paper"

    # A printed list of tiles has no plan buttons either.
    page.goto(url(site, "hoat-dong/index.html"))
    page.evaluate("() => document.documentElement.setAttribute('data-ks-print', 'list')")
    _, sheets = _pdf(page, tmp_path / "ds.pdf")
    assert TITLES["thuyen-la"] in " ".join(sheets) and "kế hoạch" not in " ".join(sheets)


@pytest.mark.parametrize("width", [360, 1366])
def test_a_four_week_plan_on_a_phone_and_a_pc(open_context, site: Path, width: int):
    page = open_context(width)
    build_four_weeks(page, site)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"ke-hoach-{width}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    for name in ("[data-ks-plan-move='1']", "[data-ks-plan-remove]", "[data-ks-plan-week]"):
        box = page.locator(f"[data-ks-plan-items] > li >> nth=0 >> {name}").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, name
        assert box["height"] >= 24, f"{name} is big enough to tap"
    page.goto(url(site, "hoat-dong/thuyen-la/index.html"))
    page.screenshot(path=str(SCREENSHOTS / f"the-{width}.png"))
