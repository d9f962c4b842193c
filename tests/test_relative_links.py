"""Links between pages are worked out by string (urls._relative); they must be posixpath.relpath's."""

from __future__ import annotations

import itertools
import posixpath

from kho_stem.site.urls import Linker, _relative

PARTS = ("hoat-dong", "thuyen-la", "index.html", "bia-png.webp", "chu-de", "")


def test_relative_is_relpath_for_every_site_url_shape():
    urls = ["/".join(parts) for size in range(4) for parts in itertools.product(PARTS, repeat=size)]
    folders = sorted({url.strip("/") + "/" for url in urls if url.strip("/")})
    checked = 0
    for target, base in itertools.product(urls, folders):
        if target.startswith("/"):
            continue  # site URLs are relative
        assert _relative(target, base) == posixpath.relpath(target or ".", base.rstrip("/")), (target, base)
        checked += 1
    assert checked > 10_000


def test_links_between_pages():
    linker = Linker(True)
    assert linker.href("hoat-dong/a/index.md", "hoat-dong/b/index.md") == "../b/"
    assert linker.href("hoat-dong/a/index.md", "hoat-dong/a/bia-png.webp") == "bia-png.webp"
    assert linker.href("chu-de/nuoc.md", "index.md") == "../../"
    assert Linker(False).href("hoat-dong/a/index.md", "chu-de/nuoc.md") == "../../chu-de/nuoc.html"
