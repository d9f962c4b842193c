"""Find card files, check them all, and check what spans cards (unique slugs and aliases)."""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kho_stem.cards.card import RESERVED_NAMES, Card
from kho_stem.cards.image_refs import IMAGE_SUFFIXES
from kho_stem.cards.reviews import ReviewBook, review_problems
from kho_stem.diagnostics.problems import Problem, Severity, display_path
from kho_stem.taxonomy.vocabularies import Taxonomy
from kho_stem.validation.card_checker import CardChecker
from kho_stem.validation.verdict_cache import Verdict


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
    reviews: ReviewBook | None = None, processes: int = 1, body_cache_dir: Path | None = None,
    verdict_cache_dir: Path | None = None,
) -> CheckResult:
    """Check ``files``; ``context_files`` (the rest of the library) only take part in uniqueness.

    Images in ``image_folders`` that no card uses, and files there that look like cards but are
    not named ``.md``, get a warning. A card is reviewed when ``reviews`` holds a review of exactly
    its content; the reviews file's own problems are reported too. With ``processes`` > 1 a large
    library is checked by that many forked worker processes (only from a single-threaded program).
    Rendered bodies are kept in ``body_cache_dir``, and whole verdicts on unchanged cards in
    ``verdict_cache_dir``, between runs when they are given.
    """
    book = reviews or ReviewBook(None, {})
    hashes: dict[str, tuple[str, str]] = {}  # slug -> (shown path, content hash), every card seen
    checker = CardChecker(taxonomy, body_cache_dir, verdict_cache_dir)
    result = CheckResult(checked=len(files))
    reported = set(files)
    owners: dict[str, str] = {}  # slug or alias -> the card that has it
    used_images: set[Path] = set()
    warned_locations: set[Path] = set()  # an image's GPS position is told once, with its first card
    # The rest of the library claims its names first, so a new card is the one told to change.
    paths = [*(p for p in context_files if p not in reported), *files]
    for path, verdict in zip(paths, _verdicts(checker, paths, processes), strict=True):
        card = verdict.card
        used_images.update(verdict.referenced_images)
        repeated = {index for index, image in verdict.located if image in warned_locations}
        warned_locations.update(image for _, image in verdict.located)
        problems = [p for index, p in enumerate(verdict.problems) if index not in repeated]
        if card is not None:
            hashes[card.slug] = (card.source, card.content_hash)
        if path not in reported:
            if card is not None:
                _claim_names(card, owners, [])
            continue
        result.problems.extend(problems)
        if card is None:
            continue
        clashes: list[Problem] = []
        _claim_names(card, owners, clashes)
        result.problems.extend(clashes)
        if not clashes:
            result.cards.append(replace(card, review=book.current(card.slug, card.content_hash)))
    folder_files = [_files_under(folder) for folder in image_folders]  # walked once for both warnings
    result.problems.extend(_unused_images(folder_files, used_images))
    result.problems.extend(book.problems)
    shown = {card.source for card in result.cards}
    result.problems.extend(p for p in review_problems(book, hashes) if p.code != "review_stale" or p.file in shown)
    result.problems.extend(_misnamed_cards(folder_files))
    return result


# Below this many cards, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


def _verdicts(checker: CardChecker, paths: list[Path], processes: int) -> list[Verdict]:
    """Every card's verdict, in order: kept ones read here, the others checked (in parallel when many).

    The cyclic garbage collector is paused meanwhile: a check makes many objects and few cycles,
    and the collector's passes over a thousand unpickled verdicts took half the time of reading them."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        shown = _display_paths(paths)
        kept = [checker.cached_verdict(path, shown[path]) for path in paths]
        missing = [path for path, verdict in zip(paths, kept, strict=True) if verdict is None]
        fresh = iter(_check_each(checker, missing, processes))
        return [verdict if verdict is not None else next(fresh) for verdict in kept]
    finally:
        if collecting:
            gc.enable()


def _display_paths(paths: list[Path]) -> dict[Path, str]:
    """``display_path`` of each path, with the working folder resolved once, not once a card."""
    cwd = os.path.realpath(os.getcwd())
    inside = cwd.rstrip(os.sep) + os.sep
    shown = {}
    for path in paths:
        real = os.path.realpath(path)
        if real == cwd:
            shown[path] = "."
        elif real.startswith(inside):
            shown[path] = Path(real[len(inside):]).as_posix()
        else:
            shown[path] = path.as_posix()
    return shown


def _check_each(checker: CardChecker, paths: list[Path], processes: int) -> list[Verdict]:
    """Every card checked, in order: in this process, or split over forked workers for a large library.

    Rendering bodies (Python-Markdown) is most of the time of a check; the cards are independent,
    so on a 2-core machine two processes take about half the time. Workers are forked so they start
    with the taxonomy and the compiled checker already in memory."""
    workers = min(processes, len(paths) // (PARALLEL_FROM // 2))
    if workers < 2 or len(paths) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return [checker.fresh_verdict(path, display_path(path)) for path in paths]
    global _worker_checker  # read by the forked workers, set just before they start
    checker.prepare()  # once here, not in every worker
    _worker_checker = checker
    size = -(-len(paths) // workers)
    chunks = [paths[start:start + size] for start in range(0, len(paths), size)]
    with multiprocessing.get_context("fork").Pool(len(chunks)) as pool:
        parts = pool.map(_check_chunk, chunks)
    _worker_checker = None
    return [verdict for part in parts for verdict in part]


_worker_checker: CardChecker | None = None


def _check_chunk(paths: list[Path]) -> list[Verdict]:
    checker = _worker_checker
    assert checker is not None, "forked from _check_each"
    return [checker.fresh_verdict(path, display_path(path)) for path in paths]


# The names the folder warnings look at: images, and files that look like cards.
_WATCHED_SUFFIXES = IMAGE_SUFFIXES | {".md", ".markdown"}


def _files_under(folder: Path) -> list[Path]:
    """Every image or card-like file name under ``folder`` (resolved), sorted; links to folders are not followed."""
    found: list[tuple[str, ...]] = []
    for parent, _, names in os.walk(folder.resolve()):
        parts = tuple(Path(parent).parts)
        found.extend((*parts, name) for name in names if os.path.splitext(name)[1].lower() in _WATCHED_SUFFIXES)
    # Sorted by parts, as paths sort (comparing tuples of strings is much faster than comparing paths).
    return [Path(*parts) for parts in sorted(found)]


def _misnamed_cards(folder_files: Iterable[list[Path]]) -> list[Problem]:
    """``.MD`` and ``.markdown`` files look like cards to people but are not read: say so."""
    problems = []
    for files in folder_files:
        for path in files:
            if path.suffix.lower() in (".md", ".markdown") and path.suffix != ".md" and path.is_file():
                problems.append(Problem(display_path(path), 1, "", "card_wrong_extension",
                                        {"name": path.name, "suggestion": path.stem + ".md"}, Severity.WARNING))
    return problems


def _unused_images(folder_files: Iterable[list[Path]], used: set[Path]) -> list[Problem]:
    problems = []
    for files in folder_files:
        for image in files:
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

