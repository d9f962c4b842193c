"""Whole verdicts on cards kept on disk, so an unchanged card is not checked again.

A card's verdict (its problems and, when valid, the Card) depends on the card file's bytes, where
the file is and how it is shown, the images it points to, the taxonomy and the code. The key is
a hash of the bytes, the place, the taxonomy's files and the code (every module of the core and
the versions of the libraries it reads cards with); the images are checked on reading: each
reference must resolve to the same file, with the same size, times and inode as when it was
checked. Editing a card, an image, the taxonomy or the code makes a miss. The verdicts are packed
in a few files (verdict_pack.py), read once per run. The folder is safe to delete; a damaged or
foreign file is a miss, never a wrong verdict.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import MappingProxyType

import kho_stem
from kho_stem.cards.card import Card
from kho_stem.cards.card_file import BUNDLE_INDEX
from kho_stem.cards.image_refs import reference_path, resolve_image_name
from kho_stem.diagnostics.problems import Problem
from kho_stem.validation.verdict_pack import SHARDS, Shard, read_shard, shard_index, write_shard

FORMAT = 2  # of the files written here
_LIBRARIES = ("PyYAML", "Markdown", "nh3", "Pillow", "fastjsonschema", "jsonschema")

Signature = tuple[int, int, int, int, int]  # size, modified and changed (ns), inode, device
BundleFiles = tuple[tuple[str, Signature], ...]


@dataclass(frozen=True)
class ImageUse:
    """One image reference of a card and what it led to when the card was checked."""

    reference: str
    folder: Path  # the card's folder, where the reference is resolved
    target: Path | None  # the file, or None when the reference was refused
    signature: Signature | None  # of the file when it was inspected


@dataclass(frozen=True)
class Verdict:
    """Everything checking one card found; what the library needs to put cards together."""

    card: Card | None  # None when the card has errors
    problems: tuple[Problem, ...]
    referenced_images: frozenset[Path]  # every existing image the card points to
    located: tuple[tuple[int, Path], ...]  # each GPS warning: its index in problems and its image
    image_uses: tuple[ImageUse, ...]
    # The files beside a bundle's index.md when the card's content hash was taken (it covers them).
    bundle: BundleFiles | None = None


# File times tick coarsely (a few ms): a file changed again within the same tick, at the same
# size, would look unchanged. A file changed this recently is never trusted by its signature.
_SETTLED_AFTER_NS = 2_000_000_000


def signature(path: Path | str) -> Signature | None:
    """Size, times, inode and device of ``path``; None when missing or changed too recently to tell."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    if time.time_ns() - status.st_mtime_ns < _SETTLED_AFTER_NS:
        return None
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev


def bundle_files(card: Path) -> BundleFiles | None:
    """Every file under a bundle card's folder with its signature; () for a card that is one file.

    None when that cannot be told from signatures alone (a link, an unreadable folder)."""
    if card.name != BUNDLE_INDEX:
        return ()
    found: list[tuple[str, Signature]] = []
    folders = [str(card.parent)]
    try:
        while folders:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_symlink():
                        return None
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
                    else:
                        known = signature(entry.path)
                        if known is None:
                            return None
                        found.append((entry.path, known))
    except OSError:
        return None
    return tuple(sorted(found))


def taxonomy_fingerprint(root: Path) -> str:
    """A hash of every file of the taxonomy folder, names and bytes."""
    digest = hashlib.sha256()
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(file.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def code_fingerprint() -> str:
    """A hash of the core's modules, the libraries that read cards and the Python running them."""
    digest = hashlib.sha256(f"{FORMAT}|{sys.version}".encode())
    package = Path(kho_stem.__file__).parent
    for module in sorted(package.rglob("*.py")):
        digest.update(module.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(module.read_bytes()).digest())
    for name in _LIBRARIES:
        try:
            digest.update(f"|{name}={version(name)}".encode())
        except PackageNotFoundError:
            digest.update(f"|{name}=?".encode())
    return digest.hexdigest()


class VerdictCache:
    """Verdicts kept in a few packed files (``SHARDS``), each read whole once and written whole.

    Reading one file per card cost more than checking what it held; a shard holds, for each card
    path, the key its verdict was found under and the verdict. A card edited or gone is replaced or
    dropped when the shards are saved; only the shards that changed are written again."""

    def __init__(self, folder: Path, taxonomy_root: Path):
        self.folder = folder
        self.fingerprint = f"{code_fingerprint()}|{taxonomy_fingerprint(taxonomy_root)}"
        self._shards: list[Shard] | None = None  # read on first use
        self._changed: set[int] = set()
        self._seen: set[str] = set()  # card paths asked about or stored in this run
        self._values: dict[object, object] = {}  # one instance of each text and key path (_sharing_values)

    def key(self, path: Path, shown: str, data: bytes) -> str:
        head = f"{self.fingerprint}\0{path}\0{shown}\0".encode()
        return hashlib.sha256(head + data).hexdigest()

    def get(self, path: Path, key: str, realpath: Callable[[str], str] = os.path.realpath,
            bundle: BundleFiles | None = None) -> Verdict | None:
        """The verdict ``put`` stored for ``path`` under ``key`` if its images are still the same files, else None.

        ``realpath``: how image references are resolved again (``RealPaths`` for a whole library);
        ``bundle``: the card's ``bundle_files`` now, which spares resolving images inside it again."""
        name = str(path)
        self._seen.add(name)
        verdict = stored_verdict(self._shard(name), name, key)
        if verdict is None:
            return None
        # Every file of the bundle is where and what it was, and none is a link: see _inside_bundle.
        same_files = dict(bundle) if bundle and bundle == verdict.bundle else {}
        if not all(_inside_bundle(use, same_files, realpath) or _unchanged(use, realpath)
                   for use in verdict.image_uses):
            return None
        return verdict

    def put(self, path: Path, key: str, verdict: Verdict) -> None:
        name = str(path)
        self._seen.add(name)
        index = shard_index(name)
        self._shards_read()[index][name] = (key, _sharing_values(verdict, self._values))
        self._changed.add(index)

    def save(self) -> None:
        """Write every shard that changed; verdicts of cards that are gone are left out, and so are
        those of cards outside the project that holds the cache and not checked in this run (the
        original's cards, in a project copied with its ``.cache``: kept, they would be read for nothing)."""
        if self._shards is None:
            return
        home = _project_of(self.folder)
        for index, shard in enumerate(self._shards):
            gone = [name for name in shard if name not in self._seen
                    and not (name.startswith(home) and os.path.isfile(name))]
            for name in gone:
                del shard[name]
            if gone or index in self._changed:
                write_shard(self.folder, index, self.fingerprint, shard)
        self._changed.clear()

    def _shard(self, name: str) -> Shard:
        return self._shards_read()[shard_index(name)]

    def _shards_read(self) -> list[Shard]:
        if self._shards is None:
            self._shards = [read_shard(self.folder, index, self.fingerprint) for index in range(SHARDS)]
        return self._shards


def _project_of(folder: Path) -> str:
    """The folder a cache kept in a hidden folder belongs to, with a separator at its end
    (``<project>/.cache/kho-stem/verdicts/cards`` → ``<project>/``); "" when none is hidden."""
    parts = folder.resolve().parts  # as the cards' paths are
    for index, part in enumerate(parts):
        if index and part.startswith(".") and part not in (".", ".."):
            return os.path.join(*parts[:index], "")
    return ""


def _sharing_values(verdict: Verdict, values: dict[object, object]) -> Verdict:
    """``verdict`` with its card's front matter and line keys made of one instance of each equal
    text and key path ("title", ("materials", 0), "nhom-nho"). Pickle writes an object it has seen
    once per shard, so a shard holds them once: it shrank by a third and reads a third faster."""
    card = verdict.card
    if card is None:
        return verdict
    meta = _shared(dict(card.meta), values)
    lines = _shared(dict(card.lines), values)
    assert isinstance(meta, dict) and isinstance(lines, dict)
    return replace(verdict, card=replace(card, meta=MappingProxyType(meta), lines=MappingProxyType(lines)))


def _shared(value: object, values: dict[object, object]) -> object:
    # Only texts and tuples of texts and whole numbers (1 == 1.0 == True); lists and dicts are rebuilt.
    if type(value) is str:
        return values.setdefault(value, value)
    if type(value) is tuple and all(type(part) in (str, int) for part in value):
        return values.setdefault(value, value)
    if type(value) is dict:
        return {_shared(key, values): _shared(item, values) for key, item in value.items()}
    if type(value) is list:
        return [_shared(item, values) for item in value]
    return value


def stored_verdict(shard: Shard, name: str, key: str) -> Verdict | None:
    """The verdict kept for card ``name`` when it was found under ``key``; None for anything else."""
    entry = shard.get(name)
    if not isinstance(entry, tuple) or len(entry) != 2 or entry[0] != key or not isinstance(entry[1], Verdict):
        return None
    return entry[1]


def _inside_bundle(use: ImageUse, same_files: dict[str, Signature], realpath: Callable[[str], str]) -> bool:
    """Whether ``use`` is an image of the card's own bundle that would resolve to the same file again.

    ``same_files``: the bundle's files, each with the signature it had when the verdict was made,
    when they all still have it and none is a link. A reference that stays inside the folder (no
    "..") then passes only through folders of the bundle, none of them a link, to a file with the
    same size, times and inode: resolving it again would find that file. Only the folder itself
    is resolved again, in case it (or a folder above it) was made a link since."""
    if use.target is None or use.signature is None or same_files.get(str(use.target)) != use.signature:
        return False
    relative, _ = reference_path(use.reference)
    if relative is None or ".." in relative.replace(os.sep, "/").split("/"):
        return False
    folder = str(use.folder)
    return realpath(folder) == folder and os.path.normpath(os.path.join(folder, relative)) == str(use.target)


def _unchanged(use: ImageUse, realpath: Callable[[str], str]) -> bool:
    target, _ = resolve_image_name(use.reference, use.folder, realpath)
    if target is None:
        return use.target is None
    return (use.target is not None and target == str(use.target) and use.signature is not None
            and signature(target) == use.signature)
