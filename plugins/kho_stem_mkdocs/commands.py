"""``build.py build``, ``serve``, ``offline`` and ``zim``: MkDocs with the project's mkdocs.yml.

A build goes into a fresh folder beside ``site/`` and replaces it only when it succeeded, so a
failed build (a broken card) leaves the previous site intact.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.commands.serve import serve as mkdocs_serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from kho_stem.diagnostics import page_failure
from kho_stem.outputs import (
    OFFLINE_LEFTOVERS,
    OfflineCopy,
    ZimBook,
    ZimFile,
    ZimMetadata,
    check_title,
    clean_stale,
    externalise_inline_scripts,
    illustration_png,
    pack,
    pack_zim,
    readme_text,
    site_leftovers,
    work_prefix,
)
from kho_stem_mkdocs.plugin import EDITOR_VARIABLE, KhoStemPlugin
from kho_stem_mkdocs.serving import serve_preview

_PAGE_IN_LOG = re.compile(r"page '([^']+)'")


class BuildFailed(Exception):
    pass


class _ErrorCollector(logging.Handler):
    """MkDocs logs a failing plugin's message and raises a bare Abort; keep the message."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config_file: Path, site_dir: Path, strict: bool = False, **overrides: Any) -> MkDocsConfig:
    """Build into ``site_dir`` (replaced only on success); ``overrides`` change mkdocs.yml settings
    (any value a setting takes: MkDocs validates them as it does mkdocs.yml)."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(site_dir.parent, site_leftovers(site_dir))
    staging = Path(tempfile.mkdtemp(prefix=work_prefix("site"), dir=site_dir.parent))
    collector = _ErrorCollector()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(collector)
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict, **overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        _swap_in(staging, site_dir)
        return config
    except (Abort, ConfigurationError, PluginError) as error:
        raise BuildFailed("\n".join(collector.messages) or str(error)) from None
    except RecursionError:
        # The card limits (limits.yml) stop the nesting known to recurse this deep; should another
        # shape get through, name the page and its card instead of showing a traceback.
        raise BuildFailed(_failed_page(collector.messages, "RecursionError")) from None
    finally:
        mkdocs_logger.removeHandler(collector)
        shutil.rmtree(staging, ignore_errors=True)


def _failed_page(logged: list[str], reason: str) -> str:
    """MkDocs logs "Error reading page 'hoat-dong/<slug>/index.md': …" before re-raising."""
    for line in logged:
        found = _PAGE_IN_LOG.search(line)
        if found:
            return page_failure(found.group(1), reason)
    return page_failure("?", reason)


def _swap_in(staging: Path, site_dir: Path) -> None:
    previous = site_dir.with_name(site_dir.name + ".old")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)


def serve_site(config_file: Path, address: str, preview: bool = True) -> None:
    """Serve with live reload; with ``preview`` an edited card's page is rebuilt alone (``serving.py``),
    otherwise every change rebuilds the whole site as ``mkdocs serve`` does."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        if preview:
            serve_preview(config_file, address)
        else:
            mkdocs_serve(str(config_file), dev_addr=address, livereload=True)
    except (Abort, ConfigurationError, PluginError) as error:
        raise BuildFailed(str(error)) from None


def build_offline(config_file: Path, target: Path) -> OfflineCopy:
    """Build the site with file URLs (pages open from a folder, no server) and pack it as ``target``."""
    with _work_folder(target, "offline") as work:
        site = Path(work) / "site"
        config, plugin = _build_file_url_site(config_file, site)
        cards = len(plugin.published_cards())
        readme = readme_text(config.site_name, cards, dt.datetime.now(), config.site_url or None, plugin.official)
        return pack(site, target, readme, cards)


def build_zim(config_file: Path, target: Path, metadata: ZimMetadata) -> ZimFile:
    """Build the site with file URLs, as the offline copy, and write it as the ZIM ``target``.

    Raises ZimFailed when libzim cannot write it (nothing is left under ``target`` then)."""
    check_title(load_config(str(config_file)).site_name, config_file)  # before a build that takes minutes
    with _work_folder(target, "offline") as work:
        site = Path(work) / "site"
        config, plugin = _build_file_url_site(config_file, site)
        externalise_inline_scripts(site)
        book = ZimBook(metadata, config.site_name, config.site_description or "", config.copyright or "",
                       dt.date.today(), illustration_png(site / config.theme["favicon"]))
        try:
            return pack_zim(site, target, book, len(plugin.published_cards()))
        except RuntimeError as error:  # libzim's own failures (a full disk, an entry it refuses)
            raise ZimFailed(str(error)) from None


class ZimFailed(Exception):
    pass


def _work_folder(target: Path, kind: str) -> tempfile.TemporaryDirectory[str]:
    """A work folder beside ``target`` (same disk, so the finished file is renamed, not copied)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target.parent, OFFLINE_LEFTOVERS)
    try:
        return tempfile.TemporaryDirectory(prefix=work_prefix(kind), dir=target.parent)
    except OSError as error:  # name the target people chose, not our work folder inside it
        raise OSError(error.errno, error.strerror, str(target)) from None


def _build_file_url_site(config_file: Path, site: Path) -> tuple[MkDocsConfig, KhoStemPlugin]:
    # No repository link either: the theme would ask GitHub's API for its stars, a request
    # that an offline copy must never make.
    # The editor page saves through GitHub: it has no use in a copy opened from a folder.
    previous = os.environ.get(EDITOR_VARIABLE)
    os.environ[EDITOR_VARIABLE] = "0"
    try:
        config = build_site(config_file, site, use_directory_urls=False, repo_url="")
    finally:
        if previous is None:
            os.environ.pop(EDITOR_VARIABLE, None)
        else:
            os.environ[EDITOR_VARIABLE] = previous
    plugin = config.plugins["kho-stem"]
    # "kho-stem" is our entry point's name: MkDocs always loads KhoStemPlugin under it.
    assert isinstance(plugin, KhoStemPlugin), type(plugin)
    return config, plugin
