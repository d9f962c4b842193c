"""The ``kho-stem`` MkDocs plugin: validate the cards and fill generated guide tables."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kho_stem.diagnostics import DiagnosticError
from kho_stem.guide_tables import expand_markers
from kho_stem.library import CheckResult, check_library, find_card_files
from kho_stem.taxonomy import Taxonomy, load_taxonomy

log = get_plugin_logger(__name__)


class KhoStemConfig(Config):
    activities_dir = c.Type(str, default="activities")
    taxonomy_dir = c.Type(str, default="content/taxonomy")
    language = c.Choice(("vi", "en"), default="vi")


class KhoStemPlugin(BasePlugin[KhoStemConfig]):
    def __init__(self) -> None:
        self.taxonomy: Taxonomy | None = None
        self.result: CheckResult | None = None

    def _path(self, config: MkDocsConfig, value: str) -> Path:
        return (Path(config.config_file_path).parent / value).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        language = self.config.language
        try:
            self.taxonomy = load_taxonomy(self._path(config, self.config.taxonomy_dir))
        except DiagnosticError as error:
            raise PluginError("\n".join(p.render(language) for p in error.problems)) from None
        activities = self._path(config, self.config.activities_dir)
        files = find_card_files([activities]) if activities.is_dir() else []
        self.result = check_library(files, self.taxonomy)
        for warning in self.result.warnings:
            log.warning(warning.render(language))
        if not self.result.ok:
            lines = [p.render(language) for p in self.result.errors]
            raise PluginError("\n".join(lines))
        log.info("%d thẻ hoạt động hợp lệ", len(self.result.cards))
        return config

    def on_serve(self, server, config: MkDocsConfig, builder):
        # Cards and taxonomy live outside docs_dir: watch them too so edits rebuild the site.
        server.watch(str(self._path(config, self.config.activities_dir)))
        server.watch(str(self._path(config, self.config.taxonomy_dir)))
        return server

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.taxonomy is not None
        return expand_markers(markdown, self.taxonomy)
