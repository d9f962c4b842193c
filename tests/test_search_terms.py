"""The search's build-time tokenising: words, pairs of neighbours, the library's syllables."""

from __future__ import annotations

import re

from kho_stem.catalog.facts import catalog_facets
from kho_stem.site.catalog_page import render_catalog_page
from kho_stem.site.search_terms import PAIR_POSITIONS, SYLLABLE_SHAPE, library_syllables, words_and_pairs
from kho_stem.site.search_texts import SORT_ORDERS, sort_orders_data
from kho_stem.site.urls import Linker


def _pairs(words: str, pairs: str) -> set[tuple[str, str]]:
    """The pairs decoded back into words, as the browser reads them."""
    listed = words.split()
    codes = [pairs[i:i + 4] for i in range(0, len(pairs), 4)]
    return {(listed[int(code[:2], 36)], listed[int(code[2:], 36)]) for code in codes}


def test_pairs_are_neighbours_within_a_phrase_written_by_position():
    words, pairs = words_and_pairs("Nam châm hút kẹp. Kẹp sắt", "nam châm")
    assert words == "nam châm hút kẹp sắt"
    assert pairs == "0001" "0102" "0203" "0304"
    assert _pairs(words, pairs) == {("nam", "châm"), ("châm", "hút"), ("hút", "kẹp"), ("kẹp", "sắt")}


def test_no_pair_spans_punctuation_or_two_texts():
    words, pairs = words_and_pairs("nước, đá; muối (hạt)", "nước", "đá")
    assert words == "nước đá muối hạt"
    assert pairs == ""


def test_a_card_with_more_words_than_positions_keeps_its_words_and_drops_only_far_pairs():
    text = " ".join(f"từ{i:04d}" for i in range(PAIR_POSITIONS + 5))
    words, pairs = words_and_pairs(text)
    assert len(words.split()) == PAIR_POSITIONS + 5
    assert len(pairs) == 4 * (PAIR_POSITIONS - 1)


def test_library_syllables_are_written_most_used_first_without_units_or_numbers():
    assert library_syllables(["Nước đá, nước 20 cm", "đá nước ml"]) == "nước đá"


def test_the_syllable_shape_tells_one_syllable_from_two():
    shape = re.compile(SYLLABLE_SHAPE)
    for one in ("muong", "nghieng", "thuyen", "khuya", "o", "giay"):
        assert shape.match(one), one
    for two in ("namcham", "thuyengiay", "chamm", "hatdau"):
        assert not shape.match(two), two


def test_sort_orders_travel_as_data_and_are_offered_on_the_catalog_page(taxonomy):
    shipped = sort_orders_data()
    assert [order["code"] for order in shipped] == [order.code for order in SORT_ORDERS]
    assert shipped[0]["field"] is None, "relevance comes first"
    assert {order["field"] for order in shipped[1:]} == {"up", "n", "nm"}
    html = render_catalog_page(catalog_facets(taxonomy, ["giấy"]), Linker(True), 1).fragments.popitem()[1]
    for order in SORT_ORDERS:
        assert f'<option value="{order.code}">{order.label}</option>' in html
