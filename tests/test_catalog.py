"""The catalog's core: card facts, material names, filters, and the search data the browser gets."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, VALID_CARD, edit, record_review
from kho_stem.cards.reviews import load_reviews
from kho_stem.catalog.facts import (
    AGE_FACET,
    DURATION_RANGES,
    HAZARD_FACET,
    NO_HAZARD,
    MaterialNames,
    card_facts,
    catalog_facets,
    duration_range,
    library_facts,
    material_key,
)
from kho_stem.site.catalog_page import render_catalog_page
from kho_stem.site.fragments import DURATION_TEXT, UNREVIEWED_TEXT, UNREVIEWED_TITLE
from kho_stem.site.listing import Thumbnail, card_list, tile_template
from kho_stem.site.scripts import (
    CATALOG_SCRIPTS,
    DATA_SCRIPT,
    EDITOR_SCRIPTS,
    PAGE_SCRIPTS,
    PLAN_SCRIPTS,
    SURVEY_SCRIPTS,
)
from kho_stem.site.search_data import (
    CATALOG_KEYS,
    catalog_data,
    data_script,
    html_text,
    markdown_text,
    page_entry,
    phrased,
    search_text,
    unique_words,
)
from kho_stem.site.search_terms import SYLLABLE_SHAPE, library_syllables, synonym_alternatives
from kho_stem.site.search_texts import SEARCH_TEXTS, sort_orders_data
from kho_stem.site.urls import Linker
from kho_stem.text import fold
from kho_stem.validation.library import check_library, find_card_files

JS_ASSETS = ROOT / "plugins" / "kho_stem" / "site" / "assets"
JS_FILES = sorted(path.name for path in JS_ASSETS.glob("*.js"))


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
    data = catalog_data(facts, facets, taxonomy, Linker(False), {})
    script = data_script("KhoStemData", data)
    assert "<" not in script
    decoded = json.loads(script[len("window.KhoStemData="):-2])
    assert [card["t"] for card in decoded["cards"]] == ["</script><b>Thuyền</b>", "Thuyền lá nổi hay chìm"]
    entry = decoded["cards"][1]
    assert entry["u"] == "hoat-dong/thuyen-la/index.html"
    by_key = {facet["key"]: facet["values"] for facet in decoded["facets"]}
    assert [by_key["tuoi"][i][0] for i in entry["tuoi"]] == ["4-5", "5-6"]
    assert [by_key["nguy-co"][i][0] for i in entry["nguy-co"]] == ["vat-nho", "chau-nuoc", "dung-cu-sac"]
    # The search text is the other script, card by card in the same order: written, then folded.
    text_script = data_script("KhoStemText", search_text(facts, taxonomy, pages))
    assert "<" not in text_script
    text = json.loads(text_script[len("window.KhoStemText="):-2])
    title, keywords, _, words, folded_title = text["cards"][1][:5]
    assert title == " thuyền lá nổi hay chìm " and folded_title == " thuyen la noi hay chim "
    assert " sỏi " in keywords and "gắn" in words.split()
    assert text["cards"][0][0] == " | script | b | thuyền | b | "  # tags end phrases: no pair spans them
    assert text["pages"] == [{"u": "an-toan/", "t": "An toàn", "f": [
        " an toàn ", "  ", "  ", " luôn có cô ", " an toan ", "  ", "  ", " luon co co "]}]


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


def _skeleton(html: str) -> list[tuple[str, str]]:
    """The tags and classes of ``html``, in order, a run of alike ones (age badges) as one: a
    tile's shape without its texts."""
    tags = re.findall(r'<(\w+)(?: class="([^"]*)")?', html)
    return [tag for index, tag in enumerate(tags) if index == 0 or tag != tags[index - 1]]


def test_catalog_tiles_are_clones_of_the_static_tile(tmp_path: Path, taxonomy):
    (card,) = load_cards(tmp_path, taxonomy, {"thuyen-la": VALID_CARD})
    thumbnails = {"thuyen-la": Thumbnail("hoat-dong/thuyen-la/anh.thumb.webp", 96, 72)}
    static = card_list(library_facts([card], taxonomy), "thu-vien/index.md", taxonomy, Linker(True), thumbnails)
    template = tile_template()
    assert template.startswith("<template data-ks-tile><li") and template.endswith("</li></template>")
    static_tile = static[static.index("<li"):static.rindex("</li>") + 5]
    shape = _skeleton(template[len("<template data-ks-tile>"):-len("</template>")])
    # The template has one age badge to copy per age band, and the class line the catalog fills in.
    assert [tag for tag in shape if tag[1] != "ks-tile__missing"] == _skeleton(static_tile)
    assert static_tile.count("ks-badge--age") == 2 and shape[-1] == ("p", "ks-tile__missing")
    assert "Nước và hiện tượng tự nhiên" in static_tile, "static tiles name the topics like the catalog's"
    assert f">{DURATION_TEXT}</span>" in template and "{material}" in template
    assert f'title="{UNREVIEWED_TITLE}">{UNREVIEWED_TEXT}</span>' in template and UNREVIEWED_TEXT in static_tile
    assert "phút" not in "".join(JS_ASSETS.joinpath(name).read_text(encoding="utf-8") for name in JS_FILES)


def test_search_data_ships_the_facet_keys_roles_and_no_hazard_value(tmp_path: Path, taxonomy):
    cards = load_cards(tmp_path, taxonomy, {"thuyen-la": VALID_CARD})
    facts = library_facts(cards, taxonomy)
    facets = catalog_facets(taxonomy, list(facts[0].materials))
    data = catalog_data(facts, facets, taxonomy, Linker(False), {})
    assert data["keys"] == CATALOG_KEYS and CATALOG_KEYS["ages"] == AGE_FACET
    shipped = {facet["key"]: facet for facet in data["facets"]}
    assert shipped[HAZARD_FACET]["none"] == NO_HAZARD and shipped[HAZARD_FACET]["excludes"] == 1
    assert all("none" not in facet and "excludes" not in facet for key, facet in shipped.items() if key != HAZARD_FACET)
    assert set(data["cards"][0]) >= {facet.key for facet in facets}
    # The scripts read keys and the no-hazard value from the data, never spell their own.
    scripts = "".join(JS_ASSETS.joinpath(name).read_text(encoding="utf-8") for name in JS_FILES)
    for key in [facet.key for facet in facets] + list(CATALOG_KEYS.values()):
        assert f'"{key}"' not in scripts, key
    assert f'"{NO_HAZARD}"' not in scripts


def test_catalog_page_loads_its_scripts_in_the_declared_order(taxonomy):
    facets = catalog_facets(taxonomy, ["chai nhựa"])
    html = render_catalog_page(facets, Linker(True), 1).fragments.popitem()[1]
    sources = re.findall(r'<script src="\.\./([^"]+)"', html)
    assert sources == [DATA_SCRIPT, *CATALOG_SCRIPTS]
    assert {Path(script).name for script in PAGE_SCRIPTS + CATALOG_SCRIPTS + PLAN_SCRIPTS + SURVEY_SCRIPTS
                                     + EDITOR_SCRIPTS
            if not script.startswith(f"{Path(DATA_SCRIPT).parent}/vendor/")} == set(JS_FILES)


def test_fold_strips_every_mark_not_only_those_with_a_combining_class():
    # U+0903 (a spacing mark) and U+20DD (an enclosing one) have combining class 0.
    assert fold("Nu\u0301o\u031bc\u0903 \u20ddĐá") == "nuoc da"


def test_fold_character_by_character_equals_folding_the_whole_text():
    """fold() folds each character once and caches it: the same as decomposing the whole text."""
    import random
    import unicodedata

    def whole(text: str) -> str:
        decomposed = unicodedata.normalize("NFD", text.lower())
        return "".join(ch for ch in decomposed if not unicodedata.category(ch).startswith("M")).replace("đ", "d")

    characters = [chr(code) for code in range(0x20, 0x3000) if not 0xD800 <= code < 0xE000]
    picker = random.Random(2860)
    texts = ["".join(picker.choices(characters, k=8)) for _ in range(5000)]
    texts += ["ΣΟΦΟΣ Σ", "İstanbul ǅ ᾈ", "e\u0301\u0323 ℌ ﬁ", "Tiếng Việt: Đường, NƯỚC, Ủ ấm"]
    assert [fold(text) for text in texts] == [whole(text) for text in texts]


def test_vietnamese_labels_are_materials_own_but_for_back_to_top():
    import material

    ours = (ROOT / "plugins" / "kho_stem_mkdocs" / "templates" / "partials" / "languages" / "vi.html").read_text()
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "languages" / "vi.html").read_text()
    ours_body, theirs_body = ours.split("-#}", 1)[1], theirs.split("-#}", 1)[1]
    assert '"top": "Lên đầu trang"' in ours_body
    assert ours_body.replace('"top": "Lên đầu trang"', '"top": "Trở lại mục lục"') == theirs_body


def test_the_reviewed_only_filter_is_offered_only_when_a_card_is_reviewed(taxonomy):
    facets = catalog_facets(taxonomy, ["chai nhựa"])
    none = next(iter(render_catalog_page(facets, Linker(True), 3, reviewed_cards=0).fragments.values()))
    some = next(iter(render_catalog_page(facets, Linker(True), 3, reviewed_cards=1).fragments.values()))
    assert 'name="duyet"' not in none and 'name="duyet"' in some


def test_first_view_data_has_no_search_text_and_the_text_is_split_and_folded_at_build(tmp_path: Path, taxonomy):
    """The catalog's first view loads tiles and facets only; the words it is searched by come after,
    already lower-cased, split into words and folded, so the browser does none of it."""
    cards = load_cards(tmp_path, taxonomy, {"thuyen-la": VALID_CARD})
    facts = library_facts(cards, taxonomy)
    facets = catalog_facets(taxonomy, list(facts[0].materials))
    entry = catalog_data(facts, facets, taxonomy, Linker(False), {})["cards"][0]
    # Besides the tile and facets: class needs ("Lớp em có gì?") and sort keys (updated, materials).
    assert set(entry) == {"u", "t", "d", "n", "m", "up", "nm", *(facet.key for facet in facets)}
    *fields, pairs = search_text(facts, taxonomy, [])["cards"][0]
    assert len(fields) == 8 and fields[4:] == [fold(field) for field in fields[:4]]
    assert all(field.startswith(" ") and field.endswith(" ") and "  " not in field.strip() for field in fields)
    assert re.fullmatch(r"([0-9a-z]{4})+", pairs)
    assert phrased("  Nước-mưa, ĐÁ_1,5 m! ") == " nước | mưa | đá | 1 | 5 m | "
    assert phrased("") == "  "


def test_the_first_view_data_sorts_and_reads_the_class_and_the_search_text_reads_queries(tmp_path: Path, taxonomy):
    """What the first view needs is in the first script (the orders, empty-result texts, "Lớp em có
    gì?"); what only search needs (words, pairs, the lexicon) in the one loaded after it."""
    cards = load_cards(tmp_path, taxonomy, {"thuyen-la": VALID_CARD})
    facts = library_facts(cards, taxonomy)
    facets = catalog_facets(taxonomy, list(facts[0].materials))
    data = catalog_data(facts, facets, taxonomy, Linker(False), {})
    assert {"keys", "facets", "ageShort", "classMaterials", "cards", "sorts", "texts"} == set(data)
    assert data["sorts"] == sort_orders_data() and data["texts"] == SEARCH_TEXTS
    assert data["cards"][0]["nm"] == 4 and data["cards"][0]["up"] == "2026-11-23"
    text = search_text(facts, taxonomy, [])
    assert set(text) == {"cards", "pages", "lexicon"}
    *fields, pairs = text["cards"][0]
    words = fields[3].split()
    # The pairs are positions in the card's other words: "vỏ hộp" (its first material) stands side by side.
    assert words[:2] == ["vỏ", "hộp"] and pairs[:4] == "0001"
    lexicon = text["lexicon"]
    assert lexicon["syllables"] == library_syllables(fields[:4]) and "thuyền" in lexicon["syllables"].split()
    assert lexicon["synonyms"] == synonym_alternatives(taxonomy.synonym_groups) and lexicon["shape"] == SYLLABLE_SHAPE


def test_catalog_page_preloads_the_search_text_and_carries_each_topic_picture_once(taxonomy):
    from kho_stem.site.listing import topic_icons_template
    from kho_stem.site.scripts import SEARCH_TEXT_SCRIPT

    facets = catalog_facets(taxonomy, ["chai nhựa"])
    icons = topic_icons_template(taxonomy)
    html = render_catalog_page(facets, Linker(True), 1, topic_icons=icons).fragments.popitem()[1]
    assert f'<link rel="preload" href="../{SEARCH_TEXT_SCRIPT}" as="script">' in html
    assert f'data-ks-text="../{SEARCH_TEXT_SCRIPT}"' in html
    assert f'<script src="../{SEARCH_TEXT_SCRIPT}"' not in html, "run by the page after its first view"
    assert icons in html and icons.count("<svg") == len(taxonomy.topics.terms)
    for term in taxonomy.topics:
        assert f'data-ks-topic="{term.code}"><svg class="ks-icon" aria-hidden="true"' in icons


def test_the_scripts_spell_no_text_a_teacher_reads():
    """Every label, count and message the scripts show travels as data written once in Python (or on
    the page). The one left, kho-stem-page.js's name for a scrolling region with no caption, runs on
    every page before any data."""
    # Comments, then string literals taken left to right, so that two strings never read as one.
    comment = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
    literal = re.compile(r"""(["'])(?:\\.|(?!\1)[^\\\n])*\1""")
    spelling = set()
    for script in sorted(JS_ASSETS.glob("*.js")):
        code = comment.sub("", script.read_text(encoding="utf-8"))
        if any(re.search("[À-ỹ]", found.group()) for found in literal.finditer(code)):
            spelling.add(script.name)
    assert spelling == {"kho-stem-page.js"}
