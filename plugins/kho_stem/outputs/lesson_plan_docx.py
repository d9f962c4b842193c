"""A ``LessonPlan`` written as a Word document (.docx) with python-docx: A4 portrait, Times New
Roman 13 pt (in every Word and LibreOffice, with all Vietnamese letters), real headings, lists and
tables, so a teacher edits it as her own giáo án.

The same plan always gives the same bytes: the document's dates are fixed (the card's `updated`,
else ``FIXED_DATE``) and the zip is rewritten with fixed timestamps, so a rebuilt site is byte for
byte the same and a cache keyed by the card's content stays true.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from functools import lru_cache

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun

from kho_stem.outputs.lesson_plan import LessonPlan
from kho_stem.outputs.lesson_plan_body import Block, Run, TableBlock

FONT = "Times New Roman"
FONT_SIZE = Pt(13)
CODE_FONT = "Courier New"
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_SAFETY_SHADE = "FFF4E5"
# Style ids of python-docx's default template. They are set on paragraphs directly: looking a style
# up by name scans every style of the template and was most of the time spent on a document.
_LIST_STYLES = {False: ("ListBullet", "ListBullet2", "ListBullet3"),
                True: ("ListNumber", "ListNumber2", "ListNumber3")}
# Public: the plan page's whole-plan document uses them too (``lesson_plan_payload``).
TITLE_STYLE = "Title"
HEADING_STYLES = {1: "Heading1", 2: "Heading2", 3: "Heading3"}
TABLE_STYLE = "TableGrid"
_USED_STYLES = ("Normal", TITLE_STYLE, *HEADING_STYLES.values(), *_LIST_STYLES[False], *_LIST_STYLES[True], TABLE_STYLE)
_DROPPED_PARTS = frozenset({
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    # The theme's colours and fonts are not used (every style names its font and colour) and its
    # 1.7 kB a file were the largest part the offline copy's budget could spare; web settings too.
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/webSettings",
})
_ROMAN = ("I", "II", "III", "IV", "V", "VI")


def lesson_plan_docx(plan: LessonPlan) -> bytes:
    document = Document(io.BytesIO(base_template()))
    _properties(document, plan)
    writer = _Writer(document)
    writer.heading_block(plan)
    writer.safety_box(plan)
    writer.objectives(plan)
    writer.preparation(plan)
    writer.activity(plan)
    writer.assessment(plan)
    writer.notes(plan)
    writer.source(plan)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


@lru_cache(maxsize=1)
def base_template() -> bytes:
    """python-docx's default template, set up for a giáo án and cut to what it uses.

    The template carries every built-in Word style (styles.xml and a copy for Word 2010), a
    thumbnail and a bibliography part: 38 kB a file, most of a giáo án, and looking styles up in
    it was slow. Kept: the styles used here and those they are based on, linked to or followed by."""
    document = Document()
    _page_setup(document)
    _styles(document)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype in _DROPPED_PARTS:
            del document.part.rels[rel_id]
    for rel_id, rel in list(document.part.package.rels.items()):
        if rel.reltype in _DROPPED_PARTS:
            del document.part.package.rels[rel_id]
    _keep_used_styles(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _keep_used_styles(document: DocumentObject) -> None:
    styles = document.styles.element
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    by_id = {style.get(qn("w:styleId")): style for style in styles.findall(qn("w:style"))}
    wanted = [*_USED_STYLES]
    kept: set[str] = set()
    while wanted:
        style_id = wanted.pop()
        if style_id in kept or style_id not in by_id:
            continue
        kept.add(style_id)
        for reference in ("w:basedOn", "w:link", "w:next"):
            element = by_id[style_id].find(qn(reference))
            if element is not None:
                wanted.append(element.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in kept and style.get(qn("w:default")) != "1":
            styles.remove(style)


def _page_setup(document: DocumentObject) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    # The margins of Vietnamese administrative and school documents (left wider, for binding).
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)


def _set_font(style: ParagraphStyle | CharacterStyle, name: str = FONT) -> None:
    """One font for every script; Word's theme fonts (Calibri, Cambria) would win otherwise."""
    style.font.name = name
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)


def _default_font(document: DocumentObject) -> None:
    """The document's default font is the giáo án's too, not the (dropped) theme's."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}") if defaults is not None else None
    if fonts is None:
        return
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)


def _styles(document: DocumentObject) -> None:
    styles = document.styles
    normal = styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _set_font(normal)
    _default_font(document)
    normal.font.size = FONT_SIZE
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.15
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(language)
    for name, size in (("Title", 16), ("Heading 1", 13), ("Heading 2", 13), ("Heading 3", 13)):
        style = styles[name]
        assert isinstance(style, ParagraphStyle)
        _set_font(style)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = name == "Heading 3"
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.space_before = Pt(8 if name != "Heading 3" else 4)
        style.paragraph_format.space_after = Pt(3)
        _remove_border(style)
    title = styles["Title"]
    assert isinstance(title, ParagraphStyle)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _remove_border(style: ParagraphStyle) -> None:
    """The default template underlines the Title with a blue rule: giáo án titles are plain."""
    properties = style.element.pPr
    if properties is not None:
        for border in properties.findall(qn("w:pBdr")):
            properties.remove(border)


def _properties(document: DocumentObject, plan: LessonPlan) -> None:
    properties = document.core_properties
    properties.title = f"Giáo án: {plan.title}"
    properties.subject = "; ".join(plan.topics)
    properties.author = plan.author
    properties.last_modified_by = plan.author
    properties.language = "vi-VN"
    properties.keywords = "giáo án; STEM; mầm non"
    properties.comments = f"Giấy phép: {plan.license}"
    properties.revision = 1
    date = FIXED_DATE
    # A validated `updated` is a date; should it not parse, FIXED_DATE keeps the file the same all the same.
    with contextlib.suppress(ValueError):
        date = dt.datetime.fromisoformat(plan.updated or "").replace(tzinfo=dt.UTC)
    properties.created = properties.modified = properties.last_printed = date


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every member dated 1980-01-01 (zip's epoch), in the same order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member.filename))
    return output.getvalue()


class _Writer:
    def __init__(self, document: DocumentObject):
        self.document = document
        self.section_number = 0

    # -- pieces ------------------------------------------------------------------------------------
    def section(self, title: str) -> None:
        self.heading(f"{_ROMAN[self.section_number]}. {title.upper()}", 1)
        self.section_number += 1

    def heading(self, text: str, level: int) -> Paragraph:
        return _paragraph(self.document, text, HEADING_STYLES[level])

    def table(self, rows: int, columns: int) -> Table:
        table: Table = self.document.add_table(rows=rows, cols=columns)
        table._tbl.tblPr.style = TABLE_STYLE
        return table

    def grid(self, header: tuple[str, ...], rows: Sequence[tuple[str, ...]], widths: tuple[Length, ...]) -> None:
        """A table with a bold header row that repeats on each page, and one row per entry."""
        table = self.table(1 + len(rows), len(header))
        for row_index, texts in enumerate((header, *rows)):
            for cell, text in zip(_cells(table)[row_index], texts, strict=True):
                _run(cell.paragraphs[0], text).bold = row_index == 0 or None
        _repeat_header(table.rows[0])
        _widths(table, widths)

    def labelled(self, label: str, value: str) -> Paragraph:
        paragraph = self.document.add_paragraph()
        _run(paragraph, f"{label}: ").bold = True
        _run(paragraph, value)
        return paragraph

    def bullets(self, items: Iterable[str], container: DocumentObject | _Cell | None = None) -> None:
        target = container or self.document
        for item in items:
            _paragraph(target, item, _LIST_STYLES[False][0])

    # -- the giáo án, top to bottom ---------------------------------------------------------------
    def heading_block(self, plan: LessonPlan) -> None:
        _paragraph(self.document, "GIÁO ÁN HOẠT ĐỘNG STEM", TITLE_STYLE)
        self.labelled("Chủ đề", "; ".join(plan.topics))
        self.labelled("Đề tài", plan.title)
        self.labelled("Lứa tuổi", ", ".join(plan.ages))
        self.labelled("Thời gian", f"{plan.minutes} phút")
        last = self.labelled("Hình thức tổ chức", plan.group)
        if plan.process:
            last = self.labelled("Quy trình", f"{plan.process}: {' → '.join(plan.process_steps)}")
        last.paragraph_format.space_after = Pt(8)  # room before the safety box

    def safety_box(self, plan: LessonPlan) -> None:
        """The safety notes, first and in a bordered, shaded box that Word keeps on one page."""
        table = self.table(1, 1)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        cell = table.cell(0, 0)
        _shade(cell, _SAFETY_SHADE)
        title = cell.paragraphs[0]
        title.paragraph_format.space_before = Pt(3)
        _run(title, "LƯU Ý AN TOÀN").bold = True
        if plan.hazards:
            _run(cell.add_paragraph(), "Mối nguy: " + ", ".join(plan.hazards)).italic = True
        self.bullets(plan.safety, cell)
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True
        row_properties = table.rows[0]._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        row_properties.append(cant_split)

    def objectives(self, plan: LessonPlan) -> None:
        self.section("Mục đích – yêu cầu")
        for number, group in enumerate(plan.objectives, start=1):
            self.heading(f"{number}. {group.label}", 2)
            self.bullets(group.objectives)

    def preparation(self, plan: LessonPlan) -> None:
        self.section("Chuẩn bị")
        self.heading("1. Đồ dùng, nguyên vật liệu", 2)
        rows = [(str(number), row.name, row.quantity, row.note) for number, row in enumerate(plan.materials, start=1)]
        self.grid(("STT", "Nguyên vật liệu", "Số lượng", "Ghi chú"), rows, (Cm(1.4), Cm(7.1), Cm(3.5), Cm(4)))
        self.heading("2. Địa điểm", 2)
        place = plan.setting or "Giáo viên chọn nơi phù hợp"
        _run(self.document.add_paragraph(), f"{place}. Hình thức: {plan.group.lower()}.")

    def activity(self, plan: LessonPlan) -> None:
        self.section("Tiến hành")
        numbering = _Numbering(self.document)
        for block in plan.steps:
            if isinstance(block, TableBlock):
                self.body_table(block)
            else:
                self.body_block(block, numbering)

    def body_block(self, block: Block, numbering: _Numbering) -> None:
        if block.kind == "heading":
            paragraph = self.heading("", 2 if block.level == 2 else 3)
        elif block.kind == "item":
            style = _LIST_STYLES[block.ordered][min(block.depth, 2)]
            paragraph = _paragraph(self.document, "", style)
            if block.ordered:
                numbering.restart(paragraph, style, block.list_id)
        else:
            paragraph = self.document.add_paragraph()
        _add_runs(paragraph, block.runs, code=block.kind == "preformatted")

    def body_table(self, block: TableBlock) -> None:
        columns = max(len(row) for row in block.rows)
        table = self.table(len(block.rows), columns)
        cells = _cells(table)
        for row_index, row in enumerate(block.rows):
            for column, runs in enumerate(row):
                _add_runs(cells[row_index][column].paragraphs[0], runs, bold=row_index < block.header_rows)
        for header in table.rows[: block.header_rows]:
            _repeat_header(header)

    def assessment(self, plan: LessonPlan) -> None:
        if not plan.observe:
            return
        self.section("Đánh giá")
        _run(self.document.add_paragraph(), "Cô quan sát và đánh dấu những biểu hiện trẻ làm được:")
        rows = [(str(number), sign, "☐") for number, sign in enumerate(plan.observe, start=1)]
        self.grid(("STT", "Biểu hiện quan sát", "Đạt"), rows, (Cm(1.4), Cm(13.1), Cm(1.5)))

    def notes(self, plan: LessonPlan) -> None:
        for title, text in (("Điều chỉnh cho trẻ có nhu cầu đặc biệt", plan.inclusion),
                            ("Gợi ý cho gia đình", plan.family)):
            if text:
                self.heading(title, 2)
                for part in text.split("\n\n"):
                    if part.strip():
                        _run(self.document.add_paragraph(), " ".join(part.split()))

    def source(self, plan: LessonPlan) -> None:
        paragraph = self.document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(12)
        run = _run(paragraph, f"Nguồn: Kho học liệu STEM mầm non. Tác giả: {plan.author}. "
                                f"Giấy phép: {plan.license}.")
        run.italic = True
        run.font.size = Pt(11)


class _Numbering:
    """Each ordered list of the body counts from 1: Word's "List Number" style would carry on
    counting across lists, so every list gets its own numbering instance of the style's list."""

    def __init__(self, document: DocumentObject):
        self.document = document
        self.instances: dict[int, int] = {}

    def restart(self, paragraph: Paragraph, style_id: str, list_id: int) -> None:
        numbering = self.document.part.numbering_part.element
        if list_id not in self.instances:
            style = self.document.styles.element.get_by_id(style_id)
            assert style is not None and style.pPr is not None and style.pPr.numPr is not None
            style_num = style.pPr.numPr.numId.val
            abstract = numbering.num_having_numId(style_num).abstractNumId.val
            num = numbering.add_num(abstract)
            override = num.add_lvlOverride(ilvl=0)
            override.add_startOverride(1)
            self.instances[list_id] = num.numId
        properties = paragraph._p.get_or_add_pPr()
        properties.get_or_add_numPr().get_or_add_numId().val = self.instances[list_id]
        properties.get_or_add_numPr().get_or_add_ilvl().val = 0


def _paragraph(container: DocumentObject | _Cell, text: str, style_id: str) -> Paragraph:
    paragraph = container.add_paragraph()
    if text:
        _run(paragraph, text)
    paragraph._p.style = style_id
    return paragraph


def _run(paragraph: Paragraph, text: str) -> DocxRun:
    """``paragraph.add_run(text)``, written as python-docx writes it, without its reading ``text``
    one character at a time (for tabs and line breaks), which was most of a giáo án's time."""
    if not text or any(special in text for special in "\t\n\r"):
        return paragraph.add_run(text)
    run = paragraph.add_run()
    run._r.add_t(text)
    return run


def _cells(table: Table) -> list[list[_Cell]]:
    """The cells by row: python-docx's ``table.cell``/``row.cells`` walk the whole table each time.
    The tables here merge no cells."""
    return [[_Cell(cell, table) for cell in row.tc_lst] for row in table._tbl.tr_lst]


def _add_runs(paragraph: Paragraph, runs: tuple[Run, ...], bold: bool = False, code: bool = False) -> None:
    for run in runs:
        parts = run.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                paragraph.add_run().add_break()
            if not part:
                continue
            written = _run(paragraph, part)
            written.bold = run.bold or bold or None
            written.italic = run.italic or None
            if run.code or code:
                written.font.name = CODE_FONT


def _widths(table: Table, widths: tuple[Length, ...]) -> None:
    """Column widths, in the grid (LibreOffice reads it) and on every cell (Word reads those)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row, cells in zip(table.rows, _cells(table), strict=True):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a material's row stays whole
        for cell, width in zip(cells, widths, strict=True):
            cell.width = width


def _shade(cell: _Cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: _Row) -> None:
    """A table's header row repeats on each page it runs onto."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
