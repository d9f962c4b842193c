"""Where a card's image may come from: its own folder tree, judged on the real (resolved) path."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from kho_stem.cards.image_refs import resolve_image


def test_an_image_is_found_only_inside_the_cards_own_folder(tmp_path: Path):
    card = tmp_path / "thuyen"
    (card / "anh").mkdir(parents=True)
    (tmp_path / "thuyen-2").mkdir()  # a neighbour whose name starts like the card's folder
    for image in (card / "anh" / "a.png", tmp_path / "thuyen-2" / "b.png", tmp_path / "c.png"):
        Image.new("RGB", (4, 4)).save(image)
    (card / "lien-ket.png").symlink_to(tmp_path / "c.png")  # a link that leads out
    (card / "vao-trong.png").symlink_to(card / "anh" / "a.png")  # a link that stays inside
    assert resolve_image("anh/a.png", card) == ((card / "anh" / "a.png").resolve(), None)
    assert resolve_image("./anh/../anh/a.png", card) == ((card / "anh" / "a.png").resolve(), None)
    assert resolve_image("vao-trong.png", card) == ((card / "anh" / "a.png").resolve(), None)
    assert resolve_image("../thuyen-2/b.png", card) == (None, "image_outside")
    assert resolve_image("lien-ket.png", card) == (None, "image_outside")
    assert resolve_image("../c.png", card) == (None, "image_outside")
    assert resolve_image("anh/khong-co.png", card) == (None, "image_missing")
    assert resolve_image("anh", card) == (None, "image_bad_extension")
    assert resolve_image("", card) == (None, "image_bad_extension")
