from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "bench"))  # project.py: the starter cards cloned into realistic libraries

from browser_support import CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM, served  # noqa: E402, F401 (tests import them here)
from kho_stem.cards.card import slug_of  # noqa: E402
from kho_stem.cards.reviews import Review, content_hash, load_reviews, write_reviews  # noqa: E402
from kho_stem.taxonomy.vocabularies import Taxonomy, load_taxonomy  # noqa: E402
from kho_stem.validation.library import check_library, find_card_files  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"

VALID_CARD = (FIXTURES / "valid-card.md").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return load_taxonomy(ROOT / "content" / "taxonomy")


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
