"""Images: checked by content with located messages, published upright, small and metadata-free."""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from conftest import VALID_CARD, check_folder
from kho_stem.cards import images
from kho_stem.cards.images import ImageCache, PublishSettings, inspect_image
from kho_stem.validation.library import check_library, find_card_files

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def rotated_photo_with_gps(path: Path, size: tuple[int, int] = (300, 200)) -> None:
    """A landscape JPEG whose EXIF says "rotate 90° clockwise", with a GPS position."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2], gps[3], gps[4] = "N", (21.0, 1.0, 30.0), "E", (105.0, 51.0, 0.0)
    image = Image.new("RGB", size, "white")
    image.paste((200, 30, 30), (0, 0, size[0] // 3, size[1]))  # red band on the left edge
    image.save(path, "JPEG", exif=exif, quality=90)


def png_with_text(path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "Trường Mầm non Hoa Sen, 12 Nguyễn Trãi")
    info.add_text("XML:com.adobe.xmp", "<x:xmpmeta>GPS 21.0 105.8</x:xmpmeta>")
    # Half transparent, so the test also sees that transparency survives publishing.
    Image.new("RGBA", (120, 80), (0, 128, 128, 128)).save(path, "PNG", pnginfo=info)


def png_declaring(path: Path, width: int, height: int) -> None:
    """A tiny PNG file whose header declares an enormous image (a decompression bomb's shape)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) +
                     chunk(b"IEND", b""))


def card_with_image(folder: Path, name: str) -> None:
    (folder / "x.md").write_text(VALID_CARD + f"\n![Ảnh minh hoạ]({name})\n", encoding="utf-8")


BROKEN = {
    "truncated": ("anh.jpg", lambda p: (rotated_photo_with_gps(p), p.write_bytes(p.read_bytes()[:600])),
                  'x.md:50: ảnh "anh.jpg" bị hỏng hoặc chưa tải về hết'),
    "lying-extension": ("anh.jpg", lambda p: Image.new("RGB", (10, 10)).save(p, "PNG"),
                        'x.md:50: ảnh "anh.jpg" thật ra là PNG; đổi đuôi tệp thành .png (và sửa đường dẫn trong thẻ)'),
    "not-an-image": ("anh.png", lambda p: p.write_text("<html>not an image</html>"),
                     'x.md:50: tệp "anh.png" không phải ảnh JPEG, PNG hay WebP (xét theo nội dung tệp, không theo '
                     "đuôi tên)"),
    "gif-content": ("anh.png", lambda p: Image.new("P", (10, 10)).save(p, "GIF"),
                    'x.md:50: tệp "anh.png" không phải ảnh JPEG, PNG hay WebP'),
    "bomb": ("anh.png", lambda p: png_declaring(p, 20_000, 20_000),
             'x.md:50: ảnh "anh.png" khai báo kích thước quá lớn (hơn 40 megapixel), có thể là tệp độc hại; '
             "không dùng tệp này"),
    "too-many-pixels": ("anh.png", lambda p: png_declaring(p, 8000, 6000),
                        'x.md:50: ảnh "anh.png" có 8000×6000 điểm ảnh (48.0 megapixel), quá giới hạn 40 megapixel; '
                        "hãy thu nhỏ ảnh"),
    "too-heavy": ("anh.jpg", lambda p: (rotated_photo_with_gps(p), os.truncate(p, 16 * 1024 * 1024)),
                  'x.md:50: ảnh "anh.jpg" nặng 16.0 MB, quá giới hạn 15 MB; hãy giảm kích thước ảnh trước khi thêm'),
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_image_gets_a_located_message(tmp_path: Path, taxonomy, kind: str):
    name, make, expected = BROKEN[kind]
    make(tmp_path / name)
    card_with_image(tmp_path, name)
    lines = check_folder(tmp_path, taxonomy)
    assert len(lines) == 1 and lines[0].startswith(expected), lines


@pytest.mark.parametrize("make", [rotated_photo_with_gps, png_with_text])
def test_sound_images_pass(tmp_path: Path, make):
    path = tmp_path / ("a.jpg" if make is rotated_photo_with_gps else "a.png")
    make(path)
    assert inspect_image(path) is None


def test_huge_but_valid_image_is_accepted_and_resized(tmp_path: Path):
    source = tmp_path / "lon.jpg"
    Image.new("RGB", (6000, 4500), "teal").save(source, "JPEG", quality=70)
    assert inspect_image(source) is None
    published = ImageCache(tmp_path / "cache").publish([source])[source]
    assert (published.page.width, published.page.height) == (1024, 768)
    assert (published.thumb.width, published.thumb.height) == (320, 240)
    with Image.open(published.page.path) as page:
        assert page.size == (1024, 768) and page.format == "WEBP"


def test_published_photo_is_upright_and_has_no_metadata(tmp_path: Path):
    source = tmp_path / "anh.jpg"
    rotated_photo_with_gps(source)
    original = source.read_bytes()
    with Image.open(source) as check:
        assert check.getexif().get_ifd(GPS_IFD), "the fixture must really carry GPS"
    published = ImageCache(tmp_path / "cache").publish([source])[source]
    assert source.read_bytes() == original, "the original is never modified"
    for variant in (published.page, published.thumb):
        with Image.open(variant.path) as image:
            assert image.size[0] < image.size[1], "rotated upright: portrait"
            assert (image.width, image.height) == (variant.width, variant.height)
            assert dict(image.getexif()) == {}
            assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)
            top_left = image.convert("RGB").getpixel((2, 2))
            assert top_left[0] > 150 and top_left[1] < 100, "the red band is now on top"
    assert b"Exif" not in published.page.path.read_bytes()


def test_png_text_chunks_are_not_published(tmp_path: Path):
    source = tmp_path / "so-do.png"
    png_with_text(source)
    published = ImageCache(tmp_path / "cache").publish([source])[source]
    data = published.page.path.read_bytes()
    assert b"Hoa Sen" not in data and b"xmpmeta" not in data and b"XMP " not in data
    with Image.open(published.page.path) as image:
        assert image.mode == "RGBA" and not {"exif", "xmp", "Comment"} & set(image.info)


def test_warm_cache_does_no_image_work(tmp_path: Path, monkeypatch):
    source = tmp_path / "anh.jpg"
    rotated_photo_with_gps(source)
    first = ImageCache(tmp_path / "cache").publish([source])[source]

    def must_not_run(job):
        raise AssertionError("image work on a warm cache")

    monkeypatch.setattr(images, "_make_variants", must_not_run)
    assert ImageCache(tmp_path / "cache").publish([source])[source] == first


def test_the_same_picture_in_several_places_is_made_once(tmp_path: Path, monkeypatch):
    """Copies of one photo (the same picture in several bundles) share their variants."""
    made = []
    make = images._make_variants

    def counting(job):
        made.append(job[0])
        return make(job)

    monkeypatch.setattr(images, "_make_variants", counting)
    monkeypatch.setattr(images, "PARALLEL_THRESHOLD", 100)  # in this process, where the count is seen
    first = tmp_path / "a" / "anh.jpg"
    first.parent.mkdir()
    rotated_photo_with_gps(first)
    copies = []
    for name in ("b", "c", "d", "e"):
        (tmp_path / name).mkdir()
        copies.append(Path(shutil.copy(first, tmp_path / name / "anh.jpg")))
    other = tmp_path / "khac.jpg"
    rotated_photo_with_gps(other, size=(310, 200))
    published = ImageCache(tmp_path / "cache").publish([first, *copies, other])
    assert made == [first, other]
    assert {published[source] for source in (first, *copies)} == {published[first]}
    assert published[other] != published[first]


def test_cache_key_covers_source_bytes_and_settings(tmp_path: Path):
    source = tmp_path / "anh.jpg"
    rotated_photo_with_gps(source)
    cache = tmp_path / "cache"
    first = ImageCache(cache).publish([source])[source].page.path
    other_settings = ImageCache(cache, PublishSettings(quality=60)).publish([source])[source].page.path
    rotated_photo_with_gps(source, size=(310, 200))
    changed_source = ImageCache(cache).publish([source])[source].page.path
    assert len({first, other_settings, changed_source}) == 3


def test_many_images_are_processed_in_parallel_with_the_same_result(tmp_path: Path):
    sources = []
    for index in range(6):
        path = tmp_path / f"anh-{index}.jpg"
        Image.new("RGB", (200 + index, 100), (index * 40, 80, 80)).save(path, "JPEG")
        sources.append(path)
    published = ImageCache(tmp_path / "cache").publish(sources)
    assert [published[s].page.width for s in sources] == [200 + i for i in range(6)]


def test_unused_image_is_a_warning(tmp_path: Path, taxonomy):
    (tmp_path / "thuyen-la.md").write_text(VALID_CARD, encoding="utf-8")
    Image.new("RGB", (10, 10)).save(tmp_path / "quen.png")
    result = check_library(find_card_files([tmp_path]), taxonomy, image_folders=[tmp_path])
    assert result.ok
    assert [p.render().rsplit(": ", 2)[-2:] for p in result.warnings] == [
        ["cảnh báo", 'ảnh "quen.png" không được thẻ nào dùng; xoá ảnh hoặc thêm vào thẻ']]


def test_image_of_a_card_with_errors_is_not_called_unused(tmp_path: Path, taxonomy):
    rotated_photo_with_gps(tmp_path / "anh.jpg")
    (tmp_path / "x.md").write_text(VALID_CARD.replace("ages: [4-5, 5-6]", "ages: [6-7]")
                                   + "\n![Ảnh minh hoạ](anh.jpg)\n", encoding="utf-8")
    result = check_library(find_card_files([tmp_path]), taxonomy, image_folders=[tmp_path])
    assert "image_unused" not in [p.code for p in result.problems], result.problems


def test_a_photo_with_a_gps_position_gets_a_warning(tmp_path: Path, taxonomy):
    rotated_photo_with_gps(tmp_path / "anh.jpg")
    card_with_image(tmp_path, "anh.jpg")
    result = check_library(find_card_files([tmp_path]), taxonomy)
    assert result.ok and [(p.line, p.code) for p in result.warnings] == [(50, "image_has_location")]
    Image.new("RGB", (10, 10)).save(tmp_path / "anh.jpg", "JPEG")
    assert check_library(find_card_files([tmp_path]), taxonomy).warnings == []
