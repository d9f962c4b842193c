"""Safety net v2 (issue #15): hazards found by whole words in every text a card asks someone to
follow, negation in notes, the adult-only marker in the step that uses the item, durations."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT, VALID_CARD, check_folder, edit
from kho_stem.diagnostics.problems import DiagnosticError
from kho_stem.taxonomy.vocabularies import load_taxonomy
from kho_stem.text import PhraseIndex, lower_aligned

sys.path.insert(0, str(ROOT / "bench"))
from safety import judge

V = VALID_CARD
CORPUS = Path(__file__).resolve().parent / "safety_corpus"


# -- the whole-word helper ------------------------------------------------------------------------
INDEX = PhraseIndex([("bong bóng", "balloon"), ("bóng bay", "balloon"), ("bóng râm", None), ("dao", "knife"),
                     ("nến", "flame"), ("nến điện", None), ("túi ni lông", "bag"), ("pin cúc áo", "cell")])


@pytest.mark.parametrize(("text", "expected"), [
    ("Trẻ chơi dưới bóng râm", [None]),           # shade is listed as a look-alike and wins
    ("Cô thổi BÓNG BAY đỏ", ["balloon"]),        # case ignored
    ("tre thoi bong bong", ["balloon"]),         # typed without any diacritics
    ("bóng bóng", []),                           # other marks: not the phrase
    ("Cả lớp đi dạo", []),                       # "dạo" is not "dao"
    ("dao. Dao,", ["knife", "knife"]),
    ("bóngbay, daokéo", []),                     # never inside a longer word
    ("nến điện LED", [None]),
    ("thắp nến", ["flame"]),
    ("túi  ni\nlông", ["bag"]),                   # any spacing between the words of a phrase
    ("đèn pin cúc áo", ["cell"]),
])
def test_phrase_index_matches_whole_words(text: str, expected: list):
    assert [payload for match in INDEX.find(text) for payload in match.payloads] == expected


def test_phrase_index_offsets_point_at_the_original_text():
    text = "Cô cầm con DAO"
    (match,) = INDEX.find(text)
    assert text[match.start:match.end] == "DAO" == match.text
    assert len(lower_aligned("ﬁ Ǆ İ BÓNG")) == len("ﬁ Ǆ İ BÓNG") and lower_aligned("İ BÓNG").endswith("bóng")
    # A name in capitals is found too, at the right place even after a letter that lower() lengthens.
    (match,) = INDEX.find("İ ĐÈN và TÚI NI LÔNG")
    assert match.text == "TÚI NI LÔNG" and match.payloads == ("bag",)


# -- the corpus -----------------------------------------------------------------------------------
def test_every_unsafe_card_is_refused_and_every_near_miss_passes(taxonomy):
    refused, missed, wrongly = judge(CORPUS, taxonomy)
    assert len(refused) >= 40 and len(list((CORPUS / "safe").glob("*.md"))) >= 15
    assert missed == []
    assert wrongly == []


def test_unsafe_corpus_cards_are_valid_except_for_safety(taxonomy):
    from safety import HAZARD_CODES

    from kho_stem.validation.library import check_library, find_card_files

    result = check_library(find_card_files([CORPUS / "unsafe"]), taxonomy)
    assert [p.render() for p in result.problems if p.code not in HAZARD_CODES] == []


def test_corpus_cards_say_what_a_reviewer_refuses():
    for path in (CORPUS / "unsafe").glob("*.md"):
        assert path.read_text(encoding="utf-8").split("\n")[1].startswith("# Reviewer refuses: "), path.name


# -- located messages -----------------------------------------------------------------------------
def _check(tmp_path: Path, taxonomy, text: str, language: str = "vi") -> list[str]:
    (tmp_path / "x.md").write_text(text, encoding="utf-8")
    return check_folder(tmp_path, taxonomy, language)


BALLOON_NOTE = "  - Việc của cô thổi, buộc và thu bóng bay; nhặt hết mảnh bóng vỡ ngay.\n"


def test_hazard_named_only_in_a_step_is_reported_at_that_line(tmp_path, taxonomy):
    text = edit(V, "Trẻ thả thuyền vào chậu.", "Trẻ thả thuyền vào chậu.\n\nTrẻ tự dùng dao rọc giấy cắt hộp.")
    assert _check(tmp_path, taxonomy, text) == [
        'x.md:38: bước này dùng "dao rọc giấy" (Dụng cụ sắc nhọn), việc chỉ người lớn được làm; ghi "Việc của cô: '
        '…" ngay trong bước này cho phần người lớn làm, trẻ chỉ quan sát']


def test_marker_in_another_step_does_not_cover_a_child_step(tmp_path, taxonomy):
    text = edit(V, "Trẻ thả thuyền vào chậu.", "Việc của cô: chuẩn bị hộp.\n\n- Trẻ thổi bóng bay.")
    text = edit(text, "safety:\n", "safety:\n" + BALLOON_NOTE)
    assert _check(tmp_path, taxonomy, text) == [
        'x.md:39: bước này dùng "thổi bóng" (Bóng bay), việc chỉ người lớn được làm; ghi "Việc của cô: …" ngay '
        "trong bước này cho phần người lớn làm, trẻ chỉ quan sát"]
    assert _check(tmp_path, taxonomy, text.replace("- Trẻ thổi bóng bay.", "- Việc của cô: thổi bóng bay.")) == []
    demo = text.replace("- Trẻ thổi bóng bay.", "- Cô làm mẫu, trẻ thổi bóng bay.")
    assert [line.split(": ", 1)[0] for line in _check(tmp_path, taxonomy, demo)] == ["x.md:39"]


def test_family_and_inclusion_are_read(tmp_path, taxonomy):
    text = edit(V, "family: Bố mẹ cùng con thả nắp hộp nhựa vào chậu nước khi tắm.",
                "family: Bố mẹ cho con chơi với viên bi và pin cúc áo.")
    text = edit(text, "inclusion: Trẻ khó cầm nắm dùng sỏi to hơn.", "inclusion: Trẻ khó cầm nắm dùng túi ni lông.")
    assert _check(tmp_path, taxonomy, text) == [
        'x.md:24: family: "pin cúc áo" (Pin cúc áo) là việc chỉ người lớn được làm; ghi rõ trong câu này rằng người '
        'lớn làm (ví dụ "Việc của cô", "Việc của bố mẹ")',
        'x.md:24: family: thẻ dùng "pin cúc áo", có mối nguy "pin-cuc-ao" (Pin cúc áo), nhưng không lưu ý an toàn '
        "nào nhắc tới mối nguy này (nuốt, bỏng thực quản, vít, tầm với, pin cúc áo); thêm vào `safety` một lưu ý, ví "
        'dụ: "Việc của cô lắp và tháo pin; nắp hộp pin vặn vít; cất pin ngoài tầm với của trẻ; nuốt pin là cấp cứu."',
        'x.md:25: inclusion: thẻ dùng "túi ni lông", có mối nguy "tui-nilon" (Túi ni lông, màng nhựa), nhưng không '
        "lưu ý an toàn nào nhắc tới mối nguy này (ngạt, trùm, lên đầu, lên mặt, thu túi, thu lại); thêm vào `safety` "
        'một lưu ý, ví dụ: "Cô phát và thu túi ngay sau hoạt động; không để trẻ trùm túi lên đầu, mặt; cất túi ngoài '
        'tầm với."']


def test_a_note_that_forbids_an_item_does_not_use_it(tmp_path, taxonomy):
    text = edit(V, "{name: vỏ hộp sữa giấy, quantity: 2, per: nhom}",
                "{name: vỏ hộp sữa giấy, quantity: 2, per: nhom, note: không dùng túi ni lông hay bao nhựa}")
    text = edit(text, "Trẻ kể lại điều con thấy.", "Trẻ kể lại điều con thấy; thay cho nến, cô bật nến điện LED.")
    assert _check(tmp_path, taxonomy, text) == []
    used = edit(V, "{name: vỏ hộp sữa giấy, quantity: 2, per: nhom}",
                "{name: vỏ hộp sữa giấy, quantity: 2, per: nhom, note: đựng trong túi ni lông}")
    lines = _check(tmp_path, taxonomy, used)
    assert [line.split(": ", 2)[1] for line in lines] == ["materials[1]", "materials[1].note"]
    assert '(ghi chú của vật liệu nói "túi ni lông"); thêm `hazards: [tui-nilon]`' in lines[0]


def test_a_bare_word_after_its_look_alike_means_the_look_alike(tmp_path, taxonomy):
    text = edit(V, "Trẻ thả thuyền vào chậu.", "Cô bật nến điện LED. Trẻ thổi thử xem nến có tắt không.")
    assert _check(tmp_path, taxonomy, text) == []
    real = edit(V, "Trẻ thả thuyền vào chậu.", "Trẻ thổi thử xem nến có tắt không.")
    assert [line.split(": ", 1)[0] for line in _check(tmp_path, taxonomy, real)] == ["x.md:36", "x.md:36"]


def test_an_animal_word_is_a_live_animal_only_with_a_care_word(tmp_path, taxonomy):
    pictures = edit(V, "Trẻ thả thuyền vào chậu.", "Làm thế nào để bóng con voi to hơn bóng con mèo?")
    assert _check(tmp_path, taxonomy, pictures) == []
    live = edit(V, "Trẻ thả thuyền vào chậu.", "Trẻ bế con mèo và cho mèo ăn.")
    assert [line.split(": ", 1)[1][:30] for line in _check(tmp_path, taxonomy, live)] == [
        'thẻ dùng "con mèo", có mối ngu']


def test_names_and_basins_used_as_drums_are_not_hazards(tmp_path, taxonomy):
    names = edit(V, "Trẻ thả thuyền vào chậu.", "Cô kể đồng bào Mông, Dao, Hà Nhì làm ruộng bậc thang.")
    drum = edit(names, "family: Bố mẹ cùng con thả nắp hộp nhựa vào chậu nước khi tắm.",
                "family: Bố mẹ cùng con úp một chiếc chậu nhựa làm trống.")
    assert _check(tmp_path, taxonomy, drum) == []
    knife = edit(V, "Trẻ thả thuyền vào chậu.", "Trẻ tự dùng dao cắt hộp.")
    assert [line.split(": ", 1)[0] for line in _check(tmp_path, taxonomy, knife)] == ["x.md:36"]


def test_a_safety_note_must_address_the_hazard(tmp_path, taxonomy):
    text = edit(V, "{name: vỏ hộp sữa giấy, quantity: 2, per: nhom}",
                "{name: bóng bay, quantity: 1, per: nhom, hazards: [bong-bay]}")
    text = edit(text, "safety:\n", "safety:\n  - \"Việc của cô: kê bàn dưới bóng râm.\"\n")
    assert _check(tmp_path, taxonomy, text) == [
        'x.md:13: materials[1]: mối nguy "bong-bay" (Bóng bay) cần một bước chỉ người lớn làm; ghi rõ "Việc của cô" '
        "ở bước dùng vật liệu này, trong ghi chú của vật liệu hoặc trong một lưu ý `safety` nhắc tới nó",
        'x.md:13: materials[1]: thẻ dùng "bóng bay", có mối nguy "bong-bay" (Bóng bay), nhưng không lưu ý an toàn '
        "nào nhắc tới mối nguy này (bóng bay, bong bóng, mảnh bóng, bóng vỡ, ngạt); thêm vào `safety` một lưu ý, ví "
        'dụ: "Việc của cô thổi, buộc, phát và thu bóng; nhặt hết mảnh bóng vỡ ngay; không để trẻ thổi hay ngậm bóng; '
        'không dùng bóng bơm khí."']
    assert _check(tmp_path, taxonomy, edit(text, "safety:\n", "safety:\n" + BALLOON_NOTE)) == []


def test_forbidden_items_and_misuse_are_refused_where_written(tmp_path, taxonomy):
    text = edit(V, "Trẻ thử chở thêm sỏi.", "Trẻ thử chở thêm sỏi.\n\nCô pha hàn the làm chất nhờn; trẻ đội "
                "túi ni lông lên đầu.")
    text = edit(text, "safety:\n", "safety:\n  - Cô thu túi ni lông ngay sau hoạt động.\n")
    assert _check(tmp_path, taxonomy, text) == [
        'x.md:47: "hàn the" (Hoá chất cấm) không được dùng trong hoạt động của trẻ mầm non: hoá chất gây bỏng, ngộ '
        "độc; bỏ khỏi thẻ",
        'x.md:47: "túi ni lông" được dùng theo cách bị cấm ("lên đầu"; Túi ni lông, màng nhựa); viết lại bước này: '
        "Cô phát và thu túi ngay sau hoạt động; không để trẻ trùm túi lên đầu, mặt; cất túi ngoài tầm với."]


def test_a_safety_note_may_forbid_but_not_use_a_forbidden_item(tmp_path, taxonomy):
    forbids = edit(V, "safety:\n", "safety:\n  - Không dùng lá ngón, trúc đào, thầu dầu; tránh hàn the.\n")
    assert _check(tmp_path, taxonomy, forbids) == []
    uses = edit(V, "safety:\n", "safety:\n  - Cô tự pha hàn the thật loãng.\n")
    assert [line.split(": ", 2)[:2] for line in _check(tmp_path, taxonomy, uses)] == [["x.md:18", "safety"]]


def test_choking_food_passes_only_in_a_safe_form_under_four(tmp_path, taxonomy):
    text = edit(V, "ages: [4-5, 5-6]", "ages: [3-4]")
    text = edit(text, "duration: 25", "duration: 20")
    text = edit(text, "safety:\n", "safety:\n  - Cô cắt nho làm tư để trẻ không bị hóc.\n")
    whole = edit(text, "Trẻ thử chở thêm sỏi.", "Trẻ thử chở thêm sỏi và quả nho.")
    assert _check(tmp_path, taxonomy, whole) == [
        'x.md:45: "quả nho" có mối nguy "thuc-pham-hoc" (Thức ăn dễ gây hóc), không được dùng cho độ tuổi 3-4; bỏ '
        "khỏi thẻ hoặc bỏ độ tuổi đó khỏi `ages` (hoặc ghi rõ cách làm an toàn ngay bên cạnh: cắt đôi, cắt làm đôi, "
        "cắt làm tư, cắt tư, cắt nhỏ, cắt miếng nhỏ, thái nhỏ, nghiền, nghiền nát, giã nhỏ, giã nhuyễn, xay nhuyễn, "
        "xay nhỏ, tán nhuyễn, dầm nát)"]
    assert _check(tmp_path, taxonomy, edit(text, "Trẻ thử chở thêm sỏi.", "Trẻ thử chở thêm quả nho cắt làm tư.")) == []


def test_english_messages_for_the_new_rules(tmp_path, taxonomy):
    text = edit(V, "Trẻ thả thuyền vào chậu.", "Trẻ thả thuyền vào chậu.\n\nTrẻ tự dùng dao rọc giấy cắt hộp.")
    text = edit(text, "duration: 25", "duration: 60")
    assert _check(tmp_path, taxonomy, text, "en") == [
        "x.md:9: warning: duration: 60 minutes is longer than one usual activity for Pre-K middle (4–5 years) "
        "(about 25 minutes); consider splitting it into 3 sessions of about 20 minutes",
        'x.md:38: this step uses "dao rọc giấy" (Sharp tools), which only an adult may handle; write "Việc của cô: '
        '…" in this very step for the adult\'s part, children only watch']


# -- durations ------------------------------------------------------------------------------------
def test_a_long_card_gets_a_warning_for_its_youngest_band_that_never_fails(tmp_path, taxonomy):
    from kho_stem.validation.library import check_library, find_card_files

    (tmp_path / "x.md").write_text(edit(V, "duration: 25", "duration: 45"), encoding="utf-8")
    result = check_library(find_card_files([tmp_path]), taxonomy)
    assert result.ok and [p.render().split(": ", 1)[1] for p in result.warnings] == [
        "cảnh báo: duration: 45 phút dài hơn một hoạt động thường gặp của trẻ 4–5 tuổi (khoảng 25 phút); nên chia "
        "thành 2 buổi, mỗi buổi khoảng 23 phút"]
    (tmp_path / "x.md").write_text(edit(V, "ages: [4-5, 5-6]", "ages: [5-6]").replace("duration: 25", "duration: 30"),
                                   encoding="utf-8")
    assert check_folder(tmp_path, taxonomy) == []


# -- the data -------------------------------------------------------------------------------------
def test_every_hazard_names_its_source_and_durations_are_data(taxonomy):
    assert all(hazard.get("source") for hazard in taxonomy.hazards)
    assert taxonomy.adult_only_markers[0] == "việc của cô" and "chỉ người lớn" in taxonomy.adult_only_markers
    assert [taxonomy.typical_minutes(code) for code in taxonomy.ages.codes] == [15, 20, 25, 30]


def test_hazard_word_lists_are_checked(taxonomy_copy: Path):
    path = taxonomy_copy / "hazards.yml"
    text = path.read_text(encoding="utf-8")
    text = edit(text, "adult_only_markers: [việc của cô,", "adult_only_markers_old: [việc của cô,")
    text = edit(text, "clause_words: [nhưng, rồi, sau đó, còn, trong khi, mà, xong]", "clause_words: nhưng")
    text = edit(text, "    source: US CPSC, \"Balloons\"", "    nguon: US CPSC, \"Balloons\"")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DiagnosticError) as caught:
        load_taxonomy(taxonomy_copy)
    problems = [p.render().replace(taxonomy_copy.as_posix() + "/", "") for p in caught.value.problems]
    assert "hazards.yml:1: adult_only_markers: mục này thiếu `adult_only_markers`" in problems
    assert any(p.endswith("clause_words: `clause_words` phải là một danh sách chữ, ví dụ [chai nhựa, vỏ chai]")
               for p in problems)
    assert any(p.startswith("hazards.yml:") and p.endswith("mục này thiếu `source`") for p in problems)


# -- the safety guide -----------------------------------------------------------------------------
def test_safety_guide_states_limits_markers_and_first_aid(taxonomy):
    from kho_stem.outputs.guide_tables import expand_markers

    page = expand_markers((ROOT / "content" / "pages" / "an-toan.md").read_text(encoding="utf-8"), taxonomy)
    assert "<!-- kho-stem:" not in page
    assert '"Việc của cô", "Cô làm", "Chỉ cô", "Chỉ người lớn"' in page
    for heading in ("Chương trình đọc những gì, và không làm được gì", "Sơ cứu khi có sự cố", "Trẻ dưới 3 tuổi"):
        assert heading in page
    for topic in ("hóc, nghẹn", "nuốt pin cúc áo hoặc nam châm", "bắn vào mắt", "Bỏng nước nóng",
                  "National Capital Poison Center", "4–5 trẻ"):
        assert topic in page
    # The hazard table lists the words the checker looks for and each hazard's source.
    assert "| **Bóng bay**:" in page and "bong bóng" in page and "US CPSC" in page and "| `bong-bay` |" in page
    assert "| 24–36 tháng" in page or "24–36 tháng," in page  # age groups in words, not codes
