"""The search over the starter library in headless Chromium, from file:// with the network cut
(an offline copy on a USB stick): look-alike queries in the catalog and the header search, one
test per behaviour (pairs, synonyms, no spaces, a slip, nothing found, sorting)."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import FIXTURES, HAS_CHROMIUM, ROOT, watched

if not HAS_CHROMIUM:
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

LOOKALIKES = json.loads((FIXTURES / "search-lookalikes.json").read_text(encoding="utf-8"))["queries"]
MAGNET = "dua-thuyen-rong-keo-bang-nam-cham"
SLUG_OF_LINK = "a => a.getAttribute('href').split('/').filter(p => p && p !== 'index.html').pop()"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    from kho_stem_mkdocs.commands import build_site

    site = tmp_path_factory.mktemp("starter-offline") / "site"
    build_site(ROOT / "mkdocs.yml", site, use_directory_urls=False, repo_url="")
    yield site.as_uri() + "/"
    shutil.rmtree(site, ignore_errors=True)


@pytest.fixture
def page(browser, offline_site):
    with watched(browser) as watcher:
        yield watcher.page(viewport={"width": 1366, "height": 1600})


def open_catalog(page, base: str, address: str = "") -> None:
    page.goto(base + "thu-vien/index.html" + address)
    # Ranking needs the search text, loaded after the first view is drawn.
    page.wait_for_selector("[data-ks-catalog-page][data-ks-ready][data-ks-searchable]", state="attached")


def catalog_slugs(page, query: str) -> list[str]:
    page.fill("#ks-q", query)
    return page.locator("[data-ks-results] .ks-tile__title").evaluate_all(f"links => links.map({SLUG_OF_LINK})")


def header_slugs(page, query: str) -> list[str]:
    """The cards the header search lists for ``query`` (at most eight), in order."""
    page.fill(".md-search__input", query)
    links = page.locator("[data-ks-search-list] a[href*='hoat-dong/']")
    return links.evaluate_all(f"links => links.map({SLUG_OF_LINK}).filter(s => s !== 'index.html')")


def test_lookalike_queries_rank_the_intended_cards_first_in_the_catalog(page, offline_site):
    open_catalog(page, offline_site)
    for item in LOOKALIKES:
        found = catalog_slugs(page, item["query"])
        assert set(found[:len(item["first"])]) == set(item["first"]), (item["query"], found[:5])


def test_lookalike_queries_rank_the_intended_cards_first_in_the_header_search(page, offline_site):
    page.goto(offline_site + "index.html")
    page.click(".md-search__input")
    page.wait_for_function("window.KhoStemData !== undefined && window.KhoStemData.searchable === true")
    for item in LOOKALIKES:
        found = header_slugs(page, item["query"])
        # The header lists eight cards at most: as many of the intended ones as fit, before any other.
        shown = min(len(found), len(item["first"]))
        assert shown and set(found[:shown]) <= set(item["first"]), (item["query"], found)


def test_pairs_words_side_by_side_rank_above_scattered_syllables(page, offline_site):
    open_catalog(page, offline_site)
    found = catalog_slugs(page, "nam cham")
    assert found[0] == MAGNET and len(found) > 1, "năm + chạm cards are still there, below"


def test_synonyms_muong_finds_the_cards_with_thia(page, offline_site):
    open_catalog(page, offline_site)
    found = catalog_slugs(page, "muong")
    assert found[0] == "banh-xe-nuoc-thia-nhua-quay-tit" and len(found) > 5, found


def test_no_spaces_still_find_the_card(page, offline_site):
    open_catalog(page, offline_site)
    for query in ("thuyềngiấy", "thuyengiay"):
        assert catalog_slugs(page, query)[0] == "thuyen-thung-giay-bac-cho-soi-qua-song", query
    assert catalog_slugs(page, "namcham")[0] == MAGNET


def test_one_slip_still_finds_the_card(page, offline_site):
    page.goto(offline_site + "index.html")
    page.click(".md-search__input")
    page.wait_for_function("window.KhoStemData !== undefined && window.KhoStemData.searchable === true")
    for query in ("nam chăm", "nam chamm"):
        assert header_slugs(page, query)[0] == MAGNET, query


def test_nothing_found_says_what_was_searched_and_offers_near_words(page, offline_site):
    open_catalog(page, offline_site)
    page.fill("#ks-q", "thuyen buom")
    status = page.inner_text(".ks-catalog__count")
    assert status == "Không có hoạt động nào khớp với “thuyen buom”.", "no filter is set: no word of filters"
    assert not page.locator("[data-ks-sort]").is_visible(), "no order to choose for no result"
    line = page.locator("[data-ks-suggestions] .ks-suggestions")
    assert line.inner_text().startswith("Có phải cô muốn tìm:")
    offered = line.locator("button").all_inner_texts()
    assert "thuyền" in offered, offered
    line.locator("button", has_text="thuyền").first.click()
    assert page.input_value("#ks-q") in offered and page.locator("[data-ks-results] .ks-tile__title").count() > 0
    # With a filter set, the message says the filters narrow the search too.
    page.locator("input[name='tuoi'][value='5-6']").check()
    page.fill("#ks-q", "thuyen buom")
    assert page.inner_text(".ks-catalog__count") == ("Không có hoạt động nào khớp với “thuyen buom” trong các bộ lọc "
                                                     "đang chọn. Bỏ bớt bộ lọc để tìm rộng hơn.")
    # The header search says it the same way.
    page.fill(".md-search__input", "thuyen buom")
    meta = page.locator("[data-ks-search-meta]")
    assert meta.inner_text().startswith("Không có hoạt động nào khớp với “thuyen buom”.")
    assert meta.locator("button").count() > 0


def test_sort_relevance_with_a_query_else_newest_shortest_fewest_materials(page, offline_site):
    open_catalog(page, offline_site)
    sort = page.locator("[data-ks-sort]")
    assert sort.input_value() == "moi-nhat"
    assert page.locator("[data-ks-sort] option[value='phu-hop']").is_disabled()
    page.fill("#ks-q", "nuoc")
    assert sort.input_value() == "phu-hop"
    sort.select_option("ngan-nhat")
    minutes = page.evaluate("""() => [...document.querySelectorAll('[data-ks-results] .ks-tile__title')]
        .map(a => KhoStemData.cards.find(c => a.getAttribute('href').endsWith(c.u)).n)""")
    assert len(minutes) > 5 and minutes == sorted(minutes) and minutes[0] < minutes[-1]
    assert "sap=ngan-nhat" in page.url
    open_catalog(page, offline_site, "#sap=it-vat-lieu")
    counts = page.evaluate("""() => [...document.querySelectorAll('[data-ks-results] .ks-tile__title')]
        .map(a => KhoStemData.cards.find(c => a.getAttribute('href').endsWith(c.u)).nm)""")
    assert counts == sorted(counts) and counts[0] < counts[-1]
    assert sort.input_value() == "it-vat-lieu"
