"""Split a card file into front matter and body, keeping exact line numbers.

A UTF-8 BOM, CRLF or CR line ends and NFD text (common from macOS) are accepted: the text is
decoded, line ends become LF and the whole text becomes NFC before anything else reads it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from kho_stem.text import nfc

_FENCE = "---"
BUNDLE_INDEX = "index.md"  # a card with its images: activities/<slug>/index.md


@dataclass(frozen=True)
class CardText:
    front_matter: str
    front_matter_line: int  # file line of the first front-matter line
    body: str
    body_line: int  # file line of the first body line


class CardFileError(Exception):
    def __init__(self, line: int, code: str, **params: object):
        super().__init__(code)
        self.line = line
        self.code = code
        self.params = params


def decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CardFileError(line, "not_utf8", offset=error.start) from None
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def split(text: str) -> CardText:
    lines = text.split("\n")
    if lines[0].rstrip() != _FENCE:
        raise CardFileError(1, "no_front_matter")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (_FENCE, "..."):
            return CardText(
                front_matter="\n".join(lines[1:index]),
                front_matter_line=2,
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            )
    raise CardFileError(1, "unclosed_front_matter")


def read_card_text(path: Path, max_bytes: int) -> CardText:
    """Read the card at ``path``, refusing links, devices and files over ``max_bytes``."""
    return split(decode(read_capped(path, max_bytes)))


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file that is not a symbolic link, read up to ``max_bytes``.

    A card that is a link could point anywhere (outside the repository, or to /dev/zero, which
    never ends); a FIFO would block. The file is opened without following a link and checked on
    the open descriptor, so it cannot be swapped between the check and the read.
    """
    if not _NO_FOLLOW and path.is_symlink():  # where links cannot be refused on opening
        raise CardFileError(1, "card_symlink", target=os.readlink(path))
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except OSError as error:
        # Asked only now: a warm check reads every card, and one system call a card less counts.
        if path.is_symlink():
            raise CardFileError(1, "card_symlink", target=os.readlink(path)) from None
        raise CardFileError(1, "file_unreadable", reason=error.strerror or str(error)) from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise CardFileError(1, "card_not_regular_file")
        chunks: list[bytes] = []
        wanted = max_bytes + 1
        while wanted > 0 and (chunk := os.read(descriptor, wanted)):
            chunks.append(chunk)
            wanted -= len(chunk)
    except OSError as error:
        raise CardFileError(1, "file_unreadable", reason=error.strerror or str(error)) from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise CardFileError(1, "card_too_large", limit=max_bytes)
    return data


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ_FLAGS = os.O_RDONLY | _NO_FOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
