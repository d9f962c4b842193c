from __future__ import annotations

import contextlib
import functools
import http.server
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from kho_stem.library import check_library, find_card_files  # noqa: E402
from kho_stem.taxonomy import Taxonomy, load_taxonomy  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Browser tests use Debian's chromium (scripts/test.sh installs it), never a downloaded browser.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
HAS_CHROMIUM = os.path.exists(CHROMIUM)
VALID_CARD = (FIXTURES / "valid-card.md").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy(ROOT / "content" / "taxonomy")


def edit(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced once; fails loudly if ``old`` is not there."""
    assert old in text, f"fixture does not contain {old!r}"
    return text.replace(old, new, 1)


def check_folder(folder: Path, taxonomy: Taxonomy, language: str = "vi") -> list[str]:
    """Rendered problems of every card in ``folder``, paths shown relative to it."""
    result = check_library(find_card_files([folder]), taxonomy)
    prefix = folder.as_posix() + "/"
    return [p.render(language).replace(prefix, "") for p in sorted(result.problems, key=lambda p: (p.file, p.line))]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over http on 127.0.0.1 and yield its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not HAS_CHROMIUM:
        pytest.skip("Debian's chromium is not installed")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
