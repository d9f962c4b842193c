"""The editor page (bien-tap/): the CMS vendored from npm, its backend, and when it is left out."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
import yaml
from project import starter_bundles, write_project

from conftest import ROOT
from kho_stem.diagnostics.messages import message
from kho_stem.site.editor_page import (
    FOLDER,
    SCRIPT,
    TEST_BACKEND,
    backend,
    editor_config_text,
    editor_page_html,
    find_cms_package,
    is_auth_url,
)

PACKAGE = find_cms_package(ROOT)
needs_cms = pytest.mark.skipif(PACKAGE is None, reason="npm ci has not installed @sveltia/cms")


def test_the_published_repository_gets_pull_requests_and_forks(taxonomy):
    config = yaml.safe_load(editor_config_text(taxonomy, "https://github.com/truong-mn/kho-stem.git", None))
    assert config["backend"] == {"name": "github", "repo": "truong-mn/kho-stem", "branch": "main",
                                 "open_authoring": True, "auth_scope": "public_repo", "auth_methods": ["token"]}
    assert config["publish_mode"] == "editorial_workflow"


def test_an_authenticator_adds_github_sign_in(taxonomy):
    config = yaml.safe_load(editor_config_text(taxonomy, "https://github.com/truong-mn/kho-stem",
                                               "https://sveltia-cms-auth.truong.workers.dev/"))
    assert config["backend"]["base_url"] == "https://sveltia-cms-auth.truong.workers.dev"
    assert config["backend"]["auth_methods"] == ["oauth", "token"]


@pytest.mark.parametrize("repo_url", [None, "", "https://gitlab.com/truong/kho", "https://github.com/only-owner",
                                      "http://github.com/a/b", "https://github.com/a/b/tree/main"])
def test_without_a_github_repository_the_form_uses_the_test_backend(taxonomy, repo_url):
    config = yaml.safe_load(editor_config_text(taxonomy, repo_url, None))
    assert config["backend"] == TEST_BACKEND and "publish_mode" not in config
    assert backend(repo_url, "https://auth.example.org") == TEST_BACKEND


@pytest.mark.parametrize("value", ["https://a.workers.dev", "https://auth.truong.edu.vn:8443/oauth"])
def test_authenticator_addresses_accepted(value):
    assert is_auth_url(value)


@pytest.mark.parametrize("value", ["http://a.workers.dev", "a.workers.dev", "https://", "https://a b.dev",
                                   "https://a.dev/?x=1", "javascript:alert(1)"])
def test_authenticator_addresses_refused(value):
    assert not is_auth_url(value)


def test_a_missing_or_incomplete_package_is_not_found(tmp_path):
    assert find_cms_package(tmp_path) is None
    folder = tmp_path / "node_modules" / "@sveltia" / "cms"
    folder.mkdir(parents=True)
    (folder / "package.json").write_text('{"version": "1.0.0"}', encoding="utf-8")
    assert find_cms_package(tmp_path) is None, "no script"
    (folder / "package.json").write_text("{not json", encoding="utf-8")
    assert find_cms_package(tmp_path) is None


@needs_cms
def test_the_vendored_script_asks_no_cdn_for_fonts():
    assert PACKAGE is not None
    assert b"cdn.jsdelivr.net" not in PACKAGE.script and PACKAGE.fonts
    assert all(path.is_file() for _, path in PACKAGE.fonts)


@needs_cms
def test_the_page_escapes_the_site_name_and_loads_the_setup_first():
    assert PACKAGE is not None
    page = editor_page_html("Kho <b>&</b>", PACKAGE)
    assert "Kho &lt;b&gt;&amp;&lt;/b&gt;" in page
    assert page.index("kho-stem-cms.js") < page.index(f'src="{SCRIPT}"')
    assert "</script>" not in page.split('id="kho-stem-cms-data">', 1)[1].split("</script>", 1)[0]


def small_project(folder: Path, with_cms: bool) -> Path:
    activities = write_project(folder)
    for bundle in starter_bundles()[:2]:
        shutil.copytree(bundle, activities / bundle.name)
    if with_cms:
        (folder / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return folder


def build(project: Path, caplog, **environment: str) -> tuple[Path, list[str]]:
    from kho_stem_mkdocs.commands import build_site

    site = project / "site"
    saved = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    try:
        with caplog.at_level(logging.WARNING):
            build_site(project / "mkdocs.yml", site, repo_url="https://github.com/truong-mn/kho-stem")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    # The plugin logger prefixes "kho_stem_mkdocs: ".
    return site, [record.getMessage().split(": ", 1)[-1] for record in caplog.records
                  if record.levelno >= logging.WARNING]


def test_without_npm_ci_the_build_says_so_and_leaves_the_form_out(tmp_path, caplog):
    site, warnings = build(small_project(tmp_path, with_cms=False), caplog)
    assert message("cms_not_installed") in warnings
    assert not (site / FOLDER).exists()
    assert "bien-tap" not in (site / "index.html").read_text(encoding="utf-8")


@needs_cms
def test_the_form_is_published_with_a_menu_entry_and_a_bad_authenticator_is_named(tmp_path, caplog):
    site, warnings = build(small_project(tmp_path, with_cms=True), caplog, KHO_STEM_CMS_AUTH_URL="auth.truong.dev")
    assert message("cms_bad_auth_url", variable="KHO_STEM_CMS_AUTH_URL", value="auth.truong.dev") in warnings
    config = yaml.safe_load((site / FOLDER / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"]["auth_methods"] == ["token"] and "base_url" not in config["backend"]
    for name in ("index.html", SCRIPT, "kho-stem-cms.js", "locales/vi.json", "chunks/react-dom.js"):
        assert (site / FOLDER / name).is_file(), name
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="{FOLDER}"' in home and message("cms_nav_label") in home
    # The entry follows the contributors' page in the menu.
    assert home.index('href="dong-gop/"') < home.index(f'href="{FOLDER}"')


@needs_cms
def test_the_form_can_be_switched_off(tmp_path, caplog):
    site, _ = build(small_project(tmp_path, with_cms=True), caplog, KHO_STEM_EDITOR="0")
    assert not (site / FOLDER).exists()
    assert "bien-tap" not in (site / "index.html").read_text(encoding="utf-8")


def _strings(tree: object) -> set[str]:
    if isinstance(tree, dict):
        return set().union(*(_strings(value) for value in tree.values()))
    return {tree} if isinstance(tree, str) else set()


@needs_cms
def test_the_guides_quote_the_forms_real_wording_and_show_real_pictures():
    """What the guides tell teachers to click is what the pinned CMS shows in Vietnamese."""
    import json

    assert PACKAGE is not None
    wording = _strings(json.loads((PACKAGE.folder / "locales" / "vi.json").read_text(encoding="utf-8")))
    guide = " ".join((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").split())  # lines wrap anywhere
    page = (ROOT / "content" / "pages" / "dong-gop.md").read_text(encoding="utf-8")
    for label in ("Đăng nhập bằng mã truy cập", "Gửi duyệt", "Đang duyệt", "Quy trình biên tập",
                  "Làm việc với kho mã nguồn thử nghiệm", "Lưu"):
        assert label in wording, label
        assert label in guide, label
    assert "Đăng nhập bằng {$service}" in wording and "Đăng nhập bằng GitHub" in guide + page
    assert "KHO_STEM_CMS_AUTH_URL" in guide and "sveltia-cms-auth" in guide
    pictures = [line.split("](", 1)[1].split(")", 1)[0] for line in page.splitlines() if "](images/bieu-mau/" in line]
    assert len(pictures) >= 3
    for picture in pictures:
        assert (ROOT / "content" / "pages" / picture).is_file(), picture
