"""The ``kho-stem`` MkDocs plugin: validate the cards, then add the library's pages to the site.

Cards live outside ``docs_dir`` (in ``activities/``); each becomes a generated page. The plugin only
orchestrates: validation and rendering are the core's (``kho_stem``), which never imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kho_stem.cards import Card, ImageCache, load_reviews
from kho_stem.diagnostics import DiagnosticError
from kho_stem.outputs import expand_markers, unused_theme_files
from kho_stem.site import (
    DATA_SCRIPT,
    PAGE_SCRIPTS,
    SEARCH_TEXT_SCRIPT,
    STYLESHEET,
    GeneratedPage,
    LibrarySite,
    Linker,
    PageEntry,
    PrintSettings,
    catalog_page,
    page_entry,
)
from kho_stem.taxonomy import Taxonomy, load_taxonomy
from kho_stem.validation import CheckResult, check_library, find_card_files
from kho_stem_mkdocs.handoff import take

if TYPE_CHECKING:  # only annotations: serving is the one command that loads the live-reload server
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)
REVIEWED_ONLY_VARIABLE = "KHO_STEM_REVIEWED_ONLY"
# Our header partials: Material's header with the library's search in place of Material's.
TEMPLATES = Path(__file__).resolve().parent / "templates"


class KhoStemConfig(Config):
    activities_dir = c.Type(str, default="activities")
    taxonomy_dir = c.Type(str, default="content/taxonomy")
    language = c.Choice(("vi", "en"), default="vi")
    # Derived images (resized, no metadata), by hash of source and settings; safe to delete.
    image_cache_dir = c.Type(str, default=".cache/kho-stem/images")
    # Card bodies rendered and sanitised, by hash of body, policy and code; safe to delete.
    body_cache_dir = c.Type(str, default=".cache/kho-stem/bodies")
    # An official copy: unreviewed cards are left out of every page, list, catalog and export.
    # `build.py build --reviewed-only` sets it through the KHO_STEM_REVIEWED_ONLY variable.
    reviewed_only = c.Type(bool, default=False)
    # The review board's reviews, bound to each card's content by its hash (see kho_stem.cards.reviews).
    reviews_file = c.Type(str, default="content/reviews.yml")


class _CacheLinkedFile(File):
    """An image variant from our cache, hard-linked into the site instead of copied.

    Thousands of variants made copying them, and deleting the previous site's copies, a large
    part of a build. The cache only ever replaces a file by renaming a new one over it, so a
    linked site file never changes afterwards; across file systems it is copied as before."""

    def copy_file(self, dirty: bool = False) -> None:
        assert self.abs_src_path is not None
        target = Path(self.abs_dest_path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)
            os.link(self.abs_src_path, target)
        except OSError:
            super().copy_file(dirty)


class KhoStemPlugin(BasePlugin[KhoStemConfig]):
    def __init__(self) -> None:
        self.taxonomy: Taxonomy | None = None
        self.result: CheckResult | None = None
        self.site: LibrarySite | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.page_entries: list[PageEntry] = []
        # What the last build made, kept so that serve's preview can rebuild one card page alone.
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env: Environment | None = None

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path).parent / value).resolve()

    @property
    def official(self) -> bool:
        return self.config.reviewed_only or os.environ.get(REVIEWED_ONLY_VARIABLE, "") == "1"

    def published_cards(self) -> list[Card]:
        assert self.result is not None
        if not self.official:
            return self.result.cards
        return [card for card in self.result.cards if card.is_reviewed]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        language = self.config.language
        activities = self._path(config, self.config.activities_dir)
        taxonomy_dir = self._path(config, self.config.taxonomy_dir)
        reviews_file = self._path(config, self.config.reviews_file)
        # `build.py build` has just checked this library: validate once per build.
        checked = take(activities, taxonomy_dir, reviews_file)
        if checked is not None:
            self.taxonomy, self.result = checked.taxonomy, checked.result
        else:
            self.taxonomy, self.result = self._check(config, activities, taxonomy_dir, reviews_file)
        for warning in self.result.warnings:
            log.warning(warning.render(language))
        if not self.result.ok:
            lines = [p.render(language) for p in self.result.errors]
            raise PluginError("\n".join(lines))
        log.info("%d thẻ hoạt động hợp lệ", len(self.result.cards))
        # Card pages give their sections ids with attr_list ({ #an-toan }).
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        for script in PAGE_SCRIPTS:  # in their load order (site/scripts.py)
            if script not in config.extra_javascript:
                config.extra_javascript.append(script)
        # Before Material's templates, after a site's own custom_dir (which may override ours).
        if str(TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        linker = Linker(config.use_directory_urls)
        config.extra["kho_stem"] = {"data": DATA_SCRIPT, "text": SEARCH_TEXT_SCRIPT,
                                    "catalog": linker.url(catalog_page())}
        return config

    def _check(
        self, config: MkDocsConfig, activities: Path, taxonomy_dir: Path, reviews_file: Path
    ) -> tuple[Taxonomy, CheckResult]:
        try:
            taxonomy = load_taxonomy(taxonomy_dir)
        except DiagnosticError as error:
            raise PluginError("\n".join(p.render(self.config.language) for p in error.problems)) from None
        files = find_card_files([activities]) if activities.is_dir() else []
        body_cache = self._path(config, self.config.body_cache_dir)
        result = check_library(
            files, taxonomy, image_folders=[activities] if files else [], reviews=load_reviews(reviews_file),
            body_cache_dir=body_cache, verdict_cache_dir=body_cache.parent / "verdicts")
        return taxonomy, result

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.result is not None and self.taxonomy is not None
        cache = ImageCache(self._path(config, self.config.image_cache_dir))
        cards = self.published_cards()
        images = cache.publish(image for card in cards for image in card.images)
        print_settings = PrintSettings(config.site_name, config.site_url or None)
        self.site = LibrarySite(cards, self.taxonomy, Linker(config.use_directory_urls), images, print_settings,
                                official=self.official)
        for copied in self.site.files():
            kind = _CacheLinkedFile if copied.path.is_relative_to(cache.folder) else File
            files.append(kind.generated(config, copied.src, abs_src_path=str(copied.path)))
        self.generated = self.site.pages()
        for name, content in self.site.exports(dt.date.today().isoformat()).items():
            files.append(File.generated(config, name, content=content))
        # Static files, not pages: kept out of the navigation, the search data and the sitemap.
        for name, content in self.site.redirects().items():
            files.append(File.generated(config, name, content=content))
        self.page_entries = []
        for src, page in self.generated.items():
            inclusion = InclusionLevel.NOT_IN_NAV if self.site.is_card_page(src) else InclusionLevel.UNDEFINED
            files.append(File.generated(config, src, content=page.markdown, inclusion=inclusion))
        # Cards, pages and files live until the build ends. Freezing them keeps the garbage
        # collector from rescanning them on every full collection, which made large builds
        # grow faster than the card count.
        gc.freeze()
        self.files = files
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        self.env = env
        return env

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., None]
    ) -> LiveReloadServer:
        # Cards and taxonomy live outside docs_dir: watch them too so edits rebuild the site.
        server.watch(str(self._path(config, self.config.activities_dir)))
        server.watch(str(self._path(config, self.config.taxonomy_dir)))
        return server

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.taxonomy is not None and self.site is not None
        markdown = expand_markers(markdown, self.taxonomy, config.repo_url or None)
        return self.site.expand_markers(markdown, page.file.src_uri)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        source = page.file.src_uri
        generated = self.generated.get(source)
        if not self.site.is_card_page(source):
            # Cards are searched from their own data; other pages by title, and by text when
            # written by hand (generated lists would only repeat the cards).
            self.page_entries.append(page_entry(page.file.url, str(page.title or ""), None if generated else html))
        return generated.fill(html) if generated else html

    def on_post_build(self, config: MkDocsConfig) -> None:
        gc.unfreeze()
        assert self.site is not None
        for name, script in self.site.data_scripts(self.page_entries).items():
            target = Path(config.site_dir) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(script, encoding="utf-8")
        # Material ships its search engine and source maps with every site; no page here loads them.
        for unused in unused_theme_files(Path(config.site_dir)):
            unused.unlink()
        for folder in ("assets/javascripts/lunr", "assets/javascripts/workers"):
            shutil.rmtree(Path(config.site_dir) / folder, ignore_errors=True)
