"""Writing a cache file: whole or not at all, and never a reason for a check or build to fail."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def write_cache_file(target: Path, data: bytes) -> None:
    """Write ``data`` beside ``target`` and rename it into place, so a reader never sees half a file;
    a read-only or full disk only costs the speed the cache would have given."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        try:
            temporary.write_bytes(data)
        except FileNotFoundError:
            # The folder is made only when missing: asking for it before every file cost a
            # system call per card on a cold check.
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
        temporary.replace(target)
    except OSError:
        pass


def link_from_cache(target: Path, data: bytes, folder: Path) -> None:
    """Put ``data`` at ``target`` as a hard link to a copy kept in ``folder`` under its own hash.

    A site file a build writes again unchanged then costs a link instead of a write, ten times
    slower here. The cache only ever replaces a file by renaming a new one over it
    (``write_cache_file``), so a linked site file never changes afterwards; where linking fails
    (another file system, a full cache) the file is written as before."""
    key = hashlib.sha256(data).hexdigest()
    cached = folder / key[:2] / key
    if not cached.is_file():
        write_cache_file(cached, data)
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        target.write_bytes(data)
