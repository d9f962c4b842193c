"""``os.path.realpath`` for many files of one library, each folder resolved once.

``os.path.realpath`` looks at every part of a path (one ``lstat`` each): for a card deep in a
project that is seven system calls, again for each of its images. Within one pass over a library
the folders above the cards do not change, so their real paths are kept; each file still has its
own last part looked at. Keep an instance for one pass only: a folder made a link afterwards would
not be seen by it.
"""

from __future__ import annotations

import os
import stat


class RealPaths:
    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        """The same string ``os.path.realpath(path)`` gives."""
        # Only plain absolute paths take the short way: "..", "." and "//" mean what links make them mean.
        known = self._folders.get(path)  # a card's folder, asked again for each of its images
        if known is not None:
            return known
        if not path.startswith("/") or path != os.path.normpath(path) or path.startswith("//"):
            return os.path.realpath(path)
        return self._real(path)

    def _real(self, path: str) -> str:
        if path == "/":
            return path
        parent, name = path.rsplit("/", 1)
        real_parent = self._folder(parent or "/")
        candidate = f"{real_parent.rstrip('/')}/{name}"
        try:
            is_link = stat.S_ISLNK(os.lstat(candidate).st_mode)
        except OSError:
            is_link = False  # a missing part is kept as it is, as realpath does
        return os.path.realpath(candidate) if is_link else candidate

    def _folder(self, folder: str) -> str:
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = self._real(folder)
        return real
