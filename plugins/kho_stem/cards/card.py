"""The activity card: one validated Markdown file with its front matter."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from kho_stem.cards.card_file import BUNDLE_INDEX
from kho_stem.text import slugify

if TYPE_CHECKING:
    from kho_stem.cards.reviews import Review



# Names no card or old card name may take: every page file is an index.md, and `hoat-dong/index`
# is where the list of all cards lives, so a card or redirect named so would be confused with it.
RESERVED_NAMES = frozenset({"index"})


def slug_of(path: Path) -> str:
    """``activities/a/b.md`` -> ``b``; a bundle ``activities/b/index.md`` -> ``b``."""
    return path.parent.name if path.name == BUNDLE_INDEX else path.stem


def suggested_slug(path: Path) -> str:
    return slugify(slug_of(path)) or "hoat-dong"


@dataclass(frozen=True)
class Card:
    slug: str
    path: Path
    source: str  # the path shown to people, relative to the working folder
    meta: MappingProxyType[str, Any]  # the front matter as parsed (YAML values)
    body: str
    body_line: int
    body_html: str  # the body as published: rendered from Markdown and sanitised
    cover: Path | None
    images: tuple[Path, ...]  # every image file the card uses, cover first
    image_files: MappingProxyType[str, Path]  # each body image reference, as published, -> its file (resolved once)
    lines: MappingProxyType[tuple[str | int, ...], int]  # front-matter path, e.g. ("materials", 0), -> file line
    content_hash: str = ""  # what a review approves (reviews.content_hash)
    review: Review | None = None  # the board's review of exactly this content, if any

    def line_of(self, *path: str | int) -> int:
        return self.lines.get(tuple(path), 1)

    def get(self, key: str, default: Any = None) -> Any:
        return self.meta.get(key, default)

    @property
    def title(self) -> str:
        title: str = self.meta["title"]  # a string: only validated cards become Cards
        return title

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(self.meta.get("aliases") or ())

    def __reduce__(self) -> tuple[Any, tuple[dict[str, Any]]]:
        # Read-only mappings cannot be pickled: a card checked in a worker process travels as dicts.
        plain = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in _READ_ONLY_MAPPINGS:
            plain[name] = dict(plain[name])
        return _card_from_plain, (plain,)

    @property
    def is_reviewed(self) -> bool:
        return self.review is not None


_READ_ONLY_MAPPINGS = ("meta", "lines", "image_files")


def _card_from_plain(plain: dict[str, Any]) -> Card:
    for name in _READ_ONLY_MAPPINGS:
        plain[name] = MappingProxyType(plain[name])
    return Card(**plain)
