"""Card pages with the same Markdown stub are rendered by MkDocs once, and publish the same pages."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from mkdocs.plugins import BasePlugin, PluginCollection
from test_site_unchanged import fixture_library

from kho_stem_mkdocs import plugin as plugin_module
from kho_stem_mkdocs.commands import build_site
from kho_stem_mkdocs.stub_renderings import StubRenderings, last_to_change_markdown


def _hashes(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def _stub(project: Path, page: str) -> str:
    """The Markdown a card page gives MkDocs: its headings, as the page shows them."""
    html = (project / "site" / page.replace(".md", ".html")).read_text(encoding="utf-8")
    return " | ".join(re.findall(r"<h[234] id=\"([^\"]+)\"", html))


class _Spy(StubRenderings):
    """Counts the card pages MkDocs was given to render, and those given nothing."""

    def __init__(self) -> None:
        super().__init__()
        self.rendered: list[str] = []
        self.reused: list[str] = []

    def markdown_to_render(self, page, stub: str) -> str:  # type: ignore[no-untyped-def]
        markdown = super().markdown_to_render(page, stub)
        (self.rendered if markdown else self.reused).append(page.file.src_uri)
        return markdown


@pytest.mark.slow
def test_a_reused_rendering_publishes_the_same_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    project = fixture_library(tmp_path)
    spies: list[_Spy] = []

    def spy() -> _Spy:
        spies.append(_Spy())
        return spies[-1]

    monkeypatch.setattr(plugin_module, "StubRenderings", spy)
    build_site(project / "mkdocs.yml", project / "site")
    reused = _hashes(project / "site")
    (renderings,) = spies
    # Cards with the same sections and process steps (here the clone of the first card, and
    # starter cards that follow 5E with the same optional parts) share a stub: rendered once.
    stubs = {page: _stub(project, page) for page in renderings.rendered + renderings.reused}
    clone = "hoat-dong/bac-si-ti-hon-ong-nghe-tu-pheu-va-ong-cao-su-ban-2/index.md"
    assert len(stubs) == 5 and clone in renderings.reused
    assert len(set(stubs.values())) == len(renderings.rendered) < len(stubs)

    monkeypatch.setattr(plugin_module, "last_to_change_markdown", lambda plugins, plugin: False)
    build_site(project / "mkdocs.yml", project / "site")
    assert not spies[1].reused and len(spies[1].rendered) == 0  # not asked: every page rendered by MkDocs
    assert _hashes(project / "site") == reused


class _Plugin(BasePlugin):  # type: ignore[type-arg]
    def on_page_markdown(self, markdown: str, **kwargs: object) -> str:
        return markdown


def test_reuse_only_when_no_later_plugin_changes_the_markdown() -> None:
    ours, other = _Plugin(), _Plugin()
    plugins = PluginCollection()
    plugins["ours"] = ours
    assert last_to_change_markdown(plugins, ours)
    plugins["other"] = other  # a later plugin would get an empty page: render every page
    assert not last_to_change_markdown(plugins, ours)
    assert not last_to_change_markdown(PluginCollection(), ours)
