"""Card images: checked by content, then published small, upright and without any metadata.

Teachers' phone photos are large, rotated by an EXIF tag and carry GPS positions; a photo of
children must never reveal where the school is. Published copies are re-encoded from pixels
only (no EXIF, GPS, XMP, ICC, comments), auto-rotated, and resized. Originals are only read.

Limits (documented for contributors in the Đóng góp guide):
- formats JPEG, PNG, WebP, recognised by content, not by file name;
- at most 15 MB per file and 40 megapixels (larger images are refused as possible
  decompression bombs before they are decoded).
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

import PIL
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

FORMATS = ("JPEG", "PNG", "WEBP")
SUFFIX_FORMAT = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
FORMAT_SUFFIX = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
# Below this many images to make, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 4


@dataclass(frozen=True)
class ImageProblem:
    code: str
    params: dict[str, object]


def inspect_image(path: Path) -> ImageProblem | None:
    """None when ``path`` is a sound JPEG, PNG or WebP within limits, else what is wrong."""
    return inspect_image_fully(path)[0]


def inspect_image_fully(path: Path) -> tuple[ImageProblem | None, bool]:
    """What ``inspect_image`` says, and for a sound image whether it records a GPS position.

    One opening serves both: reading a PNG's EXIF after the file is closed decodes it again."""
    located: list[bool] = []
    problem = _inspect(path, located)
    return problem, bool(located and located[0])


def _inspect(path: Path, located: list[bool]) -> ImageProblem | None:
    size = path.stat().st_size
    if size > MAX_BYTES:
        megabytes = round(size / 1048576, 1)
        return ImageProblem("image_too_large_file", {"megabytes": megabytes, "limit": MAX_BYTES // 1048576})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=FORMATS) as image:
                pixels = image.width * image.height
                if pixels > MAX_PIXELS:
                    return _too_many_pixels(image.width, image.height)
                expected = SUFFIX_FORMAT.get(path.suffix.lower())
                # Image.open only returns images whose plugin named the format it decoded.
                assert image.format is not None
                if image.format != expected:
                    return ImageProblem("image_wrong_extension", {
                        "actual": image.format, "suffix": FORMAT_SUFFIX[image.format]})
                if image.format == "JPEG":
                    # Decoding at 1/8 scale still reads the whole file, so truncation shows, cheaply.
                    image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
                located.append(_has_gps(image))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return ImageProblem("image_bomb", {"limit": MAX_PIXELS // 1_000_000})
    except UnidentifiedImageError:
        return ImageProblem("image_not_image", {})
    except (OSError, SyntaxError, ValueError) as error:  # truncated or corrupt data
        return ImageProblem("image_broken", {"reason": str(error)})
    return None


def records_location(path: Path) -> bool:
    """True when the file's EXIF carries a GPS position (only the header is read)."""
    try:
        with Image.open(path, formats=FORMATS) as image:
            return _has_gps(image)
    except (OSError, SyntaxError, ValueError):
        return False  # unreadable EXIF: inspect_image reports what matters


def _has_gps(image: Image.Image) -> bool:
    try:
        return bool(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))
    except (OSError, SyntaxError, ValueError):
        return False  # unreadable EXIF: inspect_image reports what matters


def _too_many_pixels(width: int, height: int) -> ImageProblem:
    return ImageProblem("image_too_many_pixels", {
        "width": width, "height": height, "megapixels": round(width * height / 1e6, 1),
        "limit": MAX_PIXELS // 1_000_000})


# -- publishing ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PublishSettings:
    # Sizes are chosen for the offline zip (about 60 MB for 1,000 cards with a cover each):
    page_size: int = 1024  # longest side on a card page: the text column is at most ~800 px wide
    thumb_size: int = 320  # tiles show 100 px squares: 4:3 at 320 px still covers them at 2x density
    quality: int = 75  # WebP quality: photos stay clear at a fraction of the JPEG size

    def key(self) -> str:
        return json.dumps({**asdict(self), "pillow": PIL.__version__, "format": "webp-1"}, sort_keys=True)


@dataclass(frozen=True)
class Variant:
    path: Path  # in the cache
    width: int
    height: int


@dataclass(frozen=True)
class PublishedImage:
    page: Variant
    thumb: Variant


class ImageCache:
    """Derived images, named by a hash of the source bytes and the settings; safe to delete."""

    def __init__(self, folder: Path, settings: PublishSettings | None = None):
        self.folder = folder
        self.settings = settings or PublishSettings()

    def _digest(self, source: Path) -> str:
        digest = hashlib.sha256(self.settings.key().encode())
        digest.update(source.read_bytes())
        return digest.hexdigest()[:32]

    def _lookup(self, digest: str) -> PublishedImage | None:
        meta = self.folder / f"{digest}.json"
        if not meta.is_file():
            return None
        data = json.loads(meta.read_text(encoding="utf-8"))
        variants = {name: Variant(self.folder / f"{digest}-{name}.webp", *data[name]) for name in ("page", "thumb")}
        if not all(v.path.is_file() for v in variants.values()):
            return None
        return PublishedImage(**variants)

    def publish(self, sources: Iterable[Path]) -> dict[Path, PublishedImage]:
        """Published variants of every source; only images not in the cache are processed."""
        self.folder.mkdir(parents=True, exist_ok=True)
        digests = {source: self._digest(source) for source in dict.fromkeys(sources)}
        # Variants depend only on the bytes: a picture used by several cards (or copied into
        # several bundles) is looked up and made once.
        made: dict[str, PublishedImage] = {}
        missing: dict[str, Path] = {}
        for source, digest in digests.items():
            if digest in made or digest in missing:
                continue
            cached = self._lookup(digest)
            if cached:
                made[digest] = cached
            else:
                missing[digest] = source
        jobs = [(source, digest, self.folder, self.settings) for digest, source in missing.items()]
        if len(jobs) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
            with ProcessPoolExecutor(max_workers=min(os.cpu_count() or 2, 4)) as pool:
                made.update(zip(missing, pool.map(_make_variants, jobs, chunksize=4), strict=True))
        else:
            made.update((job[1], _make_variants(job)) for job in jobs)
        return {source: made[digest] for source, digest in digests.items()}


def _make_variants(job: tuple[Path, str, Path, PublishSettings]) -> PublishedImage:
    source, digest, folder, settings = job
    with Image.open(source, formats=FORMATS) as original:
        if original.format == "JPEG":
            # Let the decoder downscale while reading: a 12 MP photo decodes several times faster.
            original.draft("RGB", (settings.page_size, settings.page_size))
        upright = ImageOps.exif_transpose(original)
        mode = "RGBA" if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info else "RGB"
        pixels = upright.convert(mode)
    # A new image from the pixels alone: no EXIF, GPS, XMP, ICC profile or comments can survive.
    clean = Image.new(mode, pixels.size)
    clean.paste(pixels)
    sizes = {}
    for name, longest in (("page", settings.page_size), ("thumb", settings.thumb_size)):
        variant = clean.copy()
        variant.thumbnail((longest, longest), Image.Resampling.LANCZOS)
        target = folder / f"{digest}-{name}.webp"
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        variant.save(temporary, "WEBP", quality=settings.quality, method=4)
        temporary.replace(target)  # atomic: a crash never leaves a half-written image in the cache
        sizes[name] = variant.size
    # The metadata file is written last and atomically: its presence means both variants are complete.
    meta = folder / f"{digest}.json"
    temporary = meta.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(sizes), encoding="utf-8")
    temporary.replace(meta)
    return PublishedImage(page=Variant(folder / f"{digest}-page.webp", *sizes["page"]),
                          thumb=Variant(folder / f"{digest}-thumb.webp", *sizes["thumb"]))
