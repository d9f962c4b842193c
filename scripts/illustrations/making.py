"""Cards where children build something: cars, ramps, chairs, houses, towers, pinwheels, scales."""

from __future__ import annotations

from .canvas import (
    BLUE,
    BROWN,
    CREAM,
    DARK_BLUE,
    DARK_BROWN,
    DARK_GREEN,
    DARK_GREY,
    GREEN,
    GREY,
    INK,
    LIGHT_BLUE,
    LIGHT_BROWN,
    PINK,
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
from .parts import block, box, ellipse, ground, polygon, popsicle_stick, rotated, teddy, toy_car
from .registry import picture


def _carton_car(draw, x0: float, floor: float, length: float = 400, height: float = 130,
                colour=WHITE) -> tuple[float, float]:
    """A milk carton lying on its side on straws and bottle-cap wheels; returns its roof y and
    front x. The carton's gable end points forward (right)."""
    wheel_r = 42
    bottom = floor - wheel_r * 2 + 12
    top = bottom - height
    draw.rectangle((x0, top, x0 + length, bottom), fill=colour, outline=INK, width=5)
    polygon(draw, [(x0 + length, top), (x0 + length + 55, top + 30), (x0 + length + 55, bottom),
                   (x0 + length, bottom)], CREAM)
    draw.rectangle((x0 + 30, top + 25, x0 + length - 30, top + 55), fill=(120, 180, 230))  # carton print
    draw.rectangle((x0 + 20, bottom, x0 + length - 10, bottom + 12), fill=YELLOW, outline=INK, width=3)  # straws
    for wx in (x0 + 80, x0 + length - 60):
        ellipse(draw, wx, floor - wheel_r, wheel_r, wheel_r, RED, width=5)
        ellipse(draw, wx, floor - wheel_r, wheel_r - 14, wheel_r - 14, (240, 120, 110), width=3)
        ellipse(draw, wx, floor - wheel_r, 7, 7, BROWN, width=2)
    return top, x0 + length + 55


@picture("o-to-hop-sua-chay-bang-bong-bay")
def balloon_car():
    """The carton car with a balloon (blown up by the teacher) tied to a straw on its roof,
    the nozzle pointing back: air goes back, the car goes forward."""
    img, draw = new_canvas()
    floor = 470
    for x in range(30, 780, 120):  # floor tiles to count
        draw.line((x, floor, x, 560), fill=GREY, width=3)
    ground(draw, floor)
    top, _front = _carton_car(draw, 170, floor, length=390, height=120)
    # Straw along the roof, sticking out at the back.
    draw.rectangle((110, top - 22, 420, top - 6), fill=(240, 240, 240), outline=INK, width=3)
    for x in range(125, 420, 24):
        draw.line((x, top - 20, x + 10, top - 8), fill=RED, width=3)
    # Balloon tied to the front end of the straw with a rubber band, resting over the roof.
    ellipse(draw, 540, top - 95, 110, 88, (240, 90, 120))
    polygon(draw, [(420, top - 24), (452, top - 52), (476, top - 36), (420, top - 4)], (240, 90, 120), width=3)
    draw.line((420, top - 28, 420, top), fill=BROWN, width=8)
    draw.arc((470, top - 165, 560, top - 75), 200, 260, fill=WHITE, width=8)
    # Air puffs out of the back of the straw.
    for k, r in enumerate((12, 18, 24)):
        ellipse(draw, 90 - k * 30, top - 14, r, r * 0.8, (230, 240, 250), outline=DARK_GREY, width=2)
    arrow(draw, (600, 520), (720, 520), fill=DARK_GREEN, width=8, head=26)
    label(draw, (130, 110), "hơi ra sau", size=24, bold=True, fill=DARK_BLUE)
    label(draw, (660, 560), "xe chạy", size=22, bold=True, fill=DARK_GREEN)
    return img


@picture("o-to-tu-vo-hop-sua-va-nap-chai")
def carton_car():
    """The milk-carton car seen from the side, big, with its parts named."""
    img, draw = new_canvas()
    floor = 440
    ground(draw, floor, 60, 740)
    top, _front = _carton_car(draw, 170, floor, length=380, height=150, colour=(235, 245, 252))
    draw.rectangle((230, top + 75, 300, top + 120), fill=LIGHT_BLUE, outline=INK, width=3)  # windows
    draw.rectangle((420, top + 75, 490, top + 120), fill=LIGHT_BLUE, outline=INK, width=3)
    label(draw, (160, 110), "vỏ hộp sữa", size=26, bold=True)
    arrow(draw, (180, 130), (230, top + 10))
    label(draw, (250, 520), "nắp chai = bánh xe", size=24, bold=True, fill=RED)
    arrow(draw, (250, 500), (250, floor - 40))
    label(draw, (580, 520), "ống hút + que tre", size=24, bold=True, fill=BROWN)
    arrow(draw, (560, 500), (520, floor - 80))
    return img


def _ramp(draw, foot_x: float, top_x: float, floor: float, height: float, blocks: int) -> None:
    """A card-board ramp from a stack of wooden blocks (left) down to the floor (right)."""
    block_h = height / blocks
    for k in range(blocks):
        draw.rectangle((top_x - 60, floor - block_h * (k + 1), top_x + 20, floor - block_h * k),
                       fill=LIGHT_BROWN, outline=BROWN, width=4)
    polygon(draw, [(top_x - 50, floor - height - 4), (top_x - 50, floor - height - 18), (foot_x + 14, floor),
                   (foot_x, floor)], CREAM, outline=BROWN)
    draw.line((top_x - 30, floor - height - 30, top_x - 10, floor - height + 2), fill=RED, width=6)


@picture("doc-nghieng-xe-nao-chay-xa-hon")
def ramp_and_steps():
    """A ramp on blocks, the car rolled off it, and footsteps measuring how far it went."""
    img, draw = new_canvas()
    floor = 380
    ground(draw, floor)
    _ramp(draw, 400, 210, floor, 160, 2)
    toy_car(draw, 200, floor - 168, colour=GREEN, scale=0.8)  # waiting at the top
    toy_car(draw, 590, floor, colour=BLUE, scale=1.3)
    draw.line((598, floor + 4, 598, floor + 24), fill=RED, width=6)
    for x in range(415, 575, 26):
        draw.line((x, floor - 80, x + 13, floor - 80), fill=BLUE, width=4)
    for i in range(4):  # heel-to-toe footsteps
        x = 400 + i * 50
        ellipse(draw, x + 22, floor + 60, 24, 14, LIGHT_BROWN, outline=BROWN, width=3)
        for t in range(4):
            draw.ellipse((x + 44, floor + 48 + t * 7, x + 50, floor + 54 + t * 7), fill=BROWN)
        label(draw, (x + 22, floor + 100), str(i + 1), size=26, bold=True, fill=BROWN)
    caption(draw, "Xe nào chạy xa hơn?")
    return img


@picture("cau-truot-cho-o-to-do-choi-doc-cao-doc-thap")
def high_and_low_ramp():
    """Two ramps side by side, high and low; popsicle sticks measure how far each car rolled."""
    img, draw = new_canvas()
    for floor, height, blocks, reach, colour, name in ((250, 165, 3, 610, RED, "dốc cao"),
                                                       (500, 70, 1, 500, BLUE, "dốc thấp")):
        ground(draw, floor)
        _ramp(draw, 380, 210, floor, height, blocks)
        toy_car(draw, reach, floor, colour=colour, scale=1.1)
        for x in range(385, reach, 56):
            popsicle_stick(draw, x, floor + 24, length=52)
        label(draw, (690, floor - 100), name, size=26, bold=True, fill=colour)
    return img


@picture("chiec-ghe-loi-giay-cho-gau-bong")
def roll_chair():
    """A chair made of four toilet-paper rolls and card, with the teddy bear sitting on it."""
    img, draw = new_canvas()
    seat_y = 360
    ground(draw, 520)
    for x, y, w in ((210, 520, 56), (470, 520, 56), (260, 490, 46), (420, 490, 46)):  # legs
        draw.rectangle((x, seat_y + 10, x + w, y), fill=(235, 225, 205), outline=INK, width=4)
        ellipse(draw, x + w / 2, y, w / 2, 8, (215, 200, 175), width=3)
    polygon(draw, [(180, seat_y + 20), (560, seat_y + 20), (600, seat_y - 20), (220, seat_y - 20)], LIGHT_BROWN)
    polygon(draw, [(220, seat_y - 20), (560, seat_y - 20), (560, seat_y - 230), (220, seat_y - 230)], LIGHT_BROWN)
    for x in (240, 520):  # back rolls
        draw.rectangle((x - 20, seat_y - 240, x + 20, seat_y - 20), fill=(235, 225, 205), outline=INK, width=4)
    teddy(draw, 390, seat_y + 5, size=1.35)
    label(draw, (660, 250), "lõi giấy", size=24, bold=True)
    arrow(draw, (660, 275), (530, 440))
    return img


@picture("ngoi-nha-hop-cac-tong-cho-gia-dinh-bup-be")
def doll_house():
    """A cardboard-box house with a door the doll fits through and a roof tested with spray 'rain'."""
    img, draw = new_canvas()
    ground(draw, 520)
    box(draw, 200, 290, 330, 230, 90)
    polygon(draw, [(170, 300), (365, 150), (560, 300)], RED)  # roof front
    polygon(draw, [(365, 150), (455, 96), (650, 246), (560, 300)], (190, 60, 55))
    draw.rectangle((320, 380, 410, 520), fill=DARK_BROWN, outline=INK, width=4)  # door
    ellipse(draw, 396, 450, 6, 6, YELLOW, width=2)
    draw.rectangle((230, 340, 290, 400), fill=LIGHT_BLUE, outline=INK, width=4)
    draw.rectangle((440, 340, 500, 400), fill=LIGHT_BLUE, outline=INK, width=4)
    # A small doll beside the door, about as tall as the door opening.
    ellipse(draw, 460, 440, 16, 16, (245, 205, 170), width=3)
    polygon(draw, [(440, 520), (480, 520), (470, 456), (450, 456)], PINK, width=3)
    # Spray bottle (top left, nozzle to the right) and its mist over the roof.
    polygon(draw, [(95, 120), (145, 120), (150, 230), (90, 230)], BLUE, width=3)
    draw.rectangle((108, 95, 132, 120), fill=GREY, outline=INK, width=3)
    polygon(draw, [(95, 70), (175, 70), (185, 82), (175, 95), (95, 95)], GREY, width=3)
    draw.line((150, 95, 160, 130), fill=INK, width=6)  # trigger
    for k in range(9):
        x, y = 215 + (k % 3) * 45 + k * 8, 70 + (k // 3) * 30 + (k % 3) * 12
        draw.ellipse((x - 6, y - 8, x + 6, y + 8), fill=BLUE)
    caption(draw, "mái che mưa, cửa vừa búp bê")
    return img


@picture("tho-xay-ti-hon-xay-thap-bang-coc-giay")
def cup_tower():
    """A tower of paper cups with card floors between the levels and a teddy on the top."""
    img, draw = new_canvas()
    ground(draw, 540)
    levels = [(4, 540), (3, 450), (2, 360)]
    for count, base in levels:
        width = 70
        x0 = 400 - count * width / 2
        for k in range(count):
            cx = x0 + width / 2 + k * width
            polygon(draw, [(cx - 26, base - 80), (cx + 26, base - 80), (cx + 33, base), (cx - 33, base)],
                    (250, 250, 245) if k % 2 else (170, 210, 240))
        draw.rectangle((x0 - 12, base - 92, x0 + count * width + 12, base - 80), fill=LIGHT_BROWN, outline=INK,
                       width=3)
    teddy(draw, 400, 268, size=0.95)
    popsicle_stick(draw, 680, 540, length=110, vertical=True)
    popsicle_stick(draw, 680, 425, length=110, vertical=True)
    label(draw, (150, 110), "tháp cốc giấy", size=28, bold=True, fill=BROWN)
    return img


@picture("chong-chong-giay-don-gio-tren-san-truong")
def pinwheel():
    """A four-blade paper pinwheel on a straw handle, wind lines from a fan and a ribbon."""
    img, draw = new_canvas()
    cx, cy = 400, 250
    stick(draw, [(cx, cy), (cx + 10, 560)], (250, 250, 245), width=18)
    colours = [RED, YELLOW, BLUE, GREEN]
    for k, colour in enumerate(colours):
        blade = [(cx, cy), (cx + 175, cy - 10), (cx + 120, cy - 120)]
        polygon(draw, rotated(blade, (cx, cy), k * 90), colour)
        fold = rotated([(cx, cy), (cx + 120, cy - 120)], (cx, cy), k * 90)
        draw.line(fold, fill=WHITE, width=3)
    ellipse(draw, cx, cy, 18, 18, (160, 200, 150), width=3)  # clay stop on the stick
    for y in (170, 250, 330):
        draw.line((90, y, 190, y - 6), fill=DARK_BLUE, width=5)
        draw.arc((160, y - 40, 200, y), 270, 60, fill=DARK_BLUE, width=5)
    draw.line((600, 430, 730, 420), fill=INK, width=3)
    draw.line([(600, 430), (640, 440), (680, 426), (720, 436)], fill=PURPLE, width=5)
    caption(draw, "gió làm chong chóng quay")
    return img


@picture("chiec-can-moc-ao-o-cua-hang-ti-hon")
def hanger_scale():
    """A hanger hung from a stick, a cup on each end; the heavier side (the potato) tips down."""
    img, draw = new_canvas()
    draw.rectangle((60, 70, 740, 92), fill=LIGHT_BROWN, outline=INK, width=3)  # stick
    draw.arc((370, 80, 410, 130), 180, 360, fill=INK, width=6)  # hook
    draw.line((390, 92, 390, 140), fill=INK, width=6)
    tilt = 10
    left, right = rotated([(190, 160), (590, 160)], (390, 160), -tilt)
    polygon(draw, [left, (390, 130), right], None, outline=(80, 130, 200), width=10)
    for (x, y), item in ((left, "potato"), (right, "blocks")):
        for dx in (-45, 45):
            draw.line((x, y, x + dx, y + 160), fill=BROWN, width=3)
        polygon(draw, [(x - 60, y + 160), (x + 60, y + 160), (x + 48, y + 270), (x - 48, y + 270)], WHITE)
        if item == "potato":
            ellipse(draw, x, y + 160, 50, 38, (200, 160, 90))
        else:
            block(draw, x - 28, y + 110, 40, fill=RED)
    label(draw, (160, 560), "nặng hơn", size=28, bold=True, fill=RED)
    arrow(draw, (180, 535), (175, 470), fill=RED, width=5)
    label(draw, (610, 540), "nhẹ hơn", size=26, bold=True, fill=DARK_BLUE)
    return img
