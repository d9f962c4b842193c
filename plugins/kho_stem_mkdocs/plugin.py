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
from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page

from kho_stem.cards import Card, ImageCache, link_from_cache, load_reviews
from kho_stem.diagnostics import DiagnosticError, message
from kho_stem.outputs import LessonPlanFiles, expand_markers, unused_theme_files
from kho_stem.site import (
    DATA_SCRIPT,
    EDITOR_FOLDER,
    LESSON_PLAN_TEMPLATE_SCRIPT,
    PAGE_SCRIPTS,
    PLAN_DATA_SCRIPT,
    SEARCH_TEXT_SCRIPT,
    SEARCH_TEXTS,
    STYLESHEET,
    GeneratedPage,
    LibrarySite,
    Linker,
    PageEntry,
    PrintSettings,
    card_print_file,
    catalog_page,
    editor_files,
    find_cms_package,
    is_auth_url,
    page_entry,
    plan_config,
)
from kho_stem.taxonomy import Taxonomy, load_taxonomy
from kho_stem.validation import CheckResult, check_library, find_card_files
from kho_stem_mkdocs.handoff import take
from kho_stem_mkdocs.stub_renderings import StubRenderings, last_to_change_markdown

if TYPE_CHECKING:  # only annotations: serving is the one command that loads the live-reload server
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)
REVIEWED_ONLY_VARIABLE = "KHO_STEM_REVIEWED_ONLY"
# "0" leaves the editor page (bien-tap/) and its menu entry out: `build.py offline` sets it.
EDITOR_VARIABLE = "KHO_STEM_EDITOR"
# The school's sign-in helper for the editor (an OAuth proxy such as Sveltia's Cloudflare Worker).
CMS_AUTH_VARIABLE = "KHO_STEM_CMS_AUTH_URL"
# Our header partials: Material's header with the library's search in place of Material's.
TEMPLATES = Path(__file__).resolve().parent / "templates"
CONTRIBUTING_PAGE = "dong-gop.md"


class KhoStemConfig(Config):
    activities_dir = c.Type(str, default="activities")
    taxonomy_dir = c.Type(str, default="content/taxonomy")
    language = c.Choice(("vi", "en"), default="vi")
    # Derived images (resized, no metadata), by hash of source and settings; safe to delete.
    image_cache_dir = c.Type(str, default=".cache/kho-stem/images")
    # Card bodies rendered and sanitised, by hash of body, policy and code; safe to delete.
    body_cache_dir = c.Type(str, default=".cache/kho-stem/bodies")
    # Each card's giáo án (.docx), by hash of the card's content, taxonomy and code; safe to delete.
    lesson_plan_cache_dir = c.Type(str, default=".cache/kho-stem/giao-an")
    # An official copy: unreviewed cards are left out of every page, list, catalog and export.
    # `build.py build --reviewed-only` sets it through the KHO_STEM_REVIEWED_ONLY variable.
    reviewed_only = c.Type(bool, default=False)
    # The review board's reviews, bound to each card's content by its hash (see kho_stem.cards.reviews).
    reviews_file = c.Type(str, default="content/reviews.yml")
    # The web form for writing cards (bien-tap/), when the CMS is installed (npm ci).
    editor = c.Type(bool, default=True)


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
        self.lesson_plan_files: LessonPlanFiles | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.page_entries: list[PageEntry] = []
        self.card_bodies: dict[str, str] = {}  # slug -> the card page's body, for printing a plan's cards
        # What the last build made, kept so that serve's preview can rebuild one card page alone.
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env: Environment | None = None
        self.editor_added = False
        # Card pages with the same stub are rendered by MkDocs once (see stub_renderings).
        self.stubs = StubRenderings()
        self.reuse_stubs = False

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path).parent / value).resolve()

    @property
    def official(self) -> bool:
        return self.config.reviewed_only or os.environ.get(REVIEWED_ONLY_VARIABLE, "") == "1"

    @property
    def editor_wanted(self) -> bool:
        return self.config.editor and os.environ.get(EDITOR_VARIABLE, "") != "0"

    def _add_editor(self, files: Files, config: MkDocsConfig) -> None:
        assert self.taxonomy is not None
        package = find_cms_package(Path(config.config_file_path).parent)
        if package is None:
            log.warning(message("cms_not_installed", self.config.language))
            return
        auth_url = os.environ.get(CMS_AUTH_VARIABLE, "").strip() or None
        if auth_url is not None and not is_auth_url(auth_url):
            log.warning(message("cms_bad_auth_url", self.config.language, variable=CMS_AUTH_VARIABLE, value=auth_url))
            auth_url = None
        editor = editor_files(self.taxonomy, package, config.site_name, config.repo_url or None, auth_url)
        for name, content in editor.generated.items():
            files.append(File.generated(config, name, content=content))
        for name, path in editor.copied.items():
            files.append(File.generated(config, name, abs_src_path=str(path)))
        self.editor_added = True

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
        self.stubs.clear()  # a new build may render Markdown with other settings
        self.reuse_stubs = last_to_change_markdown(config.plugins, self)
        linker = Linker(config.use_directory_urls)
        config.extra["kho_stem"] = {"data": DATA_SCRIPT, "text": SEARCH_TEXT_SCRIPT,
                                    "catalog": linker.url(catalog_page()), "plan": plan_config(self.taxonomy),
                                    "failed": SEARCH_TEXTS["textFailed"]}
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
        lesson_plans = LessonPlanFiles(self._path(config, self.config.lesson_plan_cache_dir), self.taxonomy)
        self.lesson_plan_files = lesson_plans
        self.site = LibrarySite(cards, self.taxonomy, Linker(config.use_directory_urls), images, print_settings,
                                official=self.official)
        try:
            self.site.lesson_plans, problems = lesson_plans.publish(self.site.facts)
            self.site.lesson_plan_scripts = lesson_plans.scripts(self.site.lesson_plans)
        except DiagnosticError as error:
            raise PluginError("\n".join(p.render(self.config.language) for p in error.problems)) from None
        for problem in problems:
            log.warning(problem.render(self.config.language))
        cached = (cache.folder, lesson_plans.folder)
        for copied in self.site.files():
            kind = _CacheLinkedFile if any(copied.path.is_relative_to(folder) for folder in cached) else File
            files.append(kind.generated(config, copied.src, abs_src_path=str(copied.path)))
        self.generated = self.site.pages()
        for name, content in self.site.exports(dt.date.today().isoformat()).items():
            files.append(File.generated(config, name, content=content))
        # Static files, not pages: kept out of the navigation, the search data and the sitemap.
        for name, content in self.site.redirects().items():
            files.append(File.generated(config, name, content=content))
        self.editor_added = False
        if self.editor_wanted:
            self._add_editor(files, config)
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
        if self.editor_added:
            # After the contributors' page when the menu has one, else last.
            link = Link(message("cms_nav_label", self.config.language), EDITOR_FOLDER)
            after = next((index for index, item in enumerate(nav.items)
                          if isinstance(item, Page) and item.file.src_uri == CONTRIBUTING_PAGE), len(nav.items) - 1)
            nav.items.insert(after + 1, link)
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
        source = page.file.src_uri
        markdown = expand_markers(markdown, self.taxonomy, config.repo_url or None)
        markdown = self.site.expand_markers(markdown, source)
        if self.reuse_stubs and source in self.generated and self.site.is_card_page(source):
            return self.stubs.markdown_to_render(page, markdown)
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.site is not None
        source = page.file.src_uri
        html = self.stubs.content(page, html)
        generated = self.generated.get(source)
        if not self.site.is_card_page(source):
            # Cards are searched from their own data; other pages by title, and by text when
            # written by hand (generated lists would only repeat the cards).
            self.page_entries.append(page_entry(page.file.url, str(page.title or ""), None if generated else html))
        filled = generated.fill(html) if generated else html
        slug = self.site.slug_of(source)
        if generated and slug:
            self.card_bodies[slug] = filled
        return filled

    def printable_cache_dir(self, config: MkDocsConfig) -> Path:
        """Where each card's printable body script is kept by its content (``link_from_cache``)."""
        return self._path(config, self.config.body_cache_dir).parent / "printable"

    def _write_lesson_plan_scripts(self, site_dir: Path) -> None:
        """The plan page's whole-plan .docx: the template's parts once (each card's part is linked
        beside its page from the cache, ``LessonPlanFiles.scripts``)."""
        assert self.lesson_plan_files is not None
        (site_dir / LESSON_PLAN_TEMPLATE_SCRIPT).write_text(self.lesson_plan_files.template_script(), encoding="utf-8")

    def on_post_build(self, config: MkDocsConfig) -> None:
        gc.unfreeze()
        assert self.site is not None
        for name, script in self.site.data_scripts(self.page_entries).items():
            target = Path(config.site_dir) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(script, encoding="utf-8")
        (Path(config.site_dir) / PLAN_DATA_SCRIPT).write_text(self.site.plan_script(), encoding="utf-8")
        printable = self.printable_cache_dir(config)
        for slug, body in self.card_bodies.items():
            link_from_cache(Path(config.site_dir) / card_print_file(slug),
                            self.site.card_print(slug, body).encode("utf-8"), printable)
        self.card_bodies = {}
        self._write_lesson_plan_scripts(Path(config.site_dir))
        # Material ships its search engine and source maps with every site; no page here loads them.
        for unused in unused_theme_files(Path(config.site_dir)):
            unused.unlink()
        for folder in ("assets/javascripts/lunr", "assets/javascripts/workers"):
            shutil.rmtree(Path(config.site_dir) / folder, ignore_errors=True)
