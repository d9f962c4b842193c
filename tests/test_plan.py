"""The teacher's plan, its Python side: the data the plan page reads (from the same CardFacts as the
catalog), the printable card bodies, the page and its scripts, and the weeks and days taxonomy."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_catalog import load_cards

from conftest import ROOT, VALID_CARD, edit, taxonomy_problems
from kho_stem.catalog.facts import library_facts
from kho_stem.site.plan_data import DATA_GLOBAL, PRINT_GLOBAL, TEXTS, card_print_script, plan_data, plan_data_script
from kho_stem.site.plan_page import render_plan_page
from kho_stem.site.plan_parts import ADD_TEXT, ADDED_TEXT, STORAGE_KEY, plan_button, plan_config
from kho_stem.site.scripts import PLAN_DATA_SCRIPT, PLAN_SCRIPTS
from kho_stem.site.urls import Linker

ASSETS = ROOT / "plugins" / "kho_stem" / "site" / "assets"
PLAN_JS = ("kho-stem-plan-core.js", "kho-stem-plan-button.js", "kho-stem-plan.js")
FROM_HOME_CARD = edit(edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", "title: Bình lọc nước"),
                      "{name: vỏ hộp sữa giấy, quantity: 2, per: nhom}",
                      "{name: Vỏ hộp sữa giấy (đã rửa), quantity: 3 hộp, per: nhom, from_home: true}")


def test_plan_data_comes_from_the_card_facts(tmp_path: Path, taxonomy):
    cards = load_cards(tmp_path, taxonomy, {"thuyen-la": VALID_CARD, "binh-loc": FROM_HOME_CARD})
    facts = library_facts(cards, taxonomy)
    for linker, address in ((Linker(True), "hoat-dong/binh-loc/"), (Linker(False), "hoat-dong/binh-loc/index.html")):
        data = plan_data(facts, taxonomy, linker)
        assert data["cards"]["binh-loc"]["u"] == address
    entry = data["cards"]["binh-loc"]
    fact = next(fact for fact in facts if fact.slug == "binh-loc")
    assert entry["t"] == "Bình lọc nước" and entry["n"] == fact.duration == 25
    assert entry["a"] == [taxonomy.ages[code].get("short", code) for code in fact.ages]
    # Common name (grouped like the catalog's materials), quantity, basis label, sent from home, name.
    assert entry["m"][0] == [fact.material_items[0].common_name, "3 hộp", "mỗi nhóm", 1,
                             "Vỏ hộp sữa giấy (đã rửa)"]
    assert entry["m"][0][0] == data["cards"]["thuyen-la"]["m"][0][0], "both cards' cartons add up in one line"
    assert entry["m"][3][1:4] == ["1", "cả lớp", 0]
    assert data["weeks"] == [term.label for term in taxonomy["weeks"]] == [f"Tuần {n}" for n in range(1, 6)]
    assert data["days"] == [f"Thứ {n}" for n in range(2, 7)]
    assert data["bounds"] == plan_config(taxonomy)["bounds"] == {
        "weeks": 5, "days": 5, "limits": {"name": 120, "note": 300, "cards": 200}}
    script = plan_data_script(data)
    assert script.startswith(f"window.{DATA_GLOBAL}=") and json.loads(script.split("=", 1)[1].rstrip(";\n")) == data


def test_a_printable_card_body_cannot_close_its_script_and_leaves_out_related_cards():
    script = card_print_script("thuyen-la", '<p>Một "câu"</p></script><script>alert(1)</script>'
                               '<h2 id="lien-quan">Hoạt động liên quan</h2><ul class="ks-tiles"><li>Khác</li></ul>')
    assert "</script>" not in script and "<" not in script
    assert "Một" in script and "liên quan" not in script and "Khác" not in script
    assert script.startswith(f"window.{PRINT_GLOBAL}=window.{PRINT_GLOBAL}||{{}};")


def test_the_plan_page_loads_its_data_then_its_scripts_and_says_everything_itself():
    page = render_plan_page(Linker(False))
    html = page.fragments.popitem()[1]
    sources = [part.split('"', 1)[0] for part in html.split('<script src="../')[1:]]
    assert sources == [PLAN_DATA_SCRIPT, *PLAN_SCRIPTS]
    assert 'data-ks-root="../"' in html and "Thư viện</a>" in html
    scripts = "".join((ASSETS / name).read_text(encoding="utf-8") for name in PLAN_JS)
    scripts = re.sub(r"\s//[^\n]*", "", re.sub(r"/\*.*?\*/", "", scripts, flags=re.DOTALL))  # code, not comments
    # Every text, key and label the browser shows comes from Python, never from the scripts.
    for text in [STORAGE_KEY, ADD_TEXT, ADDED_TEXT, "Tuần", "Thứ", "phút", "Chưa xếp", "kh=", *TEXTS.values()]:
        assert text not in scripts, text
    assert "hidden" in plan_button(), "the button stays hidden until its script can make it work"


def test_a_missing_weeks_file_is_named(taxonomy_copy: Path):
    (taxonomy_copy / "weeks.yml").unlink()
    assert taxonomy_problems(taxonomy_copy) == ["weeks.yml:1: thiếu tệp phân loại weeks.yml"]


@pytest.mark.parametrize("name", ["weeks.yml", "weekdays.yml"])
def test_a_plan_list_without_items_is_located(taxonomy_copy: Path, name: str):
    path = taxonomy_copy / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("items:")] + "items: []\n", encoding="utf-8")
    (problem,) = taxonomy_problems(taxonomy_copy)
    line = text[: text.index("items:")].count("\n") + 1
    assert problem.startswith(f"{name}:{line}: items: danh sách {name} của kế hoạch giáo viên không có mục nào")
    assert "thêm ít nhất một mục" in problem


def test_a_broken_weekday_is_located(taxonomy_copy: Path):
    path = taxonomy_copy / "weekdays.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    label: Thứ 4\n", ""), encoding="utf-8")
    (problem,) = taxonomy_problems(taxonomy_copy)
    assert problem.startswith("weekdays.yml:") and "label" in problem
