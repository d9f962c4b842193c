"""Statistics and catalog exports, checked against a three-card library counted by hand."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, VALID_CARD, edit, record_review
from kho_stem.cards.reviews import load_reviews
from kho_stem.catalog.facts import library_facts
from kho_stem.catalog.stats import library_stats
from kho_stem.outputs.stats_report import as_csv, as_json, as_text
from kho_stem.site.library_site import LibrarySite
from kho_stem.site.stats_page import render_stats_page
from kho_stem.site.urls import Linker
from kho_stem.validation.library import check_library, find_card_files

# Card "a" is the fixture as it is: 4-5 and 5-6, water, S E M, small group, indoors, 30 minutes,
# hazards vat-nho, chau-nuoc, dung-cu-sac, written at a school, not reviewed.
PLANT = edit(edit(edit(edit(edit(edit(VALID_CARD,
    "title: Thuyền lá nổi hay chìm", "title: Hạt đậu nảy mầm"),
    "ages: [4-5, 5-6]", "ages: [3-4]"),
    "topics: [nuoc-va-hien-tuong-tu-nhien]", "topics: [the-gioi-thuc-vat]"),
    "stem: [S, E, M]", "stem: [S]"),
    "duration: 25", "duration: 15"),
    "author: {name: Nhóm biên soạn, school: Trường Mầm non Thử nghiệm}",
    "author: {name: Anh Minh, organization: Trung tâm STEM Sao Mai}")
FAMILY = edit(edit(edit(edit(edit(VALID_CARD,
    "title: Thuyền lá nổi hay chìm", "title: Cầu giấy cho gia đình gấu"),
    "ages: [4-5, 5-6]", "ages: [5-6]"),
    "topics: [nuoc-va-hien-tuong-tu-nhien]", "topics: [nuoc-va-hien-tuong-tu-nhien, gia-dinh]"),
    "duration: 25", "duration: 50"),
    "group: nhom-nho", "group: ca-lop")


@pytest.fixture(scope="module")
def facts(tmp_path_factory, taxonomy):
    folder = tmp_path_factory.mktemp("library")
    for slug, text in {"a": VALID_CARD, "hat-dau": PLANT, "cau-giay": FAMILY}.items():
        (folder / f"{slug}.md").write_text(text, encoding="utf-8")
    record_review(folder / "reviews.yml", folder / "hat-dau.md")
    result = check_library(find_card_files([folder]), taxonomy, reviews=load_reviews(folder / "reviews.yml"))
    assert result.ok, [p.render("en") for p in result.problems]
    return library_facts(result.cards, taxonomy)


def counts(stats, key: str) -> dict[str, int]:
    return {row.code: row.cards for row in stats.table(key).rows if row.cards}


def test_numbers_match_the_hand_count(facts, taxonomy):
    stats = library_stats(facts, taxonomy)
    assert (stats.total, stats.reviewed) == (3, 1)
    assert counts(stats, "ages") == {"3-4": 1, "4-5": 1, "5-6": 2}
    assert counts(stats, "topics") == {"nuoc-va-hien-tuong-tu-nhien": 2, "the-gioi-thuc-vat": 1, "gia-dinh": 1}
    assert counts(stats, "stem") == {"S": 3, "E": 2, "M": 2}
    assert counts(stats, "domains") == {"nhan-thuc": 3}
    assert counts(stats, "groups") == {"nhom-nho": 2, "ca-lop": 1}
    assert counts(stats, "durations") == {"den-15": 1, "16-30": 1, "tren-45": 1}
    assert counts(stats, "hazards") == {"vat-nho": 3, "chau-nuoc": 3, "dung-cu-sac": 3}
    assert counts(stats, "review") == {"da-duyet": 1, "chua-duyet": 2}
    assert counts(stats, "organizations") == {"Trường Mầm non Thử nghiệm": 2, "Trung tâm STEM Sao Mai": 1}
    assert counts(stats, "materials")["sỏi"] == 3


def test_coverage_matrix_and_gaps(facts, taxonomy):
    coverage = library_stats(facts, taxonomy).coverage
    ages = [age.code for age in coverage.ages]
    topics = [topic.code for topic in coverage.topics]
    water = coverage.cells[topics.index("nuoc-va-hien-tuong-tu-nhien")]
    assert [cell.cards for cell in water] == [0, 0, 1, 2]
    assert water[ages.index("24-36m")].is_gap
    school = coverage.cells[topics.index("truong-tieu-hoc")]
    assert [cell.applies for cell in school] == [False, False, False, True]
    applicable = sum(len(term.get("ages")) for term in taxonomy.topics)
    assert coverage.gaps == applicable - 4  # water 4-5 and 5-6, plants 3-4, family 5-6 have cards


def test_text_csv_and_json_say_the_same(facts, taxonomy):
    stats = library_stats(facts, taxonomy)
    text = as_text(stats)
    assert "Thư viện có 3 thẻ hoạt động (1 đã duyệt)." in text and "Trung tâm STEM Sao Mai" in text
    rows = list(csv.reader(io.StringIO(as_csv(stats))))
    assert ["stem", "S", "Khoa học", "3", ""] in rows
    assert ["coverage", "gia-dinh/5-6", "Gia đình – 5–6 tuổi", "1", "không"] in rows
    data = json.loads(as_json(stats))
    assert data["tables"]["ages"]["rows"][1] == {"code": "3-4", "label": "Mẫu giáo bé (3–4 tuổi)", "cards": 1}
    assert data["coverage"]["gaps"] == stats.coverage.gaps


def test_stats_command_writes_csv_with_a_bom(tmp_path: Path):
    target = tmp_path / "thong-ke.csv"
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "stats", "--format", "csv", "--output", str(target)],
                         capture_output=True, text=True, encoding="utf-8", env={**os.environ})
    assert run.returncode == 0, run.stderr
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["bang", "ma", "ten", "so_the", "can_them"]
    assert any(row[:3] == ["ages", "24-36m", "Nhà trẻ 24–36 tháng"] for row in rows)


def test_exports_validate_and_read_back(facts, taxonomy):
    site = LibrarySite([fact.card for fact in facts], taxonomy, Linker(True))
    exports = site.exports("2026-11-23")
    catalog = json.loads(exports["catalog.json"])
    schema = json.loads(exports["catalog.schema.json"])
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(catalog, schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    plant = next(card for card in catalog["cards"] if card["slug"] == "hat-dau")
    assert plant["url"] == "hoat-dong/hat-dau/" and plant["review_state"] == "da-duyet"
    assert plant["reviewed"] == {"by": "Cô Lan", "date": "2026-11-01"} and plant["materials"][1]["name"] == "sỏi to"
    assert exports["catalog.csv"].startswith("\ufeff")
    # For a principal's spreadsheet: Vietnamese column names and words, not codes.
    rows = list(csv.DictReader(io.StringIO(exports["catalog.csv"][1:])))
    assert [row["Tên hoạt động"] for row in rows] == [
        "Cầu giấy cho gia đình gấu", "Hạt đậu nảy mầm", "Thuyền lá nổi hay chìm"]
    assert rows[1]["Độ tuổi"] == "Mẫu giáo bé (3–4 tuổi)"
    assert rows[2]["Độ tuổi"] == "Mẫu giáo nhỡ (4–5 tuổi); Mẫu giáo lớn (5–6 tuổi)"
    assert rows[1]["Tác giả"] == "Anh Minh (Trung tâm STEM Sao Mai)" and rows[1]["Trạng thái duyệt"] == "đã duyệt"
    assert rows[2]["Nguyên vật liệu"].startswith(
        "vỏ hộp sữa giấy (2 mỗi nhóm); sỏi to (20 mỗi nhóm, Vật nhỏ (nguy cơ hóc, nuốt))")
    assert rows[1]["Mã thẻ"] == "hat-dau" and rows[1]["Chủ đề"] == "Thế giới thực vật"


def test_stats_page_marks_gaps_and_draws_charts(facts, taxonomy):
    import datetime as dt

    page = render_stats_page(library_stats(facts, taxonomy), Linker(True), site_name="Trường Mầm non Hoa Sen",
                             built_on=dt.date(2026, 11, 29))
    html = next(iter(page.fragments.values()))
    # Whose numbers, and counted when: a downloaded or printed report carries both; no command line.
    assert "Số liệu của Trường Mầm non Hoa Sen, tính ngày 29/11/2026." in html
    assert "build.py" not in html and "ô tô" not in html.lower()
    assert html.count('class="ks-cell--gap"') == library_stats(facts, taxonomy).coverage.gaps
    assert html.count("<svg") == 4 and "cần thêm hoạt động" in html
    assert 'href="../catalog.csv"' in html and 'href="../catalog.json"' in html
