"""Rendered card bodies kept on disk, so an unchanged body is not rendered again.

Rendering a body (Python-Markdown, then the sanitiser twice) is most of what `check` spends on a
card. A rendering depends only on the body's text, its first line in the file, the HTML policy and
the code that renders it, so the key is a hash of all four: editing a card, the policy, the
renderer or upgrading Markdown or nh3 makes a new key. The folder is safe to delete.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from kho_stem.cards.cache_file import write_cache_file

FORMAT = 1  # of the files written here


class BodyCache:
    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint

    def _file(self, body: str, first_line: int) -> Path:
        key = hashlib.sha256(f"{FORMAT}\0{self.fingerprint}\0{first_line}\0{body}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, body: str, first_line: int) -> dict[str, Any] | None:
        """What ``put`` stored for this body, or None (not there yet, or unreadable: render again)."""
        try:
            data = json.loads(self._file(body, first_line).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def put(self, body: str, first_line: int, data: dict[str, Any]) -> None:
        write_cache_file(self._file(body, first_line), json.dumps(data, ensure_ascii=False).encode("utf-8"))
