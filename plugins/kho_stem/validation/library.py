"""Find card files, check them all, and check what spans cards (unique slugs and aliases)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kho_stem.cards.card import RESERVED_NAMES, Card
from kho_stem.cards.image_refs import IMAGE_SUFFIXES
from kho_stem.cards.real_paths import RealPaths
from kho_stem.cards.reviews import ReviewBook, review_problems
from kho_stem.diagnostics.problems import Problem, Severity, display_path
from kho_stem.taxonomy.vocabularies import Taxonomy
from kho_stem.validation.card_checker import CardChecker
from kho_stem.validation.collector import collector_paused
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
            found.update(map(Path, _card_names_under(str(path))))
        elif path.suffix == ".md":
            found.add(path)
    return sorted(found)


def _card_names_under(folder: str) -> list[str]:
    """What ``Path(folder).rglob("*.md")`` finds, as text, leaving out hidden files and folders.

    Walked with ``os.scandir`` and strings: building a Path for every entry cost more than the walk.
    As rglob does, links to folders are not followed and unreadable folders are passed over."""
    found: list[str] = []
    folders = [folder]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.name.endswith(".md"):
                        found.append(entry.path)
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
        except PermissionError:
            continue
    return found


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
    with collector_paused():
        return _check_library(files, taxonomy, context_files, image_folders, reviews, processes, body_cache_dir,
                              verdict_cache_dir)


def _check_library(
    files: list[Path], taxonomy: Taxonomy, context_files: Iterable[Path], image_folders: Iterable[Path],
    reviews: ReviewBook | None, processes: int, body_cache_dir: Path | None, verdict_cache_dir: Path | None,
) -> CheckResult:
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
    """Every card's verdict, in order: kept ones read here, the others checked (in parallel when many)."""
    realpath = RealPaths()  # for this pass only: each folder above the cards is resolved once
    shown = _display_paths(paths, realpath)
    kept = [checker.cached_verdict(path, shown[path], realpath) for path in paths]
    missing = [path for path, verdict in zip(paths, kept, strict=True) if verdict is None]
    fresh = _check_each(checker, missing, processes)
    for path, (key, verdict) in zip(missing, fresh, strict=True):
        checker.keep(path, key, verdict)
    checker.save_verdicts()
    checked = iter(verdict for _, verdict in fresh)
    return [verdict if verdict is not None else next(checked) for verdict in kept]


def _display_paths(paths: list[Path], realpath: Callable[[str], str] = os.path.realpath) -> dict[Path, str]:
    """``display_path`` of each path, with the working folder resolved once, not once a card."""
    cwd = os.path.realpath(os.getcwd())
    inside = cwd.rstrip(os.sep) + os.sep
    shown = {}
    for path in paths:
        real = realpath(os.fspath(path))
        if real == cwd:
            shown[path] = "."
        elif real.startswith(inside):
            # What Path(...).as_posix() gives for a resolved path, without building the Path.
            shown[path] = real[len(inside):].replace(os.sep, "/")
        else:
            shown[path] = path.as_posix()
    return shown


def _check_each(checker: CardChecker, paths: list[Path], processes: int) -> list[tuple[str | None, Verdict]]:
    """Every card checked, in order, with the key to keep its verdict under: in this process, or
    split over forked workers for a large library (the parent keeps what they found).

    Rendering bodies (Python-Markdown) is most of the time of a check; the cards are independent,
    so on a 2-core machine two processes take about half the time. Workers are forked so they start
    with the taxonomy and the compiled checker already in memory."""
    workers = min(processes, len(paths) // (PARALLEL_FROM // 2))
    if workers < 2 or len(paths) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return [checker.keyed_verdict(path, display_path(path)) for path in paths]
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


def _check_chunk(paths: list[Path]) -> list[tuple[str | None, Verdict]]:
    checker = _worker_checker
    assert checker is not None, "forked from _check_each"
    return [checker.keyed_verdict(path, display_path(path)) for path in paths]


# The names the folder warnings look at: images, and files that look like cards.
_WATCHED_SUFFIXES = IMAGE_SUFFIXES | {".md", ".markdown"}


def _files_under(folder: Path) -> list[str]:
    """Every image or card-like file under ``folder`` (resolved), sorted as paths sort; links to
    folders are not followed, unreadable folders passed over (as ``os.walk`` does). Names stay
    text: a Path for each of ten thousand files cost more than the walk."""
    found: list[tuple[tuple[str, ...], str]] = []
    folders = [str(folder.resolve())]
    while folders:
        parent = folders.pop()
        parts = tuple(parent.split(os.sep))
        try:
            with os.scandir(parent) as entries:
                for entry in entries:
                    try:
                        is_dir = entry.is_dir()  # a link to a folder counts as a folder, not walked into
                    except OSError:
                        is_dir = False
                    if is_dir:
                        if not entry.is_symlink():
                            folders.append(entry.path)
                    elif os.path.splitext(entry.name)[1].lower() in _WATCHED_SUFFIXES:
                        found.append(((*parts, entry.name), entry.path))
        except OSError:
            continue
    # Sorted by parts, as paths sort (comparing tuples of strings is much faster than comparing paths).
    found.sort()
    return [name for _, name in found]


def _misnamed_cards(folder_files: Iterable[list[str]]) -> list[Problem]:
    """``.MD`` and ``.markdown`` files look like cards to people but are not read: say so."""
    problems = []
    for files in folder_files:
        for name in files:
            suffix = os.path.splitext(name)[1]
            if suffix.lower() in (".md", ".markdown") and suffix != ".md" and os.path.isfile(name):
                path = Path(name)
                problems.append(Problem(display_path(path), 1, "", "card_wrong_extension",
                                        {"name": path.name, "suggestion": path.stem + ".md"}, Severity.WARNING))
    return problems


def _unused_images(folder_files: Iterable[list[str]], used: set[Path]) -> list[Problem]:
    used_names = {str(image) for image in used}
    problems = []
    for files in folder_files:
        for name in files:
            if (os.path.splitext(name)[1].lower() in IMAGE_SUFFIXES and name not in used_names
                    and os.path.isfile(name)):
                problems.append(Problem(display_path(Path(name)), 1, "", "image_unused",
                                        {"path": os.path.basename(name)}, Severity.WARNING))
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

