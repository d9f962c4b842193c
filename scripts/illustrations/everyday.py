"""Cards about counting, measuring, sorting, time and everyday life (school bag, traffic light)."""

from __future__ import annotations

import math

from .canvas import (
    BLUE,
    BROWN,
    CREAM,
    DARK_BLUE,
    DARK_GREEN,
    DARK_GREY,
    GREEN,
    GREY,
    INK,
    LIGHT_BROWN,
    ORANGE,
    PURPLE,
    RED,
    WHITE,
    YELLOW,
    arrow,
    caption,
    label,
    new_canvas,
    stick,
)
from .parts import block, ellipse, polygon, toy_car
from .registry import picture


@picture("cap-sach-cua-be-sap-xep-do-dung-hoc-tap")
def school_bag():
    """An open school bag with a book, a ruler and a pencil case going in; a toy car left out."""
    img, draw = new_canvas()
    # Back of the bag, items standing in it, then the front pocket.
    draw.rounded_rectangle((200, 200, 600, 520), radius=40, fill=(60, 120, 200), outline=INK, width=5)
    draw.arc((330, 130, 470, 250), 180, 360, fill=INK, width=12)  # handle
    draw.rectangle((250, 150, 360, 330), fill=(250, 220, 120), outline=INK, width=4)  # book
    draw.rectangle((262, 170, 348, 200), fill=WHITE)
    draw.rectangle((380, 110, 410, 330), fill=(245, 235, 200), outline=INK, width=4)  # ruler
    for y in range(125, 320, 20):
        draw.line((380, y, 395, y), fill=INK, width=2)
    draw.rounded_rectangle((430, 190, 560, 330), radius=14, fill=RED, outline=INK, width=4)  # pencil case
    for k, colour in enumerate((YELLOW, GREEN, BLUE)):
        draw.polygon([(450 + k * 30, 190), (470 + k * 30, 190), (460 + k * 30, 160)], fill=colour, outline=INK)
    draw.rounded_rectangle((210, 300, 590, 520), radius=36, fill=(80, 140, 220), outline=INK, width=5)
    draw.rounded_rectangle((290, 380, 510, 470), radius=20, fill=(60, 120, 200), outline=INK, width=4)
    draw.rectangle((385, 360, 415, 400), fill=YELLOW, outline=INK, width=3)  # clasp
    # Not for school: a toy car and a comb set aside with a cross.
    toy_car(draw, 630, 560, colour=ORANGE, scale=0.9)
    draw.line((630, 470, 720, 560), fill=RED, width=6)
    draw.line((720, 470, 630, 560), fill=RED, width=6)
    label(draw, (140, 100), "đồ dùng học tập", size=24, bold=True, fill=DARK_BLUE, anchor="lm")
    return img


@picture("den-giao-thong-bang-bia-mau")
def traffic_light():
    """A tall black card with red, yellow and green circles on a card-tube handle, and a wheel."""
    img, draw = new_canvas()
    draw.rounded_rectangle((300, 50, 500, 460), radius=24, fill=(50, 50, 55), outline=INK, width=5)
    for k, colour in enumerate((RED, YELLOW, (70, 180, 90))):
        ellipse(draw, 400, 125 + k * 130, 58, 58, colour, outline=WHITE, width=4)
    draw.rectangle((380, 460, 420, 570), fill=LIGHT_BROWN, outline=INK, width=4)
    # Paper-plate steering wheel.
    ellipse(draw, 640, 420, 85, 85, WHITE, width=5)
    ellipse(draw, 640, 420, 55, 55, None, outline=GREY, width=4)
    for a in (90, 210, 330):
        draw.line((640, 420, 640 + 55 * math.cos(math.radians(a)), 420 + 55 * math.sin(math.radians(a))),
                  fill=DARK_GREY, width=8)
    label(draw, (160, 125), "dừng", size=30, bold=True, fill=RED)
    label(draw, (160, 385), "đi", size=30, bold=True, fill=(50, 150, 70))
    return img


@picture("do-chieu-cao-bang-gang-tay-va-que-kem")
def height_strip():
    """A long paper strip on the wall with a height mark, measured with a row of popsicle sticks
    on one side and hand spans on the other."""
    img, draw = new_canvas()
    draw.rectangle((250, 40, 550, 560), fill=WHITE, outline=INK, width=5)
    draw.line((220, 110, 580, 110), fill=RED, width=9)  # the child's height mark
    label(draw, (400, 80), "chiều cao của bé", size=24, bold=True, fill=RED)
    for k in range(5):  # sticks end to end up the strip
        draw.rounded_rectangle((300, 556 - (k + 1) * 89, 340, 556 - k * 89 - 2), radius=18, fill=CREAM,
                               outline=BROWN, width=4)
        label(draw, (222, 556 - k * 89 - 44), str(k + 1), size=28, bold=True, fill=BROWN)
    for k in range(4):  # hand spans: a thumb-to-little-finger arc each
        y0 = 556 - k * 111
        draw.arc((390, y0 - 111, 520, y0), 270, 90, fill=PURPLE, width=9)
        ellipse(draw, 455, y0 - 4, 9, 9, PURPLE, width=2)
        label(draw, (578, y0 - 55), str(k + 1), size=28, bold=True, fill=PURPLE)
    label(draw, (680, 330), "gang tay", size=26, bold=True, fill=PURPLE)
    label(draw, (120, 330), "que kem", size=26, bold=True, fill=BROWN)
    return img


@picture("dong-ho-dia-giay-gio-nao-be-lam-gi")
def paper_plate_clock():
    """A paper-plate clock with the numbers 1-12, a short hour hand and a long minute hand."""
    img, draw = new_canvas()
    cx, cy, r = 400, 290, 240
    ellipse(draw, cx, cy, r, r, WHITE, width=5)
    ellipse(draw, cx, cy, r - 28, r - 28, None, outline=GREY, width=3)
    for n in range(1, 13):
        a = math.radians(n * 30 - 90)
        label(draw, (cx + (r - 62) * math.cos(a), cy + (r - 62) * math.sin(a)), str(n), size=34, bold=True,
              fill=DARK_BLUE)
    stick(draw, [(cx, cy), (cx, cy - 175)], RED, width=16)  # minute hand at 12
    stick(draw, [(cx, cy), (cx + 95 * math.cos(math.radians(-30)), cy + 95 * math.sin(math.radians(-30)))],
          BLUE, width=22)  # hour hand: two o'clock
    ellipse(draw, cx, cy, 14, 14, YELLOW, width=3)
    return img


@picture("dua-do-choi-ve-nha-theo-mau-va-kich-thuoc")
def toys_home_by_colour():
    """Three baskets, red, yellow and blue, each getting the blocks of its own colour."""
    img, draw = new_canvas()
    for k, colour in enumerate((RED, YELLOW, BLUE)):
        cx = 170 + k * 230
        polygon(draw, [(cx - 95, 330), (cx + 95, 330), (cx + 75, 500), (cx - 75, 500)], colour)
        for y in range(360, 500, 35):
            draw.line((cx - 88 + (y - 330) * 0.12, y, cx + 88 - (y - 330) * 0.12, y), fill=WHITE, width=3)
        block(draw, cx - 70, 240, 70, fill=colour)
        block(draw, cx + 15, 270, 45, fill=colour)
    block(draw, 560, 120, 60, fill=RED)  # a lost block on its way home
    arrow(draw, (540, 150), (260, 230), fill=DARK_GREY, width=5)
    label(draw, (200, 110), "về đúng rổ", size=28, bold=True, fill=BROWN)
    caption(draw, "to · nhỏ · cùng màu")
    return img


@picture("thuoc-do-tu-lam-cho-be-vao-lop-mot")
def home_made_ruler():
    """A card strip divided into equal parts by laying a wooden block along it, numbered 1-6."""
    img, draw = new_canvas()
    # Table edge being measured.
    draw.rectangle((60, 420, 740, 460), fill=LIGHT_BROWN, outline=INK, width=4)
    draw.rectangle((90, 460, 120, 570), fill=BROWN, outline=INK, width=3)
    draw.rectangle((680, 460, 710, 570), fill=BROWN, outline=INK, width=3)
    x0, step = 100, 100
    draw.rectangle((x0, 300, x0 + step * 6, 380), fill=(225, 195, 145), outline=INK, width=5)
    for k in range(7):
        draw.line((x0 + k * step, 300, x0 + k * step, 345), fill=INK, width=5)
    for k in range(6):
        label(draw, (x0 + k * step + step / 2, 360), str(k + 1), size=30, bold=True, fill=DARK_BLUE)
    block(draw, x0 + 3 * step, 200, step, fill=(120, 190, 110))  # block laid on to mark the next part
    arrow(draw, (x0 + 3.5 * step, 150), (x0 + 3.5 * step, 190), fill=DARK_GREY, width=5)
    label(draw, (240, 150), "khối gỗ = 1 ô", size=28, bold=True, fill=DARK_GREEN)
    return img
