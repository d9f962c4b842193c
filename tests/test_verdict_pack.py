"""The packed verdict cache and the warm check's shortcuts find exactly what a check without cache
finds: images edited or linked out of a bundle, shards damaged or written by two runs at once,
cards deleted, folders made links; and the faster walks and real paths give what the slow ones gave."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import test_verdict_cache
from test_verdict_cache import STARTER, _check, _kept, _library, _settle, _shard, _state

from conftest import ROOT
from kho_stem.cards.real_paths import RealPaths
from kho_stem.taxonomy.vocabularies import load_taxonomy
from kho_stem.validation import library, verdict_cache, verdict_pack

CACHE = Path(".cache") / "verdicts"
checked = test_verdict_cache.checked  # the cards really checked (not read from the cache), in order


def _bundle(folder: Path, index: int = 2, copy: int = 1) -> Path:
    return folder / f"{STARTER[index].name}-ban-{copy}"


def _warm(tmp_path: Path) -> tuple[Path, Path]:
    """The test library, checked once with the cache filled; its folder and cache folder."""
    folder = _library(tmp_path)
    cache = tmp_path / CACHE
    _check(folder, cache)
    return folder, cache


def _same_as_without_cache(folder: Path, cache: Path) -> list[str]:
    """Check warm and without any cache: the same problems and cards; the problem codes."""
    warm = _check(folder, cache)
    assert _state(warm) == _state(_check(folder, None))
    return [p.code for p in warm.problems]


def test_an_image_edited_inside_a_bundle_is_seen(tmp_path: Path, checked: list[Path]):
    folder, cache = _warm(tmp_path)
    card = _bundle(folder) / "index.md"
    (card.parent / "anh").mkdir()
    shutil.copy(card.parent / "cover.png", card.parent / "anh" / "hinh.png")
    card.write_text(card.read_text(encoding="utf-8") + "\n![Hình](anh/hinh.png)\n", encoding="utf-8")
    _settle(tmp_path)
    assert "image_not_image" not in _same_as_without_cache(folder, cache)
    checked.clear()
    (card.parent / "anh" / "hinh.png").write_bytes(b"\x89PNG\r\n\x1a\n not a picture")  # edited, in a sub-folder
    _settle(tmp_path)
    assert "image_not_image" in _same_as_without_cache(folder, cache)
    assert checked.count(card) == 2, "checked again, warm and without cache"


def test_an_image_replaced_by_a_link_leaving_the_bundle_is_refused(tmp_path: Path, checked: list[Path]):
    folder, cache = _warm(tmp_path)
    cover = _bundle(folder) / "cover.png"
    outside = tmp_path / "ngoai.png"
    shutil.copy(cover, outside)
    cover.unlink()
    cover.symlink_to(outside)
    _settle(tmp_path)
    assert "image_outside" in _same_as_without_cache(folder, cache)


def test_a_reference_passing_through_a_folder_beside_the_bundle_is_resolved_again(tmp_path: Path):
    folder, cache = _warm(tmp_path)
    card = _bundle(folder) / "index.md"
    beside = folder / "ke-ben"
    beside.mkdir()
    card.write_text(card.read_text(encoding="utf-8") + f"\n![Bìa](../ke-ben/../{card.parent.name}/cover.png)\n",
                    encoding="utf-8")
    _settle(tmp_path)
    assert "image_missing" not in _same_as_without_cache(folder, cache)
    beside.rmdir()
    (tmp_path / "xa" / "gan").mkdir(parents=True)
    beside.symlink_to(tmp_path / "xa" / "gan", target_is_directory=True)  # ".." now leads elsewhere
    assert "image_outside" in _same_as_without_cache(folder, cache)


def test_a_bundle_folder_moved_away_and_linked_back_is_checked_again(tmp_path: Path, checked: list[Path]):
    folder, cache = _warm(tmp_path)
    bundle = _bundle(folder)
    moved = tmp_path / "noi-khac" / bundle.name
    moved.parent.mkdir()
    bundle.rename(moved)  # the same files, inodes and times, now reached through a link
    bundle.symlink_to(moved, target_is_directory=True)  # not settled again: its files' times are unchanged
    files = [*library.find_card_files([folder]), bundle / "index.md"]  # named through the link, as a user may
    cold = check_library_state(files, None)
    assert check_library_state(files, cache) == cold
    assert cold[1] and any(str(moved) in str(image) for card in cold[1] for image in card[9])


def check_library_state(files: list[Path], cache: Path | None) -> tuple[list[str], list[tuple[object, ...]]]:
    result = library.check_library(files, load_taxonomy(ROOT / "content" / "taxonomy"), verdict_cache_dir=cache)
    return _state(result)


def test_a_deleted_card_leaves_the_cache_and_a_partial_check_keeps_the_others(tmp_path: Path, checked: list[Path]):
    folder, cache = _warm(tmp_path)
    gone = _bundle(folder, 0, 1)
    assert str(gone / "index.md") in _kept(cache)
    shutil.rmtree(gone)
    _same_as_without_cache(folder, cache)
    assert str(gone / "index.md") not in _kept(cache) and len(_kept(cache)) == 9
    one = _bundle(folder, 1, 1) / "index.md"
    library.check_library([one], load_taxonomy(ROOT / "content" / "taxonomy"), verdict_cache_dir=cache)
    assert len(_kept(cache)) == 9, "a check of one card keeps the verdicts of the others"
    checked.clear()
    _check(folder, cache)
    assert checked == [], "nothing else changed: every verdict read back"


def test_a_project_copied_with_its_cache_keeps_only_its_own_verdicts(tmp_path: Path, checked: list[Path]):
    _, cache = _warm(tmp_path / "goc")
    copy = tmp_path / "ban-sao"
    shutil.copytree(tmp_path / "goc", copy, symlinks=True)
    _settle(copy)
    copied = copy / "activities"
    assert _state(_check(copied, copy / CACHE)) == _state(_check(copied, None))
    assert _kept(copy / CACHE) == {str(card) for card in library.find_card_files([copied])}
    assert len(_kept(cache)) == 10, "the original keeps its own"


def test_a_shard_with_foreign_entries_or_another_fingerprint_is_a_miss(tmp_path: Path, checked: list[Path]):
    folder, cache = _warm(tmp_path)
    cold = _state(_check(folder, None))
    files = sorted((cache / "cards").glob("shard-*.pickle"))
    first, second = files[0], files[1]
    names = list(_shard(first))
    foreign = {name: damage for name, damage in zip(names, ["x", ("key", 3), (None, None), ()], strict=False)}
    first.write_bytes(_packed(first, foreign))
    other = _shard(second)
    second.write_bytes(pickle.dumps((verdict_pack.MAGIC, "other code|other taxonomy", dict(other))))
    checked.clear()
    assert _state(_check(folder, cache)) == cold
    assert sorted(map(str, checked)) == sorted([*names, *other])
    assert len(_kept(cache)) == 10, "both shards were written again whole"


def _packed(file: Path, entries: dict[str, object]) -> bytes:
    """A shard file with the right header (read from ``file``) around ``entries``."""
    fingerprint = verdict_cache.VerdictCache(file.parent, ROOT / "content" / "taxonomy").fingerprint
    return pickle.dumps((verdict_pack.MAGIC, fingerprint, entries))


def test_a_temporary_file_left_by_a_killed_run_changes_nothing(tmp_path: Path, checked: list[Path]):
    folder, cache = _warm(tmp_path)
    shard = sorted((cache / "cards").glob("shard-*.pickle"))[0]
    (shard.parent / f".{shard.name}.99999").write_bytes(shard.read_bytes()[:100])  # half written, never renamed
    cold = _state(_check(folder, None))
    checked.clear()
    assert _state(_check(folder, cache)) == cold
    assert checked == [] and len(_kept(cache)) == 10


def test_two_checks_at_once_leave_whole_shards(tmp_path: Path, checked: list[Path], monkeypatch):
    (tmp_path / "content").mkdir()
    shutil.copytree(ROOT / "content" / "taxonomy", tmp_path / "content" / "taxonomy")
    shutil.copy(ROOT / "build.py", tmp_path / "build.py")
    folder = _library(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    runs = [subprocess.Popen([sys.executable, str(tmp_path / "build.py"), "check"], cwd=tmp_path, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [1, 1] and outputs[0][0] == outputs[1][0]
    cache = tmp_path / ".cache" / "kho-stem" / "verdicts"
    assert len(_kept(cache)) == 10
    assert not list((cache / "cards").glob(".shard-*")), "no temporary file is left behind"
    monkeypatch.chdir(tmp_path)  # cards named as the command names them, so their keys are the same
    assert _state(_check(folder, cache)) == _state(_check(folder, None))
    assert len(checked) == 10, "only the check without cache checked cards"


def _tree(root: Path) -> Path:
    """Folders with cards, images, hidden and linked folders, links in and out, a loop and a dangling link."""
    top = root / "kho"
    for name in ("a/b", "a-b", ".an/c", "d.md", "sau/sau/sau"):
        (top / name).mkdir(parents=True)
    for name in ("x.md", "a/y.md", "a/b/z.md", "a-b/w.md", ".an/c/h.md", ".k.md", "a/anh.PNG", "a/b/c.jpg",
                 "a/THE.MD", "a/the.markdown", "sau/sau/sau/s.md", "d.md/e.md", "a/khong.txt"):
        (top / name).write_text("x", encoding="utf-8")
    (top / "ra-ngoai").symlink_to(root, target_is_directory=True)
    (top / "a" / "vong").symlink_to(top / "a", target_is_directory=True)
    (top / "a" / "lien-ket.md").symlink_to(top / "x.md")
    (top / "a" / "hong.png").symlink_to(top / "khong-co.png")
    (top / "a" / "anh-ngoai.jpg").symlink_to(top / "a" / "b" / "c.jpg")
    return top


def test_the_walks_find_what_rglob_and_os_walk_found(tmp_path: Path):
    top = _tree(tmp_path)
    rglob = sorted(p for p in top.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(top).parts))
    assert library.find_card_files([top]) == rglob
    walked = []
    for parent, _, names in os.walk(top):
        walked.extend(Path(parent, name) for name in names
                      if os.path.splitext(name)[1].lower() in library._WATCHED_SUFFIXES)
    assert library._files_under(top) == [str(p) for p in sorted(walked)]


@pytest.mark.parametrize("relative", ["", "x.md", "a", "a/b/z.md", "a/vong/vong/b/c.jpg", "ra-ngoai/kho/a",
                                      "a/hong.png", "a/anh-ngoai.jpg", "khong-co/a/b", "a/../a-b/w.md", "./a//b/",
                                      "x.md/y", "a/lien-ket.md", "vong-lap"])
def test_real_paths_are_those_of_os_path_realpath(tmp_path: Path, relative: str):
    top = _tree(tmp_path)
    (top / "vong-lap").symlink_to(top / "vong-lap-2")
    (top / "vong-lap-2").symlink_to(top / "vong-lap")
    realpath = RealPaths()
    for name in (f"{top}/{relative}", f"{top}/{relative}", relative or "."):
        assert realpath(name) == os.path.realpath(name), name


def test_shared_values_keep_every_type_and_share_only_texts_and_key_paths():
    values: dict[object, object] = {}
    first = verdict_cache._shared({"ages": ["3-4", 1, True, 1.0], ("materials", 0): (True,), "x": {"y": "3-4"}}, values)
    second = verdict_cache._shared({"ages": ["3-4"], ("materials", 0): (1,)}, values)
    assert first == {"ages": ["3-4", 1, True, 1.0], ("materials", 0): (True,), "x": {"y": "3-4"}}
    assert [type(item) for item in first["ages"]] == [str, int, bool, float]  # type: ignore[index]
    assert second == {"ages": ["3-4"], ("materials", 0): (1,)}
    assert type(second[("materials", 0)][0]) is int  # type: ignore[index]
    assert second["ages"][0] is first["ages"][0] is first["x"]["y"]  # type: ignore[index]
    assert next(iter(second)) is next(iter(first))  # one "ages"
