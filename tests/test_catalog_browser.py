"""The catalog and the site-wide search in headless Chromium, over http and from file://.

A small fixture library is built twice: with directory URLs, served over http (a school's web
server), and with file URLs, opened from file:// with every network request refused (a USB stick).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import HAS_CHROMIUM, ONLY_FILES, ROOT, VALID_CARD, edit, record_review, served, watched
from kho_stem.site.search_texts import SEARCH_TEXTS
from kho_stem.text import fold

if not HAS_CHROMIUM:
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

MKDOCS_YML = """\
site_name: Thử nghiệm
docs_dir: content/pages
use_directory_urls: {directory_urls}
theme: {{name: material, language: vi, font: false}}
plugins: [kho-stem]
"""
NO_HAZARD_MATERIALS = """materials:
  - giấy màu
  - bút sáp màu
"""


def _card(title: str, description: str, ages: str, *, no_hazards: bool = False) -> str:
    text = edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", f"title: {title}")
    text = edit(text, "description: Trẻ làm thuyền từ lá chuối và vỏ hộp sữa, thử xem thuyền nào chở được nhiều sỏi.",
                f"description: {description}")
    text = edit(text, "ages: [4-5, 5-6]", f"ages: [{ages}]")
    if no_hazards:
        start, end = text.index("materials:\n"), text.index("safety:\n")
        text = text[:start] + NO_HAZARD_MATERIALS + text[end:]
        text = edit(text, "  - Cắt hộp sữa bằng kéo là việc của cô.\n", "")
        text = edit(text, "  - Đếm sỏi trước và sau hoạt động; nhắc trẻ không cho sỏi vào miệng.\n", "")
    return text


CARDS = {
    "thuyen-giay": _card("Thuyền giấy nổi trên chậu nước", "Trẻ gấp thuyền giấy và thả trên nước.", "4-5, 5-6"),
    "hoa-huong-duong": _card("Hoa hướng dương tìm ánh nắng", "Trẻ trồng hạt hướng dương bên cửa sổ.", "3-4"),
    "duong-di-cua-nuoc": _card("Đường đi của nước mưa", "Trẻ làm máng dẫn nước mưa.", "5-6"),
    "tranh-mau-sap": _card("Tranh màu sáp chống thấm", "Trẻ vẽ bằng sáp rồi quét màu nước lên tranh.", "4-5",
                           no_hazards=True),
}
REVIEWED = ("tranh-mau-sap",)


def _build(root: Path, directory_urls: bool, cards: dict[str, str] = CARDS,
           reviewed: tuple[str, ...] = REVIEWED) -> Path:
    from kho_stem_mkdocs.commands import build_site

    (root / "content" / "pages").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "taxonomy", root / "content" / "taxonomy")
    (root / "content" / "pages" / "index.md").write_text("# Trang chủ\n\n<!-- kho-stem:entry-points -->\n",
                                                          encoding="utf-8")
    (root / "content" / "pages" / "an-toan.md").write_text(
        "# An toàn\n\nLuôn có cô ở cạnh chậu nước khi trẻ chơi.\n", encoding="utf-8")
    (root / "content" / "pages" / "dong-gop.md").write_text("# Đóng góp\n", encoding="utf-8")
    (root / "activities").mkdir()
    for slug, text in cards.items():
        (root / "activities" / f"{slug}.md").write_text(text, encoding="utf-8")
    for slug in reviewed:
        record_review(root / "content" / "reviews.yml", root / "activities" / f"{slug}.md")
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(directory_urls=str(directory_urls).lower()), encoding="utf-8")
    build_site(root / "mkdocs.yml", root / "site")
    return root / "site"


class Site:
    """Where the built fixture library is, and how pages are addressed in it."""

    def __init__(self, base: str, directory_urls: bool):
        self.base = base
        self.offline = not directory_urls

    def url(self, page: str) -> str:
        """``page`` like "thu-vien/" or "hoat-dong/thuyen-giay/"."""
        if self.offline:
            page = (page or "") + "index.html" if page.endswith("/") or not page else page
        return self.base + page


@contextmanager
def opened_as(kind: str, folder: Path) -> Iterator[Site]:
    """The built ``folder`` served over http (a school's web server) or opened from file:// (a USB stick)."""
    if kind == "http":
        with served(folder) as base:
            yield Site(base, True)
    else:
        yield Site(folder.as_uri() + "/", False)


@pytest.fixture(scope="module", params=["http", "file"])
def site(request, tmp_path_factory):
    with opened_as(request.param, _build(tmp_path_factory.mktemp(request.param), request.param == "http")) as site:
        yield site


@pytest.fixture
def page(browser, site):
    # No network from file://: anything that is not a file of the copy is refused and reported.
    with watched(browser, ONLY_FILES if site.offline else None) as watcher:
        # Tall enough that every filter is on screen: clicks are not hidden under the sticky header.
        yield watcher.page(viewport={"width": 1366, "height": 2400})


def open_catalog(page, site, address: str = "") -> None:
    """Open the catalog and wait until it can be searched (its search text comes after the first view)."""
    page.goto(site.url("thu-vien/") + address)
    page.wait_for_selector("[data-ks-catalog-page][data-ks-ready][data-ks-searchable]", state="attached")


def titles(page) -> list[str]:
    return page.locator("[data-ks-results] .ks-tile__title").all_inner_texts()


def count_of(page, name: str, value: str) -> str:
    return page.locator(f"input[name='{name}'][value='{value}'] ~ .ks-count").text_content()


def tick(page, name: str, value: str) -> None:
    """Tick a filter as a teacher does: unfold its group first when it is folded."""
    box = page.locator(f"input[name='{name}'][value='{value}']")
    if not box.is_visible():
        box.locator("xpath=ancestor::details[1]/summary").click()
    box.check()


@pytest.mark.parametrize("query", ["nuoc", "nươc", "NƯỚC", "nước"])
def test_water_is_found_with_or_without_diacritics(page, site, query):
    open_catalog(page, site)
    page.fill("#ks-q", query)
    found = titles(page)
    assert sorted(found[:2]) == ["Thuyền giấy nổi trên chậu nước", "Đường đi của nước mưa"], found


def test_two_words_without_diacritics_find_the_title(page, site):
    open_catalog(page, site)
    page.fill("#ks-q", "thuyen giay")
    assert titles(page)[0] == "Thuyền giấy nổi trên chậu nước"
    assert not page.is_visible("[data-ks-more]"), "every result is shown: no 'more' button"


@pytest.mark.parametrize(("query", "first", "second"), [
    ("dương", "Hoa hướng dương tìm ánh nắng", "Đường đi của nước mưa"),
    ("đường", "Đường đi của nước mưa", "Hoa hướng dương tìm ánh nắng"),
])
def test_exact_diacritics_rank_first(page, site, query, first, second):
    open_catalog(page, site)
    page.fill("#ks-q", query)
    assert titles(page)[:2] == [first, second]


def test_filters_combine_with_counts(page, site):
    open_catalog(page, site)
    assert page.inner_text(".ks-catalog__count") == "Tìm thấy 4 hoạt động."
    assert count_of(page, "tuoi", "5-6") == "(2)"
    tick(page, "tuoi", "4-5")
    assert sorted(titles(page)) == ["Thuyền giấy nổi trên chậu nước", "Tranh màu sáp chống thấm"]
    # Values of the same group add cards; the count shows what ticking would give.
    assert count_of(page, "tuoi", "5-6") == "(2)"
    assert count_of(page, "nguy-co", "khong") == "(1)"
    tick(page, "nguy-co", "khong")
    assert titles(page) == ["Tranh màu sáp chống thấm"]
    assert count_of(page, "tuoi", "3-4") == "(0)"
    page.click("[data-ks-filters] button[type=reset]")
    page.wait_for_function("document.querySelectorAll('[data-ks-results] .ks-tile').length === 4")
    tick(page, "duyet", "1")
    assert titles(page) == ["Tranh màu sáp chống thấm"]


def test_hazard_filter_leaves_out_cards_with_that_hazard(page, site):
    open_catalog(page, site)
    assert count_of(page, "nguy-co", "chau-nuoc") == "(3)"
    tick(page, "nguy-co", "chau-nuoc")
    assert titles(page) == ["Tranh màu sáp chống thấm"]
    # It works the other way round from the other filters, and says so where a teacher looks.
    facet = page.locator("fieldset[data-facet='nguy-co']").locator("xpath=..")
    assert facet.locator("summary").inner_text().startswith("Mối nguy: bỏ thẻ có")
    assert "để ẩn các hoạt động có mối nguy đó" in facet.locator(".ks-hint").inner_text()


def test_shared_address_gives_the_same_view(page, site):
    open_catalog(page, site)
    tick(page, "tuoi", "5-6")
    page.fill("#ks-q", "nuoc")
    address = page.evaluate("location.href")
    assert "tuoi=5-6" in address and "q=nuoc" in address
    shown = titles(page)
    page.goto("about:blank")
    page.goto(address)
    page.wait_for_selector("[data-ks-catalog-page][data-ks-ready][data-ks-searchable]", state="attached")
    assert titles(page) == shown
    assert page.is_checked("input[name=tuoi][value='5-6']") and page.input_value("#ks-q") == "nuoc"


def test_our_class_materials_are_remembered_and_rank_cards(page, site):
    open_catalog(page, site)
    page.click("[data-ks-class] > summary")
    tick(page, "lop", "1")
    # Crayons are everyday (materials.yml): the card lacks only its "giấy màu"; the others lack more.
    assert titles(page) == ["Tranh màu sáp chống thấm"]
    assert "Còn thiếu: giấy thủ công" in page.inner_text("[data-ks-results]")
    tick(page, "co", "chậu nhựa")
    page.reload()
    page.wait_for_selector("[data-ks-catalog-page][data-ks-ready][data-ks-searchable]", state="attached")
    assert page.is_checked("input[name=co][value='chậu nhựa']"), "the list is kept in this browser"
    tick(page, "co", "giấy thủ công")  # the card says "giấy màu": materials.yml groups it
    assert page.inner_text("[data-ks-results] h2") == "Sẵn sàng: lớp em làm được ngay (1)"
    assert titles(page) == ["Tranh màu sáp chống thấm"]
    stored = page.evaluate("localStorage.getItem('kho-stem:lop-em-co')")
    assert sorted(json.loads(stored)) == ["chậu nhựa", "giấy thủ công"]


def test_header_search_on_every_page(page, site):
    page.goto(site.url("hoat-dong/thuyen-giay/"))
    page.click(".md-search__input")
    page.keyboard.type("huong duong")
    # The list is redrawn at each keystroke: wait until it answers the whole query.
    page.wait_for_function("(document.querySelector('[data-ks-search-list] h1') || {}).textContent"
                           " === 'Hoa hướng dương tìm ánh nắng'")
    page.locator("[data-ks-search-list] a").first.click()
    page.wait_for_url("**/hoa-huong-duong/**")
    assert page.locator("h1").first.inner_text() == "Hoa hướng dương tìm ánh nắng"


def test_header_search_finds_pages_and_opens_the_catalog(page, site):
    page.goto(site.url(""))
    page.click(".md-search__input")
    page.keyboard.type("an toan")
    page.wait_for_function("[...document.querySelectorAll('[data-ks-search-list] h1')]"
                           ".some(h => h.textContent === 'An toàn')")
    page.fill(".md-search__input", "nuoc")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-ks-catalog-page][data-ks-ready][data-ks-searchable]", state="attached")
    assert page.input_value("#ks-q") == "nuoc" and len(titles(page)) == 4


def test_browser_folds_like_python(page, site):
    samples = ["Nước Đá", "THUYỀN GIẤY", "hướng dương", "Đường", "ỗ ợ ự ỷ", "Khoảng 1,5 m"]
    open_catalog(page, site)
    assert page.evaluate("samples => samples.map(KhoStem.fold)", samples) == [fold(s) for s in samples]


def test_an_address_with_unknown_or_broken_values_still_shows_the_library(page, site):
    # A bookmark from an older library: a renamed topic, an age code with a typo, an empty value.
    open_catalog(page, site, "#chu-de=chu-de-cu&tuoi=5-6,6-7&q=&nguy-co=")
    assert sorted(titles(page)) == ["Thuyền giấy nổi trên chậu nước", "Đường đi của nước mưa"]
    open_catalog(page, site, "#%E0%A4%A")
    assert len(titles(page)) == 4


def test_the_filter_box_of_a_materials_list_hides_what_does_not_match(page, site):
    """Typing in a list's filter box hides the other materials (display:flex once undid `hidden`)."""
    open_catalog(page, site)
    page.locator("[data-ks-class] > summary").click()
    options = page.locator("[data-inventory] .ks-option")
    total = options.count()
    assert total > 2
    page.locator("[data-ks-class] [data-ks-list-filter]").fill("giay")  # typed without diacritics
    page.wait_for_timeout(100)
    shown = [text.strip() for text in options.all_inner_texts() if text.strip()]
    visible = [options.nth(i).is_visible() for i in range(total)]
    assert 0 < sum(visible) < total
    assert all("giấy" in options.nth(i).inner_text() for i in range(total) if visible[i]), shown


def test_on_a_phone_a_button_in_the_open_filters_brings_the_results_into_view(browser, site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    if site.offline:
        context.route("http*://**", lambda route: route.abort())
    phone = context.new_page()
    open_catalog(phone, site)
    phone.locator("[data-ks-filters-panel] > summary").click()  # phones start with the filters folded
    tick(phone, "tuoi", "4-5")
    button = phone.locator("[data-ks-show-results]")
    assert button.inner_text() == f"Xem {len(titles(phone))} hoạt động"
    box = button.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 740  # kept in view while open
    button.click()
    assert not phone.locator("[data-ks-filters-panel]").evaluate("panel => panel.open")
    status = phone.locator(".ks-catalog__count").bounding_box()
    assert status is not None and 0 <= status["y"] < 740 / 2
    context.close()


# -- pictures (issue #23, item 12) ---------------------------------------------------------------------
def test_home_page_leads_with_pictures_of_ages_topics_and_fields(page, site, taxonomy):
    page.goto(site.url(""))
    links = page.locator(".ks-pictures .ks-picture-link")
    wanted = len(taxonomy.ages.terms) + len(taxonomy.topics.terms) + len(taxonomy["stem"].terms)
    assert links.count() == wanted
    # Each card: a picture hidden from screen readers, then the label that names it, and its count.
    assert page.locator(".ks-picture-link > svg.ks-icon[aria-hidden='true']").count() == wanted
    first_age = links.first
    assert first_age.inner_text().split("\n")[0] == taxonomy.ages.terms[0].label
    assert first_age.get_attribute("href").rstrip("/").split("/")[-1].removesuffix(".html") in (
        taxonomy.ages.terms[0].code, "index")
    box = page.locator(".ks-pictures").bounding_box()
    assert box is not None and box["height"] > 0
    first_age.click()
    assert page.locator("h1").first.inner_text() == taxonomy.ages.terms[0].label


def test_tiles_without_a_cover_show_their_topic_picture(page, site):
    open_catalog(page, site)
    tiles = page.locator("[data-ks-results] .ks-tile")
    assert tiles.count() == 4
    # The fixture cards have no cover: each tile shows its first topic's icon, hidden from screen readers.
    assert page.locator("[data-ks-results] .ks-tile > .ks-tile__icon > svg[aria-hidden='true']").count() == 4
    assert page.locator("[data-ks-results] .ks-tile__thumb").count() == 0
    static = site.url("hoat-dong/")
    page.goto(static)
    assert page.locator(".ks-tiles .ks-tile > .ks-tile__icon > svg[aria-hidden='true']").count() == 4


# -- national scale: tiles drawn as needed (issue #23, item 17) ----------------------------------------
MANY = 40  # more than the catalog's first screenful and one more batch (catalog_page.FIRST_TILES, MORE_TILES)


@pytest.fixture(scope="module")
def many_cards(tmp_path_factory):
    """A library of MANY cards opened from file://; every third is a windmill (cối xay gió) for 5–6."""
    cards = {}
    for index in range(MANY):
        windmill = index % 3 == 0
        title = f"Cối xay gió số {index}" if windmill else f"Tranh màu sáp số {index}"
        description = "Trẻ làm cối xay gió bằng giấy." if windmill else "Trẻ vẽ bằng sáp màu."
        cards[f"the-{index}"] = _card(title, description, "5-6" if windmill else "4-5", no_hazards=not windmill)
    folder = _build(tmp_path_factory.mktemp("many"), directory_urls=False, cards=cards, reviewed=())
    return Site(folder.as_uri() + "/", False)


def _tile_count(page) -> int:
    return page.locator("[data-ks-results] .ks-tile").count()


def test_only_a_screenful_of_tiles_is_drawn_and_scrolling_reveals_more(browser, many_cards):
    from kho_stem.site.catalog_page import FIRST_TILES, MORE_TILES

    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.route("http*://**", lambda route: route.abort())
    page = context.new_page()
    open_catalog(page, many_cards)
    assert _tile_count(page) == FIRST_TILES
    assert page.inner_text(".ks-catalog__count") == f"Tìm thấy {MANY} hoạt động."
    # Filters count every card, not only the drawn ones.
    assert count_of(page, "tuoi", "5-6") == f"({len(range(0, MANY, 3))})"
    assert count_of(page, "tuoi", "4-5") == f"({MANY - len(range(0, MANY, 3))})"
    page.mouse.wheel(0, 20_000)
    page.wait_for_function(f"document.querySelectorAll('[data-ks-results] .ks-tile').length > {FIRST_TILES}")
    assert _tile_count(page) in (FIRST_TILES + MORE_TILES, MANY)
    for _ in range(5):  # scrolling to the end draws the rest, and the "more" button goes
        page.mouse.wheel(0, 20_000)
        page.wait_for_timeout(200)
    page.wait_for_function(f"document.querySelectorAll('[data-ks-results] .ks-tile').length === {MANY}")
    assert not page.is_visible("[data-ks-more]")
    assert len(set(titles(page))) == MANY, "each card once, in order"
    context.close()


def test_search_and_filters_count_all_cards_while_few_tiles_are_drawn(browser, many_cards):
    from kho_stem.site.catalog_page import FIRST_TILES, MORE_TILES

    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route("http*://**", lambda route: route.abort())
    page = context.new_page()
    open_catalog(page, many_cards)
    windmills = len(range(0, MANY, 3))
    page.fill("#ks-q", "coi xay")
    assert page.inner_text(".ks-catalog__count") == f"Tìm thấy {windmills} hoạt động."
    assert _tile_count(page) == min(windmills, FIRST_TILES)
    assert all("Cối xay gió" in title for title in titles(page))
    page.fill("#ks-q", "")
    more = page.locator("[data-ks-more]")
    assert more.inner_text() == f"Xem thêm {min(MORE_TILES, MANY - FIRST_TILES)} hoạt động"
    more.evaluate("button => button.click()")  # the button works without scrolling too (keyboards)
    assert _tile_count(page) >= FIRST_TILES + min(MORE_TILES, MANY - FIRST_TILES)
    page.locator("[data-ks-filters-panel] > summary").click()
    tick(page, "tuoi", "5-6")
    assert page.inner_text(".ks-catalog__count") == f"Tìm thấy {windmills} hoạt động."
    assert _tile_count(page) == min(windmills, FIRST_TILES), "a new result list starts again with a screenful"
    context.close()


def _holding(held: list, released: list[bool], arrives: bool):
    """A route handler: requests wait in ``held`` until ``released``, then go through (or fail)."""
    def hold(route) -> None:
        if not released:
            held.append(route)
        elif arrives:
            route.continue_()
        else:
            route.abort()
    return hold


def test_a_query_typed_before_the_search_text_arrives_says_so_then_runs(browser, site):
    """The first view does not wait for the search text: a query typed before it arrives says it is
    loading (``SEARCH_TEXTS``) and runs when it comes; a search text that cannot load is said too."""
    if site.offline:
        pytest.skip("requests for file:// addresses cannot be held back")
    for arrives in (True, False):
        context = browser.new_context(viewport={"width": 1366, "height": 900})
        held: list = []
        released: list[bool] = []
        hold = _holding(held, released, arrives)
        context.route("**/search-text.js", hold)  # the preload and the script's own request
        page = context.new_page()
        page.goto(site.url("thu-vien/"))
        page.wait_for_selector("[data-ks-catalog-page][data-ks-ready]", state="attached")
        page.fill("#ks-q", "nuoc")
        assert page.inner_text(".ks-catalog__count") == SEARCH_TEXTS["textLoading"]
        assert page.get_attribute("[data-ks-catalog-page]", "data-ks-searchable") is None
        while not held:
            page.wait_for_timeout(20)
        released.append(True)
        for route in held:
            if arrives:
                route.continue_()
            else:
                route.abort()
        if arrives:
            page.wait_for_selector("[data-ks-catalog-page][data-ks-searchable]", state="attached")
            page.wait_for_function("document.querySelector('[data-ks-catalog-page]')"
                                   ".getAttribute('data-ks-results-for') === 'nuoc'")
            assert page.inner_text(".ks-catalog__count").startswith("Tìm thấy ")
        else:
            page.wait_for_function(f"document.querySelector('.ks-catalog__count').textContent === "
                                   f"{json.dumps(SEARCH_TEXTS['textFailed'])}")
        context.close()
