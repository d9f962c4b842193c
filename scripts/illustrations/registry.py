"""Which function draws which picture: card modules register themselves with ``@picture``."""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image

from .canvas import save

Drawing = Callable[[], Image.Image]
PICTURES: dict[tuple[str, str], Drawing] = {}


def picture(card_slug: str, filename: str = "cover.png") -> Callable[[Drawing], Drawing]:
    """Register a function returning the picture saved as ``activities/<card_slug>/<filename>``."""
    def register(function: Drawing) -> Drawing:
        key = (card_slug, filename)
        if key in PICTURES:
            raise ValueError(f"two drawings for {card_slug}/{filename}")
        PICTURES[key] = function
        return function
    return register


def draw_all(only: set[str] | None = None) -> None:
    """Draw and save every registered picture (or those of the given card slugs), in a stable order."""
    for (slug, filename), function in sorted(PICTURES.items()):
        if only is None or slug in only:
            save(function(), slug, filename)
