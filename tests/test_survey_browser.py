"""The materials survey and the minimum list in Chromium, from file:// with the network off (a USB copy):
tick, reload, filter, export the CSV, print on A4."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import HAS_CHROMIUM, ROOT, watched

if not HAS_CHROMIUM or not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
    pytest.skip("needs Debian's chromium and poppler-utils (scripts/test.sh installs them)", allow_module_level=True)


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """The starter library built with file URLs, as the offline copy is."""
    from kho_stem_mkdocs.commands import build_site

    site = tmp_path_factory.mktemp("survey") / "site"
    build_site(ROOT / "mkdocs.yml", site, use_directory_urls=False)
    return site


@pytest.fixture
def page(browser):
    with watched(browser) as watcher:
        yield watcher.page(viewport={"width": 1366, "height": 1800}, accept_downloads=True)


def _school_row(page) -> str:
    return page.locator("[data-ks-survey-shares] tr[data-ks-age='']").inner_text()


def test_a_school_ticks_what_it_has_and_it_stays_after_reload(page, copy: Path):
    page.goto((copy / "danh-muc-vat-lieu" / "khao-sat" / "index.html").as_uri())
    page.wait_for_selector("[data-ks-survey-items] input")
    before = _school_row(page)
    assert re.search(r"\b\d+/42 thẻ tổ chức được ngay", before), before
    # Water, paper…: what every class has is shown ticked and cannot be unticked.
    everyday = page.locator(".ks-survey-everyday input")
    assert everyday.count() == 0 or everyday.first.is_disabled()
    first_purchases = page.locator("[data-ks-survey-purchases] li strong").all_inner_texts()
    assert len(first_purchases) == 5
    for name in first_purchases:
        page.locator(f"[data-ks-survey-items] input[value='{name}']").check()
    after = _school_row(page)
    ready = int(re.search(r"(\d+)/42", after).group(1))
    assert ready > int(re.search(r"(\d+)/42", before).group(1)), (before, after)
    page.fill("[data-ks-survey-school]", "Trường Mầm non Hoa Sen, lớp Lá 1")
    page.reload()
    page.wait_for_selector("[data-ks-survey-items] input")
    for name in first_purchases:
        assert page.locator(f"[data-ks-survey-items] input[value='{name}']").is_checked(), name
    assert page.input_value("[data-ks-survey-school]") == "Trường Mầm non Hoa Sen, lớp Lá 1"
    assert _school_row(page) == after
    # The next five purchases are new ones.
    assert not set(page.locator("[data-ks-survey-purchases] li strong").all_inner_texts()) & set(first_purchases)


def test_the_filter_finds_a_material_typed_without_diacritics(page, copy: Path):
    page.goto((copy / "danh-muc-vat-lieu" / "khao-sat" / "index.html").as_uri())
    page.wait_for_selector("[data-ks-survey-items] input")
    page.fill("[data-ks-survey-filter]", "nam cham")
    visible = page.locator("[data-ks-survey-items] li:visible").all_inner_texts()
    assert visible and all("nam châm" in text for text in visible), visible


def test_the_school_exports_its_survey_as_csv(page, copy: Path, tmp_path: Path):
    page.goto((copy / "danh-muc-vat-lieu" / "khao-sat" / "index.html").as_uri())
    page.wait_for_selector("[data-ks-survey-items] input")
    page.fill("[data-ks-survey-school]", "MN Hoa Sen")
    name = page.locator("[data-ks-survey-items] input").first.get_attribute("value")
    page.locator("[data-ks-survey-items] input").first.check()
    with page.expect_download() as download:
        page.click("[data-ks-survey-export]")
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.name == "khao-sat-vat-lieu.csv"
    text = target.read_bytes().decode("utf-8")
    assert text.startswith('\ufeff"Mục","Tên","Giá trị"\r\n"Trường, lớp","MN Hoa Sen",""\r\n')
    assert f'"Đã có","{name}","có"' in text
    assert text.count('"Độ tuổi"') == 5 and text.count('"Nên mua"') == 5


def test_the_survey_and_the_list_print_on_a4(page, copy: Path, tmp_path: Path):
    for path, heading, pages_at_most in (("danh-muc-vat-lieu/khao-sat/index.html", "Kết quả", 6),
                                         ("danh-muc-vat-lieu/index.html", "Mẫu giáo lớn (5–6 tuổi)", 30)):
        page.goto((copy / path).as_uri())
        page.emulate_media(media="print")
        target = tmp_path / "out.pdf"
        page.pdf(path=str(target), format="A4", prefer_css_page_size=True)
        info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
        text = " ".join(subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert 1 <= pages <= pages_at_most, (path, pages)
        assert heading in text and "Tìm hoạt động" not in text and "Lọc danh sách" not in text, path
        page.emulate_media(media="screen")


def test_a_damaged_saved_survey_starts_empty_without_an_error(page, copy: Path):
    page.goto((copy / "danh-muc-vat-lieu" / "khao-sat" / "index.html").as_uri())
    page.wait_for_selector("[data-ks-survey-items] input")
    key = page.get_attribute("[data-ks-survey]", "data-ks-storage")
    for damaged in ("{hỏng", '"chỉ một chuỗi"', '{"school": 5, "have": "kéo"}'):
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, damaged])
        page.reload()
        page.wait_for_selector("[data-ks-survey-items] input")
        assert page.locator("[data-ks-survey-items] input:not([disabled]):checked").count() == 0, damaged
        assert re.search(r"\b0/42 thẻ", _school_row(page)), damaged
