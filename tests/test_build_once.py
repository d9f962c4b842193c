"""`build.py build` validates the library once, and the same input always gives the same site."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from kho_stem.cli.main import main
from kho_stem.validation import CheckResult
from kho_stem_mkdocs import handoff, plugin
from kho_stem_mkdocs.commands import BuildFailed, build_site

# Whole builds, left out of the fast tier (`-m "not browser and not slow"`) and run by CI:
# each test runs whole builds, most of them twice.
pytestmark = pytest.mark.slow

STARTER_CARDS = 4  # enough for lists, related cards and images, small enough for the fast tier
MKDOCS_YML = """\
site_name: Thử nghiệm
docs_dir: content/pages
theme: {name: material, language: vi, font: false}
plugins: [kho-stem]
nav: [index.md, hoat-dong/index.md]
"""


def _project(folder: Path) -> Path:
    """A project with the first starter cards, their covers and the real taxonomy."""
    (folder / "content" / "pages").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "taxonomy", folder / "content" / "taxonomy")
    (folder / "content" / "pages" / "index.md").write_text(
        "# Trang chủ\n\n<!-- kho-stem:entry-points -->\n\n<!-- kho-stem:latest -->\n", encoding="utf-8")
    for card in sorted(p for p in (ROOT / "activities").iterdir() if (p / "index.md").exists())[:STARTER_CARDS]:
        shutil.copytree(card, folder / "activities" / card.name)
    (folder / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return folder


def _hashes(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


class _CountingCheck:
    """Stands in for the plugin's check_library and counts how often the plugin validates."""

    def __init__(self, check: Callable[..., CheckResult]) -> None:
        self.check = check
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> CheckResult:
        self.calls += 1
        return self.check(*args, **kwargs)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> _CountingCheck:
    spy = _CountingCheck(plugin.check_library)
    monkeypatch.setattr(plugin, "check_library", spy)
    return spy


def test_build_command_validates_once(tmp_path: Path, counting: _CountingCheck, monkeypatch: pytest.MonkeyPatch):
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    assert main(["build"], root=project) == 0
    assert counting.calls == 0  # the plugin took the command line's result
    assert (project / "site" / "hoat-dong" / "index.html").is_file()


def test_mkdocs_on_its_own_still_validates(tmp_path: Path, counting: _CountingCheck):
    project = _project(tmp_path)
    build_site(project / "mkdocs.yml", project / "site")
    assert counting.calls == 1


def test_a_broken_card_still_stops_mkdocs_on_its_own(tmp_path: Path):
    project = _project(tmp_path)
    card = next((project / "activities").glob("*/index.md"))
    card.write_text(card.read_text(encoding="utf-8").replace("duration:", "duration: -5\nx_duration:", 1),
                    encoding="utf-8")
    with pytest.raises(BuildFailed, match="duration"):
        build_site(project / "mkdocs.yml", project / "site")


def test_a_result_for_another_library_is_not_used(tmp_path: Path, counting: _CountingCheck):
    project = _project(tmp_path)
    other = tmp_path / "khac"
    handoff.hand_over(handoff.CheckedLibrary(other / "activities", other / "taxonomy", other / "reviews.yml",
                                             None, CheckResult(checked=0)))  # type: ignore[arg-type]
    build_site(project / "mkdocs.yml", project / "site")
    assert counting.calls == 1
    assert handoff.take(other / "activities", other / "taxonomy", other / "reviews.yml") is None  # used up


def test_same_input_same_site_with_caches_cold_and_warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    cache = project / ".cache"
    assert not cache.exists()
    assert main(["build"], root=project) == 0
    cold = _hashes(project / "site")
    assert any(cache.rglob("*.webp")) and any((cache / "kho-stem" / "bodies").iterdir())
    # Each card's giáo án is made once, kept by content, and published byte for byte the same.
    assert len(list((cache / "kho-stem" / "giao-an").rglob("*.docx"))) == STARTER_CARDS
    assert len([name for name in cold if name.endswith("/giao-an.docx")]) == STARTER_CARDS
    assert main(["build"], root=project) == 0
    assert _hashes(project / "site") == cold
    # The plugin's own check (mkdocs build, no command line before it) gives the same files too.
    build_site(project / "mkdocs.yml", project / "site")
    assert _hashes(project / "site") == cold
    assert len(cold) > 20 and "hoat-dong/index.html" in cold


def test_image_variants_are_linked_from_the_cache_and_outlive_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    assert main(["build"], root=project) == 0
    variants = sorted((project / "site").rglob("*.webp"))
    cached = {p.stat().st_ino for p in (project / ".cache" / "kho-stem" / "images").rglob("*.webp")}
    assert variants and all(p.stat().st_ino in cached for p in variants)
    before = _hashes(project / "site")
    shutil.rmtree(project / ".cache")  # the cache is safe to delete: the site keeps its images
    assert _hashes(project / "site") == before
    # Assets that ship with the plugin are copies: editing the site never edits the plugin.
    assert all(p.stat().st_nlink == 1 for p in (project / "site" / "assets" / "kho-stem").rglob("*") if p.is_file())


def test_a_result_left_by_a_failed_build_is_not_used_later(tmp_path: Path, counting: _CountingCheck,
                                                         monkeypatch: pytest.MonkeyPatch):
    project = _project(tmp_path)
    monkeypatch.chdir(project)
    (project / "mkdocs.yml").write_text(MKDOCS_YML + "theme: 7\n", encoding="utf-8")  # MkDocs refuses it
    assert main(["build"], root=project) == 1
    assert handoff.take(project / "activities", project / "content" / "taxonomy",
                        project / "content" / "reviews.yml") is None
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    build_site(project / "mkdocs.yml", project / "site")
    assert counting.calls == 1
