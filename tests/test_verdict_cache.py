"""Verdicts on unchanged cards and image inspections kept on disk change nothing `check` finds,
and any change of a card, its images, its bundle, the taxonomy or the code is seen."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from project import as_copy
from test_images import rotated_photo_with_gps

from conftest import ROOT, VALID_CARD, edit
from kho_stem.cards import image_checks
from kho_stem.cards.image_checks import ImageChecks
from kho_stem.taxonomy.vocabularies import load_taxonomy
from kho_stem.validation import card_checker, library, verdict_cache, verdict_pack
from kho_stem.validation.library import PARALLEL_FROM, CheckResult, check_library, find_card_files

STARTER = sorted(p.parent for p in (ROOT / "activities").glob("*/index.md"))[:4]
HOUR_AGO = time.time() - 3600


def _settle(folder: Path) -> None:
    """Files look written an hour ago: only then are they trusted by their size and times."""
    for path in folder.rglob("*"):
        os.utime(path, (HOUR_AGO, HOUR_AGO))


def _library(root: Path) -> Path:
    """Starter bundles cloned, one card with an error, photos with a GPS position (one shared by two cards)."""
    folder = root / "activities"
    for copy in (1, 2):
        for bundle in STARTER:
            target = folder / f"{bundle.name}-ban-{copy}"
            shutil.copytree(bundle, target)
            card = target / "index.md"
            card.write_text(as_copy(card.read_text(encoding="utf-8"), copy, card), encoding="utf-8")
    broken = folder / f"{STARTER[0].name}-ban-2" / "index.md"
    broken.write_text(edit(broken.read_text(encoding="utf-8"), "\nduration: ", "\nduration: 9"), encoding="utf-8")
    for copy in (1, 2):
        card = folder / f"{STARTER[1].name}-ban-{copy}" / "index.md"
        rotated_photo_with_gps(card.parent / "anh.jpg")
        card.write_text(card.read_text(encoding="utf-8") + "\n![Ảnh lớp học](anh.jpg)\n", encoding="utf-8")
    shared = folder / "chung"  # two one-file cards in one folder share a photo
    shared.mkdir()
    rotated_photo_with_gps(shared / "anh-chung.jpg")
    for copy in (1, 2):
        text = edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", f"title: Thuyền lá chung {copy}")
        (shared / f"thuyen-chung-{copy}.md").write_text(text + "\n![Ảnh chung](anh-chung.jpg)\n", encoding="utf-8")
    _settle(root)
    return folder


def _shard(file: Path, taxonomy_root: Path = ROOT / "content" / "taxonomy") -> verdict_pack.Shard:
    """The verdicts one shard file holds, by card path (empty when it is damaged or foreign)."""
    fingerprint = verdict_cache.VerdictCache(file.parent, taxonomy_root).fingerprint
    return verdict_pack.read_shard(file.parent, int(file.stem.removeprefix("shard-")), fingerprint)


def _kept(cache: Path) -> set[str]:
    """The card paths whose verdicts the cache folder holds."""
    return {name for file in (cache / "cards").glob("shard-*.pickle") for name in _shard(file)}


def _check(folder: Path, cache: Path | None, taxonomy_root: Path = ROOT / "content" / "taxonomy") -> CheckResult:
    return check_library(find_card_files([folder]), load_taxonomy(taxonomy_root), image_folders=[folder],
                         verdict_cache_dir=cache)


def _state(result: CheckResult) -> tuple[list[str], list[tuple[Any, ...]]]:
    return [p.render() for p in result.problems], [
        (c.slug, c.path, c.source, c.body, c.body_line, c.body_html, dict(c.meta), dict(c.lines), c.cover,
         c.images, dict(c.image_files), c.content_hash, c.review) for c in result.cards]


@pytest.fixture
def checked(monkeypatch) -> list[Path]:
    """The cards really checked (not read from the verdict cache), in order."""
    seen: list[Path] = []
    fresh = card_checker.CardChecker._verdict

    def counting(self: card_checker.CardChecker, path: Path, display: str, data: bytes | None) -> Any:
        seen.append(path)
        return fresh(self, path, display, data)

    monkeypatch.setattr(card_checker.CardChecker, "_verdict", counting)
    return seen


def test_a_warm_check_finds_exactly_what_a_cold_one_finds(tmp_path: Path, checked: list[Path]):
    folder = _library(tmp_path)
    cache = tmp_path / ".cache" / "verdicts"
    alone = _check(folder, None)
    cold = _check(folder, cache)
    assert len(checked) == 20
    warm = _check(folder, cache)
    assert len(checked) == 20, "a warm check checks no card again"
    assert _state(warm) == _state(cold) == _state(alone)
    assert [p.code for p in alone.errors] == ["above_maximum"]
    # The photo's GPS position is told once, with the first card that uses it, warm or cold.
    located = sorted(p.file for p in warm.warnings if p.code == "image_has_location")
    assert located == sorted([*((folder / f"{STARTER[1].name}-ban-{copy}" / "index.md").as_posix() for copy in (1, 2)),
                              (folder / "chung" / "thuyen-chung-1.md").as_posix()])
    assert len(alone.cards) == 9 and len(_kept(cache)) == 10


def _cover(folder: Path) -> Path:
    return folder / f"{STARTER[2].name}-ban-1" / "cover.png"


def _edit_card(folder: Path) -> None:
    card = folder / f"{STARTER[3].name}-ban-1" / "index.md"
    card.write_text(edit(card.read_text(encoding="utf-8"), "\nduration: ", "\nduration: 9"), encoding="utf-8")


def _cover_with_a_position(folder: Path) -> None:
    photo = folder / "photo.jpg"
    rotated_photo_with_gps(photo)
    _cover(folder).write_bytes(photo.read_bytes())  # a JPEG named .png: refused
    photo.unlink()


CHANGES = {
    "card edited": _edit_card,
    "cover broken": lambda f: _cover(f).write_bytes(_cover(f).read_bytes()[:200]),
    "cover removed": lambda f: _cover(f).unlink(),
    "cover replaced by a JPEG": _cover_with_a_position,
    "photo without its position": lambda f: Image.new("RGB", (300, 200)).save(
        f / f"{STARTER[1].name}-ban-1" / "anh.jpg", "JPEG"),
    "a file added beside a card": lambda f: (f / f"{STARTER[0].name}-ban-1" / "ghi-chu.txt").write_text("x"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_of_a_card_or_its_files_is_seen(tmp_path: Path, change: str):
    folder = _library(tmp_path)
    cache = tmp_path / ".cache" / "verdicts"
    before = _state(_check(folder, cache))
    CHANGES[change](folder)
    if change != "cover removed":
        _settle(tmp_path)  # even an old-looking file is seen as changed (its inode, size or times differ)
    after = _state(_check(folder, cache))
    assert after == _state(_check(folder, None))
    assert after != before


def test_a_file_changed_just_now_is_not_trusted_by_its_times(tmp_path: Path, checked: list[Path]):
    folder = _library(tmp_path)
    cache = tmp_path / ".cache" / "verdicts"
    photo = folder / f"{STARTER[1].name}-ban-1" / "anh.jpg"
    rotated_photo_with_gps(photo)  # rewritten now: the same bytes, but its times cannot tell a second change
    _check(folder, cache)
    _check(folder, cache)
    assert checked.count(photo.parent / "index.md") == 2
    assert len(checked) == 10 + 1


def test_a_change_of_the_taxonomy_or_the_code_checks_every_card_again(tmp_path: Path, checked: list[Path],
                                                                       monkeypatch):
    folder = _library(tmp_path)
    cache = tmp_path / ".cache" / "verdicts"
    taxonomy = tmp_path / "taxonomy"
    shutil.copytree(ROOT / "content" / "taxonomy", taxonomy)
    _check(folder, cache, taxonomy)
    _check(folder, cache, taxonomy)
    assert len(checked) == 10
    limits = taxonomy / "limits.yml"
    limits.write_text(limits.read_text(encoding="utf-8") + "\n# một dòng chú thích\n", encoding="utf-8")
    _check(folder, cache, taxonomy)
    assert len(checked) == 20
    monkeypatch.setattr(verdict_cache, "code_fingerprint", lambda: "another version of the code")
    _check(folder, cache, taxonomy)
    assert len(checked) == 30


def test_a_damaged_or_foreign_verdict_file_is_checked_again(tmp_path: Path, checked: list[Path]):
    folder = _library(tmp_path)
    cache = tmp_path / ".cache" / "verdicts"
    cold = _state(_check(folder, cache))
    files = sorted((cache / "cards").glob("shard-*.pickle"))
    damages = [b"", b"not a pickle", pickle.dumps({"card": None}), pickle.dumps(3)[:-1]]
    damaged = set()  # the cards whose verdicts were in the damaged shards
    for file, damage in zip(files, damages, strict=False):
        damaged |= set(_shard(file))
        file.write_bytes(damage)
    assert _state(_check(folder, cache)) == cold
    assert len(checked) == 10 + len(damaged) and len(damaged) >= len(damages)
    assert len(_kept(cache)) == 10, "the damaged shards were written again whole"


def test_an_image_is_inspected_once_for_its_bytes(tmp_path: Path, monkeypatch):
    calls: list[Path] = []
    inspect = image_checks.inspect_image_fully
    monkeypatch.setattr(image_checks, "inspect_image_fully", lambda p: calls.append(p) or inspect(p))
    rotated_photo_with_gps(tmp_path / "a.jpg")
    shutil.copy(tmp_path / "a.jpg", tmp_path / "b.jpg")
    shutil.copy(tmp_path / "a.jpg", tmp_path / "c.png")  # the same bytes named .png: another verdict
    cache = tmp_path / "cache"
    first = ImageChecks(cache)
    found = [first.inspect(tmp_path / name) for name in ("a.jpg", "b.jpg", "c.png")]
    assert found[0] == found[1] == (None, True)
    assert found[2][0] is not None and found[2][0].code == "image_wrong_extension"
    assert calls == [tmp_path / "a.jpg", tmp_path / "c.png"]
    assert [ImageChecks(cache).inspect(tmp_path / n) for n in ("b.jpg", "c.png")] == found[1:]
    assert len(calls) == 2, "a new run reads what an earlier one found"
    for kept in cache.rglob("*.json"):
        kept.write_text('{"problem": 3, "located": "yes"}', encoding="utf-8")
    assert ImageChecks(cache).inspect(tmp_path / "b.jpg") == found[1]
    assert len(calls) == 3, "a damaged file is inspected again"


def test_a_broken_image_is_inspected_every_time(tmp_path: Path, monkeypatch):
    calls: list[Path] = []
    inspect = image_checks.inspect_image_fully
    monkeypatch.setattr(image_checks, "inspect_image_fully", lambda p: calls.append(p) or inspect(p))
    rotated_photo_with_gps(tmp_path / "a.jpg")
    (tmp_path / "a.jpg").write_bytes((tmp_path / "a.jpg").read_bytes()[:600])
    problems = [ImageChecks(tmp_path / "cache").inspect(tmp_path / "a.jpg")[0] for _ in range(2)]
    assert [p.code if p else None for p in problems] == ["image_broken", "image_broken"] and len(calls) == 2


def test_the_command_keeps_verdicts_and_says_the_same_twice(tmp_path: Path):
    (tmp_path / "content").mkdir()
    shutil.copytree(ROOT / "content" / "taxonomy", tmp_path / "content" / "taxonomy")
    shutil.copy(ROOT / "build.py", tmp_path / "build.py")
    _library(tmp_path)
    runs = [subprocess.run([sys.executable, str(tmp_path / "build.py"), "check"], cwd=tmp_path, capture_output=True,
                           text=True, encoding="utf-8", check=False,
                           env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")}) for _ in range(2)]
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout and "image_has_location" not in runs[0].stdout
    assert runs[0].stdout.count("còn ghi vị trí GPS") == 3, runs[0].stdout
    assert len(_kept(tmp_path / ".cache" / "kho-stem" / "verdicts")) == 10


def test_cards_are_named_as_everywhere_else(tmp_path: Path, monkeypatch):
    from kho_stem.diagnostics.problems import display_path
    from kho_stem.validation.library import _display_paths

    inside = tmp_path / "kho" / "activities"
    inside.mkdir(parents=True)
    (tmp_path / "kho-khac").mkdir()  # a neighbour whose name starts like the working folder
    (inside / "a.md").write_text("x")
    (tmp_path / "kho-khac" / "b.md").write_text("x")
    (tmp_path / "ngoai.md").write_text("x")
    (inside / "lien-ket.md").symlink_to(tmp_path / "ngoai.md")
    monkeypatch.chdir(tmp_path / "kho")
    paths = [inside / "a.md", tmp_path / "kho-khac" / "b.md", tmp_path / "ngoai.md", inside / "lien-ket.md",
             tmp_path / "kho", Path("activities/a.md"), inside / ".." / "activities" / "a.md"]
    assert _display_paths(paths) == {path: display_path(path) for path in paths}


def test_verdicts_from_forked_workers_are_kept_and_read_back_the_same(tmp_path: Path, taxonomy, monkeypatch):
    from test_check_speedups import _library as flat_library

    (tmp_path / "the").mkdir()
    files = flat_library(tmp_path / "the", PARALLEL_FROM + 20)
    _settle(tmp_path)
    cache = tmp_path / ".cache" / "verdicts"
    alone = check_library(files, taxonomy)
    checked: list[int] = []
    check_each = library._check_each
    monkeypatch.setattr(library, "_check_each",
                        lambda c, paths, n: checked.append(len(paths)) or check_each(c, paths, n))
    cold = check_library(files, taxonomy, processes=2, verdict_cache_dir=cache)  # checked in two workers
    assert _kept(cache) == {str(file) for file in files}
    warm = check_library(files, taxonomy, processes=2, verdict_cache_dir=cache)
    assert checked == [len(files), 0], "every verdict was kept by the workers"
    assert _state(warm) == _state(cold) == _state(alone) and len(alone.problems) == 10
