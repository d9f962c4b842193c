"""Two giáo án opened by LibreOffice Writer (headless) and printed to PDF, read back with poppler:
what a teacher gets when she opens the .docx and prints it. scripts/test.sh installs Writer."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT
from kho_stem.catalog import library_facts
from kho_stem.outputs import LessonPlanFiles
from kho_stem.validation.library import check_library, find_card_files

pytestmark = pytest.mark.slow  # LibreOffice takes several seconds to start

A4_POINTS = (595, 842)


def _writer() -> str:
    soffice = shutil.which("soffice")
    if soffice is None or not (Path(soffice).resolve().parent / "libswlo.so").exists():
        pytest.skip("LibreOffice Writer is not installed (scripts/test.sh installs libreoffice-writer-nogui)")
    return soffice


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.mark.parametrize("process", ["edp", "5e"])
def test_a_giao_an_prints_on_a4_with_its_vietnamese_text(process: str, taxonomy, tmp_path: Path):
    soffice = _writer()
    result = check_library(find_card_files([ROOT / "activities"]), taxonomy)
    fact = next(fact for fact in library_facts(result.cards, taxonomy) if fact.card.get("process") == process)
    files, problems = LessonPlanFiles(tmp_path / "cache", taxonomy).publish([fact])
    assert problems == []
    source = tmp_path / "giao-an.docx"
    shutil.copy(files[fact.slug], source)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "giao-an.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    width, height = (round(float(n)) for n in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert (width, height) == A4_POINTS  # portrait
    assert 2 <= pages <= 5, pages  # one activity: a few pages, not one per paragraph nor a runaway table
    text = _flat(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                                text=True).stdout)
    for expected in ("GIÁO ÁN HOẠT ĐỘNG STEM", f"Đề tài: {fact.title}", f"Thời gian: {fact.duration} phút",
                     "LƯU Ý AN TOÀN", "I. MỤC ĐÍCH – YÊU CẦU", "II. CHUẨN BỊ", "III. TIẾN HÀNH"):
        assert _flat(expected) in text, expected
    # The first safety note and every step heading of the process, with their diacritics.
    assert " ".join(fact.safety[0].split()[:6]) in text
    for step in taxonomy.process_steps(process):
        if not step.optional:
            assert any(_flat(name) in text for name in (step.label, *step.alternatives)), step.label
    # The safety box is printed before the objectives.
    assert text.index("LƯU Ý AN TOÀN") < text.index("I. MỤC ĐÍCH – YÊU CẦU")
