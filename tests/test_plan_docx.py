"""The plan's one .docx as the browser writes it (kho-stem-docx.js and kho-stem-zip.js run by Node),
from the starter cards' real payloads, read back with zipfile and python-docx.

The browser test (test_plan_docx_browser.py) clicks the button from file:// and converts the file
with LibreOffice; this one runs in the fast tier."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest

from conftest import ROOT, docx_texts
from kho_stem.catalog import library_facts
from kho_stem.outputs import LessonPlanFiles
from kho_stem.outputs.lesson_plan_files import payload_file
from kho_stem.outputs.lesson_plan_payload import template_payload
from kho_stem.site.fragments import DURATION_TEXT
from kho_stem.site.plan_docx_data import DOCX_TEXTS
from kho_stem.validation.library import check_library, find_card_files

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node runs the site's scripts (scripts/test.sh installs it)")
PLAN_NAME = 'Lớp Chồi 2 & "Lá" <Tháng 3>'
NOTE = "Nhờ bố mẹ <gửi> vỏ hộp & chai"


@pytest.fixture(scope="module")
def cards(taxonomy, tmp_path_factory):
    result = check_library(find_card_files([ROOT / "activities"]), taxonomy)
    facts = library_facts(result.cards, taxonomy)
    files, problems = LessonPlanFiles(tmp_path_factory.mktemp("giao-an"), taxonomy).publish(facts)
    assert problems == []
    # Cards with numbered lists, so that renumbering across cards is exercised.
    chosen = [fact for fact in facts if "<w:num " in payload_file(files[fact.slug]).read_text(encoding="utf-8")]
    return [(fact, files[fact.slug]) for fact in chosen[:4]], taxonomy


def _write(cards, tmp_path: Path) -> Path:
    chosen, taxonomy = cards
    weeks = [term.label for term in taxonomy["weeks"]]
    days = [term.label for term in taxonomy["weekdays"]]
    places = [(1, 1), (1, 3), (2, 5), (0, 0)]
    items = [{"k": fact.slug, "w": week, "d": day, "n": NOTE if index == 1 else ""}
             for index, ((fact, _), (week, day)) in enumerate(zip(chosen, places, strict=True))]
    plan = {"name": PLAN_NAME, "items": items}
    entries = {fact.slug: {"title": fact.title, "facts": ", ".join(taxonomy.ages[a].get("short", a) for a in fact.ages)
                           + " · " + DURATION_TEXT.format(minutes=fact.duration)} for fact, _ in chosen}
    labels = {"weeks": weeks, "days": days, "name": PLAN_NAME, "texts": DOCX_TEXTS,
              "count": DOCX_TEXTS["coverCount"].format(count=len(chosen))}
    request = {"template": template_payload(), "plan": plan, "entries": entries, "labels": labels,
               "payloads": [json.loads(payload_file(path).read_text(encoding="utf-8")) for _, path in chosen]}
    target = tmp_path / "ke-hoach.docx"
    subprocess.run([NODE, str(ROOT / "tests" / "js" / "plan_docx.js"), str(target)], input=json.dumps(request),
                   text=True, check=True, cwd=ROOT)
    return target


def test_the_browsers_docx_is_a_whole_zip_and_a_word_document_in_the_plans_order(cards, tmp_path):
    target = _write(cards, tmp_path)
    chosen, taxonomy = cards
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None  # every CRC right
        assert archive.namelist() == template_payload()["order"]
        numbering = archive.read("word/numbering.xml").decode()
    ids = re.findall(r'<w:num w:numId="(\d+)"', numbering)
    assert len(ids) == len(set(ids)) > 9, "each card's lists have their own numbering"
    document = docx.Document(str(target))
    assert document.core_properties.title == PLAN_NAME
    texts = docx_texts(document)
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)
    cover = [DOCX_TEXTS["coverTitle"], PLAN_NAME, DOCX_TEXTS["coverCount"].format(count=len(chosen))]
    assert texts[1:4] == cover
    table = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["", *[term.label for term in taxonomy["weekdays"]]]
    assert [row[0] for row in rows[1:]] == [term.label for term in taxonomy["weeks"]][:2]
    first, second, third, unplaced = (fact for fact, _ in chosen)
    assert rows[1][1].startswith(first.title) and rows[1][3].startswith(second.title) and NOTE in rows[1][3]
    assert rows[2][5].startswith(third.title)
    assert DURATION_TEXT.format(minutes=first.duration) in rows[1][1]
    assert DOCX_TEXTS["weekTable"] in texts
    heading = texts.index(DOCX_TEXTS["unplaced"])
    assert texts[heading + 1] == unplaced.title and texts.index("LƯU Ý AN TOÀN") > heading
    # Each card's giáo án after the table, in the plan's order, each with its safety box.
    titles = [text for text in texts if text.startswith("Đề tài: ")]
    assert titles == [f"Đề tài: {fact.title}" for fact, _ in chosen]
    assert texts.count("LƯU Ý AN TOÀN") == len(chosen)
    for fact, _ in chosen:
        assert fact.safety[0] in texts
    breaks = document.element.body.xpath(".//w:pageBreakBefore")
    assert len(breaks) == 1 + len(chosen)
