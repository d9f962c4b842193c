"""Draw the simple diagrams used by some starter activity cards.

Each picture is a flat, hand-made style diagram (shapes and short Vietnamese labels only:
no photos, no children). Run from the project root:

    .venv/bin/python scripts/draw_illustrations.py

The script (re)creates every PNG in its card's bundle folder under ``activities/``:

- activities/hat-dau-nay-mam-tren-bong-am/cover.png   seeds sprouting over five days
- activities/hat-dau-nay-mam-tren-bong-am/buoc-1.png  step 1: cotton, water, seeds
- activities/o-to-tu-vo-hop-sua-va-nap-chai/cover.png the milk-carton car and its parts
- activities/doc-nghieng-xe-nao-chay-xa-hon/cover.png the ramp and the footstep measure

Images are 800x600, saved as palette PNGs without metadata so each stays well under 200 KB.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ACTIVITIES = ROOT / "activities"

WIDTH, HEIGHT = 800, 600

# A small, friendly palette shared by all pictures.
BG = (255, 251, 240)
INK = (60, 60, 70)
BROWN = (150, 105, 60)
LIGHT_BROWN = (205, 170, 120)
GREEN = (80, 160, 80)
LIGHT_GREEN = (170, 215, 140)
BLUE = (90, 150, 210)
LIGHT_BLUE = (200, 225, 245)
RED = (215, 80, 70)
YELLOW = (245, 200, 70)
WHITE = (255, 255, 255)
GREY = (190, 190, 195)
CREAM = (250, 235, 200)

FONT_DIRS = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
]


def font(size: int, bold: bool = False) -> ImageFont.ImageFont:
    """Return DejaVuSans (it has all Vietnamese diacritics); fall back to Pillow's font."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        path = folder / name
        if path.exists():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def new_canvas(title: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """A blank picture with a rounded frame and a centred title."""
    img = Image.new("RGB", (WIDTH, HEIGHT), BG)
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle((10, 10, WIDTH - 10, HEIGHT - 10), radius=24, outline=GREY, width=3)
    label(draw, (WIDTH // 2, 48), title, size=34, bold=True)
    return img, draw


def label(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str,
          size: int = 22, bold: bool = False, fill=INK, anchor: str = "mm") -> None:
    """Write a short text; the anchor defaults to the middle of the text."""
    draw.text(xy, text, font=font(size, bold), fill=fill, anchor=anchor)


def arrow(draw: ImageDraw.ImageDraw, start: tuple[float, float], end: tuple[float, float],
          fill=INK, width: int = 3, head: int = 12) -> None:
    """A straight line with a triangular head at ``end`` (used to point labels at parts)."""
    draw.line((start, end), fill=fill, width=width)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    left = (end[0] - head * math.cos(angle - 0.45), end[1] - head * math.sin(angle - 0.45))
    right = (end[0] - head * math.cos(angle + 0.45), end[1] - head * math.sin(angle + 0.45))
    draw.polygon((end, left, right), fill=fill)


def save(img: Image.Image, card_slug: str, filename: str) -> Path:
    """Save into the card's bundle folder as a compact palette PNG (no EXIF, no text chunks)."""
    folder = ACTIVITIES / card_slug
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    small = img.convert("P", palette=Image.Palette.ADAPTIVE, colors=64)
    small.save(path, format="PNG", optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    return path


# ---------------------------------------------------------------------------
# Shared little drawings
# ---------------------------------------------------------------------------

def cotton_bed(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], wet: bool = True) -> None:
    """A clear plastic box seen from the side, with a bumpy layer of cotton inside."""
    x0, _y0, x1, y1 = box
    draw.rounded_rectangle(box, radius=10, fill=LIGHT_BLUE if wet else WHITE, outline=BLUE, width=3)
    # Cotton: a row of overlapping white bumps along the bottom of the box.
    top = y1 - 45
    draw.rectangle((x0 + 6, top + 10, x1 - 6, y1 - 6), fill=WHITE)
    step = 22
    for x in range(x0 + 14, x1 - 8, step):
        draw.ellipse((x - 16, top, x + 16, top + 28), fill=WHITE, outline=GREY)
    draw.rectangle((x0 + 7, top + 14, x1 - 7, y1 - 7), fill=WHITE)


def bean(draw: ImageDraw.ImageDraw, centre: tuple[int, int], cracked: bool = False) -> None:
    """A green mung bean; a cracked one shows a pale line where the coat splits."""
    cx, cy = centre
    draw.ellipse((cx - 11, cy - 8, cx + 11, cy + 8), fill=GREEN, outline=(50, 110, 50), width=2)
    if cracked:
        draw.line((cx - 5, cy - 6, cx + 4, cy + 6), fill=CREAM, width=3)


def sprout(draw: ImageDraw.ImageDraw, base: tuple[int, int], height: int, leaves: bool) -> None:
    """A bean with a white root going down and a curved stem going up (with two leaves)."""
    bx, by = base
    # Root first, pointing down into the cotton.
    draw.line((bx, by + 6, bx - 4, by + 30), fill=CREAM, width=5)
    draw.line((bx, by + 6, bx - 4, by + 30), fill=LIGHT_BROWN, width=1)
    # Stem: a few short segments to make a gentle curve.
    points = [(bx + 6 * math.sin(i / 4), by - i * height / 10) for i in range(11)]
    draw.line(points, fill=(235, 230, 180), width=6, joint="curve")
    if leaves:
        tx, ty = points[-1]
        draw.ellipse((tx - 28, ty - 14, tx, ty + 6), fill=GREEN, outline=(50, 110, 50), width=2)
        draw.ellipse((tx, ty - 14, tx + 28, ty + 6), fill=GREEN, outline=(50, 110, 50), width=2)
    bean(draw, (bx, by), cracked=True)


def toy_car(draw: ImageDraw.ImageDraw, x: int, y: int, colour=RED, scale: float = 1.0) -> None:
    """A small side-view car whose wheels touch the line y (x = left end of the car)."""
    s = scale
    draw.rounded_rectangle((x, y - 38 * s, x + 90 * s, y - 14 * s), radius=int(8 * s), fill=colour,
                           outline=INK, width=2)
    draw.rounded_rectangle((x + 18 * s, y - 58 * s, x + 66 * s, y - 36 * s), radius=int(8 * s),
                           fill=colour, outline=INK, width=2)
    draw.rectangle((x + 26 * s, y - 53 * s, x + 58 * s, y - 40 * s), fill=LIGHT_BLUE)
    for wx in (x + 20 * s, x + 70 * s):
        draw.ellipse((wx - 13 * s, y - 26 * s, wx + 13 * s, y), fill=INK)
        draw.ellipse((wx - 5 * s, y - 18 * s, wx + 5 * s, y - 8 * s), fill=GREY)


def footprint(draw: ImageDraw.ImageDraw, x: int, y: int, length: int = 56) -> None:
    """A foot seen from above, toes pointing right: an oval sole plus five small toes."""
    draw.ellipse((x, y - 13, x + length - 12, y + 13), fill=LIGHT_BROWN, outline=BROWN, width=2)
    for i, dy in enumerate((-11, -5, 1, 7, 12)):
        r = 5 if i == 0 else 4
        tx = x + length - 10 - abs(dy) // 3
        draw.ellipse((tx - r, y + dy - r, tx + r, y + dy + r), fill=LIGHT_BROWN, outline=BROWN)


# ---------------------------------------------------------------------------
# Card: hat-dau-nay-mam-tren-bong-am
# ---------------------------------------------------------------------------

def draw_sprouting_cover() -> None:
    """Three boxes side by side: day 1 (seeds), day 3 (roots), day 5 (sprouts with leaves)."""
    img, draw = new_canvas("Hạt đậu nảy mầm trên bông ẩm")
    days = [("Ngày 1", "hạt căng nước"), ("Ngày 3", "nứt vỏ, ra rễ"), ("Ngày 5", "mầm có lá")]
    for i, (day, note) in enumerate(days):
        x0 = 40 + i * 250
        box = (x0, 165, x0 + 220, 470)
        cotton_bed(draw, box)
        ground = 470 - 48
        for j in range(3):
            bx = x0 + 45 + j * 65
            if i == 0:
                bean(draw, (bx, ground))
            elif i == 1:
                sprout(draw, (bx, ground), height=22, leaves=False)
            else:
                sprout(draw, (bx, ground), height=170, leaves=True)
        label(draw, (x0 + 110, 125), day, size=30, bold=True, fill=GREEN)
        label(draw, (x0 + 110, 505), note, size=22)
        if i < 2:
            arrow(draw, (x0 + 225, 360), (x0 + 245, 360), fill=BROWN, width=4)
    # A little key at the bottom: the root goes down, the shoot goes up.
    label(draw, (WIDTH // 2, 555), "rễ mọc xuống  ·  mầm mọc lên", size=22, fill=BROWN)
    save(img, "hat-dau-nay-mam-tren-bong-am", "cover.png")


def draw_sprouting_step1() -> None:
    """Step 1 in three panels: lay cotton in the box, spray water, spread the seeds."""
    img, draw = new_canvas("Bước 1: chuẩn bị hộp gieo hạt")
    panels = ["1. Trải bông", "2. Xịt nước", "3. Rải hạt"]
    for i, text in enumerate(panels):
        x0 = 40 + i * 250
        label(draw, (x0 + 110, 130), text, size=28, bold=True, fill=GREEN)
        cotton_bed(draw, (x0, 330, x0 + 220, 480), wet=i > 0)
        if i == 0:
            # A hand-size tuft of cotton above the box, with an arrow down into it.
            for dx, dy in ((0, 0), (24, -10), (46, 4), (20, 16)):
                draw.ellipse((x0 + 70 + dx, 200 + dy, x0 + 110 + dx, 236 + dy), fill=WHITE,
                             outline=GREY, width=2)
            arrow(draw, (x0 + 110, 255), (x0 + 110, 320), fill=BROWN, width=4)
        elif i == 1:
            # Spray bottle: body, neck, trigger head, and a fan of droplets.
            draw.rounded_rectangle((x0 + 30, 215, x0 + 80, 300), radius=10, fill=BLUE, outline=INK,
                                   width=2)
            draw.rectangle((x0 + 45, 190, x0 + 65, 215), fill=GREY, outline=INK, width=2)
            draw.polygon(((x0 + 40, 175), (x0 + 100, 175), (x0 + 100, 192), (x0 + 40, 192)),
                         fill=GREY, outline=INK)
            for k in range(5):
                dx = 120 + k * 14
                dy = 190 + k * 22
                draw.ellipse((x0 + dx - 5, dy - 7, x0 + dx + 5, dy + 7), fill=BLUE)
        else:
            # Six seeds spaced out on the wet cotton and two falling from above.
            for j in range(6):
                bean(draw, (x0 + 30 + j * 32, 330 + 150 - 48))
            bean(draw, (x0 + 90, 230))
            bean(draw, (x0 + 130, 270))
            arrow(draw, (x0 + 110, 290), (x0 + 110, 340), fill=BROWN, width=4)
    label(draw, (WIDTH // 2, 540), "Bông ẩm đều, không đọng nước; hạt đặt cách xa nhau",
          size=22, fill=BROWN)
    save(img, "hat-dau-nay-mam-tren-bong-am", "buoc-1.png")


# ---------------------------------------------------------------------------
# Card: o-to-tu-vo-hop-sua-va-nap-chai
# ---------------------------------------------------------------------------

def draw_carton_car() -> None:
    """Side view of the milk-carton car (left) and a view from underneath (right)."""
    img, draw = new_canvas("Ô tô từ vỏ hộp sữa")

    # --- Side view -------------------------------------------------------
    label(draw, (230, 110), "Nhìn từ bên cạnh", size=24, bold=True, fill=BLUE)
    floor = 400
    # Carton lying on its side: a long box with a little gable (the carton top) at the front.
    draw.rectangle((90, 250, 350, 360), fill=WHITE, outline=INK, width=3)
    draw.polygon(((350, 250), (395, 280), (395, 360), (350, 360)), fill=CREAM, outline=INK)
    draw.rectangle((130, 270, 190, 310), fill=LIGHT_BLUE, outline=INK, width=2)  # window
    draw.rectangle((230, 270, 290, 310), fill=LIGHT_BLUE, outline=INK, width=2)
    # Straw under the box and the two bottle-cap wheels on it.
    draw.rectangle((100, 360, 340, 370), fill=YELLOW, outline=INK)
    for wx in (140, 300):
        draw.ellipse((wx - 40, floor - 80, wx + 40, floor), fill=RED, outline=INK, width=3)
        draw.ellipse((wx - 26, floor - 66, wx + 26, floor - 14), outline=(170, 50, 45), width=2)
        draw.ellipse((wx - 6, floor - 46, wx + 6, floor - 34), fill=BROWN)  # axle end
    draw.line((60, floor, 420, floor), fill=GREY, width=4)
    arrow(draw, (75, 180), (120, 250))
    label(draw, (75, 165), "vỏ hộp sữa", size=20)
    arrow(draw, (220, 470), (290, 400))
    label(draw, (200, 485), "nắp chai = bánh xe", size=20)

    # --- View from underneath -------------------------------------------
    label(draw, (600, 110), "Nhìn từ dưới gầm", size=24, bold=True, fill=BLUE)
    draw.rectangle((530, 170, 670, 440), fill=WHITE, outline=INK, width=3)
    for ay in (215, 395):
        draw.rectangle((525, ay - 7, 675, ay + 7), fill=YELLOW, outline=INK)          # straw
        draw.line((480, ay, 720, ay), fill=BROWN, width=5)                             # axle
        for wx in (480, 720):
            draw.rectangle((wx - 12, ay - 30, wx + 12, ay + 30), fill=RED, outline=INK, width=2)
            draw.ellipse((wx + (10 if wx > 600 else -22), ay - 8, wx + (22 if wx > 600 else -10),
                          ay + 8), fill=(160, 200, 150), outline=INK)                  # dough stop
    arrow(draw, (600, 290), (600, 222))
    label(draw, (600, 305), "ống hút giấy", size=20)
    arrow(draw, (700, 470), (700, 402))
    label(draw, (690, 490), "que tre = trục", size=20)
    arrow(draw, (466, 300), (464, 228))
    label(draw, (470, 318), "đất nặn", size=20)

    label(draw, (WIDTH // 2, 555), "Trục quay tự do trong ống hút, bánh xe quay theo trục",
          size=21, fill=BROWN)
    save(img, "o-to-tu-vo-hop-sua-va-nap-chai", "cover.png")


# ---------------------------------------------------------------------------
# Card: doc-nghieng-xe-nao-chay-xa-hon
# ---------------------------------------------------------------------------

def draw_ramp_and_steps() -> None:
    """A card-board ramp on wooden blocks, a car rolling off, and footsteps measuring the run."""
    img, draw = new_canvas("Xe nào chạy xa hơn?")
    floor = 400

    # Stack of two wooden blocks holding up the top of the ramp.
    for k in range(2):
        top = floor - 50 * (k + 1)
        draw.rectangle((50, top, 130, top + 50), fill=LIGHT_BROWN, outline=BROWN, width=3)
    label(draw, (90, 430), "khối gỗ", size=20)

    # The ramp: a thick slanted board from the top of the blocks down to the floor.
    ramp_top = (60, floor - 100)
    ramp_foot = (330, floor)
    draw.polygon((ramp_top, (ramp_top[0], ramp_top[1] - 12), (ramp_foot[0] + 14, ramp_foot[1]),
                  ramp_foot), fill=CREAM, outline=BROWN)
    # Start line at the top of the ramp.
    draw.line((75, floor - 120, 95, floor - 96), fill=RED, width=5)
    label(draw, (110, 225), "vạch xuất phát", size=20, fill=RED)
    arrow(draw, (110, 240), (88, 280), fill=RED)

    # Floor line and the car where it stopped.
    draw.line((30, floor, 770, floor), fill=GREY, width=4)
    toy_car(draw, 640, floor, colour=BLUE, scale=1.0)
    draw.line((648, floor + 4, 648, floor + 22), fill=RED, width=5)  # tape mark where it stopped
    # Dashed path from the foot of the ramp to the car.
    for x in range(340, 630, 24):
        draw.line((x, floor - 70, x + 12, floor - 70), fill=BLUE, width=3)
    arrow(draw, (610, floor - 70), (632, floor - 70), fill=BLUE)

    # Footsteps, heel to toe, from the foot of the ramp to the tape mark, numbered.
    step_len = 60
    for i in range(5):
        x = 340 + i * step_len
        footprint(draw, x, floor + 60, length=step_len - 2)
        label(draw, (x + step_len // 2 - 4, floor + 100), str(i + 1), size=22, bold=True, fill=BROWN)
    label(draw, (480, floor + 140), "đo bằng bước chân: gót nối mũi", size=22, fill=BROWN)

    # Little legend of the three "vehicles" compared on the card.
    legend_y = 140
    label(draw, (560, legend_y), "So sánh:", size=22, bold=True, anchor="lm")
    label(draw, (560, legend_y + 34), "• xe bánh quay", size=20, anchor="lm")
    label(draw, (560, legend_y + 64), "• xe bị chèn bánh", size=20, anchor="lm")
    label(draw, (560, legend_y + 94), "• hộp không bánh", size=20, anchor="lm")
    save(img, "doc-nghieng-xe-nao-chay-xa-hon", "cover.png")


def main() -> None:
    draw_sprouting_cover()
    draw_sprouting_step1()
    draw_carton_car()
    draw_ramp_and_steps()


if __name__ == "__main__":
    main()
