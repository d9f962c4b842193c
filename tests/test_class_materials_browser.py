"""'Lớp em có gì?' and the materials facet's 'chỉ những thứ đã chọn' in headless Chromium.

A fixture library of four cards whose material lines are written as teachers write them is built
with directory URLs (served over http) and with file URLs (opened from file://, no network), and a
poor rural class (issue #23) ticks what it has.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_catalog_browser import MKDOCS_YML, open_catalog, opened_as, tick, titles

from conftest import HAS_CHROMIUM, ONLY_FILES, ROOT, VALID_CARD, edit, watched

if not HAS_CHROMIUM:
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

RURAL_CLASS = ["chai nhựa", "giấy trắng", "kéo", "hồ dán", "lá cây", "sỏi", "nước", "hộp các-tông"]
LEAVES_NOTE = "  - Chỉ dùng lá quen thuộc, không độc; trẻ rửa tay sau khi chạm vào lá.\n"
# Per card: its title and material lines (YAML items as a card writes them).
CARDS = {
    "thuyen-la": ("Thuyền lá chở nước", ["chai nhựa 500 ml đã rửa sạch (thân thuyền)",
                                          "{name: 'lá cây to, rửa sạch', hazards: [cay-la]}",
                                          "nước lọc", "hộp giấy cũ để làm bến"]),
    "tranh-la": ("Tranh lá dán", ["keo sữa", "giấy khổ A4",
                                  "{name: lá cây khô nhặt ở sân trường, hazards: [cay-la]}"]),
    "thuoc-que-kem": ("Thước que kem", ["que kem bằng gỗ", "băng dính giấy", "giấy và bút sáp để ghi"]),
    "thoi-bong": ("Thổi bông bay", ["ống hút giấy", "bông gòn", "cốc nhựa trong", "thẻ số từ 1 đến 5"]),
}


def _card(title: str, materials: list[str]) -> str:
    text = edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", f"title: {title}")
    start, end = text.index("materials:\n"), text.index("safety:\n")
    text = text[:start] + "materials:\n" + "".join(f"  - {line}\n" for line in materials) + text[end:]
    text = edit(text, "  - Cắt hộp sữa bằng kéo là việc của cô.\n", LEAVES_NOTE)
    return edit(text, "  - Đếm sỏi trước và sau hoạt động; nhắc trẻ không cho sỏi vào miệng.\n", "")


def _build(root: Path, directory_urls: bool) -> Path:
    from kho_stem_mkdocs.commands import build_site

    (root / "content" / "pages").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "taxonomy", root / "content" / "taxonomy")
    (root / "content" / "pages" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (root / "activities").mkdir()
    for slug, (title, materials) in CARDS.items():
        (root / "activities" / f"{slug}.md").write_text(_card(title, materials), encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(directory_urls=str(directory_urls).lower()), encoding="utf-8")
    build_site(root / "mkdocs.yml", root / "site")
    return root / "site"


@pytest.fixture(scope="module", params=["http", "file"])
def site(request, tmp_path_factory):
    with opened_as(request.param, _build(tmp_path_factory.mktemp(request.param), request.param == "http")) as site:
        yield site


@pytest.fixture
def page(browser, site):
    """A school PC's window; from file:// every network request is refused and reported."""
    with watched(browser, ONLY_FILES if site.offline else None) as watcher:
        yield watcher.page(viewport={"width": 1366, "height": 2400})


def _groups(page) -> dict[str, list[str]]:
    """Each shown group's heading and its cards' titles."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-ks-results] section')]
        .map(s => [s.querySelector('h2').textContent,
                   [...s.querySelectorAll('.ks-tile__title')].map(a => a.textContent)]))""")


def test_the_rural_class_finds_ready_cards_substitutes_and_cards_lacking_two(page, site):
    open_catalog(page, site)
    page.click("[data-ks-class] > summary")
    everyday = page.inner_text("[data-ks-everyday]")
    assert "nước" in everyday and "giấy trắng" in everyday
    assert page.locator("input[name=co][value='nước']").count() == 0, "every class has water: not asked"
    # The list offers what the library's cards need (no card here needs kéo or sỏi) and what stands in.
    offered = [name for name in RURAL_CLASS if page.locator(f"input[name=co][value='{name}']").count()]
    assert sorted(offered) == ["chai nhựa", "hồ dán", "hộp các-tông", "lá cây"]
    for name in offered:
        tick(page, "co", name)
    tick(page, "lop", "1")
    assert _groups(page) == {
        "Sẵn sàng: lớp em làm được ngay (2)": ["Thuyền lá chở nước", "Tranh lá dán"],
        "Thiếu 2 thứ (1)": ["Thước que kem"],
    }
    ready = page.locator(".ks-tile", has_text="Tranh lá dán")
    assert ready.locator(".ks-tile__swap").inner_text() == "Dùng hồ dán thay keo sữa"
    assert ready.locator(".ks-tile__missing").count() == 0
    short = page.locator(".ks-tile", has_text="Thước que kem")
    assert short.locator(".ks-tile__missing").inner_text() == "Còn thiếu: que kem, băng dính giấy"
    assert page.locator("input[name=lop] ~ .ks-count").inner_text() == "(3)"
    # Lacking three things (bông gòn, cốc nhựa, thẻ số, with ống hút) hides a card.
    assert "Thổi bông bay" not in titles(page)
    stored = json.loads(page.evaluate("localStorage.getItem('kho-stem:lop-em-co')"))
    assert sorted(stored) == sorted(offered)


def test_chi_nhung_thu_da_chon_keeps_cards_having_every_ticked_material(page, site):
    open_catalog(page, site)
    tick(page, "vat-lieu", "lá cây")
    tick(page, "vat-lieu", "keo sữa")
    assert sorted(titles(page)) == ["Thuyền lá chở nước", "Tranh lá dán"]
    page.check("input[name=vat-lieu-du][value='1']")
    assert titles(page) == ["Tranh lá dán"]
    # A count now says what ticking that material too would give.
    assert page.locator("input[name=vat-lieu][value='chai nhựa'] ~ .ks-count").inner_text() == "(0)"
    assert page.locator("input[name=vat-lieu][value='giấy trắng'] ~ .ks-count").inner_text() == "(1)"
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # the printed list says how it was chosen
    assert page.inner_text("[data-ks-print-filters]").startswith(
        "Nguyên vật liệu (Chỉ những thứ đã chọn: thẻ dùng đủ mọi thứ đã đánh dấu): ")
    address = page.evaluate("location.href")
    assert "vat-lieu-du=1" in address
    page.goto("about:blank")
    page.goto(address)
    page.wait_for_selector("[data-ks-catalog-page][data-ks-ready]", state="attached")
    assert titles(page) == ["Tranh lá dán"] and page.is_checked("input[name=vat-lieu-du][value='1']")
    any_of_them = page.locator("input[name=vat-lieu-du][value='']")
    any_of_them.locator("xpath=ancestor::details[1]/summary").click()  # the facet starts folded again
    any_of_them.check()
    assert sorted(titles(page)) == ["Thuyền lá chở nước", "Tranh lá dán"]
    assert "vat-lieu-du" not in page.evaluate("location.href")
