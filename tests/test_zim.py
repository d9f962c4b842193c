"""`build.py zim`: the library as one ZIM file for Kiwix, read back with libzim and served with
Debian's kiwix-serve to Chromium."""

from __future__ import annotations

import datetime as dt
import importlib
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from PIL import Image

from conftest import HAS_CHROMIUM, ROOT, record_review, watched
from kho_stem.cli import main
from kho_stem.diagnostics.problems import DiagnosticError
from kho_stem.outputs import (
    ZimBook,
    ZimMetadata,
    check_title,
    externalise_inline_scripts,
    illustration_png,
    load_zim_metadata,
    pack_zim,
)
from kho_stem.outputs.inline_scripts import FOLDER as INLINE_FOLDER
from kho_stem.outputs.inline_scripts import is_inline_code

libzim_reader = pytest.importorskip("libzim.reader")
libzim_search = pytest.importorskip("libzim.search")

KIWIX_SERVE = shutil.which("kiwix-serve")
CARD = "hoat-dong/thuyen-thung-giay-bac-cho-soi-qua-song/index.html"
CARD_TITLE = "Thuyền thúng giấy bạc chở sỏi qua sông"
_LINK = re.compile(r'<(\w+)\b[^>]*?\b(?:href|src)="([^"]+)"')
_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script>", re.DOTALL)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _messages(error: pytest.ExceptionInfo[DiagnosticError]) -> list[str]:
    return [problem.render() for problem in error.value.problems]


# --- content/zim.yml: what Kiwix shows, located messages for every wrong value ---

def _metadata_file(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "zim.yml"
    file.write_text(text, encoding="utf-8")
    return file


GOOD = ("name: kho-stem-mam-non_vi_all\ndescription: Hoạt động STEM cho trẻ mầm non\ncreator: Tổ mầm non\n"
        "publisher: Phòng giáo dục\nlanguage: vie\ntags: [stem, mam-non]\n")


def test_the_library_metadata_loads():
    about = load_zim_metadata(ROOT / "content" / "zim.yml")
    assert about.language == "vie" and about.name == "kho-stem-mam-non_vi_all"
    assert len(about.description) <= 80 and about.creator and about.publisher and "stem" in about.tags


@pytest.mark.parametrize(("text", "expected"), [
    (GOOD.replace("description: Hoạt động STEM cho trẻ mầm non", "description: " + "Hoạt động " * 9),
     r"zim\.yml:2: description: dài 89 ký tự; Kiwix chỉ hiện trọn 80 ký tự"),
    (GOOD.replace("name: kho-stem-mam-non_vi_all", "name: Kho STEM"),
     r"zim\.yml:1: name: \"Kho STEM\" không dùng được làm tên ZIM"),
    (GOOD.replace("creator: Tổ mầm non\n", ""), r"zim\.yml:1: creator: mục này thiếu `creator`"),
    (GOOD.replace("publisher: Phòng giáo dục", "publisher: ''"), r"zim\.yml:4: publisher: cần một dòng chữ"),
    (GOOD.replace("tags: [stem, mam-non]", "tags: stem;mam-non"), r"zim\.yml:6: tags: cần danh sách nhãn"),
    (GOOD + "titel: Kho\n", r"zim\.yml:7: titel: khoá không dùng ở đây"),
    (GOOD.replace("language: vie", "language: [vie"), r"zim\.yml:\d+: lỗi cú pháp YAML"),
    ("- name\n", r"zim\.yml:1: tệp thông tin ZIM không đúng cấu trúc"),
])
def test_a_wrong_value_in_zim_yml_is_a_located_message(tmp_path: Path, text: str, expected: str):
    with pytest.raises(DiagnosticError) as error:
        load_zim_metadata(_metadata_file(tmp_path, text))
    assert any(re.search(expected, line) for line in _messages(error)), _messages(error)


def test_a_missing_zim_yml_says_what_it_is_for(tmp_path: Path):
    with pytest.raises(DiagnosticError) as error:
        load_zim_metadata(tmp_path / "zim.yml")
    assert "Kiwix" in _messages(error)[0] and "zim.yml:1" in _messages(error)[0]


def test_a_site_name_kiwix_cannot_show_whole_names_its_line_in_mkdocs_yml(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("docs_dir: pages\nsite_name: Kho học liệu STEM mầm non của trường em\n", encoding="utf-8")
    with pytest.raises(DiagnosticError) as error:
        check_title("Kho học liệu STEM mầm non của trường em", config)
    assert re.search(r"mkdocs\.yml:2: site_name: dài 39 ký tự; Kiwix chỉ hiện trọn 30", _messages(error)[0])
    check_title("Kho học liệu STEM mầm non", config)  # 25 characters: fine


# --- inline scripts moved into files ---

def test_inline_scripts_become_files_shared_by_pages_and_data_blocks_stay(tmp_path: Path):
    site = tmp_path / "site"
    (site / "hoat-dong" / "a").mkdir(parents=True)
    page = ('<html><head><script>var a = 1;</script><script id="c" type="application/json">{"x": 1}</script>'
            '<script src="x.js" defer></script></head><body><script type="text/javascript">\nb();\n</script>'
            "</body></html>")
    (site / "index.html").write_text(page, encoding="utf-8")
    (site / "hoat-dong" / "a" / "index.html").write_text(page, encoding="utf-8")
    assert externalise_inline_scripts(site) == 4
    top = (site / "index.html").read_text(encoding="utf-8")
    deep = (site / "hoat-dong" / "a" / "index.html").read_text(encoding="utf-8")
    scripts = sorted((site / INLINE_FOLDER).iterdir())
    assert [p.read_text(encoding="utf-8") for p in scripts] in (["var a = 1;", "\nb();\n"], ["\nb();\n", "var a = 1;"])
    for script in scripts:
        assert f'src="{INLINE_FOLDER}{script.name}"' in top and f'src="../../{INLINE_FOLDER}{script.name}"' in deep
    for text in (top, deep):
        assert '<script id="c" type="application/json">{"x": 1}</script>' in text and 'src="x.js" defer' in text
        assert not [body for attributes, body in _SCRIPT.findall(text) if is_inline_code(attributes or "", body)]
    assert 'type="text/javascript"></script>' in top  # the attributes stay as they were


# --- the illustration ---

def test_the_illustration_is_a_48_pixel_square_png_of_the_icon(tmp_path: Path):
    icon = tmp_path / "icon.png"
    Image.new("RGB", (120, 60), (200, 30, 30)).save(icon)
    with Image.open(io.BytesIO(illustration_png(icon))) as picture:
        assert picture.format == "PNG" and picture.size == (48, 48) and picture.mode == "RGBA"
        assert picture.getpixel((24, 24)) == (200, 30, 30, 255) and picture.getpixel((24, 2))[3] == 0


# --- pack_zim on a small site: read back, and a failure leaves nothing ---

def _small_site(folder: Path) -> Path:
    site = folder / "site"
    (site / "hoat-dong" / "a").mkdir(parents=True)
    (site / "index.html").write_text("<html><head><title>Trang chủ - Kho</title></head><body>"
                                     '<a href="hoat-dong/a/index.html">a</a></body></html>', encoding="utf-8")
    (site / "hoat-dong" / "a" / "index.html").write_text(
        '<html><head><title>Thuyền giấy - Kho</title></head><body><img src="cover.webp">Thả thuyền giấy</body></html>',
        encoding="utf-8")
    (site / "cu.html").write_text('<html><head><title>Cũ</title><meta http-equiv="refresh" content="0; url='
                                  'hoat-dong/a/index.html"></head></html>', encoding="utf-8")
    Image.new("RGB", (8, 8)).save(site / "hoat-dong" / "a" / "cover.webp")
    (site / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")  # for servers only: left out
    return site


def _book() -> ZimBook:
    about = ZimMetadata("thu_vi_all", "Mô tả ngắn", "Tổ mầm non", "Phòng giáo dục", "vie", ("stem",))
    icon = io.BytesIO()
    Image.new("RGBA", (48, 48), (0, 128, 0, 255)).save(icon, "PNG")
    return ZimBook(about, "Kho", "Mô tả dài", "CC BY-SA 4.0", dt.date(2026, 11, 30), icon.getvalue())


def _text(archive, path: str) -> str:
    return bytes(archive.get_entry_by_path(path).get_item().content).decode("utf-8")


def test_a_small_site_reads_back_with_its_pages_titles_types_and_metadata(tmp_path: Path):
    written = pack_zim(_small_site(tmp_path), tmp_path / "dist" / "kho.zim", _book(), 1)
    assert [p.name for p in written.path.parent.iterdir()] == ["kho.zim"]
    archive = libzim_reader.Archive(written.path)
    assert written.entries == 4 and archive.main_entry.get_item().path == "index.html"
    card = archive.get_entry_by_path("hoat-dong/a/index.html")
    assert card.title == "Thuyền giấy" and card.get_item().mimetype == "text/html"
    assert archive.get_entry_by_path("hoat-dong/a/cover.webp").get_item().mimetype == "image/webp"
    assert not archive.has_entry_by_path("sitemap.xml")
    assert bytes(archive.get_metadata("Date")).decode() == "2026-11-30"
    assert bytes(archive.get_metadata("Language")).decode() == "vie"
    assert bytes(archive.get_metadata("Tags")).decode() == "stem"
    search = libzim_search.Searcher(archive).search(libzim_search.Query().set_query("thuyền giấy"))
    # The old name's page only redirects: it is no search result of its own.
    assert list(search.getResults(0, 10)) == ["hoat-dong/a/index.html"]


def test_a_failed_write_leaves_no_file_behind(tmp_path: Path, monkeypatch):
    import kho_stem.outputs.zim_entries as entries
    from kho_stem.outputs.offline import published_files

    def twice(site: Path) -> Iterator[tuple[Path, str]]:  # libzim refuses a second entry at one path
        for item in published_files(site):
            yield item
            yield item

    monkeypatch.setattr(entries, "published_files", twice)
    with pytest.raises(RuntimeError):
        pack_zim(_small_site(tmp_path), tmp_path / "dist" / "kho.zim", _book(), 1)
    assert list((tmp_path / "dist").iterdir()) == []


# --- the command line: Vietnamese messages, never a traceback ---

def test_a_broken_zim_yml_stops_the_command_before_building(tmp_path: Path, capsys):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "zim.yml").write_text(GOOD.replace("language: vie", "language: 12"), encoding="utf-8")
    assert main(["zim"], root=tmp_path) == 1
    out = capsys.readouterr().out
    assert re.search(r"content/zim\.yml:5: language: cần một dòng chữ không để trống, ví dụ vie", out), out
    assert not (tmp_path / "dist").exists()


def test_without_libzim_the_command_says_how_to_install_it(tmp_path: Path, monkeypatch, capsys):
    cli = importlib.import_module("kho_stem.cli.main")  # the module: the package's `main` is the function
    monkeypatch.setattr(cli, "libzim_available", lambda: False)
    assert main(["zim"], root=tmp_path) == 2
    err = capsys.readouterr().err
    assert "chưa cài thư viện libzim" in err and "pip install" in err and "Traceback" not in err


def test_a_place_that_cannot_be_written_gets_a_vietnamese_message(capsys):
    assert main(["zim", "--output", "/proc/kho.zim"], root=ROOT) == 1
    err = capsys.readouterr().err
    assert 'không ghi được tệp ZIM "/proc/kho.zim"' in err and "không để lại tệp ghi dở" in err, err
    assert "Traceback" not in err


# --- the starter library's ZIM (slow: a whole build) ---

@pytest.fixture(scope="module")
def starter_zim(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("zim") / "kho.zim"
    run = subprocess.run([sys.executable, str(ROOT / "build.py"), "zim", "--output", str(target.with_suffix(""))],
                         capture_output=True, text=True, encoding="utf-8", env=ENV)
    assert run.returncode == 0, run.stderr
    cards = len(list((ROOT / "activities").rglob("index.md")))
    assert re.search(rf"Đã ghi tệp ZIM cho Kiwix \({cards} thẻ, \d+ mục\): .*kho\.zim \(\d+\.\d MB\)", run.stdout)
    assert "ZIM file is ready" not in run.stdout  # libzim's own English progress stays hidden
    return target


@pytest.mark.slow
def test_the_zim_is_complete_and_alone_in_its_folder(starter_zim: Path):
    assert [p.name for p in starter_zim.parent.iterdir()] == ["kho.zim"], "no partial file or work folder left"
    archive = libzim_reader.Archive(starter_zim)
    assert archive.main_entry.get_item().path == "index.html"
    assert archive.has_fulltext_index and archive.has_title_index
    paths = {archive._get_entry_by_id(i).path for i in range(archive.entry_count)}
    for needed in ("thu-vien/index.html", "catalog.json", "catalog.csv", "assets/kho-stem/catalog-data.js",
                   "assets/kho-stem/kho-stem-search.js", "thong-ke/index.html"):
        assert needed in paths, needed
    cards = len(list((ROOT / "activities").rglob("index.md")))
    assert len([p for p in paths if re.fullmatch(r"hoat-dong/[^/]+/index\.html", p)]) == cards
    assert not [p for p in paths if p.endswith(".map") or "/lunr/" in p or "/workers/" in p]


@pytest.mark.slow
def test_the_metadata_kiwix_requires(starter_zim: Path):
    archive = libzim_reader.Archive(starter_zim)
    about = load_zim_metadata(ROOT / "content" / "zim.yml")
    metadata = {key: bytes(archive.get_metadata(key)) for key in archive.metadata_keys}
    text = {key: value.decode("utf-8") for key, value in metadata.items() if not key.startswith("Illustration")}
    assert text["Name"] == about.name and text["Language"] == "vie" and text["Title"] == "Kho học liệu STEM mầm non"
    assert text["Description"] == about.description and text["Creator"] == about.creator
    assert text["Publisher"] == about.publisher and text["Tags"] == ";".join(about.tags)
    assert text["Date"] == dt.date.today().isoformat() and "CC BY-SA" in text["License"]
    with Image.open(io.BytesIO(metadata["Illustration_48x48@1"])) as picture:
        assert picture.format == "PNG" and picture.size == (48, 48)


@pytest.mark.slow
def test_a_card_page_holds_its_content_and_its_images(starter_zim: Path):
    archive = libzim_reader.Archive(starter_zim)
    entry = archive.get_entry_by_path(CARD)
    assert entry.title == CARD_TITLE
    page = _text(archive, CARD)
    assert CARD_TITLE in page and 'id="an-toan"' in page
    images = [src for tag, src in _LINK.findall(page) if tag == "img"]
    assert images
    for src in images:
        path = urljoin(CARD, unquote(urlsplit(src).path))
        item = archive.get_entry_by_path(path).get_item()
        assert item.mimetype.startswith("image/") and item.size > 100, path


@pytest.mark.slow
def test_every_page_loads_only_entries_of_the_zim_and_runs_no_inline_script(starter_zim: Path):
    archive = libzim_reader.Archive(starter_zim)
    pages = [archive._get_entry_by_id(i).path for i in range(archive.entry_count)]
    pages = [p for p in pages if p.endswith(".html")]
    assert len(pages) > 50
    broken, inline = [], []
    for path in pages:
        text = _text(archive, path)
        inline += [path for attributes, body in _SCRIPT.findall(text) if is_inline_code(attributes or "", body)]
        for tag, target in _LINK.findall(text):
            parts = urlsplit(target)
            assert parts.scheme in ("", "data", "mailto") or tag == "a", f"{path} loads {target}"
            assert not target.startswith("/"), f"{path}: {target} is not relative"
            if not parts.scheme and parts.path and not archive.has_entry_by_path(urljoin(path, unquote(parts.path))):
                broken.append(f"{path} -> {target}")
    assert broken == [] and inline == []
    catalog = _text(archive, "thu-vien/index.html")
    assert '<script src="../assets/kho-stem/catalog-data.js" defer></script>' in catalog


@pytest.mark.slow
def test_libzims_full_text_search_finds_a_card_with_and_without_diacritics(starter_zim: Path):
    searcher = libzim_search.Searcher(libzim_reader.Archive(starter_zim))
    for words in ("thuyền thúng", "thuyen thung"):
        results = list(searcher.search(libzim_search.Query().set_query(words)).getResults(0, 5))
        assert results[0] == CARD, (words, results)


@pytest.mark.slow
def test_reviewed_only_leaves_unreviewed_cards_out_of_the_zim(tmp_path: Path):
    from project import starter_bundles, write_project

    activities = write_project(tmp_path)
    for bundle in starter_bundles()[:2]:
        shutil.copytree(bundle, activities / bundle.name)
    reviewed = sorted(activities.iterdir())[0]
    record_review(tmp_path / "content" / "reviews.yml", reviewed / "index.md")
    run = subprocess.run([sys.executable, "build.py", "zim", "--reviewed-only", "--output", "dist/"],
                         cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", env=ENV)
    assert run.returncode == 0, run.stderr
    assert "(1 thẻ," in run.stdout, run.stdout
    [written] = (tmp_path / "dist").iterdir()
    assert written.name == f"kho-stem-{dt.date.today().isoformat()}.zim"
    archive = libzim_reader.Archive(written)
    assert archive.has_entry_by_path(f"hoat-dong/{reviewed.name}/index.html")
    assert not archive.has_entry_by_path(f"hoat-dong/{sorted(activities.iterdir())[1].name}/index.html")


# --- served by kiwix-serve (Debian's kiwix-tools) to Chromium ---

needs_kiwix = pytest.mark.skipif(KIWIX_SERVE is None, reason="kiwix-serve (Debian's kiwix-tools) is not installed")
needs_chromium = pytest.mark.skipif(not HAS_CHROMIUM, reason="Debian's chromium is not installed")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def kiwix(starter_zim: Path) -> Iterator[str]:
    """kiwix-serve on a free local port; yields the address of the book (``http://…/kho/``)."""
    assert KIWIX_SERVE is not None
    port = _free_port()
    server = subprocess.Popen([KIWIX_SERVE, "--address=127.0.0.1", f"--port={port}", str(starter_zim)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(base, timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return str(answer.read().decode("utf-8"))


@pytest.mark.slow
@needs_kiwix
def test_kiwix_full_text_search_finds_a_card_by_a_title_word(kiwix: str):
    # Typed without diacritics: every Kiwix finds it (the index keeps words without their marks).
    assert f"/kho/{CARD}" in _get(f"{kiwix}search?content=kho&pattern={quote('thung')}")
    # Typed with them: Kiwix's suggestions (the search box as one types) find it with any reader.
    assert CARD in _get(f"{kiwix}suggest?content=kho&term={quote('thuyền thúng')}")


@pytest.mark.slow
@needs_kiwix
@needs_chromium
def test_a_teacher_uses_the_library_inside_kiwix_serve(browser, kiwix: str):
    only_kiwix = re.compile(rf"^(?!{re.escape(kiwix)}).*")
    with watched(browser, only_kiwix) as watcher:
        page = watcher.page(viewport={"width": 1366, "height": 2400})
        page.goto(kiwix + "kho/")
        page.get_by_role("link", name="Thư viện", exact=True).first.click()
        page.wait_for_selector("[data-ks-catalog-page][data-ks-ready]", state="attached")
        page.fill("#ks-q", "thuyen giay")
        first = page.locator("[data-ks-results] .ks-tile__title").first
        assert "thuyền" in first.inner_text().lower()
        first.click()
        page.wait_for_url(re.compile(r"/kho/hoat-dong/[a-z0-9-]+/index\.html$"))
        page.locator("#an-toan").wait_for()
        assert "thuyền" in page.locator("h1").first.inner_text().lower()
        images = page.locator("article img")
        assert images.count() > 0
        for index in range(images.count()):  # pictures load lazily: bring each into view
            images.nth(index).scroll_into_view_if_needed()
        page.wait_for_function("[...document.querySelectorAll('article img')].every(i => i.complete)")
        assert page.evaluate("[...document.querySelectorAll('article img')].every(i => i.naturalWidth > 0)")
        # The header's search loads the search data as a script file when first used.
        page.click(".md-search__input")
        page.keyboard.type("nam cham")
        page.wait_for_function(
            "(document.querySelector('[data-ks-search-list] h1') || {})"
            ".textContent?.toLowerCase().includes('nam châm')")
        page.locator("[data-ks-search-list] a").first.click()
        page.wait_for_url(re.compile(r"/kho/hoat-dong/.*nam-cham.*/index\.html$"))
