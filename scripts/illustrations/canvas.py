"""Canvas, palette, font, labels and saving shared by every card picture.

Pictures are 800x600. Lists crop the thumbnail to its central square (x 100..700), so each
card function draws its object big inside that square and keeps labels as a bonus around it.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent.parent
ACTIVITIES = ROOT / "activities"

WIDTH, HEIGHT = 800, 600
OUT = 4  # outline width: thin lines vanish in a 100 px thumbnail

# A small, friendly palette shared by all pictures.
BG = (255, 251, 240)
INK = (60, 60, 70)
BROWN = (150, 105, 60)
DARK_BROWN = (110, 75, 45)
LIGHT_BROWN = (205, 170, 120)
GREEN = (80, 160, 80)
DARK_GREEN = (50, 110, 50)
LIGHT_GREEN = (170, 215, 140)
BLUE = (90, 150, 210)
DARK_BLUE = (50, 100, 170)
LIGHT_BLUE = (200, 225, 245)
WATER = (150, 200, 240)
RED = (215, 80, 70)
ORANGE = (240, 150, 60)
YELLOW = (245, 200, 70)
PURPLE = (140, 100, 190)
PINK = (240, 160, 180)
WHITE = (255, 255, 255)
GREY = (190, 190, 195)
DARK_GREY = (120, 120, 130)
CREAM = (250, 235, 200)
SAND = (230, 200, 140)

FONT_DIRS = [
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian/Ubuntu: apt-get install fonts-dejavu-core
    Path("/usr/share/fonts/dejavu"),  # Fedora
    Path("/usr/share/fonts/TTF"),  # Arch
    Path("/Library/Fonts"),
    Path.home() / "Library" / "Fonts",
    Path("C:/Windows/Fonts"),
]
_fonts: dict[tuple[int, bool], ImageFont.FreeTypeFont] = {}


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans: it has every Vietnamese diacritic. Pillow's own font lacks some, so a
    machine without DejaVu stops here with the package to install instead of drawing boxes."""
    key = (size, bold)
    if key not in _fonts:
        name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
        path = next((folder / name for folder in FONT_DIRS if (folder / name).exists()), None)
        if path is None:
            raise SystemExit(f"Font {name} not found in {', '.join(map(str, FONT_DIRS))}: "
                             "install it (Debian/Ubuntu: sudo apt-get install fonts-dejavu-core).")
        _fonts[key] = ImageFont.truetype(str(path), size)
    return _fonts[key]


def new_canvas() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A blank picture with a soft rounded frame."""
    img = Image.new("RGB", (WIDTH, HEIGHT), BG)
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((10, 10, WIDTH - 10, HEIGHT - 10), radius=24, outline=GREY, width=3)
    return img, draw


def label(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str,
          size: int = 24, bold: bool = False, fill=INK, anchor: str = "mm") -> None:
    """Write a short text; the anchor defaults to the middle of the text."""
    draw.text(xy, text, font=font(size, bold), fill=fill, anchor=anchor)


def caption(draw: ImageDraw.ImageDraw, text: str, fill=BROWN) -> None:
    """One short line at the bottom of the picture."""
    label(draw, (WIDTH // 2, HEIGHT - 42), text, size=26, bold=True, fill=fill)


def tag(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, fill=WHITE,
        ink=INK, size: int = 22) -> None:
    """A label on a rounded card, readable over any background."""
    box = draw.textbbox(xy, text, font=font(size, True), anchor="mm")
    draw.rounded_rectangle((box[0] - 10, box[1] - 7, box[2] + 10, box[3] + 7), radius=10,
                           fill=fill, outline=ink, width=2)
    label(draw, xy, text, size=size, bold=True, fill=ink)


def arrow(draw: ImageDraw.ImageDraw, start: tuple[float, float], end: tuple[float, float],
          fill=INK, width: int = 4, head: int = 16) -> None:
    """A straight line with a triangular head at ``end`` (points labels at parts)."""
    draw.line((start, end), fill=fill, width=width)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    left = (end[0] - head * math.cos(angle - 0.45), end[1] - head * math.sin(angle - 0.45))
    right = (end[0] - head * math.cos(angle + 0.45), end[1] - head * math.sin(angle + 0.45))
    draw.polygon((end, left, right), fill=fill)


def encode(img: Image.Image) -> bytes:
    """A compact palette PNG: 64 colours, optimised, no EXIF and no text chunks."""
    buffer = io.BytesIO()
    img.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def save(img: Image.Image, card_slug: str, filename: str = "cover.png") -> Path:
    """Write the picture into the card's bundle folder."""
    folder = ACTIVITIES / card_slug
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    path.write_bytes(encode(img))
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    return path


def turning_arrow(draw: ImageDraw.ImageDraw, centre: tuple[float, float], radius: float,
                  start: float, end: float, fill=INK, width: int = 6) -> None:
    """An arc from ``start`` to ``end`` degrees (clockwise on screen) with a head at ``end``."""
    cx, cy = centre
    draw.arc((cx - radius, cy - radius, cx + radius, cy + radius), start, end, fill=fill, width=width)
    a = math.radians(end)
    tip = (cx + radius * math.cos(a), cy + radius * math.sin(a))
    back = math.radians(end - 8)
    arrow(draw, (cx + radius * math.cos(back), cy + radius * math.sin(back)), tip, fill=fill,
          width=width, head=22)


def stick(draw: ImageDraw.ImageDraw, points, fill, width: int = 12) -> None:
    """A thick line with a dark outline, so pale sticks and handles still show."""
    draw.line(points, fill=INK, width=width + 6, joint="curve")
    draw.line(points, fill=fill, width=width, joint="curve")
