"""What every page needs of the teacher's plan ("Kế hoạch của tôi"): the add button and its settings.

The plan lives in the browser's ``localStorage`` (no account, no server; it works from file://).
The button is the same element on card pages and on every tile; ``kho-stem-plan-button.js`` finds
the card from the page address or the tile's link, so the catalog's cloned tiles need nothing more.
Its settings (the storage key, the texts it switches between) reach the browser once per page as
JSON (``plan_config``), never retyped in a script.
"""

from __future__ import annotations

from kho_stem.site.fragments import e
from kho_stem.site.theme import BUTTON_CLASS
from kho_stem.taxonomy.vocabularies import Taxonomy

STORAGE_KEY = "kho-stem-ke-hoach"
NAME_LIMIT = 120
NOTE_LIMIT = 300
CARD_LIMIT = 200  # more than a month's plan; a link or stored plan carrying more is refused
ADD_TEXT = "Thêm vào kế hoạch"
ADDED_TEXT = "✓ Đã có trong kế hoạch"
ADDED_TITLE = "Bấm lần nữa để bỏ khỏi kế hoạch"


def plan_button() -> str:
    """Hidden until the script runs: without it the button could do nothing."""
    return (f'<button type="button" class="{BUTTON_CLASS} ks-plan-add" data-ks-plan-add aria-pressed="false" '
            f"hidden>{e(ADD_TEXT)}</button>")


def plan_bounds(taxonomy: Taxonomy) -> dict[str, object]:
    """What a readable plan may hold: weeks and days (by position in weeks.yml, weekdays.yml), sizes."""
    return {"weeks": len(taxonomy["weeks"].terms), "days": len(taxonomy["weekdays"].terms),
            "limits": {"name": NAME_LIMIT, "note": NOTE_LIMIT, "cards": CARD_LIMIT}}


def plan_config(taxonomy: Taxonomy) -> dict[str, object]:
    """The button's settings: the plan it reads and writes must pass the same checks as on the plan page."""
    return {"key": STORAGE_KEY, "bounds": plan_bounds(taxonomy), "add": ADD_TEXT, "added": ADDED_TEXT,
            "addedTitle": ADDED_TITLE}
