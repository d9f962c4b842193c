"""The command line's check, handed to the plugin so that ``build.py build`` validates once.

``build.py build`` and ``offline`` check the library before MkDocs starts; the plugin's
``on_config`` would check it again. The command line leaves its result here, and the plugin takes
it (once) when it names the same activities, taxonomy and reviews. ``mkdocs build`` on its own,
``serve``'s rebuilds and any other project find nothing here and validate as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kho_stem.taxonomy import Taxonomy
from kho_stem.validation import CheckResult


@dataclass(frozen=True)
class CheckedLibrary:
    activities: Path
    taxonomy_dir: Path
    reviews_file: Path
    taxonomy: Taxonomy
    result: CheckResult

    def matches(self, activities: Path, taxonomy_dir: Path, reviews_file: Path) -> bool:
        return (self.activities.resolve(), self.taxonomy_dir.resolve(), self.reviews_file.resolve()) == (
            activities.resolve(), taxonomy_dir.resolve(), reviews_file.resolve())


# At most one result waits: the one checked just before this process starts MkDocs.
_waiting: list[CheckedLibrary] = []


def hand_over(checked: CheckedLibrary) -> None:
    _waiting[:] = [checked]


def take(activities: Path, taxonomy_dir: Path, reviews_file: Path) -> CheckedLibrary | None:
    """The waiting result when it is for this library, else None; either way nothing waits after."""
    if not _waiting:
        return None
    checked = _waiting.pop()
    return checked if checked.matches(activities, taxonomy_dir, reviews_file) else None


def withdraw() -> None:
    """Drop a result nobody took (the build stopped before the plugin ran): it would go stale."""
    _waiting.clear()
