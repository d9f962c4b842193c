"""Cards about plants, animals, earth and sand."""

from __future__ import annotations

import math

from .canvas import (
    BLUE,
    BROWN,
    CREAM,
    DARK_BLUE,
    DARK_BROWN,
    DARK_GREEN,
    GREEN,
    GREY,
    INK,
    LIGHT_BLUE,
    LIGHT_BROWN,
    LIGHT_GREEN,
    ORANGE,
    RED,
    SAND,
    WATER,
    WHITE,
    YELLOW,
    arrow,
    caption,
    label,
    new_canvas,
)
from .parts import clear_cup, cotton, drop, ellipse, leaf, polygon, popsicle_stick
from .registry import picture

ROOT = (200, 165, 105)


def _mung_bean(draw, cx: float, cy: float, angle: float = 0, open_halves: bool = False) -> None:
    """A mung bean; opened, it shows its two halves (seed leaves) parting at the top of the stem."""
    if not open_halves:
        leaf_shape = [(cx + 22 * math.cos(t / 10), cy + 15 * math.sin(t / 10)) for t in range(63)]
        polygon(draw, leaf_shape, GREEN, outline=DARK_GREEN, width=3)
        return
    for side in (-1, 1):
        ellipse(draw, cx + side * 19, cy + 2, 19, 12, (220, 210, 120), outline=DARK_GREEN, width=3)


def _sprout(draw, base_x: float, cotton_top: float, root: float, shoot: float, stage: int) -> None:
    """A sprouting bean: the root grows down into the cotton, the stem lifts the bean up."""
    # Root: a white line going down into the cotton, with little side hairs.
    if root:
        draw.line((base_x, cotton_top, base_x - 3, cotton_top + root), fill=ROOT, width=11)
        for k in range(1, int(root // 18)):
            y = cotton_top + k * 18
            draw.line((base_x - 2, y, base_x - 12, y + 8), fill=ROOT, width=3)
            draw.line((base_x - 2, y + 6, base_x + 9, y + 14), fill=ROOT, width=3)
    if stage == 0:
        _mung_bean(draw, base_x, cotton_top - 6)
        return
    if stage == 1:  # cracked coat, root just out
        _mung_bean(draw, base_x, cotton_top - 6)
        draw.line((base_x - 6, cotton_top - 14, base_x + 5, cotton_top + 2), fill=CREAM, width=3)
        return
    # Stem: a pale curve from the cotton up to the bean it carries.
    top = cotton_top - shoot
    points = [(base_x + 7 * math.sin(i / 3), cotton_top - i * shoot / 10) for i in range(11)]
    draw.line(points, fill=INK, width=16, joint="curve")
    draw.line(points, fill=(245, 240, 200), width=10, joint="curve")
    tx, _ = points[-1]
    if stage == 2:  # hook: the bean still closed, bent over
        _mung_bean(draw, tx + 10, top + 6)
        draw.ellipse((base_x - 22, cotton_top - 4, base_x - 8, cotton_top + 4), fill=(60, 120, 60))  # coat
    else:  # bean lifted, halves open, two true leaves
        _mung_bean(draw, tx, top, open_halves=True)
        for side in (-1, 1):
            leaf(draw, tx + side * 30, top - 28, 56, 30, angle=-90 + side * 55, fill=GREEN, vein=DARK_GREEN)
        draw.ellipse((base_x + 14, cotton_top - 6, base_x + 28, cotton_top + 2), fill=(60, 120, 60))  # coat


@picture("hat-dau-nay-mam-tren-bong-am")
def sprouting_beans():
    """One clear box, three days side by side: roots go down into the cotton, shoots lift the beans."""
    img, draw = new_canvas()
    draw.rounded_rectangle((100, 50, 700, 480), radius=14, fill=(235, 245, 252), outline=BLUE, width=5)
    cotton_top = 350
    cotton(draw, 106, 694, cotton_top - 10, 474, fill=WHITE)
    for x in range(120, 690, 36):  # damp cotton: a few blue dots
        draw.ellipse((x, 452, x + 8, 460), fill=WATER)
    stages = [(200, 0, 0, 0, "Ngày 1"), (400, 60, 60, 2, "Ngày 3"), (600, 110, 210, 3, "Ngày 5")]
    for x, root, shoot, stage, day in stages:
        _sprout(draw, x - 40, cotton_top, root, shoot, stage)
        _sprout(draw, x + 42, cotton_top, root * 0.8, shoot * 0.8, stage)
        label(draw, (x, 515), day, size=30, bold=True, fill=DARK_GREEN)
    for x in (300, 500):
        draw.line((x, 70, x, 465), fill=GREY, width=3)
    label(draw, (400, 563), "rễ mọc xuống bông · mầm mọc lên", size=22, bold=True, fill=BROWN)
    return img


@picture("ngon-ca-rot-moc-la-xanh")
def carrot_tops():
    """A shallow dish of water: the carrot top grows green leaves, the middle piece does not."""
    img, draw = new_canvas()
    ellipse(draw, 400, 430, 310, 70, WHITE)
    ellipse(draw, 400, 425, 280, 55, WATER, width=3)
    for cx, top in ((280, True), (540, False)):
        polygon(draw, [(cx - 70, 430), (cx + 70, 430), (cx + 60, 350), (cx - 60, 350)], ORANGE)
        ellipse(draw, cx, 350, 60, 18, (250, 180, 100), width=3)
        for y in (380, 405):
            draw.line((cx - 40, y, cx - 20, y), fill=(200, 110, 40), width=3)
        if top:
            for k, (a, length) in enumerate(((-120, 170), (-100, 210), (-80, 200), (-60, 160))):
                stem_end = (cx + length * math.cos(math.radians(a)), 345 + length * math.sin(math.radians(a)))
                draw.line((cx, 345, *stem_end), fill=DARK_GREEN, width=6)
                for t in (0.5, 0.75, 1.0):
                    px = cx + (stem_end[0] - cx) * t
                    py = 345 + (stem_end[1] - 345) * t
                    leaf(draw, px, py, 46, 22, angle=a + (40 if k % 2 else -40), fill=GREEN)
        label(draw, (cx, 525), "ngọn" if top else "khúc giữa", size=26, bold=True)
    label(draw, (540, 250), "?", size=70, bold=True, fill=GREY)
    return img


@picture("in-la-cay-nhieu-mau")
def leaf_prints():
    """A sheet of paper with colourful leaf prints, and a painted leaf about to be pressed down."""
    img, draw = new_canvas()
    polygon(draw, [(90, 170), (710, 170), (710, 530), (90, 530)], WHITE, width=3)
    prints = [(220, 300, -30, (230, 90, 80)), (420, 420, 10, (240, 190, 50)), (600, 300, 40, (80, 160, 220)),
              (230, 450, 70, GREEN)]
    for x, y, a, colour in prints:
        leaf(draw, x, y, 170, 90, angle=a, fill=colour, vein=WHITE, outline=None)
    # The real leaf, vein side down, held above the paper.
    leaf(draw, 470, 110, 220, 110, angle=-10, fill=LIGHT_GREEN, vein=DARK_GREEN)
    arrow(draw, (610, 110), (610, 190), width=5)
    label(draw, (200, 80), "in lá", size=30, bold=True, fill=DARK_GREEN)
    return img


LEAF_WIDTH = {"round": 0.9, "long": 0.26, "toothed": 0.5}  # width / length of each leaf shape


@picture("phan-loai-la-theo-hinh-dang-va-kich-thuoc")
def sorting_leaves():
    """Round one: hoops sorted by shape only (round, long, toothed), a picture card above each."""
    img, draw = new_canvas()
    hoops = [(150, "round", RED, "tròn"), (400, "long", YELLOW, "dài"), (650, "toothed", BLUE, "răng cưa")]
    for cx, shape, colour, name in hoops:
        ellipse(draw, cx, 360, 120, 95, None, outline=colour, width=14)
        draw.rounded_rectangle((cx - 55, 130, cx + 55, 220), radius=10, fill=WHITE, outline=INK, width=3)
        ratio = LEAF_WIDTH[shape]
        leaf(draw, cx, 175, 80, 80 * ratio, angle=-30, fill=GREEN, shape=shape)
        for k, (dx, dy, size) in enumerate(((-45, -25, 1.0), (40, -10, 0.7), (-10, 40, 0.85))):
            length = 90 * size
            leaf(draw, cx + dx, 360 + dy, length, length * ratio, angle=20 + k * 50,
                 fill=(LIGHT_GREEN, GREEN, (190, 170, 70))[k], shape=shape)
        label(draw, (cx, 490), name, size=26, bold=True)
    label(draw, (400, 60), "Vòng 1: theo hình dạng", size=28, bold=True, fill=BROWN)
    label(draw, (400, 545), "Vòng 2: theo kích thước (to, nhỏ)", size=22, fill=BROWN)
    return img


@picture("chim-can-to-xay-to-bang-rom-va-dat-nan")
def straw_nest():
    """A straw and clay nest holding three toy eggs on a tilted 'branch' board, a fan blowing."""
    img, draw = new_canvas()
    polygon(draw, [(80, 470), (720, 400), (720, 430), (80, 500)], LIGHT_BROWN)  # tilted tray branch
    # Nest: a brown bowl with straw strokes.
    draw.chord((190, 200, 610, 470), 0, 180, fill=(190, 150, 90), outline=INK, width=5)
    ellipse(draw, 400, 335, 210, 55, DARK_BROWN)
    for k in range(3):
        ellipse(draw, 330 + k * 70, 318 - (k % 2) * 8, 36, 46, (250, 245, 230), width=4)
    for i in range(22):  # straw
        x = 200 + (i * 53) % 400
        y = 350 + (i * 29) % 90
        draw.line((x, y, x + 60, y - 10 + (i % 3) * 8), fill=YELLOW, width=4)
    for i in range(12):
        a = math.radians(180 + i * 15)
        draw.line((400 + 215 * math.cos(a), 335 + 60 * math.sin(a), 400 + 245 * math.cos(a) + 20,
                   335 + 70 * math.sin(a) - 10), fill=(220, 180, 80), width=5)
    # Hand fan blowing wind lines.
    polygon(draw, [(640, 120), (740, 80), (740, 200)], (240, 170, 170))
    draw.line((690, 150, 760, 250), fill=BROWN, width=8)
    for y in (140, 180, 220):
        draw.line((520, y, 610, y - 10), fill=BLUE, width=4)
    label(draw, (170, 110), "tổ rơm + đất nặn", size=26, bold=True, fill=DARK_BROWN)
    caption(draw, "3 quả trứng có rơi không?")
    return img


@picture("dau-chan-con-vat-tren-dat-nan")
def clay_footprints():
    """A flat slab of play dough with a trail of hen footprints and big round elephant prints."""
    img, draw = new_canvas()
    polygon(draw, [(110, 230), (690, 230), (740, 500), (60, 500)], (240, 170, 180))
    for i in range(4):  # hen: three-toed prints walking right
        x, y = 170 + i * 95, 290 + (i % 2) * 36
        for a in (-35, 0, 35):
            draw.line((x, y, x + 40 * math.cos(math.radians(a)), y + 40 * math.sin(math.radians(a))),
                      fill=(170, 90, 110), width=8)
        draw.line((x, y, x - 18, y), fill=(170, 90, 110), width=8)
    for i in range(3):  # elephant: large round prints
        x, y = 200 + i * 170, 430 - (i % 2) * 30
        ellipse(draw, x, y, 46, 32, (200, 120, 140), outline=(170, 90, 110), width=4)
        for k in range(3):
            draw.ellipse((x + 24 + k * 2, y - 26 + k * 18, x + 36 + k * 2, y - 16 + k * 18), fill=(170, 90, 110))
    # The toy hen standing at the end of its trail.
    ellipse(draw, 620, 240, 58, 44, WHITE)
    ellipse(draw, 665, 190, 28, 28, WHITE)
    polygon(draw, [(688, 186), (716, 196), (688, 204)], YELLOW, width=3)
    polygon(draw, [(652, 160), (664, 142), (676, 162)], RED, width=3)
    draw.ellipse((664, 180, 674, 190), fill=INK)
    for x in (605, 635):
        draw.line((x, 280, x, 305), fill=ORANGE, width=6)
    label(draw, (400, 110), "Con gì vừa đi qua?", size=30, bold=True, fill=BROWN)
    return img


@picture("ruong-bac-thang-dat-nan-giu-nuoc-tren-doi")
def rice_terraces():
    """Two earth hills in a tray: the terraced one holds pools of water, the bare one sheds it."""
    img, draw = new_canvas()
    polygon(draw, [(60, 500), (740, 500), (730, 540), (70, 540)], LIGHT_BLUE)
    # Left hill with clay terrace walls holding water.
    polygon(draw, [(70, 500), (200, 180), (380, 500)], (170, 120, 80))
    for _k, y in enumerate((250, 320, 390, 460)):
        half = (y - 180) * 0.48
        draw.line((200 - half - 6, y, 200 + half * 1.15 + 6, y), fill=GREEN, width=10)
        polygon(draw, [(200 - half + 8, y - 14), (200 + half * 1.1 - 8, y - 14), (200 + half * 1.1 - 8, y - 5),
                       (200 - half + 8, y - 5)], WATER, outline=None)
        for x in range(int(200 - half + 15), int(200 + half), 22):
            draw.line((x, y - 5, x - 3, y - 28), fill=(120, 180, 60), width=3)
    # Right hill, bare: water runs down, carrying mud into the cup.
    polygon(draw, [(420, 500), (590, 180), (740, 500)], (170, 120, 80))
    for x0 in (560, 600, 640):
        draw.line([(x0, 220), (x0 + 30, 320), (x0 + 20, 420), (x0 + 50, 490)], fill=BLUE, width=6)
    clear_cup(draw, 660, 560, 70, 60, liquid=(150, 115, 70), level=0.7)
    # Watering can raining on both hills.
    polygon(draw, [(320, 70), (440, 70), (430, 140), (330, 140)], GREEN)
    draw.line((440, 90, 500, 60), fill=GREEN, width=12)
    for x in range(180, 660, 40):
        drop(draw, x, 160 + (x % 80) / 2, 7, outline=None)
    label(draw, (200, 140), "giữ nước", size=24, bold=True, fill=DARK_BLUE)
    label(draw, (600, 140), "trôi đất", size=24, bold=True, fill=DARK_BROWN)
    return img


@picture("nui-cat-phun-bot-nho-giam-va-muoi-no")
def sand_volcano():
    """A damp sand mountain in a tray around a yoghurt cup; red foam bubbles over the top."""
    img, draw = new_canvas()
    polygon(draw, [(60, 470), (740, 470), (720, 530), (80, 530)], LIGHT_BLUE)
    polygon(draw, [(110, 490), (340, 230), (460, 230), (690, 490)], SAND)
    for i in range(25):
        x = 180 + (i * 71) % 440
        y = 300 + (i * 37) % 170
        draw.ellipse((x, y, x + 6, y + 6), fill=BROWN)
    ellipse(draw, 400, 232, 60, 16, WHITE)  # cup rim in the crater
    # Foam: a cloud of pink-red bubbles spilling over and running down.
    for dx, dy, r in ((0, -40, 46), (-45, -20, 34), (45, -22, 36), (-20, -85, 30), (25, -80, 28),
                      (-70, 15, 22), (70, 20, 24), (-95, 60, 18), (100, 70, 18)):
        ellipse(draw, 400 + dx, 232 + dy, r, r, (240, 130, 130), outline=(200, 70, 70), width=3)
        draw.ellipse((400 + dx - r * 0.5, 232 + dy - r * 0.5, 400 + dx - r * 0.2, 232 + dy - r * 0.2), fill=WHITE)
    # Measuring stick beside the mountain.
    popsicle_stick(draw, 620, 250, length=160, vertical=True)
    for y in range(110, 250, 30):
        draw.line((612, y, 628, y), fill=RED, width=3)
    label(draw, (150, 110), "giấm + muối nở", size=26, bold=True, fill=RED)
    return img


def _cotton_bed(draw, box: tuple[int, int, int, int], wet: bool = True) -> None:
    """A clear plastic box seen from the side, with a bumpy layer of cotton inside."""
    x0, _y0, x1, y1 = box
    draw.rounded_rectangle(box, radius=10, fill=LIGHT_BLUE if wet else WHITE, outline=BLUE, width=3)
    top = y1 - 45
    draw.rectangle((x0 + 6, top + 10, x1 - 6, y1 - 6), fill=WHITE)
    for x in range(x0 + 14, x1 - 8, 22):
        draw.ellipse((x - 16, top, x + 16, top + 28), fill=WHITE, outline=GREY)
    draw.rectangle((x0 + 7, top + 14, x1 - 7, y1 - 7), fill=WHITE)


def _dry_bean(draw, centre: tuple[int, int]) -> None:
    cx, cy = centre
    draw.ellipse((cx - 11, cy - 8, cx + 11, cy + 8), fill=GREEN, outline=DARK_GREEN, width=2)


@picture("hat-dau-nay-mam-tren-bong-am", "buoc-1.png")
def sprouting_step1():
    """Step 1 in three panels: lay cotton in the box, spray water, spread the seeds."""
    img, draw = new_canvas()
    label(draw, (400, 48), "Bước 1: chuẩn bị hộp gieo hạt", size=34, bold=True)
    panels = ["1. Trải bông", "2. Xịt nước", "3. Rải hạt"]
    for i, text in enumerate(panels):
        x0 = 40 + i * 250
        label(draw, (x0 + 110, 130), text, size=28, bold=True, fill=GREEN)
        _cotton_bed(draw, (x0, 330, x0 + 220, 480), wet=i > 0)
        if i == 0:
            # A hand-size tuft of cotton above the box, with an arrow down into it.
            for dx, dy in ((0, 0), (24, -10), (46, 4), (20, 16)):
                draw.ellipse((x0 + 70 + dx, 200 + dy, x0 + 110 + dx, 236 + dy), fill=WHITE, outline=GREY,
                             width=2)
            arrow(draw, (x0 + 110, 255), (x0 + 110, 320), fill=BROWN, width=4, head=12)
        elif i == 1:
            # Spray bottle: body, neck, trigger head, and a fan of droplets.
            draw.rounded_rectangle((x0 + 30, 215, x0 + 80, 300), radius=10, fill=BLUE, outline=INK, width=2)
            draw.rectangle((x0 + 45, 190, x0 + 65, 215), fill=GREY, outline=INK, width=2)
            draw.polygon(((x0 + 40, 175), (x0 + 100, 175), (x0 + 100, 192), (x0 + 40, 192)), fill=GREY,
                         outline=INK)
            for k in range(5):
                dx = 120 + k * 14
                dy = 190 + k * 22
                draw.ellipse((x0 + dx - 5, dy - 7, x0 + dx + 5, dy + 7), fill=BLUE)
        else:
            # Six seeds spaced out on the wet cotton and two falling from above.
            for j in range(6):
                _dry_bean(draw, (x0 + 30 + j * 32, 330 + 150 - 48))
            _dry_bean(draw, (x0 + 90, 230))
            _dry_bean(draw, (x0 + 130, 270))
            arrow(draw, (x0 + 110, 290), (x0 + 110, 340), fill=BROWN, width=4, head=12)
    label(draw, (400, 540), "Bông ẩm đều, không đọng nước; hạt đặt cách xa nhau", size=22, fill=BROWN)
    return img
