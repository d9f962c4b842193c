"""The catalog's core: card facts, material names, filters, and the search data the browser gets."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, VALID_CARD, edit, record_review
from kho_stem.cards.reviews import load_reviews
from kho_stem.catalog.facts import (
    DURATION_RANGES,
    MaterialNames,
    card_facts,
    catalog_facets,
    duration_range,
    library_facts,
    material_key,
)
from kho_stem.site.catalog_page import NO_HAZARD, render_catalog_page
from kho_stem.site.search_data import (
    html_text,
    markdown_text,
    page_entry,
    search_data,
    search_data_script,
    unique_words,
)
from kho_stem.site.urls import Linker
from kho_stem.validation.library import check_library, find_card_files


def load_cards(tmp_path: Path, taxonomy, texts: dict[str, str], reviewed: tuple[str, ...] = ()):
    for slug, text in texts.items():
        (tmp_path / f"{slug}.md").write_text(text, encoding="utf-8")
    for slug in reviewed:
        record_review(tmp_path / "reviews.yml", tmp_path / f"{slug}.md")
    result = check_library(find_card_files([tmp_path]), taxonomy, reviews=load_reviews(tmp_path / "reviews.yml"))
    assert result.ok, [p.render("en") for p in result.problems]
    return result.cards


def test_material_names_group_by_longest_start_and_keep_diacritics(taxonomy):
    names = MaterialNames(taxonomy["materials"])
    assert names.common_name("Chai nhựa 500 ml (đã rửa sạch), loại mỏng") == "chai nhựa"
    assert names.common_name("dao rọc giấy loại nhỏ") == "dao rọc giấy"
    assert names.common_name("dao") == "dao"
    assert names.common_name("Đào") == "đào", "a peach is not a knife"
    assert names.common_name("Tranh ảnh con đường làng") == "tranh ảnh con đường làng"


def test_material_vocabulary_is_written_as_teachers_read_it(taxonomy):
    for term in taxonomy["materials"]:
        for word in (term.label, *term.get("words")):
            assert word == unicodedata.normalize("NFC", word) == word.lower() == material_key(word), word


def test_card_facts(tmp_path: Path, taxonomy):
    (card,) = load_cards(tmp_path, taxonomy, {"thuyen-la": VALID_CARD}, reviewed=("thuyen-la",))
    facts = card_facts(card, MaterialNames(taxonomy["materials"]))
    assert facts.ages == ("4-5", "5-6") and facts.topics == ("nuoc-va-hien-tuong-tu-nhien",)
    assert facts.hazards == ("vat-nho", "chau-nuoc", "dung-cu-sac")
    assert facts.materials == ("vỏ hộp sữa giấy", "sỏi", "chậu nhựa", "kéo")
    assert facts.duration_range == "16-30" and facts.reviewed and facts.organization == "Trường Mầm non Thử nghiệm"


def test_every_allowed_duration_falls_in_exactly_one_range():
    for minutes in range(5, 181):
        assert sum(minutes in r for r in DURATION_RANGES) == 1, minutes
    assert duration_range(15) == "den-15" and duration_range(46) == "tren-45"


def test_facets_come_from_the_taxonomy(taxonomy):
    facets = {facet.key: facet for facet in catalog_facets(taxonomy, ["chai nhựa"])}
    assert [v.code for v in facets["tuoi"].values] == list(taxonomy.ages.codes)
    assert facets["tuoi"].legend == taxonomy.ages.noun[:1].upper() + taxonomy.ages.noun[1:]
    assert [v.code for v in facets["nguy-co"].values] == list(taxonomy.hazards.codes)
    assert NO_HAZARD not in taxonomy.hazards.codes, "the 'no hazard' filter value must not be a hazard code"
    assert [v.code for v in facets["vat-lieu"].values] == ["chai nhựa"]


def test_search_data_refers_to_facet_values_and_cannot_close_a_script(tmp_path: Path, taxonomy):
    hostile = edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", "title: '</script><b>Thuyền</b>'")
    cards = load_cards(tmp_path, taxonomy, {"thuyen-la": VALID_CARD, "the-la": hostile})
    facts = library_facts(cards, taxonomy)
    facets = catalog_facets(taxonomy, sorted({m for f in facts for m in f.materials}))
    pages = [page_entry("an-toan/", "An to&agrave;n", "<p>Luôn có cô</p><script>x()</script>")]
    data = search_data(facts, facets, taxonomy, Linker(False), {}, pages)
    script = search_data_script(data)
    assert "<" not in script
    decoded = json.loads(script[len("window.KhoStemData="):-2])
    assert [card["t"] for card in decoded["cards"]] == ["</script><b>Thuyền</b>", "Thuyền lá nổi hay chìm"]
    entry = decoded["cards"][1]
    assert entry["u"] == "hoat-dong/thuyen-la/index.html"
    by_key = {facet["key"]: facet["values"] for facet in decoded["facets"]}
    assert [by_key["tuoi"][i][0] for i in entry["tuoi"]] == ["4-5", "5-6"]
    assert [by_key["nguy-co"][i][0] for i in entry["nguy-co"]] == ["vat-nho", "chau-nuoc", "dung-cu-sac"]
    assert "sỏi" in entry["k"] and "gắn" in entry["w"].split()
    assert decoded["pages"] == [{"u": "an-toan/", "t": "An toàn", "w": "luôn có cô"}]


def test_text_extraction_keeps_words_and_drops_markup():
    assert markdown_text("Xem [ảnh **đẹp**](https://x.vn/a.png){ #id } tại https://x.vn").split() == [
        "Xem", "ảnh", "**đẹp**", "tại"]
    assert html_text("<nav>Menu</nav><p>Nước &amp; đá</p><style>p{}</style>").split() == ["Nước", "&", "đá"]
    assert unique_words("Nước, nước và ĐÁ!", "đá") == "nước và đá"


@pytest.mark.parametrize(("directory_urls", "src", "root"), [
    (True, "thu-vien/index.md", "../"), (False, "thu-vien/index.md", "../"), (True, "index.md", ""),
    (False, "index.md", ""), (True, "hoat-dong/x/index.md", "../../"), (False, "gioi-thieu.md", ""),
    (True, "gioi-thieu.md", "../"),
])
def test_root_prefix(directory_urls, src, root):
    assert Linker(directory_urls).root(src) == root


def test_catalog_page_has_a_labelled_control_for_every_filter_value(taxonomy):
    facets = catalog_facets(taxonomy, ["chai nhựa", "đất nặn"])
    html = render_catalog_page(facets, Linker(True), 2).fragments.popitem()[1]
    for facet in facets:
        for value in facet.values:
            assert f'name="{facet.key}" value="{value.code}"' in html
    assert html.count("<label") >= sum(len(f.values) for f in facets) and 'aria-live="polite"' in html
    assert 'src="../assets/kho-stem/catalog-data.js"' in html


def test_header_is_materials_own_apart_from_the_search_block():
    import material

    ours = (ROOT / "plugins" / "kho_stem_mkdocs" / "templates" / "partials" / "header.html").read_text()
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text()

    def without_search(text: str, start: str, end: str) -> str:
        body = text.split("-#}", 1)[1]
        return body[: body.index(start)] + body[body.index(end):]

    assert without_search(ours, "    {#- kho-stem", "    {% if config.repo_url %}") == without_search(
        theirs, '    {% if "material/search" in config.plugins %}', "    {% if config.repo_url %}")
