"""The benchmarks' library (bench/project.py): the starter cards cloned to N stay a valid library
of real cards, with new slugs and titles and every picture of their bundles."""

from __future__ import annotations

from pathlib import Path

import pytest
from project import as_copy, clone_starter_library, starter_bundles, write_project

from kho_stem.taxonomy.vocabularies import load_taxonomy
from kho_stem.validation.library import check_library, find_card_files


def _title(card: Path) -> str:
    line = next(line for line in card.read_text(encoding="utf-8").splitlines() if line.startswith("title:"))
    return line.removeprefix("title:").strip()


def test_cloned_library_is_valid_with_new_slugs_titles_and_every_picture(tmp_path: Path) -> None:
    starters = starter_bundles()
    count = len(starters) + 5
    cards = clone_starter_library(write_project(tmp_path), count)

    assert len(cards) == count
    assert [card.parent.name for card in cards[:len(starters)]] == [bundle.name for bundle in starters]
    assert cards[len(starters)].parent.name == f"{starters[0].name}-ban-2"
    assert _title(cards[len(starters)]).removesuffix('"').endswith(" (bản 2)")
    assert len({_title(card) for card in cards}) == count
    assert len({card.read_text(encoding="utf-8").split("\n---\n", 1)[1] for card in cards}) == count
    for card in cards:
        source = starters[cards.index(card) % len(starters)]
        assert sorted(p.name for p in card.parent.iterdir()) == sorted(p.name for p in source.iterdir())
        # The body a teacher wrote is cloned as it is; a copy only ends with a paragraph naming it.
        body = card.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        source_body = (source / "index.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
        copy_number = cards.index(card) // len(starters) + 1
        assert body == (source_body if copy_number == 1 else
                        f"{source_body.rstrip()}\n\nBản sao số {copy_number} của thẻ này.\n")

    folder = tmp_path / "activities"
    result = check_library(find_card_files([folder]), load_taxonomy(tmp_path / "content" / "taxonomy"),
                           image_folders=[folder])
    assert result.errors == [] and len(result.cards) == count


@pytest.mark.parametrize(("line", "expected"), [
    ("title: Chai nhựa biết hát", "title: Chai nhựa biết hát (bản 7)"),
    ('title: "Dốc nghiêng: xe nào chạy xa hơn?"', 'title: "Dốc nghiêng: xe nào chạy xa hơn? (bản 7)"'),
    ("title: 'Cầu: que kem'", "title: 'Cầu: que kem (bản 7)'"),
])
def test_as_copy_appends_the_copy_number_to_the_title_inside_any_quotes(line: str, expected: str) -> None:
    text = f"---\n{line}\nages: [4-5]\n---\n\ntitle: not the front matter\n"
    assert as_copy(text, 7, Path("x.md")) == text.replace(line, expected) + "\nBản sao số 7 của thẻ này.\n"


def test_as_copy_refuses_a_card_without_a_title() -> None:
    with pytest.raises(SystemExit, match=r"x\.md: no 'title:' line"):
        as_copy("---\nages: [4-5]\n---\n", 2, Path("x.md"))
