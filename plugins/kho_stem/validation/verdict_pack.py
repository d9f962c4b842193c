"""The verdict cache's files: card verdicts packed into a few shards, each read and written whole.

A shard is a pickle of ``(MAGIC, fingerprint, {card path: (key, verdict)})``. A shard written for
other code or another taxonomy (its fingerprint differs), damaged or foreign, reads as empty: its
cards are checked again. Writing goes through ``write_cache_file`` (a temporary file renamed into
place), so two runs at once leave one whole shard or the other, never a mix; the verdicts only
the other run kept are then lost, which costs their cards one more check, never a wrong verdict.
"""

from __future__ import annotations

import io
import os
import pickle
import zlib
from pathlib import Path
from typing import Any

from kho_stem.cards.cache_file import write_cache_file

SHARDS = 16  # an edited card rewrites one sixteenth of the verdicts, not all of them
MAGIC = "kho-stem verdicts"
Shard = dict[str, Any]  # card path -> (key, verdict), checked by whoever reads an entry


def shard_index(name: str) -> int:
    """The shard of a card path; the same in every process (``hash`` of a str is not)."""
    return zlib.crc32(name.encode("utf-8", "surrogateescape")) % SHARDS


def shard_file(folder: Path, index: int) -> Path:
    return folder / f"shard-{index:02d}.pickle"


def read_shard(folder: Path, index: int, fingerprint: str) -> Shard:
    try:
        # Only this program writes here, in the project's own cache folder.
        with shard_file(folder, index).open("rb") as handle:
            packed = _PathSharingUnpickler(handle).load()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, KeyError,
            TypeError, ValueError, MemoryError, RecursionError):
        return {}
    if (not isinstance(packed, tuple) or len(packed) != 3 or packed[0] != MAGIC or packed[1] != fingerprint
            or not isinstance(packed[2], dict)):
        return {}
    return packed[2]


def write_shard(folder: Path, index: int, fingerprint: str, shard: Shard) -> None:
    buffer = io.BytesIO()
    _PathSharingPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump((MAGIC, fingerprint, shard))
    write_cache_file(shard_file(folder, index), buffer.getvalue())


_PATH = type(Path())  # PosixPath or WindowsPath


# Paths travel as their text and each text is built once when read: pickle rebuilds a Path from
# its parts, which was about a third of the time of reading a verdict.
class _PathSharingPickler(pickle.Pickler):
    def persistent_id(self, obj: Any) -> str | None:
        return str(obj) if type(obj) is _PATH else None


class _PathSharingUnpickler(pickle.Unpickler):
    def __init__(self, handle: io.BufferedReader):
        super().__init__(handle)
        self._paths: dict[str, Path] = {}

    def persistent_load(self, pid: Any) -> Path:
        if not isinstance(pid, str):
            raise pickle.UnpicklingError("a path must be stored as its text")
        path = self._paths.get(pid)
        if path is None:
            # A card's folder and its images follow the card's own path: built from it, not parsed again.
            folder, _, name = pid.rpartition(os.sep)
            known = self._paths.get(folder)
            path = self._paths[pid] = known / name if known is not None and name else Path(pid)
            if folder and name:  # the text of path.parent, without asking for it
                self._paths.setdefault(folder, path.parent)
        return path
