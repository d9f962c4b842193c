"""``build.py serve``'s preview: a saved card is checked again alone and only its page is rebuilt,
saying so; a broken card's page lists its located problems; anything else gets a full build."""

from __future__ import annotations

import html
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import docx
import pytest

from conftest import ROOT, VALID_CARD, edit, record_review

pytest.importorskip("mkdocs")

from kho_stem.diagnostics import message
from kho_stem.site import card_print_file, lesson_plan_file, lesson_plan_script_file
from kho_stem_mkdocs.preview import _name_clashes
from kho_stem_mkdocs.serving import PreviewBuilder, changed_files, snapshot

# Whole builds, left out of the fast tier (`-m "not browser and not slow"`) and run by CI:
# each test builds a site and previews cards in it.
pytestmark = pytest.mark.slow

MKDOCS_YML = """\
site_name: Thử nghiệm
docs_dir: content/pages
theme:
  name: material
  language: vi
  font: false
plugins:
  - kho-stem
"""
STARTERS = ("bac-si-ti-hon-ong-nghe-tu-pheu-va-ong-cao-su", "banh-xe-nuoc-thia-nhua-quay-tit")
BROKEN_AGES = 'thuyen-la.md:4: ages: "6-7" không phải độ tuổi hợp lệ'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "pages").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "taxonomy", tmp_path / "content" / "taxonomy")
    (tmp_path / "content" / "pages" / "index.md").write_text("# Kho\n", encoding="utf-8")
    (tmp_path / "activities").mkdir()
    for slug in STARTERS:
        shutil.copytree(ROOT / "activities" / slug, tmp_path / "activities" / slug)
    (tmp_path / "activities" / "thuyen-la.md").write_text(VALID_CARD, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return tmp_path


def _page(site: Path, slug: str) -> str:
    return (site / "hoat-dong" / slug / "index.html").read_text(encoding="utf-8")


def _save(path: Path, text: str) -> None:
    """Write ``text``; the size or the modification time changes, as after an editor's save."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


@pytest.fixture
def builder(project: Path, tmp_path_factory: pytest.TempPathFactory) -> PreviewBuilder:
    site = tmp_path_factory.mktemp("served")
    built = PreviewBuilder(project / "mkdocs.yml", site, "http://127.0.0.1:8000/")
    built(built.load())
    return built


def test_an_edited_card_page_is_rebuilt_alone_and_says_so(project: Path, builder: PreviewBuilder):
    site = builder.site_dir
    other_before = _page(site, STARTERS[1])
    listing_before = (site / "hoat-dong" / "index.html").read_bytes()
    card = project / "activities" / "thuyen-la.md"
    _save(card, VALID_CARD + "\nĐoạn mới để xem trước.\n")
    builder()
    page = _page(site, "thuyen-la")
    assert "Đoạn mới để xem trước." in page
    assert message("preview_banner", "vi") in page
    assert "<h1" in page and "md-header" in page, "the page keeps the theme around it"
    # Nothing else was rebuilt: the lists keep what the last full build made, as the banner says.
    assert _page(site, STARTERS[1]) == other_before
    assert (site / "hoat-dong" / "index.html").read_bytes() == listing_before


def test_an_edited_card_gets_its_own_giao_an_plan_part_and_printable_body_again(project: Path,
                                                                                 builder: PreviewBuilder):
    """The banner says this card was rebuilt: its files beside the page follow the edit too."""
    site = builder.site_dir
    slug = STARTERS[0]
    names = (lesson_plan_file(slug), lesson_plan_script_file(slug), card_print_file(slug))
    files = {name: site / name for name in names}
    before = {name: path.read_bytes() for name, path in files.items()}
    card = project / "activities" / slug / "index.md"
    _save(card, card.read_text(encoding="utf-8") + "\nMột bước mới: cô cho trẻ đếm bọt nước.\n")
    builder()
    after = {name: path.read_bytes() for name, path in files.items()}
    assert all(after[name] != before[name] for name in files), [name for name in files if after[name] == before[name]]
    document = docx.Document(io.BytesIO(after[lesson_plan_file(slug)]))
    assert any("cô cho trẻ đếm bọt nước" in paragraph.text for paragraph in document.paragraphs)
    assert "cô cho trẻ đếm bọt nước" in after[lesson_plan_script_file(slug)].decode("utf-8")
    assert "cô cho trẻ đếm bọt nước" in after[card_print_file(slug)].decode("utf-8")
    # A full build makes the same files.
    builder.full()
    assert {name: path.read_bytes() for name, path in files.items()} == after


def test_the_preview_is_the_page_a_full_build_makes_plus_the_banner(project: Path, builder: PreviewBuilder):
    card = project / "activities" / STARTERS[0] / "index.md"
    _save(card, card.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: Đã sửa - ", 1) + "\nThêm một dòng.\n")
    builder()
    preview = _page(builder.site_dir, STARTERS[0])
    banner = f'<div class="admonition info ks-preview"><p>{html.escape(message("preview_banner", "vi"))}</p></div>'
    assert banner in preview and "Đã sửa - " in preview
    builder.full()
    assert _page(builder.site_dir, STARTERS[0]) == preview.replace(banner, "")


def test_one_card_page_is_the_one_all_pages_make(builder: PreviewBuilder):
    assert builder.config is not None
    site = builder.config.plugins["kho-stem"].site
    for slug in (*STARTERS, "thuyen-la"):
        src, page = site.card_page(slug)
        assert site.pages()[src] == page


def test_a_broken_card_page_lists_its_located_problems_and_serving_goes_on(
        project: Path, builder: PreviewBuilder, caplog: pytest.LogCaptureFixture):
    card = project / "activities" / "thuyen-la.md"
    _save(card, edit(VALID_CARD, "ages: [4-5, 5-6]", 'ages: ["6-7"]'))
    builder()  # no exception: the server keeps serving
    page = _page(builder.site_dir, "thuyen-la")
    assert message("preview_broken_page", "vi") in page
    assert BROKEN_AGES.replace('"', "&quot;") in page
    assert any(BROKEN_AGES in record.getMessage() for record in caplog.records), "and in the terminal"
    # Fixed again: the page is the card again.
    _save(card, VALID_CARD + "\nĐã sửa xong.\n")
    builder()
    page = _page(builder.site_dir, "thuyen-la")
    assert "Đã sửa xong." in page and message("preview_broken_page", "vi") not in page


def test_a_new_card_or_a_taxonomy_change_gets_a_full_build(project: Path, builder: PreviewBuilder):
    new_card = project / "activities" / "thuyen-giay.md"
    _save(new_card, edit(VALID_CARD, "title:", "title: Thuyền giấy -"))
    builder()
    page = _page(builder.site_dir, "thuyen-giay")
    assert message("preview_banner", "vi") not in page
    assert "thuyen-giay" in (builder.site_dir / "hoat-dong" / "index.html").read_text(encoding="utf-8")
    # A card edited together with another file: a full build too, with no preview banner.
    _save(project / "activities" / "thuyen-la.md", VALID_CARD + "\nCùng lúc với trang chủ.\n")
    _save(project / "content" / "pages" / "index.md", "# Kho học liệu\n")
    builder()
    page = _page(builder.site_dir, "thuyen-la")
    assert "Cùng lúc với trang chủ." in page and message("preview_banner", "vi") not in page


@pytest.mark.parametrize("text", [
    edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", 'title: "Thuyền lá'),  # YAML that does not parse
    "Chỉ có nội dung, không có phần đầu YAML.\n",
    "",
    "---\ntitle: [\x00]\n---\n",
])
def test_any_unreadable_card_shows_located_problems_never_a_traceback(
        project: Path, builder: PreviewBuilder, text: str, caplog: pytest.LogCaptureFixture):
    _save(project / "activities" / "thuyen-la.md", text)
    builder()
    page = _page(builder.site_dir, "thuyen-la")
    assert message("preview_broken_page", "vi") in page and "thuyen-la.md:" in page
    assert any("thuyen-la.md:" in record.getMessage() for record in caplog.records if record.levelname == "ERROR")


def test_an_edited_reviewed_card_is_warned_as_stale_and_no_other_review_looks_unknown(
        project: Path, builder: PreviewBuilder, caplog: pytest.LogCaptureFixture):
    card = project / "activities" / "thuyen-la.md"
    for reviewed in (card, project / "activities" / STARTERS[0] / "index.md"):
        record_review(project / "content" / "reviews.yml", reviewed)
    builder.full()
    unreviewed = "Chưa duyệt — giáo viên nên đọc kỹ"
    assert unreviewed not in _page(builder.site_dir, "thuyen-la")
    caplog.clear()
    _save(card, VALID_CARD + "\nSửa sau khi duyệt.\n")
    builder()
    warnings = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert any("thuyen-la.md:1: " in warning for warning in warnings), warnings
    assert not any("reviews.yml" in warning for warning in warnings), warnings
    assert unreviewed in _page(builder.site_dir, "thuyen-la"), "an edit undoes the review, as in a full build"


def test_a_deleted_card_gets_a_full_build_and_its_page_goes(project: Path, builder: PreviewBuilder):
    (project / "activities" / "thuyen-la.md").unlink()
    builder()
    assert not (builder.site_dir / "hoat-dong" / "thuyen-la").exists()
    assert (builder.site_dir / "hoat-dong" / STARTERS[0] / "index.html").is_file()


def test_a_card_given_a_free_old_name_gets_a_full_build_with_its_redirect(project: Path, builder: PreviewBuilder):
    card = project / "activities" / "thuyen-la.md"
    _save(card, edit(VALID_CARD, "title:", "aliases: [thuyen-la-cu]\ntitle:"))
    builder()
    assert message("preview_banner", "vi") not in _page(builder.site_dir, "thuyen-la")
    assert "thuyen-la/" in _page(builder.site_dir, "thuyen-la-cu"), "the redirect page a full build writes"


@pytest.mark.parametrize(("alias", "says"), [
    (STARTERS[0], f"&quot;{STARTERS[0]}&quot; đã là tên hoặc tên cũ của "),
    ("index", "&quot;index&quot; trùng với đường dẫn một trang của thư viện; hãy chọn tên khác"),
])
def test_an_alias_the_library_refuses_is_found_when_the_card_is_checked_alone(
        project: Path, builder: PreviewBuilder, alias: str, says: str):
    card = project / "activities" / "thuyen-la.md"
    _save(card, edit(VALID_CARD, "title:", f"aliases: [{alias}]\ntitle:"))
    builder()
    page = _page(builder.site_dir, "thuyen-la")
    assert message("preview_broken_page", "vi") in page
    assert f"thuyen-la.md:2: aliases: {says}" in page


def test_name_clashes_name_the_line_and_the_other_card(project: Path, builder: PreviewBuilder):
    assert builder.config is not None
    plugin = builder.config.plugins["kho-stem"]
    cards = {card.slug: card for card in plugin.result.cards}
    assert _name_clashes(cards["thuyen-la"], [cards[STARTERS[0]]]) == []
    clashes = _name_clashes(cards["thuyen-la"], [cards["thuyen-la"]])
    assert [p.code for p in clashes] == ["slug_duplicate"]
    assert clashes[0].line == 1 and "thuyen-la.md" in str(clashes[0].params["other"])


def test_snapshot_sees_edits_and_ignores_editor_swap_files(tmp_path: Path):
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    before = snapshot([tmp_path])
    (tmp_path / ".a.md.swp").write_text("swap", encoding="utf-8")
    (tmp_path / "a.md~").write_text("backup", encoding="utf-8")
    assert changed_files(before, snapshot([tmp_path])) == set()
    _save(tmp_path / "a.md", "ab")
    (tmp_path / "b.md").write_text("b", encoding="utf-8")
    assert changed_files(before, snapshot([tmp_path])) == {tmp_path / "a.md", tmp_path / "b.md"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(url: str, text: str, server: subprocess.Popen[str], limit: float = 60.0) -> str:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        assert server.poll() is None, "serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                page = response.read().decode("utf-8")
            if text in page:
                return str(page)
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"{url} never showed {text!r}")


def test_build_py_serve_shows_an_edit_and_a_broken_card_over_http(project: Path):
    shutil.copy(ROOT / "build.py", project / "build.py")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/hoat-dong/thuyen-la/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "plugins")}
    server = subprocess.Popen([sys.executable, str(project / "build.py"), "serve", "--address", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              encoding="utf-8")
    try:
        _wait_for(url, "</html>", server)
        time.sleep(1.0)  # the watcher's first look at the files
        card = project / "activities" / "thuyen-la.md"
        _save(card, VALID_CARD + "\nĐoạn sửa qua máy chủ.\n")
        assert message("preview_banner", "vi") in _wait_for(url, "Đoạn sửa qua máy chủ.", server)
        _save(card, edit(VALID_CARD, "ages: [4-5, 5-6]", 'ages: ["6-7"]'))
        _wait_for(url, BROKEN_AGES.replace('"', "&quot;"), server)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert BROKEN_AGES in output
    assert "Traceback" not in output


@pytest.mark.parametrize(("options", "preview"), [([], True), (["--full-rebuild"], False)])
def test_serve_previews_by_default_and_rebuilds_everything_when_asked(
        project: Path, monkeypatch: pytest.MonkeyPatch, options: list[str], preview: bool):
    import kho_stem_mkdocs.commands
    from kho_stem.cli.main import main

    calls: list[tuple[Path, str, bool]] = []
    monkeypatch.setattr(kho_stem_mkdocs.commands, "serve_site",
                        lambda config, address, preview=True: calls.append((config, address, preview)))
    assert main(["serve", "--address", "127.0.0.1:8123", *options], root=project) == 0
    assert calls == [(project / "mkdocs.yml", "127.0.0.1:8123", preview)]
