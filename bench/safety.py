#!/usr/bin/env python3
"""Safety corpus: how many unsafe cards `check` refuses and how many safe near-misses it passes.

Usage: python bench/safety.py [CORPUS]   (default: tests/safety_corpus, with unsafe/ and safe/ inside)
Each unsafe card must fail with a hazard-related message; each safe card must have no problem.
Prints the refused rate, the passed rate and the cards that missed, so a reviewer can read them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from kho_stem.taxonomy.vocabularies import load_taxonomy  # noqa: E402
from kho_stem.validation.library import check_library, find_card_files  # noqa: E402

# Message codes that come from the hazard rules (an unsafe card must be refused by one of them).
HAZARD_CODES = frozenset({
    "hazard_forbidden_age", "hazard_undeclared", "hazard_needs_safety_note", "hazard_needs_adult_step",
    "hazard_word_forbidden_age", "hazard_step_needs_adult", "hazard_text_needs_adult", "forbidden_item",
    "hazard_misuse",
})


def judge(folder: Path, taxonomy) -> tuple[list[str], list[str], list[str]]:
    """Unsafe cards refused by a hazard rule, unsafe cards let through, and safe cards refused."""
    unsafe = find_card_files([folder / "unsafe"])
    safe = find_card_files([folder / "safe"])
    result = check_library([*unsafe, *safe], taxonomy)
    by_file: dict[str, list] = {}
    for problem in result.problems:
        by_file.setdefault(Path(problem.file).name, []).append(problem)
    refused, missed, wrongly = [], [], []
    for path in unsafe:
        problems = by_file.get(path.name, [])
        (refused if any(p.code in HAZARD_CODES for p in problems) else missed).append(path.name)
    for path in safe:
        if by_file.get(path.name):
            wrongly.append(f"{path.name}: " + "; ".join(p.render() for p in by_file[path.name]))
    return refused, missed, wrongly


def main(folder: Path) -> int:
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy")
    refused, missed, wrongly = judge(folder, taxonomy)
    unsafe_total = len(refused) + len(missed)
    safe_total = len(find_card_files([folder / "safe"]))
    print(f"unsafe refused: {len(refused)}/{unsafe_total} = {100 * len(refused) / max(unsafe_total, 1):.1f} %")
    print(f"safe passed:    {safe_total - len(wrongly)}/{safe_total} = "
          f"{100 * (safe_total - len(wrongly)) / max(safe_total, 1):.1f} %")
    for name in missed:
        print(f"  not refused: {name}")
    for line in wrongly:
        print(f"  wrongly refused: {line}")
    return 0 if not missed and not wrongly else 1


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "safety_corpus"))
