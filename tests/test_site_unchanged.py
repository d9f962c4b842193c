"""Speed work must not change what is published: the site and the offline copy built from a fixed
library are compared, file by file, with hashes recorded from the code before that work.

The golden list (tests/fixtures/site_golden.json) was written by this module's own code
(``python tests/test_site_unchanged.py --write``) on the commit before the build was made faster;
rewrite it only when the published output is meant to change. The build date is the one thing
that changes from day to day: it is replaced by a fixed text before hashing.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from project import as_copy, starter_bundles, write_project  # noqa: E402

GOLDEN = ROOT / "tests" / "fixtures" / "site_golden.json"
STARTER_CARDS = 4
# The build's day (catalog.json, sitemap) and time (the offline copy's Đọc trước.txt).
_BUILD_TIME = re.compile(rb"\b20\d\d-\d\d-\d\d\b|\b\d\d/\d\d/20\d\d \d\d:\d\d\b")
# Fixed addresses, so that the QR codes, canonical links and the sitemap are compared too.
ENVIRONMENT = {"NO_MKDOCS_2_WARNING": "1", "KHO_STEM_SITE_URL": "https://kho.example.org/",
               "KHO_STEM_REPO_URL": "https://example.org/kho-stem", "KHO_STEM_REVIEWED_ONLY": "",
               "KHO_STEM_GENERATOR": "mkdocs"}

pytestmark = pytest.mark.slow  # two whole builds


def fixture_library(folder: Path) -> Path:
    """A copy of this site with the first starter cards and a clone of the first one (same pictures,
    byte for byte, under another card: the image pipeline meets one picture used twice)."""
    activities = write_project(folder)
    bundles = starter_bundles()[:STARTER_CARDS]
    for bundle in bundles:
        shutil.copytree(bundle, activities / bundle.name)
    copy = activities / f"{bundles[0].name}-ban-2"
    shutil.copytree(bundles[0], copy)
    card = copy / "index.md"
    card.write_text(as_copy(card.read_text(encoding="utf-8"), 2, card), encoding="utf-8")
    return folder


def _digest(name: str, data: bytes) -> str:
    if name.endswith(".gz"):
        data = gzip.decompress(data)  # the gzip header carries a time; the content is what counts
    return hashlib.sha256(_BUILD_TIME.sub(b"(build time)", data)).hexdigest()


def published_hashes(folder: Path) -> dict[str, str]:
    """Build the fixture library's site and offline copy in ``folder``; every file's hash by name."""
    from kho_stem.cli.main import main

    project = fixture_library(folder)
    previous = Path.cwd()
    os.chdir(project)
    try:
        assert main(["build"], root=project) == 0
        assert main(["offline", "--output", str(project / "kho.zip")], root=project) == 0
    finally:
        os.chdir(previous)
    hashes = {f"site/{p.relative_to(project / 'site').as_posix()}": _digest(p.name, p.read_bytes())
              for p in sorted((project / "site").rglob("*")) if p.is_file()}
    with zipfile.ZipFile(project / "kho.zip") as archive:
        for name in sorted(archive.namelist()):
            if not name.endswith("/"):
                hashes[f"zip/{name}"] = _digest(name, archive.read(name))
    return hashes


def test_site_and_offline_copy_are_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    hashes = published_hashes(tmp_path)
    assert sorted(hashes) == sorted(golden)
    changed = sorted(name for name in golden if hashes[name] != golden[name])
    assert not changed
    assert any(name.startswith("zip/") for name in hashes) and "site/hoat-dong/index.html" in hashes


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    import tempfile

    os.environ.update(ENVIRONMENT)
    with tempfile.TemporaryDirectory() as tmp:
        written = published_hashes(Path(tmp))
    GOLDEN.write_text(json.dumps(written, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{GOLDEN}: {len(written)} files")
