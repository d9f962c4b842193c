"""The starter cards' pictures (scripts/draw_illustrations.py): one cover per card, drawn
deterministically, small palette PNGs, and the committed files match what the code draws."""

from __future__ import annotations

import io

import draw_illustrations
import pytest
from illustrations import canvas, registry
from PIL import Image, ImageChops

HAS_DEJAVU = any((folder / "DejaVuSans.ttf").exists() for folder in canvas.FONT_DIRS)
needs_font = pytest.mark.skipif(not HAS_DEJAVU, reason="needs DejaVu Sans (Debian: fonts-dejavu-core)")


def test_every_starter_card_has_a_cover_drawing():
    assert draw_illustrations.cards_without_cover() == []


def test_a_card_without_a_drawing_is_named(tmp_path, monkeypatch):
    (tmp_path / "the-moi.md").write_text("---\ntitle: Thẻ mới\n---\n", encoding="utf-8")
    (tmp_path / "bundle-moi").mkdir()
    (tmp_path / "bundle-moi" / "index.md").write_text("---\ntitle: Thẻ mới\n---\n", encoding="utf-8")
    monkeypatch.setattr(draw_illustrations, "ACTIVITIES", tmp_path)
    assert draw_illustrations.cards_without_cover() == ["bundle-moi", "the-moi"]


def test_unknown_slug_is_refused_before_drawing(capsys):
    assert draw_illustrations.main(["khong-co-the-nay"]) == 2
    assert "khong-co-the-nay" in capsys.readouterr().err


def test_a_second_drawing_for_the_same_picture_is_refused():
    slug, filename = next(iter(registry.PICTURES))
    with pytest.raises(ValueError, match=slug):
        registry.picture(slug, filename)(lambda: Image.new("RGB", (1, 1)))


def test_missing_font_names_the_package_to_install(monkeypatch):
    monkeypatch.setattr(canvas, "FONT_DIRS", [])
    monkeypatch.setattr(canvas, "_fonts", {})
    with pytest.raises(SystemExit, match="fonts-dejavu-core"):
        canvas.font(20)


@needs_font
@pytest.mark.parametrize("key", sorted(registry.PICTURES), ids="/".join)
def test_picture_is_small_deterministic_and_committed(key):
    slug, filename = key
    drawing = registry.PICTURES[key]
    image = drawing()
    assert image.size == (canvas.WIDTH, canvas.HEIGHT)
    data = canvas.encode(image)
    assert data == canvas.encode(drawing()), "drawing twice must give the same file"
    assert len(data) < 200_000
    encoded = Image.open(io.BytesIO(data))
    assert encoded.format == "PNG" and encoded.mode == "P"
    assert not encoded.info.keys() - {"transparency"}, "no text or EXIF chunks"
    committed = canvas.ACTIVITIES / slug / filename
    assert committed.exists(), f"run scripts/draw_illustrations.py {slug}"
    difference = ImageChops.difference(Image.open(committed).convert("RGB"), encoded.convert("RGB"))
    assert difference.getbbox() is None, f"{committed} is stale: run scripts/draw_illustrations.py {slug}"
