"""What teachers asked for: signs to observe for assessment, and materials families send to class."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT, VALID_CARD, check_folder, edit
from kho_stem.catalog.facts import library_facts
from kho_stem.site.card_page import render_card_page
from kho_stem.site.print_parts import family_handout, print_actions
from kho_stem.site.urls import Linker
from kho_stem.validation.library import check_library, find_card_files

SCHEMA = json.loads((ROOT / "content" / "schema" / "card.schema.json").read_text(encoding="utf-8"))
OBSERVED = edit(VALID_CARD, "author:", "observe:\n  - Trẻ nói được thuyền nào nổi, thuyền nào chìm.\n"
                "  - Trẻ đếm đúng số sỏi thuyền chở được.\nauthor:")
SENT = edit(OBSERVED, "{name: vỏ hộp sữa giấy, quantity: 2, per: nhom}",
            "{name: vỏ hộp sữa giấy, quantity: 2, per: nhom, from_home: true}")


def load_card(tmp_path: Path, text: str, taxonomy):
    folder = tmp_path / "activities"
    folder.mkdir(exist_ok=True)
    (folder / "thuyen.md").write_text(text, encoding="utf-8")
    result = check_library(find_card_files([folder]), taxonomy)
    assert [p.render() for p in result.problems] == []
    return library_facts(result.cards, taxonomy)[0]  # what every view reads


def front_matter(text: str) -> dict:
    data = yaml.safe_load(text.split("---\n")[1])
    data["updated"] = data["updated"].isoformat()
    return data


def test_card_page_shows_observe_as_a_tick_list_after_the_objectives(tmp_path: Path, taxonomy):
    fact = load_card(tmp_path, OBSERVED, taxonomy)
    page = render_card_page(fact, taxonomy, Linker(), lambda path: (str(path), None, None), "").source
    assert "## Quan sát, đánh giá { #quan-sat }" in page
    assert page.index("{ #muc-tieu }") < page.index("{ #quan-sat }")
    assert ('<li><input type="checkbox" id="qs-2"> <label for="qs-2">Trẻ đếm đúng số sỏi thuyền chở được.</label>'
            "</li>") in page


def test_card_without_observe_has_no_empty_section(tmp_path: Path, taxonomy):
    fact = load_card(tmp_path, VALID_CARD, taxonomy)
    page = render_card_page(fact, taxonomy, Linker(), lambda path: (str(path), None, None), "").source
    assert "Quan sát, đánh giá" not in page


def test_handout_asks_a_week_ahead_for_exactly_the_from_home_items(tmp_path: Path, taxonomy):
    text = edit(SENT, "{name: sỏi to, quantity: 20, per: nhom, hazards: [vat-nho]}",
                "{name: sỏi to, quantity: 20, per: nhom, hazards: [vat-nho], from_home: false}")
    handout = family_handout(load_card(tmp_path, text, taxonomy))
    request = handout.split("Nhờ bố mẹ gửi đến lớp trước buổi học một tuần", 1)[1].split("</ul>", 1)[0]
    assert request.count("<li>") == 1 and "<li>vỏ hộp sữa giấy (2)</li>" in request
    assert "Bố mẹ cùng con làm ở nhà" in handout


def test_handout_without_from_home_items_asks_for_nothing(tmp_path: Path, taxonomy):
    handout = family_handout(load_card(tmp_path, OBSERVED, taxonomy))
    assert "Bố mẹ cùng con làm ở nhà" in handout and "Nhờ bố mẹ gửi" not in handout


def test_from_home_items_alone_make_a_handout(tmp_path: Path, taxonomy):
    card = load_card(tmp_path, edit(SENT, "family: Bố mẹ cùng con thả nắp hộp nhựa vào chậu nước khi tắm.\n", ""),
                     taxonomy)
    handout = family_handout(card)
    assert "Nhờ bố mẹ gửi đến lớp trước buổi học một tuần" in handout and "Bố mẹ cùng con làm ở nhà" not in handout
    assert 'data-ks-print="family"' in print_actions(card)


def test_schema_accepts_observe_and_from_home():
    jsonschema.validate(front_matter(SENT), SCHEMA)


@pytest.mark.parametrize(("old", "new"), [
    ("  - Trẻ đếm đúng số sỏi thuyền chở được.\n", "  - 3\n"),
    ("observe:\n  - Trẻ nói được thuyền nào nổi, thuyền nào chìm.\n  - Trẻ đếm đúng số sỏi thuyền chở được.\n",
     "observe: []\n"),
    ("per: nhom, from_home: true}", "per: nhom, from_home: có}"),
])
def test_schema_refuses_bad_observe_and_from_home(old: str, new: str):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(front_matter(edit(SENT, old, new)), SCHEMA)


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("observe:\n  - Trẻ nói được thuyền nào nổi, thuyền nào chìm.\n  - Trẻ đếm đúng số sỏi thuyền chở được.\n",
     "observe: Trẻ nói được thuyền nào nổi.\n", "thuyen.md:23: observe:"),
    ("observe:\n  - Trẻ nói được thuyền nào nổi, thuyền nào chìm.\n  - Trẻ đếm đúng số sỏi thuyền chở được.\n",
     "observe: []\n", "thuyen.md:23: observe:"),
    ("per: nhom, from_home: true}", "per: nhom, from_home: có}", "thuyen.md:13: materials[1].from_home:"),
])
def test_validator_locates_bad_observe_and_from_home(tmp_path: Path, taxonomy, old: str, new: str, expected: str):
    folder = tmp_path / "activities"
    folder.mkdir()
    (folder / "thuyen.md").write_text(edit(SENT, old, new), encoding="utf-8")
    problems = check_folder(folder, taxonomy)
    assert len(problems) == 1 and problems[0].startswith(expected), problems
