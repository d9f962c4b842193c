"""Material lines read as common names (materials.yml), and the file's everyday and substitute data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, taxonomy_problems
from kho_stem.cards import load_reviews
from kho_stem.catalog.facts import MaterialNames, library_facts, material_name
from kho_stem.site.class_materials import class_materials
from kho_stem.taxonomy import load_taxonomy
from kho_stem.validation import check_library, find_card_files

COVERAGE_GOAL = 0.95


@pytest.fixture(scope="module")
def starter_cards(taxonomy):
    result = check_library(find_card_files([ROOT / "activities"]), taxonomy,
                           reviews=load_reviews(ROOT / "content" / "reviews.yml"))
    assert result.ok
    return result.cards


def _labels(names: MaterialNames, line: str) -> list[list[str]]:
    return [[names.label(code) for code in need.codes] for need in names.needs(line)]


def test_common_names_cover_the_starter_library(taxonomy, starter_cards):
    names = MaterialNames(taxonomy["materials"])
    lines = [material_name(item) for card in starter_cards for item in card.get("materials")]
    matched, unmatched = names.matcher.coverage(lines)
    assert len(lines) > 250
    share = matched / len(lines)
    assert share >= COVERAGE_GOAL, (
        f"{matched} of {len(lines)} material lines ({share:.1%}) name a material of materials.yml; "
        f"the goal is {COVERAGE_GOAL:.0%}. Lines that name none:\n" + "\n".join(unmatched))


def test_every_name_shown_is_a_label_of_the_vocabulary(taxonomy, starter_cards):
    labels = {term.label for term in taxonomy["materials"]}
    shown = {name for facts in library_facts(starter_cards, taxonomy) for name in facts.materials}
    assert shown and shown <= labels, shown - labels
    assert len(labels) == len(taxonomy["materials"].terms), "two materials share a label"


def test_sand_is_found_in_every_sand_card(taxonomy, starter_cards):
    facts = {fact.slug: fact for fact in library_facts(starter_cards, taxonomy)}
    sand = {slug for slug, fact in facts.items() if "cát" in fact.materials}
    # "cát sạch", "đất vườn ẩm hoặc cát ẩm" and "khay nhựa to đựng cát ẩm"; a sand timer is no sand.
    assert sand == {"binh-loc-nuoc-tu-chai-nhua-soi-cat-va-bong", "nui-cat-phun-bot-nho-giam-va-muoi-no",
                    "ruong-bac-thang-dat-nan-giu-nuoc-tren-doi"}
    assert "đồng hồ cát" in facts["cuoc-dua-tan-chay-cua-nhung-vien-da"].materials


def test_a_line_is_read_in_parts_with_quantities_skipped(taxonomy):
    names = MaterialNames(taxonomy["materials"])
    assert _labels(names, "băng giấy dài khoảng 1,3 m (giấy khổ to cắt dọc hoặc giấy báo dán nối)") == [["giấy trắng"]]
    assert _labels(names, "một nắm giá đỗ sạch để cho trẻ xem ở phần gắn kết") == [["giá đỗ"]]
    assert _labels(names, "vài giọt nước rửa bát") == [["nước rửa bát"]], "the longest entry wins over 'nước'"
    assert _labels(names, "2 chai nhựa 1,5 lít") == [["chai nhựa"]]
    assert _labels(names, "hồ dán, kéo đầu tròn dành cho trẻ em, bút sáp màu") == [["hồ dán"], ["kéo"], ["bút sáp màu"]]
    assert _labels(names, "khăn lau và tạp dề chống nước") == [["khăn lau"], ["tạp dề chống nước"]]
    assert _labels(names, "khối gỗ to hoặc hộp giấy cứng để kê dốc") == [["khối xếp hình", "hộp các-tông"]]
    assert _labels(names, "khay nhựa to đựng cát ẩm") == [["khay nhựa"], ["cát"]]
    assert _labels(names, "sỏi to, đã rửa sạch, rộng 20 cm") == [["sỏi"]], "descriptions after a comma name nothing"
    assert _labels(names, "tranh ảnh con đường làng") == []


def test_names_match_whole_words_with_their_diacritics(taxonomy):
    names = MaterialNames(taxonomy["materials"])
    assert _labels(names, "đào chín") == [], "a peach is not a knife"
    assert _labels(names, "cátxét cũ") == [], "only whole words"
    assert _labels(names, "Chai Nhựa 500 ml") == [["chai nhựa"]]
    assert _labels(names, "chai nhua 500 ml, keo dan") == [["chai nhựa"], ["keo sữa"]], "unmarked lines are read folded"
    assert names.common_name("nồi nước sôi để luộc bánh, đun ở bếp ăn của trường") == "nồi"


def _problems(folder: Path, old: str, new: str) -> list[str]:
    path = folder / "materials.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return taxonomy_problems(folder)


def _line(folder: Path, text: str) -> int:
    return (folder / "materials.yml").read_text(encoding="utf-8").splitlines().index(text) + 1


def test_an_unknown_substitute_is_located_with_a_suggestion(taxonomy_copy: Path):
    problems = _problems(taxonomy_copy, "    substitutes: [lo-nhua]\n", "    substitutes: [lo-nhuaa]\n")
    line = _line(taxonomy_copy, "    substitutes: [lo-nhuaa]")
    assert problems == [
        f'materials.yml:{line}: substitutes: "chai nhựa" ghi "lo-nhuaa" trong `substitutes`, nhưng materials.yml '
        'không có vật liệu mã "lo-nhuaa" — có phải bạn muốn viết "lo-nhua"?; sửa thành mã của một vật liệu có '
        "trong tệp hoặc thêm vật liệu đó vào `items`"]


def test_a_material_cannot_substitute_itself(taxonomy_copy: Path):
    problems = _problems(taxonomy_copy, "    substitutes: [lo-nhua]\n", "    substitutes: [chai-nhua]\n")
    line = _line(taxonomy_copy, "    substitutes: [chai-nhua]")
    assert problems == [f'materials.yml:{line}: substitutes: "chai-nhua" không thể dùng thay cho chính nó; '
                        "bỏ mã này khỏi `substitutes`"]


def test_everyday_must_be_true_or_false(taxonomy_copy: Path):
    old = "    everyday: true  # every school has tap water\n"
    problems = _problems(taxonomy_copy, old, "    everyday: có\n")
    line = _line(taxonomy_copy, "    everyday: có")
    assert problems == [f'materials.yml:{line}: everyday: `everyday` phải là true hoặc false (ví dụ `everyday: '
                        'true`), không phải "có"; sửa lại hoặc bỏ dòng này']


def test_substitutes_and_word_lists_must_be_lists(taxonomy_copy: Path):
    problems = _problems(taxonomy_copy, "    substitutes: [lo-nhua]\n", "    substitutes: lo-nhua\n")
    assert len(problems) == 1 and problems[0].endswith("substitutes: `substitutes` phải là một danh sách chữ, "
                                                       "ví dụ [chai nhựa, vỏ chai]")
    path = taxonomy_copy / "materials.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    substitutes: lo-nhua\n", "    substitutes: [lo-nhua]\n"), encoding="utf-8")
    problems = _problems(taxonomy_copy, "or_words: [hoặc]\n", "or_words: hoặc\n")
    line = _line(taxonomy_copy, "or_words: hoặc")
    assert problems == [
        f"materials.yml:{line}: or_words: `or_words` phải là một danh sách chữ, ví dụ [chai nhựa, vỏ chai]"]


def test_everyday_items_are_the_few_every_class_has(taxonomy):
    everyday = {term.label for term in taxonomy["materials"] if term.get("everyday")}
    assert {"nước", "giấy trắng"} <= everyday
    assert not everyday & {"kéo", "hồ dán", "chai nhựa"}, "a poor class has to find these"


def test_the_class_list_offers_what_cards_need_and_what_stands_in(taxonomy, starter_cards):
    facts = library_facts(starter_cards, taxonomy)
    for some in (facts, facts[:1], [fact for fact in facts if "chai nhựa" in fact.materials][:1]):
        offered = class_materials(some, taxonomy["materials"])
        needed = {name for fact in some for need in fact.material_needs for name in need}
        assert needed <= set(offered.names)
        assert all(0 <= position < len(offered.names) for row in offered.substitutes for position in row)
        assert set(offered.tickable) | set(offered.everyday_names) == set(offered.names)
    offered = class_materials(facts, taxonomy["materials"])
    bottle = offered.names.index("chai nhựa")
    assert offered.names.index("lọ nhựa") in offered.substitutes[bottle], "a jar stands in for a bottle"
    assert "nước" in offered.everyday_names and "nước" not in offered.tickable


def test_a_taxonomy_without_materials_offers_no_class_list(taxonomy, starter_cards, tmp_path: Path):
    shutil.copytree(ROOT / "content" / "taxonomy", tmp_path / "taxonomy")
    (tmp_path / "taxonomy" / "materials.yml").unlink()
    bare = load_taxonomy(tmp_path / "taxonomy")
    facts = library_facts(starter_cards, bare)
    assert all(fact.materials == () and fact.material_needs == () for fact in facts)
    offered = class_materials(facts, bare.vocabularies.get("materials"))
    assert offered.names == () and offered.data()["names"] == []
