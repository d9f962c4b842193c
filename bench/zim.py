#!/usr/bin/env python3
"""Benchmark: the ZIM file for Kiwix vs the offline zip, for N realistic cards.

Usage: python bench/zim.py [N ...]     (default: 1000)
The library is bench/offline.py's: the starter bundles cloned to N (bench/project.py), each with a
different 4000x3000 phone-photo cover. The site is built once with file URLs (as `build.py offline`
and `build.py zim` both do), then packed both ways from that same folder, one right after the
other, so the two packing times are measured in the same moment on the same input:
- zip: `offline.pack` (deflate, pictures stored);
- ZIM: the inline scripts moved into files, then `zim.pack_zim` (libzim: zstd clusters and the
  Vietnamese full-text and title indexes).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "plugins"))

from offline import make_library  # noqa: E402
from project import write_project  # noqa: E402


def main(counts: list[int]) -> None:
    from kho_stem.outputs import (
        ZimBook,
        externalise_inline_scripts,
        illustration_png,
        load_zim_metadata,
        pack,
        pack_zim,
        readme_text,
    )
    from kho_stem_mkdocs.commands import build_site

    print(f"{'cards':>6} {'site s':>7} {'zip MB':>7} {'zip s':>6} {'ZIM MB':>7} {'ZIM s':>6} {'entries':>8}")
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            make_library(write_project(folder), count)
            started = time.perf_counter()
            config = build_site(folder / "mkdocs.yml", folder / "site", use_directory_urls=False, repo_url="")
            site_seconds = time.perf_counter() - started
            started = time.perf_counter()
            zipped = pack(folder / "site", folder / "dist" / "kho.zip",
                          readme_text(config.site_name, count, dt.datetime.now(), None), count)
            zip_seconds = time.perf_counter() - started
            started = time.perf_counter()
            externalise_inline_scripts(folder / "site")
            book = ZimBook(load_zim_metadata(ROOT / "content" / "zim.yml"), config.site_name,
                           config.site_description or "", config.copyright or "", dt.date.today(),
                           illustration_png(folder / "site" / config.theme["favicon"]))
            zim = pack_zim(folder / "site", folder / "dist" / "kho.zim", book, count)
            zim_seconds = time.perf_counter() - started
            print(f"{count:>6} {site_seconds:>7.1f} {zipped.size / 1e6:>7.1f} {zip_seconds:>6.1f} "
                  f"{zim.size / 1e6:>7.1f} {zim_seconds:>6.1f} {zim.entries:>8}", flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000])
