"""What the Python side says, for the JavaScript unit tests (tests/js/*.test.js run it).

Reads one JSON request on stdin, writes one JSON answer on stdout:
- {"fold": [texts]}: ``kho_stem.text.fold`` of each text;
- {"survey": true}: the survey data of the starter library, and the minimum list of each age band
  for 80 % of its cards (what to buy, and which cards it makes runnable);
- {"searched": [[title, keywords, description, words], …]}: the searched fields the build ships
  for each (``search_data.searched_fields``: as written, then folded);
- {"library": true}: the catalog data and the search text of the starter library, and filter cases
  worked out here from ``CardFacts`` (which cards pass, and the count beside every filter value),
  for the browser's filter logic to reproduce;
- {"cms": true}: the editor page's data (``kho_stem.site.editor_page.page_data``) for the installed CMS.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from kho_stem.cards import load_reviews  # noqa: E402
from kho_stem.catalog.facts import CardFacts, Facet, all_materials, catalog_facets, library_facts  # noqa: E402
from kho_stem.site.class_materials import GROUP_HEADINGS  # noqa: E402
from kho_stem.site.editor_page import UPDATE_CHECK, find_cms_package, page_data  # noqa: E402
from kho_stem.site.materials_pages import MaterialsPages  # noqa: E402
from kho_stem.site.search_data import CATALOG_KEYS, catalog_data, search_text, searched_fields  # noqa: E402
from kho_stem.site.urls import Linker  # noqa: E402
from kho_stem.taxonomy import load_taxonomy  # noqa: E402
from kho_stem.taxonomy.vocabularies import Vocabulary  # noqa: E402
from kho_stem.text import fold  # noqa: E402
from kho_stem.validation import check_library, find_card_files  # noqa: E402

State = dict[str, object]


MOST_MISSING = len(GROUP_HEADINGS) - 1
# The class of issue #23: what a poor rural school has ("giấy" and "hộp giấy" as materials.yml names them).
RURAL_CLASS = ["chai nhựa", "giấy trắng", "kéo", "hồ dán", "lá cây", "sỏi", "nước", "hộp các-tông"]


def _materials_all(facet: Facet, state: State) -> bool:
    return bool(state.get("materialsAll")) and facet.key == CATALOG_KEYS["materials"]


def _passes(facts: CardFacts, facet: Facet, chosen: list[str], every: bool = False) -> bool:
    codes = set(facet.codes(facts))
    if every:
        return set(chosen) <= codes
    if facet.excludes:
        return not (facet.none in chosen and codes) and not codes & set(chosen)
    return bool(codes & set(chosen))


@dataclass(frozen=True)
class Inventory:
    """What "Lớp em có gì?" counts as had besides the ticks (materials.yml): the everyday
    materials, and per material the ones that may stand in for it."""

    everyday: frozenset[str]
    substitutes: Mapping[str, frozenset[str]]


def inventory(vocabulary: Vocabulary) -> Inventory:
    by_code = {term.code: term for term in vocabulary}
    return Inventory(
        frozenset(term.label for term in vocabulary if term.get("everyday")),
        {term.label: frozenset(by_code[code].label for code in term.get("substitutes") or ()) for term in vocabulary})


def _lacking(facts: CardFacts, state: State) -> int:
    kind: Inventory = state["inventory"]  # type: ignore[assignment]
    owned = set(state["have"]) | kind.everyday  # type: ignore[call-overload]
    return sum(not (set(need) & owned) and not any(kind.substitutes[name] & owned for name in need)
               for need in facts.material_needs)


def _passes_all_but(facts: CardFacts, facets: tuple[Facet, ...], state: State, left_out: str) -> bool:
    chosen: dict[str, list[str]] = state["facets"]  # type: ignore[assignment]
    for facet in facets:
        if facet.key != left_out and chosen.get(facet.key) and not _passes(
                facts, facet, chosen[facet.key], _materials_all(facet, state)):
            return False
    if state["classMode"] and left_out != CATALOG_KEYS["classMode"] and _lacking(facts, state) > MOST_MISSING:
        return False
    return left_out == CATALOG_KEYS["reviewed"] or not state["reviewed"] or facts.reviewed


def _case(facts: list[CardFacts], facets: tuple[Facet, ...], state: State) -> dict[str, object]:
    """Which cards ``state`` keeps (positions, title order) and, per value, how many the value would give."""
    found = [i for i, fact in enumerate(facts) if _passes_all_but(fact, facets, state, "")]
    # Without a query, the newest first (the catalog's default order), then in title order: a sort
    # with reverse=True keeps equal dates in their order.
    found.sort(key=lambda i: facts[i].updated or "", reverse=True)
    if state["classMode"]:  # what the class can do at once first, then what lacks one thing
        found.sort(key=lambda i: _lacking(facts[i], state))
    counts: dict[str, dict[str, int]] = {}
    for facet in facets:
        # A facet that needs every ticked value counts among the cards it keeps, like the browser.
        left_out = "" if _materials_all(facet, state) else facet.key
        others = [fact for fact in facts if _passes_all_but(fact, facets, state, left_out)]
        counts[facet.key] = {value.code: sum(value.code in facet.codes(f) for f in others) for value in facet.values}
        if facet.none:
            counts[facet.key][facet.none] = sum(not facet.codes(f) for f in others)
    reviewed = [fact for fact in facts if _passes_all_but(fact, facets, state, CATALOG_KEYS["reviewed"])]
    counts[CATALOG_KEYS["reviewed"]] = {"1": sum(fact.reviewed for fact in reviewed)}
    in_class = [fact for fact in facts if _passes_all_but(fact, facets, state, CATALOG_KEYS["classMode"])]
    counts[CATALOG_KEYS["classMode"]] = {"1": sum(_lacking(fact, state) <= MOST_MISSING for fact in in_class)}
    shown = {key: value for key, value in state.items() if key != "inventory"}
    lacking = [_lacking(fact, state) for fact in facts]  # per card, how many things the class lacks
    return {"state": shown, "found": found, "counts": counts, "lacking": lacking}


def _states(facets: tuple[Facet, ...], materials: list[str]) -> list[State]:
    """No filter, each facet's first and last value, pairs of facets, the excluding choices, reviewed,
    and a class that has every other material, alone and with a filter."""
    have = materials[::2]

    def state(chosen: dict[str, list[str]], reviewed: bool = False, class_mode: bool = False,
              owned: list[str] | None = None, every: bool = False) -> State:
        return {"q": "", "facets": chosen, "reviewed": reviewed, "classMode": class_mode,
                "have": have if owned is None else owned, "materialsAll": every}

    material_facet = next(facet for facet in facets if facet.key == CATALOG_KEYS["materials"])
    states = [state({}), state({}, reviewed=True), state({}, class_mode=True),
              state({facets[0].key: [facets[0].values[0].code]}, class_mode=True),
              # Nothing ticked (the everyday materials only), and a poor rural class that has a
              # substitute (lọ nhựa) rather than what cards ask for.
              state({}, class_mode=True, owned=[]),
              state({}, class_mode=True, owned=[*RURAL_CLASS, "lọ nhựa", "giấy báo cũ"]),
              # Every ticked material, alone and with other filters.
              state({material_facet.key: ["nước", "cốc nhựa"]}, every=True),
              state({material_facet.key: ["nước", "cốc nhựa"]}),
              state({material_facet.key: [v.code for v in material_facet.values[:3]]}, every=True, reviewed=True),
              state({material_facet.key: ["kéo", "hồ dán"], facets[0].key: [facets[0].values[-1].code]}, every=True,
                    class_mode=True)]
    for facet in facets:
        states.append(state({facet.key: [facet.values[0].code, facet.values[-1].code]}))
        if facet.none:
            states.append(state({facet.key: [facet.none]}))
    for first, second in pairwise(facets):
        states.append(state({first.key: [first.values[0].code], second.key: [v.code for v in second.values[:2]]},
                            reviewed=True))
    return states


def library() -> dict[str, object]:
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy")
    result = check_library(find_card_files([ROOT / "activities"]), taxonomy,
                           reviews=load_reviews(ROOT / "content" / "reviews.yml"))
    # The starter library has no review book: every third card counts as reviewed, so the filter has work.
    facts = [replace(fact, reviewed=index % 3 == 0) for index, fact in enumerate(library_facts(result.cards, taxonomy))]
    materials = all_materials(facts)
    facets = catalog_facets(taxonomy, materials)
    data = catalog_data(facts, facets, taxonomy, Linker(True), {})
    kind = inventory(taxonomy["materials"])
    return {"data": data, "text": search_text(facts, taxonomy, []), "ruralClass": RURAL_CLASS,
            "cases": [_case(facts, facets, {**state, "inventory": kind}) for state in _states(facets, materials)]}


def survey() -> dict[str, object]:
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy")
    result = check_library(find_card_files([ROOT / "activities"]), taxonomy)
    pages = MaterialsPages(library_facts(result.cards, taxonomy), taxonomy, Linker(True))
    lists = [pages.maker.make(age, 0.8) for age in taxonomy.ages.codes]
    return {"data": pages.survey_data(),
            "lists": [{"age": m.age, "buy": [i.name for i in m.purchases], "ready": len(m.ready)} for m in lists]}


def main() -> None:
    request = json.load(sys.stdin)
    answer: dict[str, object] = {}
    if "fold" in request:
        answer["fold"] = [fold(text) for text in request["fold"]]
    if "searched" in request:
        answer["searched"] = [searched_fields(*fields) for fields in request["searched"]]
    if request.get("library"):
        answer.update(library())
    if request.get("survey"):
        answer["survey"] = survey()
    if request.get("cms"):
        package = find_cms_package(ROOT)
        if package is None:
            raise SystemExit("@sveltia/cms is not installed: run npm ci")
        answer["cms"] = {"data": page_data(package), "updateCheck": UPDATE_CHECK}
    json.dump(answer, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
