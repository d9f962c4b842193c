"""Move the inline scripts of a built site into files.

Some Kiwix readers (the browser extension, and readers in their restricted mode) forbid inline
scripts through their Content Security Policy; a script loaded from the site's own files runs
everywhere. A classic ``<script src>`` without ``defer`` runs at the same moment, in the same order,
as the inline script it replaces, so the page behaves as before.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

FOLDER = "assets/kho-stem/inline/"
_SCRIPT = re.compile(r"<script(?P<attributes>\s[^>]*)?>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SOURCE = re.compile(r"\bsrc\s*=", re.IGNORECASE)
# Data blocks (Material's configuration, JSON-LD) are never executed, so no policy blocks them.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def is_inline_code(attributes: str, body: str) -> bool:
    """Whether a <script> element with these attributes and body is code a reader would run inline."""
    if _SOURCE.search(attributes) or not body.strip():
        return False
    found = _TYPE.search(attributes)
    return (found.group(1).lower() if found else "") in _SCRIPT_TYPES


def externalise_inline_scripts(site: Path) -> int:
    """Replace every inline script of every page of ``site`` by a file under ``FOLDER`` (named by
    its content, so pages that share a script share the file); return how many were replaced."""
    folder = site / FOLDER
    replaced = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")

        def to_file(match: re.Match[str], page: Path = page) -> str:
            nonlocal replaced
            attributes, body = match.group("attributes") or "", match.group("body")
            if not is_inline_code(attributes, body):
                return match.group(0)
            name = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16] + ".js"
            folder.mkdir(parents=True, exist_ok=True)
            script = folder / name
            if not script.exists():
                script.write_text(body, encoding="utf-8")
            replaced += 1
            link = Path(os.path.relpath(script, page.parent)).as_posix()
            return f'<script src="{link}"{attributes}></script>'

        changed = _SCRIPT.sub(to_file, text)
        if changed != text:
            page.write_text(changed, encoding="utf-8")
    return replaced
