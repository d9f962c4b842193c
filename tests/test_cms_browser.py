"""The web form (bien-tap/) in Chromium: it loads from the site alone, and a teacher's new card,
saved on the CMS's test backend, passes `build.py check` and builds into a page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cms_teacher import (
    field_section,
    fill_card,
    open_entry,
    open_test_backend,
    sample_card,
    save,
    saved_files,
    seed_files,
)
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
    files = saved_files(teacher_page, f"activities/{SLUG}/index.md", f"activities/{SLUG}/cover.png")
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


def test_an_existing_card_edited_in_the_form_keeps_its_content_and_passes_check(teacher_page, editor_url,
                                                                                  project: Path):
    """The form rewrites the whole front matter on save: every value must survive (lists, hazards,
    notes, the body), only the layout of the YAML may change."""
    import yaml

    bundle = sorted((ROOT / "activities").glob("*/index.md"))[0].parent
    original = (bundle / "index.md").read_text(encoding="utf-8")
    front = yaml.safe_load(original.split("---\n")[1])
    repository = {f"activities/{bundle.name}/{p.name}": p.read_bytes() for p in bundle.iterdir()}
    seed_files(teacher_page, editor_url, repository)
    open_test_backend(teacher_page, editor_url)
    open_entry(teacher_page, editor_url, f"the-{front['process']}", front["title"])
    new_duration = front["duration"] + 5
    field_section(teacher_page, "duration").locator("input").fill(str(new_duration))
    save(teacher_page)
    name = f"activities/{bundle.name}/index.md"
    deadline = 40
    while deadline and saved_files(teacher_page, name)[name].decode("utf-8") == original:
        teacher_page.wait_for_timeout(250)
        deadline -= 1
    saved = saved_files(teacher_page, name)[name].decode("utf-8")
    assert teacher_page.outside == []

    after = yaml.safe_load(saved.split("---\n")[1])
    assert after.pop("duration") == new_duration
    front.pop("duration")
    # What the form writes differently but check reads the same: quantities as text, the defaults written out.
    for material in after["materials"]:
        if material.get("from_home") is False:
            del material["from_home"]
        if "quantity" in material:
            material["quantity"] = str(material["quantity"])
    for material in front["materials"]:
        if "quantity" in material:
            material["quantity"] = str(material["quantity"])
    if "license" not in front:
        assert after.pop("license") == "CC-BY-SA-4.0"
    assert after == front
    assert saved.split("---\n", 2)[2].strip() == original.split("---\n", 2)[2].strip(), "the body is unchanged"

    folder = project / "edited" / bundle.name
    folder.mkdir(parents=True)
    (folder / "index.md").write_text(saved, encoding="utf-8")
    for picture in bundle.iterdir():
        if picture.name != "index.md":
            (folder / picture.name).write_bytes(picture.read_bytes())
    check = subprocess.run([sys.executable, str(project / "build.py"), "check", str(folder)],
                           capture_output=True, text=True, encoding="utf-8", cwd=project,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert check.returncode == 0, check.stdout + check.stderr
