from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))  # project.py: the starter cards cloned into realistic libraries

from browser_support import CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM, served  # noqa: E402, F401 (tests import them here)
from kho_stem.cards.card import slug_of  # noqa: E402
from kho_stem.cards.reviews import Review, content_hash, load_reviews, write_reviews  # noqa: E402
from kho_stem.diagnostics.problems import DiagnosticError  # noqa: E402
from kho_stem.taxonomy.vocabularies import Taxonomy, load_taxonomy  # noqa: E402
from kho_stem.validation.library import check_library, find_card_files  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"

VALID_CARD = (FIXTURES / "valid-card.md").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy(ROOT / "content" / "taxonomy")


@pytest.fixture(scope="session")
def starter_facts(taxonomy: Taxonomy) -> list[Any]:
    """The starter library, checked, as the facts every view reads (``CardFacts``)."""
    from kho_stem.catalog.facts import library_facts

    result = check_library(find_card_files([ROOT / "activities"]), taxonomy)
    assert result.ok
    return library_facts(result.cards, taxonomy)


@pytest.fixture(scope="session")
def starter_giao_an(starter_facts: list[Any], taxonomy: Taxonomy,
                    tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every starter card's giáo án (.docx) by slug, made once for the session."""
    from kho_stem.outputs import LessonPlanFiles

    files, problems = LessonPlanFiles(tmp_path_factory.mktemp("giao-an"), taxonomy).publish(starter_facts)
    assert problems == [] and len(files) == len(starter_facts)
    return files


@pytest.fixture
def giao_an_made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The titles of the giáo án documents made (not found in the cache) while the test runs."""
    from kho_stem.outputs import lesson_plan_files

    made: list[str] = []
    real = lesson_plan_files.write_docx

    def counting(plan: Any) -> bytes:
        made.append(plan.title)
        return real(plan)

    monkeypatch.setattr(lesson_plan_files, "write_docx", counting)
    return made


def docx_texts(document: Any) -> list[str]:
    """A python-docx document's paragraphs and table cells' paragraphs, in reading order."""
    import docx

    texts: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, docx.text.paragraph.Paragraph):
            texts.append(item.text)
        else:
            texts += [p.text for row in item.rows for cell in row.cells for p in cell.paragraphs]
    return texts


@pytest.fixture
def taxonomy_copy(tmp_path: Path) -> Path:
    """A copy of the taxonomy folder, to break on purpose."""
    target = tmp_path / "taxonomy"
    shutil.copytree(ROOT / "content" / "taxonomy", target)
    return target


def taxonomy_problems(folder: Path, language: str = "vi") -> list[str]:
    """The located problems loading the taxonomy in ``folder`` reports, paths shown relative to it."""
    with pytest.raises(DiagnosticError) as caught:
        load_taxonomy(folder)
    return [problem.render(language).replace(folder.as_posix() + "/", "") for problem in caught.value.problems]


def edit(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced once; fails loudly if ``old`` is not there."""
    assert old in text, f"fixture does not contain {old!r}"
    return text.replace(old, new, 1)


def record_review(reviews_file: Path, card_file: Path, by: str = "Cô Lan", date: str = "2026-11-01") -> None:
    """The review board approves ``card_file`` as it is now (what `build.py review` does)."""
    reviews = dict(load_reviews(reviews_file).reviews)
    reviews[slug_of(card_file)] = Review(slug_of(card_file), content_hash(card_file), by, date, 0)
    reviews_file.parent.mkdir(parents=True, exist_ok=True)
    write_reviews(reviews_file, reviews)


def check_folder(folder: Path, taxonomy: Taxonomy, language: str = "vi") -> list[str]:
    """Rendered problems of every card in ``folder``, paths shown relative to it."""
    result = check_library(find_card_files([folder]), taxonomy)
    prefix = folder.as_posix() + "/"
    return [p.render(language).replace(prefix, "") for p in sorted(result.problems, key=lambda p: (p.file, p.line))]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Chromium, directly or through a fixture built on ``browser``, is a
    ``browser`` test: marked here, so `-m "not browser"` can never miss one that was not marked by hand."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not HAS_CHROMIUM:
        pytest.skip("Debian's chromium is not installed")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


# Requests a copy opened from a folder may make: its own files, and the blobs its pages download.
ONLY_FILES = re.compile(r"^(?!file:|blob:|data:).*")


class Watcher:
    """Opens pages, each in a browser context of its own (its own storage), and collects what must not
    happen in them: a request matching ``refuse`` (refused), an uncaught page error, a console error."""

    def __init__(self, browser: Any, refuse: str | re.Pattern[str] | None):
        self.browser = browser
        self.refuse = refuse
        self.problems: list[str] = []
        self.contexts: list[Any] = []

    def page(self, **context_options: Any) -> Any:
        context = self.browser.new_context(**context_options)
        self.contexts.append(context)
        if self.refuse is not None:
            context.route(self.refuse, self._refused)
        opened = context.new_page()
        opened.on("pageerror", lambda error: self.problems.append(f"error: {error}"))
        opened.on("console", lambda note: self.problems.append(note.text) if note.type == "error" else None)
        return opened

    def _refused(self, route: Any) -> None:
        self.problems.append(f"request: {route.request.url}")
        route.abort()


@contextmanager
def watched(browser: Any, refuse: str | re.Pattern[str] | None = ONLY_FILES) -> Iterator[Watcher]:
    """A ``Watcher`` whose pages are closed at the end of the block, which then fails on any problem."""
    watcher = Watcher(browser, refuse)
    yield watcher
    for context in watcher.contexts:
        context.close()
    assert not watcher.problems, "in the browser:\n" + "\n".join(watcher.problems)
