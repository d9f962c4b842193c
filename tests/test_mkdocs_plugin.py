"""End to end: a tiny fixture site built through MkDocs with the kho-stem plugin."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, VALID_CARD, edit

pytest.importorskip("mkdocs")

from mkdocs.config import load_config

from kho_stem_mkdocs.commands import BuildFailed, build_site

MKDOCS_YML = """\
site_name: Thử nghiệm
docs_dir: content/pages
theme:
  name: material
  language: vi
  font: false
plugins:
  - kho-stem
markdown_extensions:
  - tables
"""


@pytest.fixture
def site_project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "pages").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "taxonomy", tmp_path / "content" / "taxonomy")
    (tmp_path / "content" / "pages" / "index.md").write_text(
        "# Đóng góp\n\n<!-- kho-stem:fields -->\n\n<!-- kho-stem:hazards -->\n", encoding="utf-8")
    (tmp_path / "activities").mkdir()
    (tmp_path / "activities" / "thuyen-la.md").write_text(VALID_CARD, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return tmp_path


def test_plugin_config_defaults(site_project: Path):
    config = load_config(str(site_project / "mkdocs.yml"))
    plugin = config.plugins["kho-stem"]
    assert plugin.config.activities_dir == "activities"
    assert plugin.config.taxonomy_dir == "content/taxonomy"
    assert plugin.config.language == "vi"


def test_plugin_config_rejects_unknown_language(site_project: Path):
    from mkdocs.exceptions import Abort

    path = site_project / "mkdocs.yml"
    path.write_text(MKDOCS_YML.replace("  - kho-stem", "  - kho-stem:\n      language: fr"), encoding="utf-8")
    with pytest.raises(Abort):
        load_config(str(path))


def test_build_renders_generated_guide_tables(site_project: Path):
    build_site(site_project / "mkdocs.yml", site_project / "site")
    html = (site_project / "site" / "index.html").read_text(encoding="utf-8")
    assert "<code>ages</code>" in html and "Độ tuổi" in html
    assert "<code>nam-cham</code>" in html and "QCVN 3:2019/BKHCN" in html
    assert "kho-stem:fields" not in html


def test_broken_card_fails_build_and_keeps_previous_site(site_project: Path):
    build_site(site_project / "mkdocs.yml", site_project / "site")
    before = (site_project / "site" / "index.html").read_bytes()
    card = site_project / "activities" / "thuyen-la.md"
    card.write_text(edit(VALID_CARD, "ages: [4-5, 5-6]", 'ages: ["6-7"]'), encoding="utf-8")
    source_before = card.read_bytes()
    with pytest.raises(BuildFailed) as caught:
        build_site(site_project / "mkdocs.yml", site_project / "site")
    assert 'thuyen-la.md:4: ages: "6-7" không phải độ tuổi hợp lệ' in str(caught.value)
    assert (site_project / "site" / "index.html").read_bytes() == before
    assert card.read_bytes() == source_before
    assert not list(site_project.glob(".site-*")), "the staging folder must be cleaned up"


def test_serve_watches_cards_and_taxonomy(site_project: Path):
    config = load_config(str(site_project / "mkdocs.yml"))
    plugin = config.plugins["kho-stem"]

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = plugin.on_serve(Server(), config=config, builder=None)
    assert server.watched == [str(site_project / "activities"), str(site_project / "content" / "taxonomy")]
