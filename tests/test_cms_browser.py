"""The web form (bien-tap/) in Chromium: it loads from the site alone, and a teacher's new card,
saved on the CMS's test backend, passes `build.py check` and builds into a page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cms_teacher import fill_card, open_test_backend, sample_card, save, saved_files
from project import starter_bundles, write_project

from conftest import HAS_CHROMIUM, ROOT, served
from kho_stem.site.editor_page import FOLDER, find_cms_package

if not HAS_CHROMIUM:  # scripts/test.sh installs Debian's chromium; never a downloaded browser
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)
if find_cms_package(ROOT) is None:
    pytest.skip("npm ci has not installed @sveltia/cms", allow_module_level=True)

CARD = sample_card(starter_bundles()[0] / "cover.png")
SLUG = "thuyen-giay-noi-hay-chim"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A small copy of the site (two starter cards) with the CMS installed."""
    folder = tmp_path_factory.mktemp("cms")
    activities = write_project(folder)
    for bundle in starter_bundles()[:2]:
        shutil.copytree(bundle, activities / bundle.name)
    (folder / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return folder


@pytest.fixture(scope="module")
def editor_url(project: Path):
    from kho_stem_mkdocs.commands import build_site

    site = project / "site"
    build_site(project / "mkdocs.yml", site)
    with served(site) as url:
        yield url + FOLDER


@pytest.fixture(scope="module")
def github_editor_url(project: Path):
    """The same site as published from a GitHub repository: the editor's real sign-in page."""
    from kho_stem_mkdocs.commands import build_site

    site = project / "site-github"
    build_site(project / "mkdocs.yml", site, repo_url="https://github.com/truong-mn/kho-stem")
    with served(site) as url:
        yield url + FOLDER


@pytest.fixture
def teacher_page(browser):
    """A fresh browser profile (its own private storage) in Vietnamese, recording requests that leave the site."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.outside = []
    page.on("request", lambda request: None if request.url.startswith(("http://127.0.0.1", "blob:", "data:"))
            else page.outside.append(request.url))
    yield page
    context.close()


@pytest.mark.parametrize("width", [360, 1366])
def test_the_form_loads_in_vietnamese_with_no_request_outside_the_site(teacher_page, editor_url, width):
    teacher_page.set_viewport_size({"width": width, "height": 800})
    open_test_backend(teacher_page, editor_url)
    teacher_page.goto(f"{editor_url}#/collections/the-free/new", wait_until="networkidle")
    teacher_page.get_by_text("Tên hoạt động").first.wait_for()
    assert teacher_page.get_by_role("button", name="Lưu", exact=True).is_visible()
    assert teacher_page.outside == []


def test_the_published_sign_in_page_makes_no_request_outside_the_site(teacher_page, github_editor_url):
    teacher_page.goto(github_editor_url, wait_until="networkidle")
    teacher_page.get_by_role("button", name="Đăng nhập bằng mã truy cập").wait_for()
    teacher_page.wait_for_timeout(2000)  # the CMS's background checks start after the page settles
    assert teacher_page.outside == []


def test_a_teachers_new_card_passes_check_and_builds_into_a_page(teacher_page, editor_url, project: Path):
    open_test_backend(teacher_page, editor_url)
    fill_card(teacher_page, editor_url, CARD)
    save(teacher_page)
    files = saved_files(teacher_page, f"activities/{SLUG}/index.md")
    assert sorted(files) == [f"activities/{SLUG}/cover.png", f"activities/{SLUG}/index.md"], "a bundle"
    assert files[f"activities/{SLUG}/cover.png"] == CARD.cover.read_bytes()
    text = files[f"activities/{SLUG}/index.md"].decode("utf-8")
    for expected in ("process: edp", "hazards:\n      - chau-nuoc", "cover: cover.png", "## Bước 1: Xác định vấn đề",
                     CARD.safety[0], CARD.closing):
        assert expected in text, expected
    assert teacher_page.outside == []

    card_folder = project / "activities" / SLUG
    card_folder.mkdir()
    for name, content in files.items():
        (project / name).write_bytes(content)
    check = subprocess.run([sys.executable, str(project / "build.py"), "check", str(card_folder)],
                           capture_output=True, text=True, encoding="utf-8", cwd=project,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert check.returncode == 0, check.stdout + check.stderr

    from kho_stem_mkdocs.commands import build_site

    site = project / "site-with-card"
    build_site(project / "mkdocs.yml", site)
    page = (site / "hoat-dong" / SLUG / "index.html").read_text(encoding="utf-8")
    assert CARD.title in page and "chậu nước" in page and CARD.closing in page
