"""What the Python side says, for the JavaScript unit tests (tests/js/*.test.js run it).

Reads one JSON request on stdin, writes one JSON answer on stdout:
- {"fold": [texts]}: ``kho_stem.text.fold`` of each text;
- {"searched": [[title, keywords, description, words], …]}: the searched fields the build ships
  for each (``search_data.searched_fields``: as written, then folded);
- {"library": true}: the catalog data of the starter library, and filter cases worked out here
  from ``CardFacts`` (which cards pass, and the count beside every filter value), for the browser's
  filter logic to reproduce.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "plugins"))

from kho_stem.cards import load_reviews  # noqa: E402
from kho_stem.catalog.facts import CardFacts, Facet, all_materials, catalog_facets, library_facts  # noqa: E402
from kho_stem.site.search_data import CATALOG_KEYS, catalog_data, searched_fields  # noqa: E402
from kho_stem.site.urls import Linker  # noqa: E402
from kho_stem.taxonomy import load_taxonomy  # noqa: E402
from kho_stem.text import fold  # noqa: E402
from kho_stem.validation import check_library, find_card_files  # noqa: E402

State = dict[str, object]


def _passes(facts: CardFacts, facet: Facet, chosen: list[str]) -> bool:
    codes = set(facet.codes(facts))
    if facet.excludes:
        return not (facet.none in chosen and codes) and not codes & set(chosen)
    return bool(codes & set(chosen))


def _lacking(facts: CardFacts, have: list[str]) -> int:
    return sum(material not in have for material in facts.materials)


def _passes_all_but(facts: CardFacts, facets: tuple[Facet, ...], state: State, left_out: str) -> bool:
    chosen: dict[str, list[str]] = state["facets"]  # type: ignore[assignment]
    for facet in facets:
        if facet.key != left_out and chosen.get(facet.key) and not _passes(facts, facet, chosen[facet.key]):
            return False
    if state["classMode"] and left_out != CATALOG_KEYS["classMode"] and _lacking(facts, state["have"]) > 1:  # type: ignore[arg-type]
        return False
    return left_out == CATALOG_KEYS["reviewed"] or not state["reviewed"] or facts.reviewed


def _case(facts: list[CardFacts], facets: tuple[Facet, ...], state: State) -> dict[str, object]:
    """Which cards ``state`` keeps (positions, title order) and, per value, how many the value would give."""
    found = [i for i, fact in enumerate(facts) if _passes_all_but(fact, facets, state, "")]
    if state["classMode"]:  # what the class can do at once first, then what lacks one thing
        found.sort(key=lambda i: _lacking(facts[i], state["have"]))  # type: ignore[arg-type]
    counts: dict[str, dict[str, int]] = {}
    for facet in facets:
        others = [fact for fact in facts if _passes_all_but(fact, facets, state, facet.key)]
        counts[facet.key] = {value.code: sum(value.code in facet.codes(f) for f in others) for value in facet.values}
        if facet.none:
            counts[facet.key][facet.none] = sum(not facet.codes(f) for f in others)
    reviewed = [fact for fact in facts if _passes_all_but(fact, facets, state, CATALOG_KEYS["reviewed"])]
    counts[CATALOG_KEYS["reviewed"]] = {"1": sum(fact.reviewed for fact in reviewed)}
    in_class = [fact for fact in facts if _passes_all_but(fact, facets, state, CATALOG_KEYS["classMode"])]
    counts[CATALOG_KEYS["classMode"]] = {"1": sum(_lacking(fact, state["have"]) <= 1 for fact in in_class)}  # type: ignore[arg-type]
    return {"state": state, "found": found, "counts": counts}


def _states(facets: tuple[Facet, ...], materials: list[str]) -> list[State]:
    """No filter, each facet's first and last value, pairs of facets, the excluding choices, reviewed,
    and a class that has every other material, alone and with a filter."""
    have = materials[::2]

    def state(chosen: dict[str, list[str]], reviewed: bool = False, class_mode: bool = False) -> State:
        return {"q": "", "facets": chosen, "reviewed": reviewed, "classMode": class_mode, "have": have}

    states = [state({}), state({}, reviewed=True), state({}, class_mode=True),
              state({facets[0].key: [facets[0].values[0].code]}, class_mode=True)]
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
    return {"data": data, "cases": [_case(facts, facets, state) for state in _states(facets, materials)]}


def main() -> None:
    request = json.load(sys.stdin)
    answer: dict[str, object] = {}
    if "fold" in request:
        answer["fold"] = [fold(text) for text in request["fold"]]
    if "searched" in request:
        answer["searched"] = [searched_fields(*fields) for fields in request["searched"]]
    if request.get("library"):
        answer.update(library())
    json.dump(answer, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
