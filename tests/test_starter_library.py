"""The starter library is valid and keeps the coverage a school needs on day one."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

from conftest import ROOT
from kho_stem.validation.library import check_library, find_card_files

ACTIVITIES = ROOT / "activities"
YEARLY_THEMES_MIN_CARDS = 3
AGE_BAND_MIN_CARDS = 5
PROCESS_MIN_CARDS = 8


@pytest.fixture(scope="module")
def starter(taxonomy):
    return check_library(find_card_files([ACTIVITIES]), taxonomy)


def test_every_starter_card_is_valid(starter):
    assert [p.render() for p in starter.problems] == []
    assert len(starter.cards) >= 40


def test_every_theme_and_age_band_is_covered(starter, taxonomy):
    topics = Counter(code for card in starter.cards for code in card.get("topics"))
    ages = Counter(code for card in starter.cards for code in card.get("ages"))
    assert {code: topics[code] for code in taxonomy.topics.codes if topics[code] < YEARLY_THEMES_MIN_CARDS} == {}
    assert {code: ages[code] for code in taxonomy.ages.codes if ages[code] < AGE_BAND_MIN_CARDS} == {}


def test_stem_fields_and_processes(starter, taxonomy):
    fields = {code for card in starter.cards for code in card.get("stem")}
    assert fields == set(taxonomy["stem"].codes)
    processes = Counter(card.get("process") for card in starter.cards)
    assert processes["edp"] >= PROCESS_MIN_CARDS
    assert processes["5e"] >= PROCESS_MIN_CARDS


def test_family_and_inclusion_notes(starter):
    cards = starter.cards
    assert sum(1 for card in cards if card.get("family")) * 2 >= len(cards)
    assert sum(1 for card in cards if card.get("inclusion")) * 4 >= len(cards)


def test_durations_fit_a_preschool_session(starter):
    for card in starter.cards:
        limit = 20 if "24-36m" in card.get("ages") else 40
        assert 10 <= card.get("duration") <= limit, card.source


def test_no_reviewer_is_invented(starter):
    assert [card.source for card in starter.cards if card.is_reviewed] == []


def test_some_cards_exercise_images(starter):
    assert sum(1 for card in starter.cards if card.cover) >= 3
    assert any(len(card.images) > 1 for card in starter.cards)


def test_files_are_stored_as_nfc():
    pages = [*ACTIVITIES.rglob("*.md"), *(ROOT / "content" / "pages").glob("*.md")]
    assert [p.name for p in pages if not unicodedata.is_normalized("NFC", p.read_text(encoding="utf-8"))] == []


def test_every_starter_card_has_a_cover_in_its_bundle(starter):
    for card in starter.cards:
        assert card.cover is not None, f"{card.path} has no cover"
        assert card.cover.parent == card.path.parent, f"{card.path}: the cover lives beside index.md"
