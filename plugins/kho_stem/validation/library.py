"""Find card files, check them all, and check what spans cards (unique slugs and aliases)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kho_stem.cards.card import RESERVED_NAMES, Card
from kho_stem.cards.image_refs import IMAGE_SUFFIXES
from kho_stem.cards.reviews import ReviewBook, review_problems
from kho_stem.diagnostics.problems import Problem, Severity, display_path
from kho_stem.taxonomy.vocabularies import Taxonomy
from kho_stem.validation.card_checker import CardChecker


@dataclass
class CheckResult:
    cards: list[Card] = field(default_factory=list)  # the valid cards, in path order
    problems: list[Problem] = field(default_factory=list)
    checked: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors


def find_card_files(paths: Iterable[Path]) -> list[Path]:
    """Every ``.md`` file in ``paths`` (files or folders), resolved and sorted, without hidden folders.

    Paths are resolved so that the same card named two ways (``activities/x.md`` and an absolute
    path) is one card, not two cards clashing with each other.
    """
    found: set[Path] = set()
    # A file's own name is kept, not resolved: a card that is a link must be seen as one (and refused).
    for path in (p.resolve() if p.is_dir() else p.absolute().parent.resolve() / p.name for p in paths):
        if path.is_dir():
            for candidate in path.rglob("*.md"):
                relative = candidate.relative_to(path).parts
                if not any(part.startswith(".") for part in relative):
                    found.add(candidate)
        elif path.suffix == ".md":
            found.add(path)
    return sorted(found)


def check_library(
    files: list[Path], taxonomy: Taxonomy, context_files: Iterable[Path] = (), image_folders: Iterable[Path] = (),
    reviews: ReviewBook | None = None,
) -> CheckResult:
    """Check ``files``; ``context_files`` (the rest of the library) only take part in uniqueness.

    Images in ``image_folders`` that no card uses, and files there that look like cards but are
    not named ``.md``, get a warning. A card is reviewed when ``reviews`` holds a review of exactly
    its content; the reviews file's own problems are reported too.
    """
    book = reviews or ReviewBook(None, {})
    hashes: dict[str, tuple[str, str]] = {}  # slug -> (shown path, content hash), every card seen
    checker = CardChecker(taxonomy)
    result = CheckResult(checked=len(files))
    reported = set(files)
    owners: dict[str, str] = {}  # slug or alias -> the card that has it
    used_images: set[Path] = set()
    # The rest of the library claims its names first, so a new card is the one told to change.
    for path in [*(p for p in context_files if p not in reported), *files]:
        display = display_path(path)
        card, problems = checker.check(path, display)
        if card is not None:
            hashes[card.slug] = (card.source, card.content_hash)
        if path not in reported:
            if card is not None:
                _claim_names(card, owners, [])
                used_images.update(card.images)
            continue
        result.problems.extend(problems)
        if card is None:
            continue
        clashes: list[Problem] = []
        _claim_names(card, owners, clashes)
        result.problems.extend(clashes)
        if not clashes:
            result.cards.append(replace(card, review=book.current(card.slug, card.content_hash)))
        used_images.update(card.images)
    result.problems.extend(_unused_images(image_folders, used_images | checker.referenced_images))
    result.problems.extend(book.problems)
    shown = {card.source for card in result.cards}
    result.problems.extend(p for p in review_problems(book, hashes) if p.code != "review_stale" or p.file in shown)
    result.problems.extend(_misnamed_cards(image_folders))
    return result


def _misnamed_cards(folders: Iterable[Path]) -> list[Problem]:
    """``.MD`` and ``.markdown`` files look like cards to people but are not read: say so."""
    problems = []
    for folder in folders:
        for path in sorted(folder.resolve().rglob("*")):
            if path.suffix.lower() in (".md", ".markdown") and path.suffix != ".md" and path.is_file():
                problems.append(Problem(display_path(path), 1, "", "card_wrong_extension",
                                        {"name": path.name, "suggestion": path.stem + ".md"}, Severity.WARNING))
    return problems


def _unused_images(folders: Iterable[Path], used: set[Path]) -> list[Problem]:
    problems = []
    for folder in folders:
        for image in sorted(folder.resolve().rglob("*")):
            if image.suffix.lower() in IMAGE_SUFFIXES and image not in used and image.is_file():
                problems.append(Problem(display_path(image), 1, "", "image_unused",
                                        {"path": image.name}, Severity.WARNING))
    return problems


def _claim_names(card: Card, owners: dict[str, str], clashes: list[Problem]) -> None:
    if card.slug in owners:
        clashes.append(Problem(card.source, 1, "", "slug_duplicate",
                               {"slug": card.slug, "other": owners[card.slug]}))
    else:
        owners[card.slug] = card.source
    for index, alias in enumerate(card.aliases):
        if alias in RESERVED_NAMES:
            clashes.append(Problem(card.source, card.line_of("aliases", index), "aliases", "alias_reserved",
                                   {"alias": alias}))
        elif alias in owners:
            line = card.line_of("aliases", index)
            clashes.append(Problem(card.source, line, "aliases", "alias_duplicate",
                                   {"alias": alias, "other": owners[alias]}))
        else:
            owners[alias] = card.source

