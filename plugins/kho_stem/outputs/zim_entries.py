"""The ZIM file itself, written with libzim: the site's files as entries, and the book's metadata.

Only ``build.py zim`` imports this module (through ``zim.pack_zim``), so every other command runs
where libzim is not installed.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from libzim.writer import Creator, FileProvider, Hint, Item

from kho_stem.outputs.offline import published_files
from kho_stem.outputs.zim import ILLUSTRATION_SIZE, MAIN_PAGE, ZimBook

_MIME_TYPES = {
    ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
    ".csv": "text/csv", ".txt": "text/plain", ".xml": "application/xml", ".svg": "image/svg+xml",
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp",
    ".gif": "image/gif", ".ico": "image/x-icon", ".woff2": "font/woff2", ".woff": "font/woff",
    ".pdf": "application/pdf",
}
# Already compressed: libzim would spend time compressing them again for nothing.
_COMPRESSED = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".woff2", ".woff", ".gz", ".zip", ".pdf"}
# Looked up by name: libzim's stubs type the members as ``Self``, which mypy cannot read on the class.
_FRONT_ARTICLE, _COMPRESS = Hint["FRONT_ARTICLE"], Hint["COMPRESS"]
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL | re.IGNORECASE)
# An old card name's page only sends the reader on: not worth a search result of its own.
_REDIRECT = re.compile(r"""<meta\s[^>]*http-equiv=["']?refresh""", re.IGNORECASE)


class _SiteFile(Item):
    def __init__(self, path: Path, relative: str, title: str, mimetype: str, front: bool, compress: bool):
        super().__init__()
        self._path, self._relative, self._title = path, relative, title
        self._mimetype, self._front, self._compress = mimetype, front, compress

    def get_path(self) -> str:
        return self._relative

    def get_title(self) -> str:
        return self._title

    def get_mimetype(self) -> str:
        return self._mimetype

    def get_contentprovider(self) -> FileProvider:
        return FileProvider(str(self._path))

    def get_hints(self) -> dict[Hint, int]:
        return {_FRONT_ARTICLE: self._front, _COMPRESS: self._compress}


def mimetype_of(relative: str) -> str:
    return _MIME_TYPES.get(PurePosixPath(relative).suffix.lower(), "application/octet-stream")


def _site_file(path: Path, relative: str, site_name: str) -> _SiteFile:
    suffix = PurePosixPath(relative).suffix.lower()
    if suffix != ".html":
        return _SiteFile(path, relative, "", mimetype_of(relative), False, suffix not in _COMPRESSED)
    text = path.read_text(encoding="utf-8")
    found = _TITLE.search(text)
    title = html.unescape(found.group(1)).strip() if found else ""
    # The theme's "<page> - <site name>": Kiwix already shows which book a result comes from.
    title = title.removesuffix(f" - {site_name}") or title
    return _SiteFile(path, relative, title, "text/html", not _REDIRECT.search(text), True)


def _add_metadata(creator: Creator, book: ZimBook) -> None:
    about = book.metadata
    for name, value in (("Name", about.name), ("Title", book.title), ("Description", about.description),
                        ("LongDescription", book.long_description), ("Language", about.language),
                        ("Creator", about.creator), ("Publisher", about.publisher),
                        ("Date", book.date.isoformat()), ("License", book.license), ("Tags", ";".join(about.tags)),
                        ("Scraper", "kho-stem build.py zim")):
        if value:
            creator.add_metadata(name, value)
    creator.add_illustration(ILLUSTRATION_SIZE, book.illustration)


@contextlib.contextmanager
def _native_output_hidden() -> Iterator[None]:
    """libzim prints its progress in English straight to the process's standard output ("ZIM file
    is ready!"), whatever its verbosity; teachers read our Vietnamese summary instead."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def write_zim(path: Path, site: Path, book: ZimBook) -> int:
    """Write the ZIM ``path`` from the built ``site``; return how many entries it holds."""
    entries = 0
    creator = Creator(path).config_indexing(True, book.metadata.language)
    with _native_output_hidden(), creator:
        creator.set_mainpath(MAIN_PAGE)
        _add_metadata(creator, book)
        for file, relative in published_files(site):
            creator.add_item(_site_file(file, relative, book.title))
            entries += 1
    return entries
