"""Cards about water: floating, flowing, absorbing, mixing, melting, filtering."""

from __future__ import annotations

import math

from .canvas import (
    BLUE,
    BROWN,
    DARK_BLUE,
    DARK_GREEN,
    DARK_GREY,
    GREEN,
    GREY,
    INK,
    LIGHT_BLUE,
    LIGHT_BROWN,
    LIGHT_GREEN,
    ORANGE,
    OUT,
    RED,
    SAND,
    WATER,
    WHITE,
    YELLOW,
    arrow,
    caption,
    label,
    new_canvas,
    stick,
    tag,
    turning_arrow,
)
from .parts import (
    basin,
    bowl,
    clear_cup,
    drop,
    ellipse,
    pebble,
    polygon,
    rotated,
)
from .registry import picture


@picture("banh-xe-nuoc-thia-nhua-quay-tit")
def water_wheel():
    """The spoon wheel on a chopstick axle over a low basin; a jug pours onto the spoons."""
    img, draw = new_canvas()
    basin(draw, 110, 690, 430, 520, water_top=490)
    cx, cy = 400, 300
    # Chopstick axle resting across the basin rim on two supports.
    for x in (170, 630):
        draw.rectangle((x - 10, cy, x + 10, 425), fill=LIGHT_BROWN, outline=INK, width=3)
    draw.line((150, cy, 650, cy), fill=BROWN, width=10)
    # Spoons stuck into the bottle all round, bowls facing the same way so water pushes them.
    for k in range(8):
        a = k * 45
        handle = rotated([(cx, cy - 40), (cx, cy - 100)], (cx, cy), a)
        stick(draw, handle, WHITE, width=12)
        bx, by = rotated([(cx, cy - 130)], (cx, cy), a)[0]
        bowl_points = [(bx + 24 * math.cos(t / 10) , by + 36 * math.sin(t / 10)) for t in range(63)]
        polygon(draw, rotated(bowl_points, (bx, by), a), WHITE, width=4)
        inner = [(bx + 12 * math.cos(t / 10) + 4, by + 22 * math.sin(t / 10)) for t in range(63)]
        draw.polygon(rotated(inner, (bx, by), a), fill=LIGHT_BLUE)
    ellipse(draw, cx, cy, 48, 48, LIGHT_BLUE)  # the bottle seen end-on
    ellipse(draw, cx, cy, 14, 14, RED, width=3)  # cap on the axle
    turning_arrow(draw, (cx, cy), 200, 200, 250, fill=DARK_BLUE)
    # Jug at the top right pouring a stream onto the top spoons.
    jug = [(560, 60), (650, 60), (640, 140), (575, 140)]
    polygon(draw, rotated(jug, (605, 100), -35), (250, 180, 90))
    draw.arc((615, 65, 680, 130), 270, 90, fill=INK, width=6)
    for i in range(5):
        drop(draw, 540 - i * 14, 130 + i * 20, 9, outline=None)
    label(draw, (120, 80), "bánh xe thìa", size=24, bold=True, anchor="lm")
    tag(draw, (400, 555), "chậu thấp, nước ≤ 5 cm", size=22)
    label(draw, (690, 190), "ca nước", size=22, fill=DARK_BLUE)
    return img


@picture("be-tha-do-choi-vao-chau-chim-hay-noi")
def sink_or_float():
    """A big basin: ball and duck float on top, stone and spoon lie on the bottom."""
    img, draw = new_canvas()
    basin(draw, 90, 710, 180, 500, water_top=250)
    ellipse(draw, 250, 240, 55, 55, RED)  # ball
    draw.arc((210, 200, 290, 280), 200, 250, fill=WHITE, width=8)
    # Rubber duck.
    ellipse(draw, 470, 240, 70, 38, YELLOW)
    ellipse(draw, 510, 185, 36, 34, YELLOW)
    polygon(draw, [(540, 180), (580, 192), (540, 200)], ORANGE, width=3)
    draw.ellipse((512, 172, 522, 182), fill=INK)
    # Stone and spoon on the bottom.
    pebble(draw, 300, 455, 38, fill=DARK_GREY)
    draw.line((430, 470, 560, 440), fill=GREY, width=12)
    ellipse(draw, 590, 434, 34, 20, GREY, width=3)
    tag(draw, (680, 150), "nổi", size=30, fill=LIGHT_GREEN)
    tag(draw, (680, 420), "chìm", size=30, fill=(250, 200, 190))
    arrow(draw, (650, 135), (580, 175), width=4)
    caption(draw, "Chìm hay nổi?")
    return img


@picture("binh-loc-nuoc-tu-chai-nhua-soi-cat-va-bong")
def water_filter():
    """The bottle top upside down in the bottom half: gravel, sand, cotton, cloth; water drips out."""
    img, draw = new_canvas()
    cx = 400
    # Bottom half of the bottle: the tall clear container that catches the water.
    polygon(draw, [(cx - 130, 320), (cx + 130, 320), (cx + 130, 540), (cx - 130, 540)], (235, 245, 252))
    draw.rectangle((cx - 126, 470, cx + 126, 536), fill=(190, 225, 250))
    # Top half upside down: a funnel with layers from the neck up.
    funnel = [(cx - 150, 90), (cx + 150, 90), (cx + 150, 250), (cx + 35, 340), (cx + 35, 380),
              (cx - 35, 380), (cx - 35, 340), (cx - 150, 250)]
    polygon(draw, funnel, (235, 245, 252))
    layers = [  # (top y, bottom y, colour, name)
        (300, 345, WHITE, "vải màn"), (245, 300, (245, 245, 245), "bông"),
        (185, 245, SAND, "cát"), (120, 185, GREY, "sỏi"),
    ]
    for top, bottom, colour, name in layers:
        def half(y):
            return 150 if y <= 250 else 150 - (y - 250) * 115 / 90
        pts = [(cx - half(top) + 4, top), (cx + half(top) - 4, top)]
        if top < 250 < bottom:
            pts += [(cx + 146, 250)]
        pts += [(cx + half(bottom) - 4, bottom), (cx - half(bottom) + 4, bottom)]
        if top < 250 < bottom:
            pts += [(cx - 146, 250)]
        draw.polygon(pts, fill=colour)
        label(draw, (cx + 250, (top + bottom) / 2), name, size=24, bold=True, anchor="mm")
        draw.line((cx + 200, (top + bottom) / 2, cx + half((top + bottom) / 2) - 10, (top + bottom) / 2),
                  fill=INK, width=2)
    for i in range(14):  # gravel texture
        pebble(draw, cx - 120 + (i % 7) * 40, 140 + (i // 7) * 28, 12, fill=DARK_GREY)
    for i in range(30):  # sand grains
        draw.ellipse((cx - 130 + (i * 37) % 260, 195 + (i * 13) % 45, cx - 126 + (i * 37) % 260,
                      199 + (i * 13) % 45), fill=BROWN)
    draw.line((cx - 35, 345, cx + 35, 345), fill=INK, width=3)  # cloth edge
    polygon(draw, funnel, None)
    # Muddy water poured in from above; clear drops below.
    for i in range(3):
        drop(draw, cx - 40 + i * 40, 60 + (i % 2) * 10, 10, fill=(150, 115, 70), outline=None)
    drop(draw, cx, 420, 9, outline=None)
    drop(draw, cx, 452, 7, outline=None)
    label(draw, (110, 70), "nước đục", size=24, bold=True, fill=BROWN, anchor="lm")
    label(draw, (110, 500), "nước trong", size=24, bold=True, fill=DARK_BLUE, anchor="lm")
    return img


@picture("cai-ao-trong-khay-con-vat-nao-song-duoi-nuoc")
def tray_pond():
    """A shallow basin pond with lotus pads, a fish and a frog, and a green-towel bank with a hen."""
    img, draw = new_canvas()
    draw.rounded_rectangle((60, 330, 740, 520), radius=40, fill=LIGHT_GREEN, outline=INK, width=3)  # towel bank
    ellipse(draw, 400, 300, 290, 150, (120, 190, 170))  # basin rim
    ellipse(draw, 400, 305, 262, 128, WATER, width=3)
    for x, y in ((300, 250), (500, 340)):
        draw.pieslice((x - 60, y - 40, x + 60, y + 40), 20, 340, fill=GREEN, outline=DARK_GREEN, width=3)
    # Frog on the first lotus pad.
    ellipse(draw, 300, 240, 32, 22, (110, 190, 80))
    for side in (-1, 1):
        ellipse(draw, 300 + side * 15, 218, 10, 10, WHITE, width=3)
        draw.ellipse((300 + side * 15 - 3, 215, 300 + side * 15 + 3, 221), fill=INK)
    # Fish under water.
    ellipse(draw, 430, 250, 50, 26, ORANGE)
    polygon(draw, [(475, 250), (510, 225), (510, 275)], ORANGE, width=3)
    draw.ellipse((400, 242, 410, 252), fill=INK)
    # Hen on the bank.
    ellipse(draw, 650, 470, 48, 36, WHITE)
    ellipse(draw, 690, 430, 22, 22, WHITE)
    polygon(draw, [(708, 428), (730, 436), (708, 442)], YELLOW, width=3)
    polygon(draw, [(682, 405), (692, 392), (700, 408)], RED, width=2)
    draw.ellipse((690, 423, 698, 431), fill=INK)
    label(draw, (150, 555), "dưới nước", size=24, bold=True, fill=DARK_BLUE)
    label(draw, (650, 555), "trên bờ", size=24, bold=True, fill=DARK_GREEN)
    return img


@picture("con-mua-ti-hon-trong-tui-nilon-dan-cua-so")
def rain_bag():
    """A zip bag taped to a sunny window: drawn sun, cloud, sea; drops on the plastic."""
    img, draw = new_canvas()
    draw.rectangle((60, 40, 740, 540), fill=(215, 235, 250), outline=BROWN, width=12)  # window
    draw.line((400, 40, 400, 540), fill=BROWN, width=10)
    # The bag: a clear rectangle with a zip line and blue water at the bottom.
    bag = (180, 110, 620, 500)
    draw.rectangle(bag, fill=(240, 248, 255), outline=INK, width=4)
    draw.line((180, 140, 620, 140), fill=BLUE, width=6)
    for x in range(200, 620, 60):
        draw.arc((x, 400, x + 60, 440), 180, 360, fill=DARK_BLUE, width=5)
    draw.rectangle((184, 430, 616, 496), fill=WATER)
    ellipse(draw, 270, 220, 48, 48, YELLOW)
    for k in range(8):
        a = math.radians(k * 45)
        draw.line((270 + 60 * math.cos(a), 220 + 60 * math.sin(a), 270 + 78 * math.cos(a),
                   220 + 78 * math.sin(a)), fill=ORANGE, width=5)
    for dx, dy, r in ((0, 0, 45), (50, -15, 50), (100, 5, 40)):
        ellipse(draw, 460 + dx, 220 + dy, r, r * 0.8, WHITE, outline=DARK_GREY, width=3)
    draw.rectangle((430, 225, 590, 255), fill=WHITE)
    for x, y in ((470, 300), (520, 330), (560, 290), (490, 370), (545, 385)):
        drop(draw, x, y, 9, fill=BLUE, outline=None)
    for x in (180, 620):  # tape at the corners
        draw.rectangle((x - 30, 96, x + 30, 124), fill=(250, 240, 180), outline=GREY)
    caption(draw, "hơi nước → giọt mưa")
    return img


@picture("cuoc-dua-tan-chay-cua-nhung-vien-da")
def ice_race():
    """Four plates with big ice blocks frozen in yoghurt cups: sun, shade, hand, salt."""
    img, draw = new_canvas()
    places = [("nắng", YELLOW), ("bóng râm", GREEN), ("bàn tay", (240, 190, 160)), ("muối", WHITE)]
    for i, (name, colour) in enumerate(places):
        cx = 265 + (i % 2) * 270
        cy = 160 + (i // 2) * 235  # top of the ice block
        ellipse(draw, cx, cy + 150, 110, 28, WHITE)  # plate
        # The ice block: turned out of a yoghurt cup, so a big frustum, wide end down.
        polygon(draw, [(cx - 62, cy), (cx + 62, cy), (cx + 78, cy + 150), (cx - 78, cy + 150)], (205, 232, 250))
        ellipse(draw, cx, cy, 62, 16, (235, 248, 255), width=3)
        draw.line((cx - 38, cy + 25, cx - 48, cy + 125), fill=WHITE, width=10)
        ellipse(draw, cx + 95, cy + 150, 22, 8, WATER, outline=None, width=0)  # melt water
        ellipse(draw, cx + 130, cy + 30, 26, 26, colour, width=3)  # the plate's picture tag
        label(draw, (cx + 130, cy + 80), name, size=22, bold=True)
        if name == "muối":
            for k in range(9):
                x = cx - 40 + k * 10
                y = cy - 4 + (k % 3) * 5
                draw.rectangle((x, y, x + 5, y + 5), fill=DARK_GREY)
    label(draw, (400, 60), "đá to đông trong cốc sữa chua", size=24, bold=True, fill=DARK_BLUE)
    return img


@picture("dua-thuyen-rong-keo-bang-nam-cham")
def dragon_boat():
    """A water tray on two stacks of books; the carton dragon boat pulled by a magnet underneath."""
    img, draw = new_canvas()
    for x in (100, 600):  # book stacks
        for k, colour in enumerate((RED, BLUE, YELLOW)):
            draw.rectangle((x, 470 - k * 30, x + 100, 500 - k * 30), fill=colour, outline=INK, width=3)
    polygon(draw, [(80, 330), (720, 330), (705, 410), (95, 410)], LIGHT_BLUE)
    draw.rectangle((100, 345, 700, 405), fill=WATER)
    draw.line((610, 330, 610, 410), fill=RED, width=6)  # finish line
    # Dragon boat: a long hull with a head and tail.
    hull = [(230, 290), (480, 290), (450, 345), (260, 345)]
    polygon(draw, hull, GREEN)
    polygon(draw, [(480, 290), (540, 230), (560, 250), (500, 300)], GREEN)
    ellipse(draw, 550, 235, 22, 16, YELLOW, width=3)
    draw.ellipse((552, 226, 560, 234), fill=INK)
    polygon(draw, [(230, 290), (190, 250), (250, 300)], GREEN)
    for x in range(270, 460, 40):
        draw.polygon([(x, 300), (x + 20, 300), (x + 10, 315)], fill=YELLOW)
    # Magnet on a ruler under the tray, right under the boat.
    draw.rectangle((330, 430, 720, 450), fill=YELLOW, outline=INK, width=3)
    draw.rectangle((330, 418, 390, 462), fill=RED, outline=INK, width=3)
    arrow(draw, (360, 412), (360, 352), fill=RED, width=4)
    label(draw, (360, 540), "nam châm", size=24, bold=True, fill=RED)
    label(draw, (650, 300), "đích", size=24, bold=True, fill=RED)
    label(draw, (350, 200), "kẹp giấy ở đáy thuyền", size=22)
    return img


@picture("giot-mau-nhay-vao-coc-nuoc-trong")
def colour_drops():
    """Three big clear cups: red spreading, yellow spreading, and red + yellow making orange."""
    img, draw = new_canvas()
    cups = [(170, (240, 120, 110), RED), (400, (250, 225, 120), YELLOW), (630, (245, 170, 90), ORANGE)]
    for cx, tint, strong in cups:
        liquid_top, _ = clear_cup(draw, cx, 470, 180, 260, liquid=(225, 240, 250), level=0.8)
        # Colour cloud: a few overlapping blobs getting paler downwards.
        for k, (dx, dy, r) in enumerate(((0, 20, 40), (-30, 70, 35), (30, 90, 38), (0, 140, 45))):
            ellipse(draw, cx + dx, liquid_top + dy + 20, r, r * 0.8, strong if k == 0 else tint,
                    outline=None, width=0)
        drop(draw, cx, liquid_top - 60, 14, fill=strong)
    label(draw, (285, 300), "+", size=60, bold=True)
    label(draw, (515, 300), "=", size=60, bold=True)
    label(draw, (170, 520), "đỏ", size=26, bold=True, fill=RED)
    label(draw, (400, 520), "vàng", size=26, bold=True, fill=(190, 140, 20))
    label(draw, (630, 520), "cam", size=26, bold=True, fill=ORANGE)
    return img


@picture("khan-giay-hay-nilon-vat-nao-hut-nuoc")
def what_soaks():
    """A tray of coloured water: towel and tissue soak the colour up, the plastic lid stays dry."""
    img, draw = new_canvas()
    polygon(draw, [(70, 420), (730, 420), (710, 500), (90, 500)], LIGHT_BLUE)
    draw.rectangle((95, 440, 705, 495), fill=(150, 190, 250))
    items = [(190, "khăn", (250, 210, 120), True), (400, "giấy", WHITE, True),
             (610, "nắp nhựa", (230, 240, 250), False)]
    for cx, name, colour, soaks in items:
        draw.rounded_rectangle((cx - 60, 120, cx + 60, 470), radius=10, fill=colour, outline=INK, width=4)
        if soaks:
            top = 260 if name == "khăn" else 300
            draw.rounded_rectangle((cx - 56, top, cx + 56, 466), radius=8, fill=(120, 160, 240))
            for y in range(top, 466, 30):
                draw.line((cx - 50, y, cx + 50, y), fill=(100, 140, 220), width=2)
            arrow(draw, (cx + 85, 440), (cx + 85, top + 10), fill=DARK_BLUE, width=5)
        else:
            for k in range(3):
                drop(draw, cx - 25 + k * 25, 480 - k * 4, 8, fill=(120, 160, 240), outline=None)
        if name == "khăn":
            for y in range(140, 460, 16):
                draw.line((cx - 56, y, cx + 56, y), fill=(230, 180, 90), width=2)
        label(draw, (cx, 90), name, size=30, bold=True)
    label(draw, (610, 300), "khô", size=28, bold=True, fill=DARK_GREY)
    caption(draw, "Vật nào hút nước?")
    return img


@picture("nuoc-am-nuoc-mat-ban-tay-be-doan")
def warm_cool_water():
    """Three bowls of water, cold, cool and warm, each with its colour card; no flask."""
    img, draw = new_canvas()
    bowls = [(195, "lạnh", (110, 170, 240), BLUE), (400, "mát", (190, 225, 240), YELLOW),
             (605, "ấm", (245, 170, 120), RED)]
    for cx, name, water, card in bowls:
        bowl(draw, cx, 270, 196, 150, WHITE, liquid=water)
        draw.rounded_rectangle((cx - 60, 450, cx + 60, 520), radius=12, fill=card, outline=INK, width=4)
        label(draw, (cx, 485), name, size=28, bold=True, fill=WHITE if card != YELLOW else INK)
    label(draw, (400, 90), "nhúng tay, xếp từ lạnh đến ấm", size=26, bold=True, fill=BROWN)
    return img


@picture("thuyen-thung-giay-bac-cho-soi-qua-song")
def foil_basket_boat():
    """A round foil boat floating in a basin, pebbles counted into it one by one."""
    img, draw = new_canvas()
    basin(draw, 70, 730, 300, 520, water_top=360)
    # The foil boat: a round, shallow bowl shape floating on the water.
    draw.chord((200, 200, 600, 420), 0, 180, fill=(200, 205, 215), outline=INK, width=OUT)
    ellipse(draw, 400, 310, 200, 45, (225, 228, 235))
    for x in range(230, 580, 40):  # crinkles
        draw.line((x, 330, x + 14, 395), fill=WHITE, width=3)
    for n in range(1, 6):
        x = 260 + n * 55
        pebble(draw, x, 318, 18, fill=DARK_GREY)
        label(draw, (x, 236), str(n), size=30, bold=True, fill=DARK_BLUE)
    pebble(draw, 600, 140, 20, fill=DARK_GREY)
    arrow(draw, (590, 170), (560, 270), width=4)
    label(draw, (680, 120), "6?", size=34, bold=True, fill=RED)
    label(draw, (400, 60), "thuyền thúng giấy bạc", size=26, bold=True)
    return img


@picture("vi-sao-long-vit-khong-bi-uot")
def duck_feather():
    """Two paper feathers: the crayon-covered one makes round beads, the plain one soaks up water."""
    img, draw = new_canvas()
    polygon(draw, [(60, 420), (740, 420), (720, 480), (80, 480)], LIGHT_BLUE)
    for cx, waxed in ((250, True), (560, False)):
        feather = [(cx, 90)]
        for k in range(1, 12):
            t = k / 12
            feather.append((cx + 85 * math.sin(math.pi * t) * (1 - 0.3 * t), 90 + t * 320))
        feather.append((cx, 410))
        feather += [(2 * cx - x, y) for x, y in reversed(feather[1:-1])]
        polygon(draw, feather, (250, 190, 90) if waxed else WHITE)
        draw.line((cx, 110, cx, 450), fill=BROWN, width=5)
        if waxed:
            for y in range(130, 400, 24):
                draw.line((cx - 60, y + 20, cx, y), fill=ORANGE, width=3)
                draw.line((cx + 60, y + 20, cx, y), fill=ORANGE, width=3)
            for x, y in ((cx - 35, 180), (cx + 30, 240), (cx - 25, 300)):
                ellipse(draw, x, y, 17, 15, WATER, outline=DARK_BLUE, width=3)
                draw.ellipse((x - 8, y - 8, x - 2, y - 2), fill=WHITE)
        else:
            for x, y, r in ((cx - 30, 200, 40), (cx + 25, 290, 34)):
                ellipse(draw, x, y, r, r * 0.8, (205, 225, 245), outline=None, width=0)
        # Dropper above each feather.
        draw.rounded_rectangle((cx + 80, 40, cx + 100, 110), radius=6, fill=LIGHT_BLUE, outline=INK, width=3)
        ellipse(draw, cx + 90, 38, 16, 14, RED, width=3)
        drop(draw, cx + 90, 135, 8, fill=BLUE, outline=None)
    label(draw, (250, 530), "tô sáp", size=26, bold=True, fill=ORANGE)
    label(draw, (560, 530), "giấy trắng", size=26, bold=True, fill=DARK_GREY)
    return img
