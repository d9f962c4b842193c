"""Printing in headless Chromium: three cards, a family handout and a list, read back from the PDFs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import HAS_CHROMIUM, ROOT, served

SITE_URL = "https://kho-stem.example.org/"
CARDS = {  # slug -> a safety sentence and a material the printout must keep
    "o-to-hop-sua-chay-bang-bong-bay": ("Việc của cô: thổi bóng bay", "vỏ hộp sữa giấy 1 lít"),
    "nui-cat-phun-bot-nho-giam-va-muoi-no": ("muối nở", "giấm"),
    "binh-loc-nuoc-tu-chai-nhua-soi-cat-va-bong": ("Việc của cô: dùng dao rọc giấy", "bông gòn"),
}
NAVIGATION = ("Hướng dẫn sử dụng", "Tìm hoạt động", "Hoạt động liên quan", "In thẻ", "Phiếu gửi gia đình",
              "Made with")

if not HAS_CHROMIUM or not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
    pytest.skip("needs Debian's chromium and poppler-utils (scripts/test.sh installs them)", allow_module_level=True)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from kho_stem_mkdocs.commands import build_site

    site = tmp_path_factory.mktemp("print") / "site"
    build_site(ROOT / "mkdocs.yml", site, site_url=SITE_URL)
    with served(site) as url:
        yield url


def pdf_of(browser, url: str, target: Path, mode: str | None = None, before=None) -> tuple[int, str]:
    page = browser.new_page()
    page.goto(url)
    if before:
        before(page)
    if mode:
        page.evaluate("mode => document.documentElement.setAttribute('data-ks-print', mode)", mode)
    page.pdf(path=str(target), format="A4", prefer_css_page_size=True)
    page.close()
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    return pages, " ".join(text.split())


@pytest.mark.parametrize("slug", list(CARDS))
def test_a_card_prints_on_one_or_two_a4_pages(browser, base_url, tmp_path: Path, slug: str):
    safety, material = CARDS[slug]
    pages, text = pdf_of(browser, f"{base_url}hoat-dong/{slug}/", tmp_path / "the.pdf")
    assert 1 <= pages <= 2
    assert "Lưu ý an toàn" in text and safety in text
    assert "Nguyên vật liệu" in text and material in text
    assert f"{SITE_URL}hoat-dong/{slug}/" in text, "the card's web address is in the footer"
    assert [word for word in NAVIGATION if word in text] == []


def test_the_card_page_has_print_buttons_and_a_qr_code(browser, base_url):
    page = browser.new_page()
    page.goto(f"{base_url}hoat-dong/o-to-hop-sua-chay-bang-bong-bay/")
    assert page.get_by_role("button", name="In thẻ").is_visible()
    assert page.get_by_role("button", name="Phiếu gửi gia đình").is_visible()
    assert page.locator(".ks-print-footer svg path").count() == 1
    page.close()


def test_family_handout_is_short_and_for_home(browser, base_url, tmp_path: Path):
    pages, text = pdf_of(browser, f"{base_url}hoat-dong/o-to-hop-sua-chay-bang-bong-bay/", tmp_path / "nha.pdf",
                         mode="family")
    assert pages == 1
    assert "PHIẾU GỬI GIA ĐÌNH" in text.upper() and "Bố mẹ cùng con làm ở nhà" in text
    assert "Lưu ý an toàn" in text and "Việc của cô: thổi bóng bay" in text
    assert "Nhờ bố mẹ gửi đến lớp trước buổi học một tuần" in text and "nắp chai nhựa cùng cỡ làm bánh xe" in text
    assert "Mục tiêu" not in text and "Tác giả" not in text
    # Written to parents: a line for the child's name, and a reply slip to cut off and send back.
    assert "Họ tên con:" in text and "Phiếu trả lời" in text and "Ý kiến của bố mẹ" in text


def test_a_filtered_list_prints_as_a_compact_table(browser, base_url, tmp_path: Path):
    def print_all(page):
        page.wait_for_selector("[data-ks-catalog-page][data-ks-ready]", state="attached")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")

    pages, text = pdf_of(browser, f"{base_url}thu-vien/#tuoi=5-6", tmp_path / "ds.pdf", mode="list",
                         before=print_all)
    assert pages <= 2
    assert "Độ tuổi: Mẫu giáo lớn (5–6 tuổi)" in text and "Tìm thấy 25 hoạt động" in text
    assert "Thuyền thúng giấy bạc chở sỏi qua sông" in text
    assert "Bộ lọc" not in text and "Lớp em có gì" not in text
