"""Remove what an interrupted build left behind (``kill -9``, a power cut): staging folders and
half-written zips that no running process owns any more.

Work folders carry their owner's process id in their name (``.site-<pid>-…``); one is stale when
that process is gone. A leftover without a process id (``site.old``, folders named by an older
version) is stale when it is older than this process, so a build running beside us keeps its own.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

STARTED = time.time()  # when this process began building (close enough: when it imported us)


def work_prefix(kind: str) -> str:
    """The name prefix of a work folder of ``kind`` owned by this process: ``.site-1234-``."""
    return f".{kind}-{os.getpid()}-"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, owned by someone else
        return True
    except OSError:
        return True  # cannot tell: keep it
    return True


def _stale(path: Path, pid: int | None) -> bool:
    if pid is not None:
        return not _alive(pid)
    try:
        return path.lstat().st_mtime < STARTED
    except OSError:
        return False


def clean_stale(folder: Path, patterns: tuple[str, ...]) -> list[Path]:
    """Remove entries of ``folder`` whose name matches one of ``patterns`` (regular expressions
    with an optional ``pid`` group) and that are stale; return what was removed."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    compiled = [re.compile(pattern) for pattern in patterns]
    for entry in folder.iterdir():
        for pattern in compiled:
            match = pattern.fullmatch(entry.name)
            if match is None:
                continue
            pid = match.groupdict().get("pid")
            if _stale(entry, int(pid) if pid else None):
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
                removed.append(entry)
            break
    return removed


def site_leftovers(site_dir: Path) -> tuple[str, ...]:
    """Patterns of what a build of ``site_dir`` leaves beside it when killed."""
    return (r"\.site-(?:(?P<pid>\d+)-)?.*", re.escape(site_dir.name + ".old"))


# Offline work folders, and zips or ZIMs being written (``.<name>.<pid>.part``, see offline.pack and
# zim.pack_zim; libzim adds its own ``.tmp`` work file beside the ZIM).
OFFLINE_LEFTOVERS = (r"\.offline-(?:(?P<pid>\d+)-)?.*", r"\..+\.(?P<pid>\d+)\.part(?:\.tmp)?")
