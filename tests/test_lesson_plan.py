"""The giáo án (.docx) of each card: the layout teachers hand in, read back with python-docx."""

from __future__ import annotations

import io
import shutil
import unicodedata
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from conftest import ROOT, VALID_CARD, edit
from kho_stem.cards.body import body_headings
from kho_stem.catalog import library_facts
from kho_stem.diagnostics.problems import DiagnosticError, Severity
from kho_stem.outputs import LessonPlanFiles
from kho_stem.outputs.lesson_plan import ObjectiveSorter, lesson_plan
from kho_stem.outputs.lesson_plan_body import TableBlock, body_blocks
from kho_stem.outputs.lesson_plan_docx import lesson_plan_docx
from kho_stem.taxonomy.vocabularies import load_taxonomy
from kho_stem.validation.library import check_library, find_card_files

SECTIONS = ["I. MỤC ĐÍCH – YÊU CẦU", "II. CHUẨN BỊ", "III. TIẾN HÀNH"]
ASSESSMENT = "IV. ĐÁNH GIÁ"


def _content(document: docx.document.Document) -> list[Paragraph | Table]:
    return list(document.iter_inner_content())


def _texts(items: list[Paragraph | Table]) -> list[str]:
    """Every text of the document: paragraphs, and each table cell's paragraphs."""
    texts = []
    for item in items:
        if isinstance(item, Paragraph):
            texts.append(item.text)
        else:
            texts += [p.text for row in item.rows for cell in row.cells for p in cell.paragraphs]
    return texts


def _style(paragraph: Paragraph) -> str | None:
    return paragraph._p.style


def _index(items: list[Paragraph | Table], text: str) -> int:
    return next(i for i, item in enumerate(items) if isinstance(item, Paragraph) and item.text == text)


def test_every_starter_card_has_its_giao_an_in_the_layout_teachers_hand_in(starter_facts, starter_giao_an, taxonomy):
    assert set(starter_giao_an) == {fact.slug for fact in starter_facts}
    sorter = ObjectiveSorter(taxonomy)
    for fact in starter_facts:
        document = docx.Document(str(starter_giao_an[fact.slug]))
        items = _content(document)
        paragraphs = [item.text for item in items if isinstance(item, Paragraph)]
        assert paragraphs[0] == "GIÁO ÁN HOẠT ĐỘNG STEM" and _style(items[0]) == "Title", fact.slug
        topics = "; ".join(taxonomy.topics[code].label for code in fact.topics)
        assert paragraphs[1:5] == [
            f"Chủ đề: {topics}", f"Đề tài: {fact.title}",
            f"Lứa tuổi: {', '.join(taxonomy.ages[code].label for code in fact.ages)}",
            f"Thời gian: {fact.duration} phút"], fact.slug
        # The sections, in order, as real headings.
        headings = [item.text for item in items if isinstance(item, Paragraph) and _style(item) == "Heading1"]
        assert headings == SECTIONS + ([ASSESSMENT] if fact.observe else []), fact.slug
        # The safety box comes first: one bordered, shaded cell holding every note, before section I.
        box = next(item for item in items if isinstance(item, Table))
        assert items.index(box) < _index(items, SECTIONS[0])
        assert len(box.rows) == 1 and len(box.columns) == 1 and box._tbl.tblPr.style == "TableGrid"
        cell = box.cell(0, 0)
        assert cell._tc.tcPr.xpath("w:shd/@w:fill") and box.rows[0]._tr.xpath("w:trPr/w:cantSplit")
        notes = [p.text for p in cell.paragraphs if _style(p) == "ListBullet"]
        assert cell.paragraphs[0].text == "LƯU Ý AN TOÀN" and notes == list(fact.safety), fact.slug
        # I: every objective once, under kiến thức / kỹ năng / thái độ, numbered in order.
        part = items[_index(items, SECTIONS[0]):_index(items, SECTIONS[1])]
        objectives = [p.text for p in part if isinstance(p, Paragraph) and _style(p) == "ListBullet"]
        assert sorted(objectives) == sorted(fact.objectives), fact.slug
        kinds = [p.text for p in part if isinstance(p, Paragraph) and _style(p) == "Heading2"]
        groups = sorter.groups(fact.objectives)
        assert kinds == [f"{n}. {group.label}" for n, group in enumerate(groups, start=1)], fact.slug
        # II: the materials table, one row per material with its quantity.
        part = items[_index(items, SECTIONS[1]):_index(items, SECTIONS[2])]
        materials = next(item for item in part if isinstance(item, Table))
        rows = [[cell.text for cell in row.cells] for row in materials.rows]
        assert rows[0] == ["STT", "Nguyên vật liệu", "Số lượng", "Ghi chú"]
        assert [row[1] for row in rows[1:]] == [item.name for item in fact.material_items], fact.slug
        assert all(row[2].startswith(item.quantity) for row, item in zip(rows[1:], fact.material_items, strict=True)
                   if item.quantity), fact.slug
        # III: the body's steps under the body's own (process) headings, in order.
        end = _index(items, ASSESSMENT) if fact.observe else len(items)
        part = items[_index(items, SECTIONS[2]):end]
        steps = [p.text for p in part if isinstance(p, Paragraph) and _style(p) == "Heading2"]
        card = fact.card
        body_steps = [h.text for h in body_headings(card.body, card.body_line) if h.level == 2]
        assert steps[: len(body_steps)] == body_steps, fact.slug
        # IV: the observation points, each with a box to tick.
        if fact.observe:
            table = next(item for item in items[_index(items, ASSESSMENT):] if isinstance(item, Table))
            signs = [[cell.text for cell in row.cells] for row in table.rows][1:]
            assert [row[1] for row in signs] == list(fact.observe) and {row[2] for row in signs} == {"☐"}
        assert all(unicodedata.is_normalized("NFC", text) for text in _texts(items)), fact.slug


def test_a4_portrait_times_new_roman(starter_giao_an):
    document = docx.Document(str(next(iter(starter_giao_an.values()))))
    section = document.sections[0]
    # Word stores twentieths of a point: A4 within a hundredth of a millimetre.
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (210, 297)
    assert section.page_width < section.page_height
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(13)
    fonts = normal.element.rPr.rFonts
    assert not [name for name in fonts.attrib if name.endswith("Theme")]  # no theme font can take over
    heading = document.styles["Heading 1"]
    assert heading.font.name == "Times New Roman"


def test_the_same_card_gives_the_same_bytes(starter_facts, taxonomy, starter_giao_an):
    fact = starter_facts[0]
    again = lesson_plan_docx(lesson_plan(fact, taxonomy, ObjectiveSorter(taxonomy)))
    assert again == starter_giao_an[fact.slug].read_bytes()
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    document = docx.Document(io.BytesIO(again))
    assert document.core_properties.modified.date().isoformat() == fact.updated
    # The template is cut to what the giáo án uses: no Word 2010 style copy, thumbnail or bibliography.
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        names = set(archive.namelist())
    assert "word/stylesWithEffects.xml" not in names and "docProps/thumbnail.jpeg" not in names
    assert len(again) < 20_000


def test_a_warm_build_makes_no_docx_and_an_edited_card_makes_only_its_own(
        starter_facts, taxonomy, tmp_path, giao_an_made: list[str]):
    made = giao_an_made
    cache = LessonPlanFiles(tmp_path, taxonomy)
    first, _ = cache.publish(starter_facts[:3])
    assert len(made) == 3
    second, _ = LessonPlanFiles(tmp_path, taxonomy).publish(starter_facts[:3])
    assert second == first and len(made) == 3  # warm: no document made
    first_card = starter_facts[0].card
    edited = replace(starter_facts[0], card=replace(first_card, content_hash="edited",
                                                    body_html=first_card.body_html + "<p>Thêm một câu.</p>"))
    third, _ = LessonPlanFiles(tmp_path, taxonomy).publish([edited, *starter_facts[1:3]])
    assert made[3:] == [starter_facts[0].title] and third[edited.slug] != first[edited.slug]
    assert "Thêm một câu." in [p.text for p in docx.Document(str(third[edited.slug])).paragraphs]


def test_objectives_are_sorted_by_their_first_named_kind(taxonomy):
    sorter = ObjectiveSorter(taxonomy)
    assert sorter.kind("Trẻ nhận ra tim đập nhanh hơn khi vận động.") == "kien-thuc"
    assert sorter.kind("Trẻ lắp phễu vào ống, rồi nhận ra tiếng tim rõ hơn.") == "ky-nang"
    assert sorter.kind("Trẻ 3–4 tuổi nói được nước đẩy cánh thìa.") == "kien-thuc"
    assert sorter.kind("Trẻ hứng thú và hợp tác với bạn trong nhóm.") == "thai-do"
    assert sorter.kind("Trẻ chơi.") == "ky-nang"  # names no listed word: the fallback kind
    # "dùng các từ" (naming words) is knowledge, though "dùng" alone is a skill: the longest phrase wins.
    assert sorter.kind("Trẻ dùng các từ vỏ hạt, rễ, mầm để kể lại.") == "kien-thuc"
    groups = sorter.groups(("Trẻ đo chiều dài.", "Trẻ biết mầm mọc từ hạt."))
    assert [(g.label, g.objectives) for g in groups] == [("Kiến thức", ("Trẻ biết mầm mọc từ hạt.",)),
                                                         ("Kỹ năng", ("Trẻ đo chiều dài.",))]


def _taxonomy_copy(tmp_path: Path, old: str | None = None, new: str = "") -> Path:
    folder = tmp_path / "taxonomy"
    shutil.copytree(ROOT / "content" / "taxonomy", folder)
    kinds = folder / "objective_kinds.yml"
    if old is None:
        kinds.unlink()
    else:
        kinds.write_text(edit(kinds.read_text(encoding="utf-8"), old, new), encoding="utf-8")
    return folder


def test_two_fallback_kinds_are_reported_on_the_second(tmp_path):
    folder = _taxonomy_copy(tmp_path, "    label_en: Attitude\n", "    label_en: Attitude\n    fallback: true\n")
    with pytest.raises(DiagnosticError) as raised:
        ObjectiveSorter(load_taxonomy(folder))
    [problem] = raised.value.problems
    lines = folder.joinpath("objective_kinds.yml").read_text(encoding="utf-8").split("\n")
    line = max(number for number, text in enumerate(lines, start=1) if text == "    fallback: true")
    assert (problem.file.endswith("objective_kinds.yml"), problem.line, problem.key) == (True, line, "fallback")
    assert "cần đúng một loại mục tiêu có fallback: true (đang có 2)" in problem.render("vi")
    assert "exactly one objective kind" in problem.render("en")


def test_no_fallback_kind_or_no_kinds_file_is_reported(tmp_path):
    folder = _taxonomy_copy(tmp_path, "    fallback: true\n", "")
    with pytest.raises(DiagnosticError) as raised:
        ObjectiveSorter(load_taxonomy(folder))
    assert "(đang có 0)" in raised.value.problems[0].render("vi")
    missing = _taxonomy_copy(tmp_path / "missing")
    with pytest.raises(DiagnosticError) as raised:
        ObjectiveSorter(load_taxonomy(missing))
    assert raised.value.problems[0].code == "taxonomy_missing_file"
    assert "objective_kinds.yml" in raised.value.problems[0].render("vi")


def test_a_word_list_written_as_text_is_a_located_taxonomy_problem(tmp_path):
    folder = _taxonomy_copy(tmp_path, "    words: [hứng thú,", "    words: hứng thú\n    more: [")
    with pytest.raises(DiagnosticError) as raised:
        load_taxonomy(folder)
    [problem] = raised.value.problems
    assert problem.code == "taxonomy_not_a_list" and problem.file.endswith("objective_kinds.yml")
    assert problem.line > 1 and problem.key == "words"


def test_a_card_python_docx_refuses_is_a_warning_not_a_traceback(starter_facts, taxonomy, tmp_path):
    # Check refuses control characters in cards; should one reach the writer, the card is named.
    broken = replace(starter_facts[0], safety=("Cô giữ kéo\x0b trên giá cao.",))
    files, problems = LessonPlanFiles(tmp_path, taxonomy).publish([broken, starter_facts[1]])
    assert set(files) == {starter_facts[1].slug}
    [problem] = problems
    assert problem.severity == Severity.WARNING and problem.file == broken.card.source
    expected = f"{broken.card.source}:1: cảnh báo: không tạo được giáo án (.docx) của thẻ này"
    assert problem.render("vi").startswith(expected)


def test_every_body_construct_becomes_real_word_structure(taxonomy, tmp_path):
    body_html = (
        "<p>Mở đầu <strong>đậm</strong> và <em>nghiêng</em>, <code>mã</code>.</p>\n"
        "<h2>Gắn kết</h2>\n<ol>\n<li>Một</li>\n<li>Hai<ul><li>Hai a</li></ul></li>\n</ol>\n"
        "<p><img src=\"a.webp\" alt=\"ảnh\"> Xem <a href=\"https://vi.wikipedia.org/\">trang này</a>.</p>\n"
        "<h3>Chi tiết</h3>\n<ol>\n<li>Lại một</li>\n</ol>\n"
        "<table><thead><tr><th>Vật</th><th>Nổi?</th></tr></thead><tbody><tr><td>Lá</td><td>có</td></tr>"
        "</tbody></table>\n"
        '<div class="admonition tip"><p class="admonition-title">Mẹo</p><p>Làm trước.</p></div>\n'
        "<ul><li><p>Đoạn một.</p><p>Đoạn hai.</p></li></ul>\n<pre><code>dòng 1\ndòng 2</code></pre>\n"
    )
    blocks = body_blocks(body_html)
    kinds = [(b.kind, getattr(b, "level", 0), getattr(b, "depth", 0)) for b in blocks]
    assert ("heading", 2, 0) in kinds and ("heading", 3, 0) in kinds and ("item", 0, 1) in kinds
    table = next(b for b in blocks if isinstance(b, TableBlock))
    assert table.header_rows == 1 and [[r[0].text for r in row] for row in table.rows] == [["Vật", "Nổi?"],
                                                                                              ["Lá", "có"]]
    result = check_library(find_card_files([_one_card(tmp_path)]), taxonomy)
    [fact] = library_facts(result.cards, taxonomy)
    fact = replace(fact, card=replace(fact.card, body_html=body_html))
    document = docx.Document(io.BytesIO(lesson_plan_docx(lesson_plan(fact, taxonomy, ObjectiveSorter(taxonomy)))))
    paragraphs = {p.text: p for p in document.paragraphs}
    first = paragraphs["Mở đầu đậm và nghiêng, mã."]
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in first.runs][:4] == [
        ("Mở đầu ", False, False), ("đậm", True, False), (" và ", False, False), ("nghiêng", False, True)]
    assert "Xem trang này (https://vi.wikipedia.org/)." in paragraphs  # the picture is left out
    assert paragraphs["Hai a"]._p.style == "ListBullet2" and paragraphs["Một"]._p.style == "ListNumber"
    # Each ordered list counts from 1: the two lists have numbering instances of their own.
    first_list, second_list = paragraphs["Một"]._p.pPr.numPr.numId.val, paragraphs["Lại một"]._p.pPr.numPr.numId.val
    assert first_list != second_list
    assert paragraphs["Mẹo"].runs[0].bold and "Làm trước." in paragraphs
    assert "Đoạn một.\nĐoạn hai." in paragraphs and "dòng 1\ndòng 2" in paragraphs
    tables = document.tables
    assert [[c.text for c in row.cells] for row in tables[-1].rows] == [["Vật", "Nổi?"], ["Lá", "có"]]


def _one_card(tmp_path: Path) -> Path:
    folder = tmp_path / "activities"
    folder.mkdir()
    (folder / "vat-chim-vat-noi.md").write_text(VALID_CARD, encoding="utf-8")
    return folder


def test_paragraphs_inside_a_table_cell_stay_in_the_cell_on_lines_of_their_own():
    [table] = body_blocks("<table><tr><td><p>Một</p><p>Hai</p></td><td>Ba</td></tr></table>")
    assert isinstance(table, TableBlock) and table.header_rows == 0
    assert ["".join(run.text for run in cell) for cell in table.rows[0]] == ["Một\nHai", "Ba"]


@pytest.mark.slow
def test_a_build_with_a_broken_objective_kinds_file_stops_with_the_located_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    from kho_stem.cli.main import main

    folder = _taxonomy_copy(tmp_path, "    fallback: true\n", "")
    (tmp_path / "content").mkdir()
    folder.rename(tmp_path / "content" / "taxonomy")
    (tmp_path / "content" / "pages").mkdir()
    (tmp_path / "content" / "pages" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    _one_card(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: Thử nghiệm\ndocs_dir: content/pages\n"
                                         "theme: {name: material, language: vi, font: false}\nplugins: [kho-stem]\n",
                                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["build"], root=tmp_path) == 1
    output = capsys.readouterr()
    assert "content/taxonomy/objective_kinds.yml:1: fallback: cần đúng một loại mục tiêu có fallback: true" in (
        output.out + output.err)
    assert "Traceback" not in output.out + output.err
