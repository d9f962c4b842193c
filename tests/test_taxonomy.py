"""The taxonomy data: complete for the product, and checked with file:line messages when broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import taxonomy_problems
from kho_stem.taxonomy.vocabularies import load_taxonomy


def test_vocabularies_hold_what_the_product_needs(taxonomy):
    assert taxonomy.ages.codes == ("24-36m", "3-4", "4-5", "5-6")
    assert taxonomy["stem"].codes == ("S", "T", "E", "M", "A")
    assert len(taxonomy["domains"].codes) == 5
    assert len(taxonomy.topics.codes) == 10
    assert {"edp", "5e", "free"} <= set(taxonomy.processes.codes)
    expected_hazards = {"vat-nho", "nam-cham", "pin-cuc-ao", "bong-bay", "dung-cu-sac", "nuoc-nong", "chau-nuoc",
                        "thuc-pham", "cay-la", "hoa-chat", "lua-nhiet", "dien-luoi",
                        # safety net v2 (issue #15)
                        "thuc-pham-hoc", "nam-cham-nho-manh", "tui-nilon", "day-quanh-co", "thuy-tinh", "cao-su-latex",
                        "nuoc-sau", "hoa-chat-cam", "da-lanh", "cat-dat", "dong-vat"}
    assert expected_hazards == set(taxonomy.hazards.codes)
    for code in ("vat-nho", "nam-cham", "pin-cuc-ao", "bong-bay"):
        assert "24-36m" in taxonomy.hazards[code].get("forbid_ages")


def test_2860_references_are_never_invented(taxonomy):
    # Until a core teacher checks the printed document, every reference says so.
    assert {topic.get("ref_2860") for topic in taxonomy.topics} == {"chưa đối chiếu"}


def test_primary_school_topic_is_only_for_the_oldest(taxonomy):
    assert taxonomy.topics["truong-tieu-hoc"].get("ages") == ["5-6"]


def test_yaml_error_in_taxonomy(taxonomy_copy: Path):
    path = taxonomy_copy / "stem.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("label: Toán", "label: [Toán"), encoding="utf-8")
    problems = taxonomy_problems(taxonomy_copy)
    assert len(problems) == 1 and problems[0].startswith("stem.yml:21: lỗi cú pháp YAML")


def test_duplicate_and_missing_keys_in_taxonomy(taxonomy_copy: Path):
    path = taxonomy_copy / "groups.yml"
    text = path.read_text(encoding="utf-8").replace("code: cap-doi", "code: ca-lop").replace("    label: Cá nhân\n", "")
    path.write_text(text, encoding="utf-8")
    assert taxonomy_problems(taxonomy_copy) == [
        'groups.yml:11: code: mã "ca-lop" bị lặp lại',
        "groups.yml:14: items[4]: mục này thiếu `label`",
    ]


def test_unknown_age_in_topic(taxonomy_copy: Path):
    path = taxonomy_copy / "topics.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("ages: [5-6]", "ages: [6-7]"), encoding="utf-8")
    assert taxonomy_problems(taxonomy_copy) == ['topics.yml:88: ages: "6-7" không có trong ages.yml']


def test_missing_taxonomy_file(taxonomy_copy: Path):
    (taxonomy_copy / "hazards.yml").unlink()
    problems = taxonomy_problems(taxonomy_copy)
    assert any("thiếu tệp phân loại hazards.yml" in p for p in problems)


def test_field_referring_to_missing_vocabulary(taxonomy_copy: Path):
    path = taxonomy_copy / "fields.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("{vocabulary: groups}", "{vocabulary: nhom}"),
                    encoding="utf-8")
    assert taxonomy_problems(taxonomy_copy) == ['fields.yml:58: group: "nhom" không có trong content/taxonomy']


def test_deprecated_field_warns_but_does_not_fail(taxonomy_copy: Path, tmp_path: Path):
    from conftest import VALID_CARD, edit
    from kho_stem.validation.library import check_library, find_card_files

    fields = taxonomy_copy / "fields.yml"
    fields.write_text(fields.read_text(encoding="utf-8").replace(
        "  cost:\n", "  cost:\n    deprecated: ghi chi phí trong phần nội dung thay vì trường này\n"), encoding="utf-8")
    cards = tmp_path / "cards"
    cards.mkdir()
    (cards / "thuyen-la.md").write_text(VALID_CARD, encoding="utf-8")
    result = check_library(find_card_files([cards]), load_taxonomy(taxonomy_copy))
    assert result.ok
    assert [p.render().split(": ", 1)[1] for p in result.warnings] == [
        "cảnh báo: cost: trường này không còn dùng nữa: ghi chi phí trong phần nội dung thay vì trường này"]
    (cards / "thuyen-la.md").write_text(edit(VALID_CARD, "cost: 10000\n", ""), encoding="utf-8")
    assert check_library(find_card_files([cards]), load_taxonomy(taxonomy_copy)).warnings == []


def test_a_word_list_written_as_plain_text_is_refused(taxonomy_copy: Path):
    path = taxonomy_copy / "materials.yml"
    text = path.read_text(encoding="utf-8")
    assert "    words: [vỏ chai nhựa]\n" in text
    path.write_text(text.replace("    words: [vỏ chai nhựa]\n", "    words: vỏ chai nhựa\n", 1), encoding="utf-8")
    problems = taxonomy_problems(taxonomy_copy)
    assert len(problems) == 1 and problems[0].startswith("materials.yml:")
    assert problems[0].endswith("words: `words` phải là một danh sách chữ, ví dụ [chai nhựa, vỏ chai]")


def test_a_material_without_words_is_refused(taxonomy_copy: Path):
    path = taxonomy_copy / "materials.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    words: [vỏ chai nhựa]\n", "", 1), encoding="utf-8")
    # The item's line (the file's header comment documents the item fields above it).
    line = text.splitlines().index("  - code: chai-nhua") + 1
    assert taxonomy_problems(taxonomy_copy) == [f"materials.yml:{line}: items[1]: mục này thiếu `words`"]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('id_pattern: "^(?!ks-)[a-z][a-z0-9-]{0,63}$"', 'id_pattern: "^(unclosed"',
     'id_pattern: mẫu (pattern) "^(unclosed" không phải biểu thức chính quy hợp lệ (missing ), unterminated'),
    ('class_patterns: ["^language-[a-z0-9_+-]{1,32}$"]', 'class_patterns: ["[a-"]',
     'class_patterns: mẫu (pattern) "[a-" không phải biểu thức chính quy hợp lệ'),
    ("url_schemes: [http, https, mailto, tel]", "url_schemes: http https", "url_schemes: `url_schemes` phải là"),
    ("markdown_extensions: [admonition,", "markdown_extensions: [khong_co_phan_mo_rong, admonition,",
     "markdown_extensions: không dựng được nội dung thẻ với các phần mở rộng Markdown này"),
    ("tables: {use_align_attribute: true}", "tables: true",
     "markdown_extension_configs: tệp phân loại không đúng cấu trúc"),
])
def test_a_broken_html_policy_gets_a_located_message_not_a_traceback(taxonomy_copy: Path, old: str, new: str,
                                                                      expected: str):
    file = taxonomy_copy / "html.yml"
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    problems = taxonomy_problems(taxonomy_copy)
    assert any(p.startswith("html.yml:") and expected in p for p in problems), problems


def test_synonym_groups_are_loaded_as_data(taxonomy):
    groups = taxonomy.synonym_groups
    for pair in (("thìa", "muỗng"), ("cốc", "ly"), ("bóng bay", "bong bóng"), ("lợn", "heo"), ("sắn", "khoai mì")):
        assert any(set(pair) <= set(group) for group in groups), pair


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("words: [thìa, muỗng]", "words: [thìa, thia]",
     "synonyms.yml:11: items[2].words: nhóm từ đồng nghĩa [thìa, thia] cần ít nhất hai từ khác nhau"),
    ("words: [bát, chén]", "words: [bát, chén, ly]",
     'synonyms.yml:12: items[3].words: từ "ly" (không tính dấu) đã có trong nhóm thứ 1; mỗi từ chỉ thuộc một nhóm'),
    ("words: [lọ, hũ]", 'words: [lọ, " "]', "synonyms.yml:13: items[4].words: nhóm từ đồng nghĩa có một từ trống"),
    ("words: [chậu, thau]", "words: chậu thau", "synonyms.yml:14: words: `words` phải là một danh sách chữ"),
])
def test_a_broken_synonym_group_gets_a_located_message(taxonomy_copy: Path, old: str, new: str, expected: str):
    path = taxonomy_copy / "synonyms.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    problems = taxonomy_problems(taxonomy_copy)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_a_taxonomy_without_synonyms_has_no_groups(taxonomy_copy: Path):
    (taxonomy_copy / "synonyms.yml").unlink()
    assert load_taxonomy(taxonomy_copy).synonym_groups == ()
