"""End to end: build a small fixture library and check the HTML a teacher gets."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, VALID_CARD, edit, record_review
from kho_stem_mkdocs.commands import build_site

MKDOCS_YML = """\
site_name: Thử nghiệm
docs_dir: content/pages
use_directory_urls: {directory_urls}
theme:
  name: material
  language: vi
  font: false
plugins:
  - search
  - kho-stem
"""
HOSTILE = '<script>alert("x")</script> & [bấm](javascript:alert(1))'


def _project(tmp_path: Path, directory_urls: bool = True) -> Path:
    from PIL import Image

    (tmp_path / "content" / "pages").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "taxonomy", tmp_path / "content" / "taxonomy")
    (tmp_path / "content" / "pages" / "index.md").write_text(
        "# Trang chủ\n\n<!-- kho-stem:entry-points -->\n\n<!-- kho-stem:latest -->\n", encoding="utf-8")
    (tmp_path / "content" / "pages" / "dong-gop.md").write_text("# Đóng góp\n", encoding="utf-8")
    activities = tmp_path / "activities"
    (activities / "thuyen-la").mkdir(parents=True)
    Image.new("RGB", (40, 30), "teal").save(activities / "thuyen-la" / "bia.png")
    (activities / "thuyen-la" / "index.md").write_text(
        edit(VALID_CARD, "cost: 10000", "cover: bia.png\ncost: 10000") + "\n![Thuyền trong chậu](bia.png)\n",
        encoding="utf-8")
    reviewed = edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", "title: Cầu que kem")
    (activities / "cau-que-kem.md").write_text(reviewed, encoding="utf-8")
    record_review(tmp_path / "content" / "reviews.yml", activities / "cau-que-kem.md", "Cô Nguyễn Thị Hoa",
                  "2026-10-01")
    hostile = edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", f"title: '{HOSTILE}'")
    hostile = edit(hostile, "  - Trẻ thả thuyền", f"  - '{HOSTILE}'\n  - Trẻ thả thuyền")
    hostile = edit(hostile, "family: Bố mẹ", f"family: '{HOSTILE} Bố mẹ")
    hostile = hostile.replace("khi tắm.", "khi tắm.'")
    (activities / "the-la.md").write_text(hostile, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.format(directory_urls=str(directory_urls).lower()),
                                         encoding="utf-8")
    build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    return tmp_path / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _project(tmp_path_factory.mktemp("library"))


def _read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_card_page_parts(site: Path):
    html = _read(site, "hoat-dong/thuyen-la/index.html")
    for part in ("Thuyền lá nổi hay chìm", "4–5 tuổi", "25 phút", "Nhóm nhỏ", "Trong lớp", "S · Khoa học",
                 "Chưa duyệt", 'id="an-toan"', "Luôn có cô ở cạnh chậu nước", 'type="checkbox"',
                 "2 mỗi nhóm", "Mục tiêu", "Gợi ý cho gia đình", "Điều chỉnh cho trẻ có nhu cầu đặc biệt",
                 "Nhóm biên soạn · Trường Mầm non Thử nghiệm", "Creative Commons", "2026-11-23",
                 "Đối chiếu Quyết định 2860", "Nước và hiện tượng tự nhiên: chưa đối chiếu", "Hoạt động liên quan"):
        assert part in html, part
    # The topics' Decision 2860 state is said once, in the footer, not beside every topic.
    assert html.count("chưa đối chiếu") == 1
    # the safety box comes before the steps (in the article, not the table of contents)
    article = html[html.index("<article"):]
    assert article.index('id="an-toan"') < article.index('id="nguyen-vat-lieu"') < article.index('id="gan-ket"')
    assert (site / "hoat-dong" / "thuyen-la" / "bia-png.webp").is_file()
    assert (site / "hoat-dong" / "thuyen-la" / "bia-png.thumb.webp").is_file()
    assert not (site / "hoat-dong" / "thuyen-la" / "bia.png").exists(), "originals are not published"
    assert '<img alt="Thuyền trong chậu" src="bia-png.webp" width="40" height="30" loading="lazy">' in html


def test_review_state(site: Path):
    html = _read(site, "hoat-dong/cau-que-kem/index.html")
    assert "Đã duyệt bởi Cô Nguyễn Thị Hoa ngày 2026-10-01" in html
    summary = html[html.index('class="ks-summary"'):html.index('id="an-toan"')]
    assert "ks-badge--unreviewed" not in summary


def test_browse_pages(site: Path):
    topic = _read(site, "chu-de/nuoc-va-hien-tuong-tu-nhien/index.html")
    assert "Nước và tính chất của nước" in topic and "chưa đối chiếu" in topic
    assert topic.count('class="ks-tile"') == 3
    assert _read(site, "do-tuoi/4-5/index.html").count('class="ks-tile"') == 3
    assert _read(site, "do-tuoi/24-36m/index.html").count('class="ks-tile"') == 0
    assert _read(site, "linh-vuc/e/index.html").count('class="ks-tile"') == 3
    materials = _read(site, "vat-lieu/index.html")
    assert "vỏ hộp sữa giấy <small>(3)</small>" in materials
    index = _read(site, "hoat-dong/index.html")
    assert index.count('class="ks-tile"') == 3 and "ks-tile__thumb" in index
    home = _read(site, "index.html")
    assert "Theo độ tuổi" in home and "Nhà trẻ 24–36 tháng" in home and home.count('class="ks-tile"') == 3


def test_front_matter_text_is_escaped_everywhere(site: Path):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert '<script>alert("x")' not in html, page
        assert 'href="javascript:' not in html, page
        assert "kho-stem:fragment" not in html, page
    assert "&lt;script&gt;" in _read(site, "hoat-dong/the-la/index.html")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.targets.append(value)


def _assert_internal_links_resolve(site: Path) -> int:
    checked = 0
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # served for any missing URL, so MkDocs makes its links root-absolute
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for target in parser.targets:
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            resolved = (page.parent / unquote(parts.path)).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.exists(), f"{page.relative_to(site)} -> {target}"
            checked += 1
    return checked


def test_internal_links_resolve(site: Path):
    assert _assert_internal_links_resolve(site) > 100


def test_file_urls_for_the_offline_copy(tmp_path: Path):
    site = _project(tmp_path, directory_urls=False)
    html = _read(site, "hoat-dong/thuyen-la/index.html")
    assert re.search(r'href="\.\./\.\./chu-de/nuoc-va-hien-tuong-tu-nhien/index\.html"', html)
    assert _assert_internal_links_resolve(site) > 100


def test_cards_are_not_in_the_navigation(site: Path):
    home = _read(site, "index.html")
    start = home.index('<nav class="md-nav md-nav--primary"')
    nav = home[start:home.index("</nav>", start)]
    assert "Trang chủ" in nav
    assert "hoat-dong/thuyen-la/" not in nav


def test_a_published_site_has_a_sitemap_canonical_links_and_link_previews(tmp_path: Path):
    site = _project(tmp_path)  # built without site_url, as for local use
    html = _read(site, "hoat-dong/thuyen-la/index.html")
    assert '<meta property="og:title" content="Thuyền lá nổi hay chìm">' in html
    assert 'property="og:url"' not in html and 'rel="canonical"' not in html  # no address to give
    published = tmp_path / "published"
    build_site(tmp_path / "mkdocs.yml", published, site_url="https://truong.example.edu.vn/stem/")
    html = _read(published, "hoat-dong/thuyen-la/index.html")
    assert '<link rel="canonical" href="https://truong.example.edu.vn/stem/hoat-dong/thuyen-la/">' in html
    assert '<meta property="og:url" content="https://truong.example.edu.vn/stem/hoat-dong/thuyen-la/">' in html
    assert '<meta property="og:description" content="Trẻ làm thuyền' in html
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://truong.example.edu.vn/stem/hoat-dong/thuyen-la/</loc>" in sitemap
    # A hostile title stays escaped in the preview too.
    hostile = _read(published, "hoat-dong/the-la/index.html")
    assert '<meta property="og:title" content="<script>' not in hostile


def test_the_published_site_carries_no_unused_theme_files(site: Path):
    """Material's search engine and source maps are not loaded by any page here (#23 item 18)."""
    left = [p.relative_to(site).as_posix() for p in site.rglob("*")
            if p.suffix == ".map" or "javascripts/lunr" in p.as_posix() or "javascripts/workers" in p.as_posix()]
    assert left == []
    assert any((site / "assets" / "javascripts").glob("bundle.*.min.js"))  # the theme itself stays


def test_each_card_page_links_its_giao_an_published_beside_it(site: Path):
    import docx

    for slug in ("thuyen-la", "cau-que-kem", "the-la"):
        html = _read(site, f"hoat-dong/{slug}/index.html")
        assert (f'<a class="md-button" href="giao-an.docx" download="giao-an-{slug}.docx"' in html
                and "Tải giáo án (Word)</a>" in html), slug
        document = docx.Document(str(site / "hoat-dong" / slug / "giao-an.docx"))
        assert document.paragraphs[0].text == "GIÁO ÁN HOẠT ĐỘNG STEM"
    # Card text is text in Word too: the hostile title is written as it reads, never as markup.
    hostile = docx.Document(str(site / "hoat-dong" / "the-la" / "giao-an.docx"))
    assert f"Đề tài: {HOSTILE}" in [p.text for p in hostile.paragraphs]
