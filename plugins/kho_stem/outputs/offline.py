"""The offline copy: a built site (file URLs) packed into one zip for a USB stick or a school PC.

Only what a page can use from file:// goes in: the theme's source maps and its search engine
(lunr and its web worker, replaced by the library's own search) are left out.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

FOLDER = "kho-hoc-lieu-stem"  # the folder the zip unpacks into
README_NAME = "Đọc trước.txt"
_LEFT_OUT_FOLDERS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
# 404.html links from the server root, which a copy opened from a folder does not have.
_LEFT_OUT_FILES = ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "404.html")
# Already compressed: storing them again costs time and saves nothing.
_STORED_SUFFIXES = {".webp", ".jpg", ".jpeg", ".png", ".gz", ".zip", ".woff2"}


@dataclass(frozen=True)
class OfflineCopy:
    path: Path
    size: int  # bytes
    files: int
    cards: int


def default_name(today: dt.date) -> str:
    return f"kho-stem-offline-{today.isoformat()}.zip"


def readme_text(site_name: str, cards: int, built: dt.datetime, home_url: str | None, official: bool = False) -> str:
    newest = (f"Bản mới nhất: {home_url}" if home_url else
              "Bản mới nhất: hỏi người quản lý thư viện của trường hoặc phòng giáo dục.")
    lines = [
        f"{site_name}: bản dùng không cần mạng",
        "",
        f"Ngày tạo: {built:%d/%m/%Y %H:%M}",
        f"Số thẻ hoạt động: {cards}" + (" (bản chính thức: chỉ gồm thẻ đã duyệt)" if official else ""),
        "",
        "CÁCH MỞ",
        "1. Giải nén tệp .zip (bấm chuột phải, chọn \"Extract All\" / \"Giải nén tất cả\").",
        f"2. Mở thư mục \"{FOLDER}\" vừa giải nén.",
        "3. Bấm đúp vào tệp index.html. Thư viện mở ra trong trình duyệt, không cần Internet.",
        "Có thể chép cả thư mục vào USB hoặc máy tính khác và mở theo cách trên.",
        "",
        "TRÌNH DUYỆT DÙNG ĐƯỢC",
        "Chrome, Edge, Firefox, Cốc Cốc, Safari bản từ năm 2020 trở lại đây, trên máy tính hoặc điện thoại.",
        "Tìm kiếm, bộ lọc, \"Lớp em có gì?\" và in thẻ đều dùng được khi không có mạng.",
        "",
        newest,
        "",
        "Nhà trường muốn đặt thư viện trên máy chủ nội bộ: chép thư mục này vào bất kỳ máy chủ web tĩnh",
        "nào (ví dụ nginx, hoặc lệnh: python -m http.server -d kho-hoc-lieu-stem).",
    ]
    # CRLF and a BOM: Notepad on older Windows then shows the Vietnamese text correctly.
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


def _is_unused_theme_file(relative: str) -> bool:
    return relative.endswith(".map") or relative.startswith(_LEFT_OUT_FOLDERS)


def _site_entries(site: Path) -> Iterator[tuple[Path, str]]:
    """Every name under ``site`` that may be a file, with its path relative to ``site``, in path
    order (callers keep those that are files). A site of a thousand cards holds thousands of
    pictures: walking it with strings, not path objects, keeps this small in a build."""
    found: list[tuple[str, ...]] = []
    for parent, _, names in os.walk(site):  # links to folders are not entered, as in Path.rglob
        relative = os.path.relpath(parent, site)
        parts = () if relative == "." else tuple(relative.split(os.sep))
        found.extend((*parts, name) for name in names)
    for parts in sorted(found):  # tuples of names sort as the paths do
        yield site.joinpath(*parts), "/".join(parts)


def unused_theme_files(site: Path) -> list[Path]:
    """The theme's files no page of the library loads: Material's search engine (lunr and its
    worker; the library has its own search) and the source maps of its scripts and styles."""
    return [path for path, relative in _site_entries(site) if _is_unused_theme_file(relative) and path.is_file()]


def published_files(site: Path) -> Iterator[tuple[Path, str]]:
    """Every file a copy of the built ``site`` carries, with its path inside the site."""
    for path, relative in _site_entries(site):
        if not (_is_unused_theme_file(relative) or relative in _LEFT_OUT_FILES) and path.is_file():
            yield path, relative


def pack(site: Path, target: Path, readme: str, cards: int) -> OfflineCopy:
    """Zip ``site`` into ``target`` under ``FOLDER``; written beside it first, then renamed, so a
    failed or interrupted run never leaves a half-written zip under the final name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    count = 0
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            archive.writestr(f"{FOLDER}/{README_NAME}", readme.encode("utf-8"))
            for path, relative in published_files(site):
                stored = PurePosixPath(relative).suffix.lower() in _STORED_SUFFIXES
                archive.write(path, f"{FOLDER}/{relative}",
                              compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
                count += 1
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return OfflineCopy(target, target.stat().st_size, count + 1, cards)
