"""Cards about the body, the senses, sound and food."""

from __future__ import annotations

import math

from .canvas import (
    BLUE,
    BROWN,
    DARK_BLUE,
    DARK_BROWN,
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
    caption,
    label,
    new_canvas,
    stick,
)
from .parts import bottle, bowl, box, clear_cup, ellipse, heart, music_note, polygon
from .registry import picture


@picture("bac-si-ti-hon-ong-nghe-tu-pheu-va-ong-cao-su")
def funnel_stethoscope():
    """The home-made stethoscope: a big funnel, a coiled rubber tube, and a heart beating."""
    img, draw = new_canvas()
    # Tube: from the funnel's stem up, over and down to the ear end.
    tube = [(330, 210)] + [(460 + 130 * math.cos(math.radians(t)), 200 + 130 * math.sin(math.radians(t)))
                           for t in range(180, 361, 10)] + [(590, 330)]
    stick(draw, tube, (120, 190, 110), width=22)
    ellipse(draw, 590, 345, 30, 24, (120, 190, 110))  # ear end
    # Funnel: mouth down on the chest, stem up into the tube (taped).
    polygon(draw, [(200, 420), (310, 270), (350, 270), (460, 420)], ORANGE)
    ellipse(draw, 330, 420, 130, 30, (250, 190, 120))
    draw.rectangle((312, 200, 348, 275), fill=ORANGE, outline=INK, width=4)
    draw.rectangle((306, 215, 354, 245), fill=GREY, outline=INK, width=3)  # tape
    heart(draw, 330, 500, 36)
    for r in (55, 75):
        draw.arc((330 - r, 500 - r, 330 + r, 500 + r), -30, 30, fill=RED, width=5)
        draw.arc((330 - r, 500 - r, 330 + r, 500 + r), 150, 210, fill=RED, width=5)
    label(draw, (600, 500), "thình thịch", size=28, bold=True, fill=RED)
    label(draw, (150, 330), "phễu", size=28, bold=True)
    label(draw, (660, 100), "ống nhựa mềm", size=26, bold=True, fill=DARK_GREEN)
    return img


@picture("chai-nhua-biet-hat")
def singing_bottles():
    """Three sealed bottles: rice (rattles), half water (sloshes), empty (quiet)."""
    img, draw = new_canvas()
    fills = [(190, (250, 245, 225), "gạo"), (400, WATER_LIGHT, "nước"), (610, None, "rỗng")]
    for cx, contents, name in fills:
        bottle(draw, cx, 470, 130, 330, body=(230, 242, 252), cap=RED if name == "gạo" else
               BLUE if name == "nước" else GREEN, contents=contents, level=0.35 if name == "gạo" else
               0.5 if name == "nước" else 0)
        if name == "gạo":
            for i in range(40):
                x = cx - 55 + (i * 37) % 110
                y = 455 - (i * 23) % 75
                draw.ellipse((x, y, x + 10, y + 5), fill=(220, 200, 150), outline=BROWN)
        draw.rectangle((cx - 22, 128, cx + 22, 150), fill=GREY, outline=INK, width=2)  # tape over the cap
        label(draw, (cx, 520), name, size=28, bold=True)
    music_note(draw, 110, 150, 40)
    music_note(draw, 270, 110, 34)
    label(draw, (700, 140), "im", size=30, bold=True, fill=DARK_GREY)
    return img


WATER_LIGHT = (160, 205, 240)


@picture("trong-com-tu-lam-va-hat-gao-nhay-mua")
def rice_drum():
    """A milk-powder tin drum with a plastic skin held by a rubber band; rice grains jump."""
    img, draw = new_canvas()
    draw.rectangle((240, 260, 560, 500), fill=(230, 90, 80), outline=INK, width=5)
    ellipse(draw, 400, 500, 160, 40, (200, 70, 60))
    draw.rectangle((244, 262, 556, 498), fill=(230, 90, 80))
    for x in range(260, 560, 50):
        draw.line((x, 300, x + 25, 470), fill=YELLOW, width=5)
    ellipse(draw, 400, 260, 175, 48, (235, 245, 252))  # plastic skin overhanging
    draw.line((225, 282, 575, 282), fill=BROWN, width=8)  # rubber band
    # Rice grains in the air above the skin.
    for _i, (x, y) in enumerate(((330, 210), (380, 170), (430, 200), (470, 150), (350, 140), (420, 120),
                                (300, 180), (500, 200))):
        draw.ellipse((x, y, x + 14, y + 7), fill=WHITE, outline=DARK_GREY, width=2)
        draw.line((x + 7, y + 14, x + 7, y + 24), fill=GREY, width=2)
    # Drumstick with a cloth head.
    stick(draw, [(640, 90), (520, 220)], LIGHT_BROWN, width=12)
    ellipse(draw, 515, 225, 22, 22, WHITE)
    label(draw, (140, 110), "trống cơm", size=30, bold=True, fill=RED)
    caption(draw, "gõ trống, hạt gạo nhảy")
    return img


@picture("hop-bi-mat-doan-do-vat-bang-doi-tay")
def mystery_box():
    """A closed cardboard box with a hand-size hole curtained with cloth, and a question mark."""
    img, draw = new_canvas()
    box(draw, 150, 220, 420, 280, 110)
    ellipse(draw, 360, 360, 80, 80, DARK_BROWN)
    for k in range(5):  # cloth strips over the hole
        draw.rectangle((288 + k * 29, 285, 313 + k * 29, 440), fill=(120, 170, 230), outline=INK, width=2)
    label(draw, (410, 140), "?", size=130, bold=True, fill=ORANGE)
    # Objects waiting beside the box.
    ellipse(draw, 690, 470, 38, 38, RED)
    stick(draw, [(620, 420), (720, 330)], LIGHT_BROWN, width=10)
    ellipse(draw, 730, 318, 20, 14, LIGHT_BROWN, width=3)
    caption(draw, "Sờ và đoán")
    return img


@picture("in-dau-van-tay-va-so-sanh")
def fingerprints():
    """A big fingerprint on white card under a magnifying glass, with the ink pad beside it."""
    img, draw = new_canvas()
    draw.rectangle((120, 90, 560, 520), fill=WHITE, outline=INK, width=4)
    cx, cy = 330, 300
    for k in range(10):  # whorl: nested ovals, each with a small gap
        rx, ry = 14 + k * 15, 22 + k * 19
        start = 60 + k * 23
        draw.arc((cx - rx, cy - ry, cx + rx, cy + ry), start, start + 320, fill=PURPLE, width=6)
    # Magnifying glass over part of the print.
    draw.line((520, 390, 640, 510), fill=DARK_BROWN, width=22)
    ellipse(draw, 450, 320, 110, 110, None, outline=INK, width=14)
    draw.arc((370, 240, 460, 330), 190, 260, fill=WHITE, width=6)
    # Ink pad.
    draw.rounded_rectangle((590, 120, 740, 220), radius=12, fill=DARK_BLUE, outline=INK, width=4)
    draw.rectangle((605, 135, 725, 205), fill=PURPLE)
    caption(draw, "Vân tay của bé")
    return img


@picture("pha-nuoc-chanh-chua-ngot-hay-vua-mieng")
def lemonade():
    """A big clear cup of lemonade, half a lemon and the juicer, and counted spoons of sugar."""
    img, draw = new_canvas()
    liquid_top, half = clear_cup(draw, 330, 500, 260, 330, liquid=(250, 240, 170), level=0.75)
    ellipse(draw, 330, liquid_top, half, 14, (250, 245, 200), width=3)
    ellipse(draw, 390, liquid_top + 4, 45, 12, (200, 230, 90), width=3)  # lemon slice on top
    # Lemon half and juicer.
    ellipse(draw, 620, 450, 90, 40, WHITE)  # juicer dish
    ellipse(draw, 620, 410, 40, 45, (240, 240, 230))
    ellipse(draw, 620, 230, 70, 60, (200, 225, 70))
    ellipse(draw, 620, 230, 55, 46, (245, 245, 170), width=3)
    for k in range(6):
        a = math.radians(k * 60)
        draw.line((620, 230, 620 + 50 * math.cos(a), 230 + 42 * math.sin(a)), fill=(220, 210, 120), width=3)
    # Spoons of sugar counted 1, 2, 3.
    for k in range(3):
        x = 110 + k * 60
        ellipse(draw, x, 110, 22, 14, GREY, width=3)
        ellipse(draw, x, 104, 14, 8, WHITE, width=0, outline=None)
        label(draw, (x, 150), str(k + 1), size=28, bold=True, fill=BROWN)
    label(draw, (330, 550), "vừa miệng?", size=28, bold=True, fill=DARK_GREEN)
    return img


@picture("banh-troi-sac-mau-va-ti-le-bot-nuoc")
def coloured_rice_balls():
    """A plate of rice-flour balls in natural colours, with the three colour bowls behind."""
    img, draw = new_canvas()
    colours = [(300, (100, 170, 90), "lá dứa"), (400, (240, 110, 80), "gấc"), (500, (90, 110, 200), "đậu biếc")]
    for cx, colour, name in colours:
        bowl(draw, cx - 100 + (cx - 400) * 0.8 + 100, 150, 130, 60, WHITE, liquid=colour)
        label(draw, (cx + (cx - 400) * 0.8, 70), name, size=24, bold=True, fill=colour)
    ellipse(draw, 400, 420, 310, 110, WHITE)
    ellipse(draw, 400, 420, 260, 85, (245, 245, 240), width=2)
    balls = [(260, 400, (140, 200, 120)), (340, 380, WHITE), (420, 390, (245, 150, 120)),
             (500, 400, (140, 160, 230)), (300, 450, (245, 150, 120)), (390, 460, (140, 200, 120)),
             (480, 455, WHITE), (560, 430, (245, 150, 120))]
    for x, y, colour in balls:
        ellipse(draw, x, y, 36, 32, colour)
        draw.ellipse((x - 20, y - 18, x - 8, y - 8), fill=WHITE)
    caption(draw, "bột + nước vừa đủ")
    return img
