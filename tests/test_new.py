"""`build.py new`: a new card from options or from answers, never overwriting one."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, check_folder
from kho_stem.cli.main import main

OPTIONS = ["new", "--title", "Đèn giao thông đổi màu", "--ages", "4-5,5-6", "--topics", "giao-thong",
           "--stem", "T,E", "--duration", "25", "--group", "nhom-nho", "--author", "Cô Hoa"]
FILLED = {
    'description: ""': "description: Trẻ làm đèn giao thông bằng bìa màu và đèn pin.",
    "materials: []": "materials:\n  - bìa màu\n  - đèn pin",
    "safety: []": "safety:\n  - Cô giám sát trẻ suốt hoạt động.",
    "objectives: []": "objectives:\n  - Trẻ nói được ý nghĩa ba màu đèn.",
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content" / "taxonomy", tmp_path / "content" / "taxonomy")
    (tmp_path / "activities").mkdir()
    return tmp_path


def test_options_write_a_complete_template_with_an_ascii_slug(project: Path, capsys, taxonomy):
    assert main(OPTIONS, root=project) == 0
    card = project / "activities" / "den-giao-thong-doi-mau.md"
    assert "activities/den-giao-thong-doi-mau.md" in capsys.readouterr().out
    text = card.read_text(encoding="utf-8")
    for spec in taxonomy.fields:
        if not spec.deprecated:
            assert f"# {spec.label} (" in text, spec.key
    assert 'title: "Đèn giao thông đổi màu"' in text and "ages: [4-5, 5-6]" in text
    # What only the teacher can write is left empty, and check says where.
    problems = check_folder(project / "activities", taxonomy)
    assert [p.split(":")[2].strip() for p in problems] == ["description", "materials", "safety", "objectives"]
    for empty, filled in FILLED.items():
        text = text.replace(empty, filled)
    card.write_text(text, encoding="utf-8")
    assert check_folder(project / "activities", taxonomy) == []


def test_taken_slug_gets_a_number_and_nothing_is_overwritten(project: Path, capsys):
    existing = project / "activities" / "den-giao-thong-doi-mau.md"
    existing.write_text("không phải thẻ", encoding="utf-8")
    assert main(OPTIONS, root=project) == 0
    assert 'thẻ mới mang tên "den-giao-thong-doi-mau-2"' in capsys.readouterr().out
    assert existing.read_text(encoding="utf-8") == "không phải thẻ"
    assert (project / "activities" / "den-giao-thong-doi-mau-2.md").is_file()
    assert main([*OPTIONS, "--bundle"], root=project) == 0
    assert (project / "activities" / "den-giao-thong-doi-mau-3" / "index.md").is_file()


@pytest.mark.parametrize(("change", "expected"), [
    (["--ages", "6-7"], "“6-7” không phải độ tuổi"),
    (["--duration", "1:30"], "phải là số phút nguyên"),
])
def test_wrong_options_are_usage_errors(project: Path, capsys, change, expected):
    arguments = list(OPTIONS)
    arguments[arguments.index(change[0]) + 1] = change[1]
    assert main(arguments, root=project) == 2
    assert expected in capsys.readouterr().err
    assert list((project / "activities").iterdir()) == []


def test_missing_options_are_named(project: Path, capsys):
    assert main(["new", "--title", "Cầu que kem"], root=project) == 2
    assert "--ages, --topics, --stem, --duration, --group" in capsys.readouterr().err


def test_questions_in_vietnamese_and_a_wrong_answer_is_asked_again(project: Path, capsys, monkeypatch):
    answers = "Đua thuyền lá\n6-7\n3,4\n8\nS\n45\n2\nCô Lan\nMN Sao Mai\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    assert main(["new"], root=project) == 0
    out = capsys.readouterr().out
    assert "1. 24-36m — Nhà trẻ 24–36 tháng" in out and "⚠ “6-7” không phải độ tuổi" in out
    text = (project / "activities" / "dua-thuyen-la.md").read_text(encoding="utf-8")
    assert "ages: [4-5, 5-6]" in text and "topics: [nuoc-va-hien-tuong-tu-nhien]" in text
    assert "group: nhom-nho" in text and 'author: {name: "Cô Lan", school: "MN Sao Mai"}' in text


def test_unanswered_questions_are_a_usage_error(project: Path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Đua thuyền lá\n"))
    assert main(["new"], root=project) == 2
    assert "chưa trả lời đủ" in capsys.readouterr().err
