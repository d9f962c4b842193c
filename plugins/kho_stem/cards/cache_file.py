"""Writing a cache file: whole or not at all, and never a reason for a check or build to fail."""

from __future__ import annotations

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
