"""`--reviewed-only`: an official copy leaves unreviewed cards out of everything it publishes."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, VALID_CARD, edit, record_review
from kho_stem_mkdocs.commands import build_site
from kho_stem_mkdocs.plugin import REVIEWED_ONLY_VARIABLE

UNREVIEWED_TITLE = "Thuyền lá nổi hay chìm"
REVIEWED = edit(VALID_CARD, f"title: {UNREVIEWED_TITLE}", "title: Cầu que kem vững chãi")


def _project(root: Path) -> Path:
    (root / "content" / "pages").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "taxonomy", root / "content" / "taxonomy")
    (root / "content" / "pages" / "index.md").write_text(
        "# Trang chủ\n\n<!-- kho-stem:entry-points -->\n\n<!-- kho-stem:latest -->\n", encoding="utf-8")
    (root / "content" / "pages" / "dong-gop.md").write_text("# Đóng góp\n", encoding="utf-8")
    (root / "activities").mkdir()
    (root / "activities" / "thuyen-la.md").write_text(VALID_CARD, encoding="utf-8")
    (root / "activities" / "cau-que-kem.md").write_text(REVIEWED, encoding="utf-8")
    record_review(root / "content" / "reviews.yml", root / "activities" / "cau-que-kem.md", "Cô Nguyễn Thị Hoa")
    (root / "mkdocs.yml").write_text("site_name: Thử nghiệm\ndocs_dir: content/pages\n"
                                     "theme: {name: material, language: vi, font: false}\nplugins: [kho-stem]\n",
                                     encoding="utf-8")
    return root / "mkdocs.yml"


def published_text(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8-sig") for p in site.rglob("*")
            if p.suffix in (".html", ".js", ".json", ".csv") and "assets/javascripts" not in p.as_posix()}


def test_unreviewed_cards_are_left_out_of_every_page_list_catalog_and_export(tmp_path: Path, monkeypatch):
    config = _project(tmp_path)
    monkeypatch.setenv(REVIEWED_ONLY_VARIABLE, "1")
    build_site(config, tmp_path / "site")
    files = published_text(tmp_path / "site")
    assert [name for name, text in files.items() if UNREVIEWED_TITLE in text or "thuyen-la" in text] == []
    assert not (tmp_path / "site" / "hoat-dong" / "thuyen-la").exists()
    assert "Cầu que kem vững chãi" in files["catalog.json"] and "Cầu que kem vững chãi" in files["index.html"]
    assert "chỉ gồm các thẻ đã được duyệt" in files["thu-vien/index.html"]
    assert "chỉ tính các thẻ đã được duyệt" in files["thong-ke/index.html"]


def test_a_normal_build_keeps_unreviewed_cards(tmp_path: Path, monkeypatch):
    monkeypatch.delenv(REVIEWED_ONLY_VARIABLE, raising=False)
    build_site(_project(tmp_path), tmp_path / "site")
    files = published_text(tmp_path / "site")
    assert UNREVIEWED_TITLE in files["catalog.json"] and (tmp_path / "site" / "hoat-dong" / "thuyen-la").is_dir()
