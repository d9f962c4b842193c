"""``build.py serve``: MkDocs' live-reload server with a builder that rebuilds only what a card edit needs.

MkDocs' own ``serve`` rebuilds the whole site on any change. Ours looks at what changed since the
last build (modification times and sizes of every watched file): when only published cards did,
their pages are rebuilt alone (``preview.py``); anything else (a new or deleted card, an image,
the taxonomy, a page, mkdocs.yml) gets a full build, as MkDocs does.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _serve_url

from kho_stem.diagnostics import display_path, message
from kho_stem_mkdocs.plugin import KhoStemPlugin
from kho_stem_mkdocs.preview import previewable, rebuild_cards

log = logging.getLogger("mkdocs.kho_stem.serve")
Snapshot = dict[Path, tuple[int, int]]


def snapshot(roots: Iterable[Path]) -> Snapshot:
    """Modification time and size of every file under ``roots`` (files or folders)."""
    seen: Snapshot = {}
    for root in roots:
        if root.is_file():
            info = root.stat()
            seen[root] = (info.st_mtime_ns, info.st_size)
            continue
        for folder, _, names in os.walk(root):
            for name in names:
                if name.startswith(".") or name.endswith("~"):  # editors' swap and backup files
                    continue
                path = Path(folder, name)
                try:
                    info = path.stat()
                except OSError:  # deleted while we looked: the next look sees it gone
                    continue
                seen[path] = (info.st_mtime_ns, info.st_size)
    return seen


def changed_files(before: Snapshot, after: Snapshot) -> set[Path]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


class PreviewBuilder:
    """The server's builder: a full build first and whenever needed, otherwise one page per edited card."""

    def __init__(self, config_file: Path, site_dir: Path, serve_url: str) -> None:
        self.config_file = config_file
        self.site_dir = site_dir
        self.serve_url = serve_url
        self.config: MkDocsConfig | None = None  # the last full build that succeeded
        self.seen: Snapshot = {}

    def load(self) -> MkDocsConfig:
        config = load_config(str(self.config_file), site_dir=str(self.site_dir))
        config.site_url = self.serve_url
        return config

    def watched(self, config: MkDocsConfig) -> list[Path]:
        plugin = _plugin(config)
        roots = [Path(config.docs_dir), Path(config.config_file_path),
                 plugin._path(config, plugin.config.activities_dir), plugin._path(config, plugin.config.taxonomy_dir),
                 plugin._path(config, plugin.config.reviews_file), *(Path(item) for item in config.watch)]
        return [root.resolve() for root in roots if root.exists()]

    def __call__(self, config: MkDocsConfig | None = None) -> None:
        if config is None and self.config is not None:
            now = snapshot(self.watched(self.config))
            changed = changed_files(self.seen, now)
            if not changed:  # only files nobody reads changed (an editor's swap file)
                return
            plugin = _plugin(self.config)
            if previewable(plugin, changed):
                self.seen = now
                start = time.perf_counter()
                outcomes = rebuild_cards(plugin, self.config, changed)
                if outcomes is not None:
                    language, seconds = plugin.config.language, f"{time.perf_counter() - start:.2f}"
                    for outcome in outcomes:
                        if outcome.problems:
                            log.info(message("preview_broken", language, card=display_path(outcome.card),
                                             problems=len(outcome.problems)))
                        else:
                            log.info(message("preview_rebuilt", language, card=display_path(outcome.card),
                                             seconds=seconds))
                    return
        self.full(config)

    def full(self, config: MkDocsConfig | None = None) -> None:
        log.info("Building documentation...")
        self.config = None  # until this build succeeds, every change needs a full build
        config = config or self.load()
        seen = snapshot(self.watched(config))
        mkdocs_build(config, serve_url=self.serve_url)
        self.config, self.seen = config, seen


def _plugin(config: MkDocsConfig) -> KhoStemPlugin:
    plugin = config.plugins["kho-stem"]
    # "kho-stem" is our entry point's name: MkDocs always loads KhoStemPlugin under it.
    assert isinstance(plugin, KhoStemPlugin), type(plugin)
    return plugin


def serve_preview(config_file: Path, address: str) -> None:
    """Serve like ``mkdocs serve`` (live reload, a temporary site folder), rebuilding with ``PreviewBuilder``."""
    site_dir = Path(tempfile.mkdtemp(prefix="kho-stem-serve-"))
    try:
        first = load_config(str(config_file), site_dir=str(site_dir), dev_addr=address)
        first.plugins.on_startup(command="serve", dirty=False)
        host, port = first.dev_addr
        mount_path = urlsplit(first.site_url or "/").path
        serve_url = _serve_url(host, port, mount_path)
        first.site_url = serve_url
        builder = PreviewBuilder(config_file, site_dir, serve_url)
        server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir), mount_path=mount_path)
        server.error_handler = lambda code: _error_page(site_dir, code)
        try:
            builder(first)
            server.watch(first.docs_dir)
            server.watch(str(config_file))
            server = first.plugins.on_serve(server, config=first, builder=builder)
            for item in first.watch:
                server.watch(item)
            try:
                server.serve()  # type: ignore[no-untyped-call]  # MkDocs leaves it unannotated
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
        finally:
            first.plugins.on_shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _error_page(site_dir: Path, code: int) -> bytes | None:
    """The site's own 404 page, as ``mkdocs serve`` shows it."""
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None
