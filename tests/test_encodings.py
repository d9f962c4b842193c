"""NFD text, a UTF-8 BOM and CRLF line ends are accepted; text is published as NFC."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from conftest import VALID_CARD, check_folder
from kho_stem.text import fold, slugify
from kho_stem.validation.library import check_library, find_card_files


def _check_one(folder: Path, data: bytes, taxonomy):
    (folder / "thuyen-la.md").write_bytes(data)
    return check_library(find_card_files([folder]), taxonomy)


def test_nfd_card_validates_and_is_nfc(tmp_path: Path, taxonomy):
    nfd = unicodedata.normalize("NFD", VALID_CARD)
    assert nfd != VALID_CARD
    result = _check_one(tmp_path, nfd.encode("utf-8"), taxonomy)
    assert result.problems == []
    card = result.cards[0]
    assert card.title == "Thuyền lá nổi hay chìm"
    assert unicodedata.is_normalized("NFC", card.body)


def test_bom_and_crlf_are_accepted_with_the_same_lines(tmp_path: Path, taxonomy):
    data = b"\xef\xbb\xbf" + VALID_CARD.replace("\n", "\r\n").replace("duration: 25", "duration: 300").encode()
    (tmp_path / "x.md").write_bytes(data)
    assert check_folder(tmp_path, taxonomy) == ["x.md:9: duration: tối đa là 180 (đang là 300)"]


def test_old_mac_cr_line_ends(tmp_path: Path, taxonomy):
    result = _check_one(tmp_path, VALID_CARD.replace("\n", "\r").encode(), taxonomy)
    assert result.problems == []


def test_not_utf8(tmp_path: Path, taxonomy):
    data = VALID_CARD.replace("Thuyền", "Thuy\u1ec1n").encode("utf-8").replace("lá nổi".encode(), b"l\xe1 n\xf4i")
    (tmp_path / "x.md").write_bytes(data)
    lines = check_folder(tmp_path, taxonomy)
    assert len(lines) == 1
    assert lines[0].startswith("x.md:2: tệp không phải văn bản UTF-8 (byte lạ ở vị trí")


def test_fold_and_slugify():
    assert fold("NƯỚC và Đường") == "nuoc va duong"
    assert fold(unicodedata.normalize("NFD", "nước")) == "nuoc"
    assert slugify("Thuyền giấy: nổi hay chìm?") == "thuyen-giay-noi-hay-chim"
    assert slugify("Đo chiều cao") == "do-chieu-cao"
