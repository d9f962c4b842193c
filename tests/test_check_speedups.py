"""The two ways `check` saves time change nothing it finds: forked workers for a large library, and
rendered bodies kept on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import VALID_CARD, edit
from kho_stem.cards.body_html import BodyRenderer, HtmlPolicy
from kho_stem.cards.cache_file import link_from_cache, write_cache_file
from kho_stem.validation.library import PARALLEL_FROM, check_library, find_card_files


def _library(folder: Path, count: int) -> list[Path]:
    for index in range(count):
        text = edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", f"title: Thuyền lá số {index}")
        if index % 50 == 7:  # some broken cards, so problems travel back from the workers too
            text = edit(text, "duration: 25", "duration: 2000")
        if index % 50 == 9:
            text += "\n<span onclick=\"x()\">bấm</span>\n"
        (folder / f"thuyen-{index:04d}.md").write_text(text, encoding="utf-8")
    return find_card_files([folder])


def test_forked_workers_find_exactly_what_one_process_finds(tmp_path: Path, taxonomy):
    files = _library(tmp_path, PARALLEL_FROM + 20)
    alone = check_library(files, taxonomy)
    forked = check_library(files, taxonomy, processes=2)
    assert [p.render() for p in forked.problems] == [p.render() for p in alone.problems]
    assert len(alone.problems) == 10
    assert [(c.slug, c.body_html, dict(c.meta), dict(c.lines)) for c in forked.cards] == [
        (c.slug, c.body_html, dict(c.meta), dict(c.lines)) for c in alone.cards]


def test_a_cached_body_is_the_same_as_a_fresh_one(tmp_path: Path, taxonomy):
    policy = HtmlPolicy.from_taxonomy(taxonomy)
    body = "## Cách làm\n\n![Ảnh](anh.png)\n\n<span onclick=\"x()\">bấm</span> [x](javascript:y)\n"
    fresh = BodyRenderer(policy).render(body, 30)
    cold = BodyRenderer(policy, tmp_path).render(body, 30)
    warm = BodyRenderer(policy, tmp_path).render(body, 30)  # a new renderer: only the disk remembers
    assert fresh == cold == warm
    assert [(p.line, p.code, p.params) for p in warm.problems] == [
        (p.line, p.code, p.params) for p in fresh.problems]
    assert len(list(tmp_path.rglob("*.json"))) == 1
    BodyRenderer(policy, tmp_path).render(body, 31)  # the same text one line lower reports other lines
    assert len(list(tmp_path.rglob("*.json"))) == 2


def test_a_damaged_cache_file_is_rendered_again(tmp_path: Path, taxonomy):
    policy = HtmlPolicy.from_taxonomy(taxonomy)
    body = "Chữ *nghiêng*.\n"
    fresh = BodyRenderer(policy, tmp_path).render(body, 5)
    (cached,) = tmp_path.rglob("*.json")
    for damage in ("{not json", '{"html": 3}', "[]", '{"html": "<p>x</p>", "images": [[1]], "problems": []}'):
        cached.write_text(damage, encoding="utf-8")
        assert BodyRenderer(policy, tmp_path).render(body, 5) == fresh, damage


def test_a_cache_file_is_written_whole_into_new_and_existing_folders(tmp_path: Path):
    first = tmp_path / "cache" / "ab" / "ab12.json"
    write_cache_file(first, b"one")  # the folders do not exist yet
    write_cache_file(first.with_name("ab34.json"), b"two")  # the folder exists
    write_cache_file(first, b"three")  # replaces the file
    assert {p.name: p.read_bytes() for p in first.parent.iterdir()} == {"ab12.json": b"three", "ab34.json": b"two"}
    blocked = tmp_path / "a-file"
    blocked.write_bytes(b"")
    write_cache_file(blocked / "cd" / "cd56.json", b"x")  # its folder cannot be made: no cache, no error
    assert blocked.read_bytes() == b""


def test_a_site_file_from_the_cache_is_a_link_to_its_content_and_written_when_linking_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    cache, site = tmp_path / "cache", tmp_path / "site"
    site.mkdir()
    first, second = site / "a.js", site / "b.js"
    link_from_cache(first, b"window.x=1;\n", cache)
    link_from_cache(second, b"window.x=1;\n", cache)
    assert first.read_bytes() == second.read_bytes() == b"window.x=1;\n"
    assert first.stat().st_ino == second.stat().st_ino  # one copy in the cache, linked twice
    assert len([path for path in cache.rglob("*") if path.is_file()]) == 1
    link_from_cache(first, "Nước".encode(), cache)  # an existing file is replaced, the other kept
    assert first.read_text(encoding="utf-8") == "Nước" and second.read_bytes() == b"window.x=1;\n"

    def refuse(source: object, target: object) -> None:
        raise OSError("cross-device link")

    monkeypatch.setattr(os, "link", refuse)
    link_from_cache(second, b"window.y=2;\n", cache)
    assert second.read_bytes() == b"window.y=2;\n" and second.stat().st_nlink == 1
