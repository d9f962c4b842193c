"""The offline copy: `build.py offline` packs the starter library into one zip that works from a
folder (file://) with the network cut, and from any static web server."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import HAS_CHROMIUM, ROOT, served, watched
from kho_stem.outputs.offline import FOLDER, README_NAME

_LINK = re.compile(r'<(\w+)\b[^>]*?\b(?:href|src)="([^"]+)"')


@pytest.fixture(scope="module")
def offline_zip(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("offline") / "kho.zip"
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "offline", "--output", str(target)],
                         capture_output=True, text=True, encoding="utf-8",
                         env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert run.returncode == 0, run.stderr
    assert str(target) in run.stdout, run.stdout
    assert re.search(r"\(\d+\.\d MB\)", run.stdout), run.stdout
    return target


@pytest.fixture(scope="module")
def unpacked(offline_zip: Path, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(folder)
    return folder / FOLDER


def test_zip_is_written_atomically_and_holds_one_folder(offline_zip: Path):
    assert [p.name for p in offline_zip.parent.iterdir()] == ["kho.zip"], "no partial file or build folder left"
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    assert all(name.startswith(f"{FOLDER}/") for name in names)
    assert f"{FOLDER}/index.html" in names and f"{FOLDER}/{README_NAME}" in names


def test_readme_says_how_to_open_it_when_and_how_many_cards(unpacked: Path):
    cards = len(list((ROOT / "activities").rglob("*.md")))
    text = (unpacked / README_NAME).read_bytes().decode("utf-8-sig")
    assert "\r\n" in text and "index.html" in text and "Chrome" in text and "Bản mới nhất" in text
    assert f"Số thẻ hoạt động: {cards}" in text and re.search(r"Ngày tạo: \d\d/\d\d/\d{4}", text)


def test_nothing_useless_or_duplicated_is_packed(unpacked: Path):
    files = [p for p in unpacked.rglob("*") if p.is_file()]
    assert not [p for p in files if p.suffix == ".map" or "lunr" in p.parts or "workers" in p.parts]
    by_content: dict[str, list[str]] = defaultdict(list)
    for path in files:
        by_content[hashlib.sha256(path.read_bytes()).hexdigest()].append(path.relative_to(unpacked).as_posix())
    assert [names for names in by_content.values() if len(names) > 1] == []


def test_every_link_and_image_points_to_a_file_in_the_copy(unpacked: Path):
    broken = []
    pages = list(unpacked.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        for tag, target in _LINK.findall(page.read_text(encoding="utf-8")):
            parts = urlsplit(target)
            # A link to a web site is fine (it opens when there is a network); nothing the page
            # loads by itself (scripts, styles, images) may come from outside the copy.
            assert parts.scheme in ("", "data", "mailto") or tag == "a", f"{page.name} loads {target}"
            if parts.scheme or not parts.path:
                continue
            resolved = (page.parent / unquote(parts.path)).resolve()
            if not resolved.is_file():
                broken.append(f"{page.relative_to(unpacked)} -> {target}")
    assert broken == []


needs_chromium = pytest.mark.skipif(not HAS_CHROMIUM, reason="Debian's chromium is not installed")


@pytest.fixture
def offline_page(browser):
    """A page that may read files only: every other request is refused and recorded."""
    with watched(browser) as watcher:
        yield watcher.page(viewport={"width": 1366, "height": 2400})


@needs_chromium
def test_a_teacher_uses_the_copy_from_a_folder_with_no_network(offline_page, unpacked: Path):
    page = offline_page
    page.goto((unpacked / "index.html").as_uri())
    page.get_by_role("link", name="Thư viện", exact=True).first.click()
    page.wait_for_selector("[data-ks-catalog-page][data-ks-ready][data-ks-searchable]", state="attached")
    page.fill("#ks-q", "thuyen")
    assert "thuyền" in page.locator("[data-ks-results] .ks-tile__title").first.inner_text().lower()
    page.fill("#ks-q", "")
    page.check("input[name=tuoi][value='24-36m']")
    assert page.inner_text(".ks-catalog__count").startswith("Tìm thấy 10 hoạt động")
    page.locator("[data-ks-results] .ks-tile__title").first.click()
    page.wait_for_url(re.compile(r"/hoat-dong/[a-z0-9-]+/index\.html$"))
    page.locator("#an-toan").wait_for()
    page.click(".md-search__input")
    page.keyboard.type("nam cham")
    # The list is redrawn at each keystroke: wait until it shows the answer to the whole query.
    page.wait_for_function(
        "(document.querySelector('[data-ks-search-list] h1') || {}).textContent?.toLowerCase().includes('nam châm')")
    page.locator("[data-ks-search-list] a").first.click()
    page.wait_for_url(re.compile(r"/hoat-dong/.*nam-cham.*/index\.html$"))
    assert "nam châm" in page.locator("h1").first.inner_text().lower()
    page.goto((unpacked / "do-tuoi" / "5-6" / "index.html").as_uri())
    assert page.locator(".ks-tile").count() > 10


@needs_chromium
def test_covers_load_from_the_copy(offline_page, unpacked: Path):
    page = offline_page
    page.goto((unpacked / "hoat-dong" / "index.html").as_uri())
    covers = page.locator("img.ks-tile__thumb")
    assert covers.count() >= 3
    for index in range(covers.count()):
        covers.nth(index).scroll_into_view_if_needed()
    page.wait_for_function("[...document.querySelectorAll('img.ks-tile__thumb')].every(i => i.complete)")
    assert page.evaluate("[...document.querySelectorAll('img.ks-tile__thumb')].every(i => i.naturalWidth > 0)")
    # Lists crop each cover to a square from its centre (the pictures are drawn for that).
    sizes = page.evaluate("[...document.querySelectorAll('img.ks-tile__thumb')]"
                          ".map(i => i.getBoundingClientRect()).map(r => [Math.round(r.width), Math.round(r.height)])")
    assert all(width == height > 0 for width, height in sizes), sizes


@needs_chromium
def test_the_same_copy_works_on_a_static_web_server(browser, unpacked: Path):
    with served(unpacked) as base:
        page = browser.new_page()
        page.goto(base + "thu-vien/index.html#q=nuoc")
        page.wait_for_selector("[data-ks-catalog-page][data-ks-ready][data-ks-searchable]", state="attached")
        assert page.locator("[data-ks-results] .ks-tile").count() > 5
        page.close()


@needs_chromium
def test_a_teacher_downloads_a_card_giao_an_from_the_copy(offline_page, unpacked: Path):
    import docx

    card = unpacked / "hoat-dong" / "chai-nhua-biet-hat" / "index.html"
    page = offline_page
    page.goto(card.as_uri())
    with page.expect_download() as started:
        page.get_by_role("link", name="Tải giáo án (Word)").click()
    download = started.value
    saved = Path(download.path())
    assert saved.read_bytes() == (card.parent / "giao-an.docx").read_bytes()
    assert download.suggested_filename.endswith(".docx")
    assert docx.Document(str(saved)).paragraphs[0].text == "GIÁO ÁN HOẠT ĐỘNG STEM"


def test_the_web_form_is_left_out_of_the_copy(unpacked: Path):
    """The editor page saves through GitHub: no bien-tap/ folder, and no page links to it."""
    assert not (unpacked / "bien-tap").exists()
    linking = [p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*.html")
               if "bien-tap" in p.read_text(encoding="utf-8")]
    assert linking == []


def test_unused_theme_files_are_found_as_a_path_walk_finds_them(tmp_path: Path):
    """The site is walked with strings (a build's thousands of pictures): the same files, in the same
    order, as walking it with paths, links included."""
    from kho_stem.outputs import unused_theme_files

    site = tmp_path / "site"
    for name in ("assets/javascripts/lunr/min/lunr.vi.min.js", "assets/javascripts/workers/search.js",
                 "assets/javascripts/bundle.js", "assets/javascripts/bundle.js.map", "assets/b.css.map",
                 "hoat-dong/a/anh-jpg.webp", "hoat-dong/a/index.html", "z.map"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("x", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.map").write_text("x", encoding="utf-8")
    (site / "linked").symlink_to(outside, target_is_directory=True)  # not entered
    (site / "linked.map").symlink_to(outside / "far.map")  # a file, through a link
    (site / "broken.map").symlink_to(tmp_path / "missing.map")  # no file at all
    expected = [p for p in sorted(site.rglob("*")) if p.is_file() and (
        p.suffix == ".map" or p.relative_to(site).as_posix().startswith(("assets/javascripts/lunr/",
                                                                          "assets/javascripts/workers/")))]
    assert unused_theme_files(site) == expected
    assert [p.relative_to(site).as_posix() for p in expected] == [
        "assets/b.css.map", "assets/javascripts/bundle.js.map", "assets/javascripts/lunr/min/lunr.vi.min.js",
        "assets/javascripts/workers/search.js", "linked.map", "z.map"]
