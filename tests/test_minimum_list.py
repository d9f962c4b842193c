"""Danh mục tối thiểu (issue #20): the greedy cover, quantities for a class, the command and the page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, VALID_CARD, edit
from kho_stem.catalog.facts import library_facts
from kho_stem.catalog.minimum_list import MinimumListMaker, exact_cover_size, greedy_cover
from kho_stem.diagnostics.problems import DiagnosticError
from kho_stem.site.materials_pages import MaterialsPages
from kho_stem.site.urls import Linker, materials_list_csv
from kho_stem.taxonomy.vocabularies import Taxonomy, load_taxonomy
from kho_stem.validation.library import check_library, find_card_files

ORIGINAL_MATERIALS = """materials:
  - {name: vỏ hộp sữa giấy, quantity: 2, per: nhom}
  - {name: sỏi to, quantity: 20, per: nhom, hazards: [vat-nho]}
  - {name: chậu nước, quantity: 1, per: nhom, hazards: [chau-nuoc]}
  - {name: kéo cắt hộp, quantity: 1, per: lop, hazards: [dung-cu-sac]}
"""


def test_greedy_takes_the_card_missing_least_and_counts_every_card_it_completes():
    # Hand-counted: a and b share "x"; c needs "y" alone; d needs three things no other card needs.
    needs = {
        "a": frozenset({"x", "z"}),
        "b": frozenset({"x"}),
        "c": frozenset({"y"}),
        "d": frozenset({"p", "q", "r"}),
        "e": frozenset(),  # needs only what every class has
    }
    # e is ready at once. b and c each miss one thing, but b's "x" is wanted by a too: b first.
    assert greedy_cover(needs, 2) == (["x"], {"b", "e"})
    # Then a and c each miss one thing wanted by one card: the tie goes by name, a.
    assert greedy_cover(needs, 3) == (["x", "z"], {"a", "b", "e"})
    assert greedy_cover(needs, 4) == (["x", "z", "y"], {"a", "b", "c", "e"})
    # More than the library asks for every card, hence every material.
    assert greedy_cover(needs, 99) == (["x", "z", "y", "p", "q", "r"], set(needs))


def test_exact_cover_is_the_true_minimum_and_greedy_matches_it_on_the_hand_counted_case():
    needs = {"a": frozenset({"x", "z"}), "b": frozenset({"x"}), "c": frozenset({"y"}),
             "d": frozenset({"p", "q", "r"})}
    assert exact_cover_size(needs, 1) == 1
    assert exact_cover_size(needs, 2) == 2  # {b, c} or {a, b}
    assert exact_cover_size(needs, 3) == 3
    assert exact_cover_size(needs, 4) == 6
    for target in range(1, 5):
        assert len(greedy_cover(needs, target)[0]) == exact_cover_size(needs, target)
    assert exact_cover_size({str(i): frozenset({str(i)}) for i in range(40)}, 20, max_subsets=1000) is None


def test_greedy_can_miss_the_minimum_and_the_exact_search_shows_by_how_much():
    # Two cards each missing one thing; but the two that share two things give three cards for two.
    needs = {"a": frozenset({"u"}), "b": frozenset({"v"}), "c": frozenset({"s", "t"}),
             "d": frozenset({"s", "t"}), "e": frozenset({"s", "t"})}
    assert exact_cover_size(needs, 3) == 2
    assert greedy_cover(needs, 3)[0] == ["u", "v", "s", "t"]  # a and b first, then two more


@pytest.fixture(scope="module")
def fixture_library(tmp_path_factory) -> tuple[list, Taxonomy]:
    """Four cards, counted by hand; water is something every class has (materials.yml says so)."""
    root = tmp_path_factory.mktemp("minimum")
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy")
    assert taxonomy["materials"]["nuoc"].get("everyday") is True
    cards = root / "activities"
    cards.mkdir()
    variants = {
        # two cartons a group: 5 groups of 5 in a class of 25 -> 10; one per class elsewhere: the most wins
        "thuyen-hop-sua": ORIGINAL_MATERIALS.replace("  - {name: chậu nước", "  - {name: nước lọc, quantity: 2, "
                                                     "per: lop}\n  - {name: chậu nước"),
        "hop-sua-va-soi": "materials:\n  - {name: vỏ hộp sữa giấy, quantity: 1, per: lop}\n"
                          "  - {name: sỏi, quantity: 3, per: tre, hazards: [vat-nho]}\n",
        "chi-can-nuoc": "materials:\n  - {name: nước, quantity: 1, per: lop}\n",
        "may-bay-phan-luc": "materials:\n  - {name: mô hình máy bay phản lực thật, quantity: 1, per: lop}\n",
    }
    for slug, lines in variants.items():
        text = VALID_CARD.replace(ORIGINAL_MATERIALS, lines)
        text = edit(text, "title: Thuyền lá nổi hay chìm", f"title: Thẻ {slug}")
        (cards / f"{slug}.md").write_text(text, encoding="utf-8")
    result = check_library(find_card_files([cards]), taxonomy)
    assert result.ok, [p.render("vi") for p in result.problems]
    return library_facts(result.cards, taxonomy), taxonomy


def test_the_list_for_a_fixture_library_counted_by_hand(fixture_library):
    facts, taxonomy = fixture_library
    maker = MinimumListMaker(facts, taxonomy)
    assert maker.needs(next(f for f in facts if f.slug == "chi-can-nuoc")) == frozenset()
    half = maker.make("5-6", 0.5)
    assert (half.cards_total, half.target) == (4, 2)
    # The water card needs nothing to buy; the next cheapest card misses one thing: the jet model.
    assert set(half.ready) == {"chi-can-nuoc", "may-bay-phan-luc"}
    assert [item.name for item in half.purchases] == ["mô hình máy bay phản lực thật"]
    most = maker.make("5-6", 0.75)
    assert most.target == 3 and set(most.ready) == {"chi-can-nuoc", "may-bay-phan-luc", "hop-sua-va-soi"}
    assert [item.name for item in most.purchases] == ["mô hình máy bay phản lực thật", "sỏi", "vỏ hộp sữa giấy"]
    pebbles = most.purchases[1]
    assert pebbles.quantity == "75" and pebbles.cards == 1  # 3 a child x 25 children
    assert [(h.code, bool(h.safety_point)) for h in pebbles.hazards] == [("vat-nho", True)]
    assert [item.name for item in half.everyday] == ["nước"]

    everything = maker.make(None, 1.0, class_size=30)
    assert len(everything.ready) == 4 and everything.age_label == "Cả trường"
    names = {item.name: item for item in everything.purchases}
    # A card whose material no class has and no common name covers is still counted, under its own name.
    assert names["mô hình máy bay phản lực thật"].code is None
    # Cartons: 2 a group (6 groups of 5 in 30) = 12, 1 a class elsewhere: the most one card needs.
    assert names["vỏ hộp sữa giấy"].quantity == "12" and names["vỏ hộp sữa giấy"].cards == 2
    assert "nước" not in names and [item.name for item in everything.everyday] == ["nước"]


def test_quantities_in_different_units_are_not_added(fixture_library):
    facts, taxonomy = fixture_library
    maker = MinimumListMaker(facts, taxonomy)
    # "kéo cắt hộp" is given once a class; no other card lists scissors: the unit is kept as given.
    scissors = next(i for i in maker.make(None, 1.0).purchases if i.name == "kéo")
    assert scissors.quantity == "1"


def test_the_starter_library_lists_for_eighty_percent_of_each_age_band(taxonomy):
    result = check_library(find_card_files([ROOT / "activities"]), taxonomy)
    maker = MinimumListMaker(library_facts(result.cards, taxonomy), taxonomy)
    for age in taxonomy.ages.codes:
        materials = maker.make(age, 0.8)
        assert len(materials.ready) >= materials.target >= 0.8 * materials.cards_total
        assert materials.purchases, age
        needs = {f.slug: maker.needs(f) for f in maker.facts if age in f.ages}
        best = exact_cover_size(needs, materials.target, max_subsets=100_000)
        if best is not None:
            assert best <= len(materials.purchases) <= best + 5


def test_bad_planning_numbers_in_per_yml_are_located(tmp_path):
    folder = tmp_path / "taxonomy"
    shutil.copytree(ROOT / "content" / "taxonomy", folder)
    per = folder / "per.yml"
    text = per.read_text(encoding="utf-8")
    text = edit(text, "class_size: 25", "class_size: 0")
    text = edit(text, "    children: 5", "    children: năm")
    per.write_text(text, encoding="utf-8")
    with pytest.raises(DiagnosticError) as caught:
        load_taxonomy(folder)
    lines = text.splitlines()
    rendered = [p.render("vi") for p in caught.value.problems]
    size_line = next(i for i, line in enumerate(lines, 1) if line.startswith("class_size"))
    children_line = next(i for i, line in enumerate(lines, 1) if "children: năm" in line)
    assert any(f"per.yml:{size_line}" in r and "class_size" in r and "số nguyên lớn hơn 0" in r for r in rendered)
    assert any(f"per.yml:{children_line}" in r and "children" in r and "\"năm\"" in r for r in rendered)


def _materials(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "materials", *args], capture_output=True,
                          text=True, encoding="utf-8", env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=ROOT)


def test_the_command_prints_each_band_and_the_school(taxonomy):
    run = _materials()
    assert run.returncode == 0, run.stderr
    for age in taxonomy.ages:
        assert f"Danh mục tối thiểu — {age.label}, 80 % số thẻ" in run.stdout
    assert "Danh mục tối thiểu — Cả trường, 80 % số thẻ" in run.stdout
    data = json.loads(_materials("--age", "5-6", "--share", "50%", "--class-size", "30", "--format", "json").stdout)
    assert [(d["age"], d["share"], d["class_size"]) for d in data] == [("5-6", 0.5, 30)]
    assert len(data[0]["ready"]) >= data[0]["target"]


@pytest.mark.parametrize(("args", "expected"), [
    (["--share", "1.5"], "--share \"1.5\" không dùng được"),
    (["--share", "nhiều"], "--share \"nhiều\" không dùng được"),
    (["--class-size", "0"], "--class-size \"0\" không dùng được"),
    (["--age", "6-7"], "--age \"6-7\" không phải mã độ tuổi; dùng một trong: 24-36m, 3-4, 4-5, 5-6"),
])
def test_a_wrong_flag_gets_a_vietnamese_message_and_no_traceback(args, expected):
    run = _materials(*args)
    assert run.returncode == 2 and expected in run.stderr and "Traceback" not in run.stderr
    assert run.stdout == ""


def test_the_command_writes_a_file_and_refuses_a_folder(tmp_path):
    target = tmp_path / "danh-muc.csv"
    run = _materials("--format", "csv", "--output", str(target))
    assert run.returncode == 0 and "Đã ghi danh mục vật liệu" in run.stdout
    assert target.read_bytes().startswith(b"\xef\xbb\xbf\"\xc4\x90\xe1\xbb\x99 tu\xe1\xbb\x95i\"")
    run = _materials("--output", str(tmp_path))
    assert run.returncode == 2 and "Traceback" not in run.stderr


def test_the_page_and_its_csv_have_the_same_numbers_as_the_command(taxonomy):
    result = check_library(find_card_files([ROOT / "activities"]), taxonomy)
    pages = MaterialsPages(library_facts(result.cards, taxonomy), taxonomy, Linker())
    page_csv = pages.files()[materials_list_csv()]
    assert page_csv.startswith("\ufeff")
    command_rows = _materials("--format", "csv").stdout.splitlines()
    page_rows = set(page_csv[1:].splitlines())
    assert command_rows[0] == page_csv[1:].splitlines()[0]
    assert len(command_rows) > 50 and all(row in page_rows for row in command_rows[1:])
    page = pages.list_page().source
    for age in [*taxonomy.ages.codes, None]:
        materials = pages.maker.make(age, 0.8)
        assert (f"{len(materials.purchases)} vật liệu cần mua sắm để một lớp 25 trẻ tổ chức được "
                f"{len(materials.ready)}/{materials.cards_total} thẻ") in page
