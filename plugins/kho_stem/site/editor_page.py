"""The editor page (``bien-tap/``): the web form core teachers write cards in (Sveltia CMS).

The CMS script comes from npm (``package.json`` pins it; ``npm ci`` puts it in ``node_modules``)
and is copied into the site by the build: the page loads nothing from a CDN. Its configuration is
the generated one (``kho_stem/outputs/cms_config.py``) plus the ``backend``: the GitHub repository
the site is published from, or, for a build without one, the CMS's test backend (kept in the
browser only), so that a local build still shows the form.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kho_stem.diagnostics.messages import message
from kho_stem.outputs.cms_config import HEADER, cms_config
from kho_stem.site.scripts import EDITOR_SCRIPTS
from kho_stem.taxonomy.vocabularies import Taxonomy

FOLDER = "bien-tap/"
PACKAGE = "@sveltia/cms"
SCRIPT = "sveltia-cms.js"
BOOTSTRAP = EDITOR_SCRIPTS[0]  # in kho_stem/site/assets, copied beside the CMS script
# Files of the package the page loads: the script, the chunk it loads beside itself, and the
# interface strings it would otherwise fetch from its CDN (Vietnamese, and English as fallback).
VENDORED = (SCRIPT, "chunks/react-dom.js", "locales/vi.json", "locales/en-US.json")
LOCALE = "vi"
PREFS_KEY = "sveltia-cms.prefs"  # where the CMS keeps its preferences (interface language)
CDN = "https://unpkg.com/"
# The CMS's check for a newer version than the pinned one: answered "not found" by the page (the
# version is upgraded in package.json, and the page makes no request outside the site).
UPDATE_CHECK = f"{CDN}{PACKAGE}/package.json"
# Its check of GitHub's status page (a banner during GitHub incidents), answered the same way: the
# sign-in page asks for it before anyone signs in, and the page loads nothing from outside the site.
GITHUB_STATUS = "https://www.githubstatus.com/api/v2/status.json"
# The CMS's interface fonts, which its script asks a CDN for; the package ships the same files.
# Bytes, not text: the script is 2 MB of UTF-8, which Python's str would hold at 4 bytes a character.
_CDN_FONT = re.compile(rb"https://cdn\.jsdelivr\.net/fontsource/fonts/([a-z0-9-]+)(?::vf)?@[0-9.]+/([a-z0-9-]+)\.woff2")
FONTS_FOLDER = "fonts/"
TEST_BACKEND = {"name": "test-repo"}
_GITHUB_REPO = re.compile(r"^https://github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?$")
ASSETS = Path(__file__).resolve().parent / "assets"


@dataclass(frozen=True)
class CmsPackage:
    folder: Path
    version: str
    script: bytes  # the CMS script with its font addresses pointing at the copies beside it
    fonts: tuple[tuple[str, Path], ...]  # (name in FONTS_FOLDER, the package's file)

    @property
    def cdn_prefix(self) -> str:
        return f"{CDN}{PACKAGE}@{self.version}/"


def find_cms_package(project_root: Path) -> CmsPackage | None:
    """The CMS as ``npm ci`` installed it, or None when it is not installed (or incomplete)."""
    folder = project_root / "node_modules" / PACKAGE
    try:
        version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
        script = (folder / "dist" / SCRIPT).read_bytes()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not all(_package_file(folder, name).is_file() for name in VENDORED):
        return None
    fonts: dict[str, Path] = {}
    for found in set(_CDN_FONT.finditer(script)):
        family, variant = found[1].decode("ascii"), found[2].decode("ascii")
        copies = sorted((folder / "npm" / "assets").glob(f"{family}-{variant}-*.woff2"))
        if not copies:
            return None
        fonts[f"{family}-{variant}.woff2"] = copies[0]
    script = _CDN_FONT.sub(lambda found: FONTS_FOLDER.encode() + found[1] + b"-" + found[2] + b".woff2", script)
    return CmsPackage(folder, str(version), script, tuple(sorted(fonts.items())))


def _package_file(folder: Path, name: str) -> Path:
    # The script and its chunks are under dist/ in the package; the locales at its top.
    return folder / "dist" / name if name == SCRIPT or name.startswith("chunks/") else folder / name


def is_auth_url(value: str) -> bool:
    """An authenticator address the CMS can use: https, a host, no query or fragment."""
    return re.fullmatch(r"https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s?#]*)?", value) is not None


def backend(repo_url: str | None, auth_url: str | None) -> dict[str, Any]:
    """Where the form saves: the site's GitHub repository (a branch and a pull request per card;
    a fork for teachers without write access), or the test backend when the site names none."""
    found = _GITHUB_REPO.match(repo_url or "")
    if not found:
        return dict(TEST_BACKEND)
    settings: dict[str, Any] = {"name": "github", "repo": f"{found[1]}/{found[2]}", "branch": "main",
                                "open_authoring": True, "auth_scope": "public_repo"}
    if auth_url:
        # The school's authenticator (a small OAuth proxy): "Đăng nhập bằng GitHub", and a token as fallback.
        settings.update(base_url=auth_url.rstrip("/"), auth_methods=["oauth", "token"])
    else:
        settings["auth_methods"] = ["token"]
    return settings


def editor_config_text(taxonomy: Taxonomy, repo_url: str | None, auth_url: str | None) -> str:
    config = {"backend": backend(repo_url, auth_url), **cms_config(taxonomy)}
    if config["backend"] == TEST_BACKEND:
        # The test backend saves straight into the browser: it has no branches or pull requests.
        del config["publish_mode"]
    return HEADER + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def page_data(package: CmsPackage) -> dict[str, Any]:
    """What the page's setup script needs (kho-stem-cms.js), written once here."""
    return {"cdnPrefix": package.cdn_prefix, "localBase": "./", "vendored": [name for name in VENDORED if
                                                                              name.startswith("locales/")],
            "refused": [UPDATE_CHECK, GITHUB_STATUS], "locale": LOCALE, "prefsKey": PREFS_KEY}


def editor_page_html(site_name: str, package: CmsPackage) -> str:
    title = html.escape(f"{message('cms_page_title', LOCALE)} – {site_name}")
    # "</" cannot end the data script early: JSON escapes it.
    data = json.dumps(page_data(package), ensure_ascii=False).replace("</", "<\\/")
    return (
        "<!doctype html>\n"
        f'<html lang="{LOCALE}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{title}</title>\n"
        '<link href="config.yml" type="application/yaml" rel="cms-config-url">\n'
        f'<script type="application/json" id="kho-stem-cms-data">{data}</script>\n'
        f'<script src="{BOOTSTRAP}"></script>\n'
        f'<script src="{SCRIPT}"></script>\n'
        "</head>\n<body>\n"
        f"<noscript>{html.escape(message('cms_page_noscript', LOCALE))}</noscript>\n"
        "</body>\n</html>\n"
    )


@dataclass(frozen=True)
class EditorFiles:
    generated: dict[str, str | bytes]  # site path -> content
    copied: dict[str, Path]  # site path -> file to copy


def editor_files(taxonomy: Taxonomy, package: CmsPackage, site_name: str, repo_url: str | None,
                 auth_url: str | None) -> EditorFiles:
    copied = {f"{FOLDER}{name}": _package_file(package.folder, name) for name in VENDORED if name != SCRIPT}
    copied.update({f"{FOLDER}{FONTS_FOLDER}{name}": path for name, path in package.fonts})
    copied.update({f"{FOLDER}{FONTS_FOLDER}{path.name}": path
                   for path in sorted((package.folder / "npm" / "assets").glob("*.LICENSE.txt"))})
    copied[f"{FOLDER}{BOOTSTRAP}"] = ASSETS / BOOTSTRAP
    return EditorFiles(
        generated={f"{FOLDER}index.html": editor_page_html(site_name, package),
                   f"{FOLDER}config.yml": editor_config_text(taxonomy, repo_url, auth_url),
                   f"{FOLDER}{SCRIPT}": package.script},
        copied=copied,
    )
