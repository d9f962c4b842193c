"""Shared little drawings: containers, water, leaves, blocks, cars, marks.

Coordinates are in pixels of the 800x600 canvas; every part takes its position and size so
card functions can draw it big in the middle of the picture.
"""

from __future__ import annotations

import math

from PIL import ImageDraw

from .canvas import (
    BROWN,
    CREAM,
    DARK_GREEN,
    GREEN,
    GREY,
    INK,
    LIGHT_BLUE,
    LIGHT_BROWN,
    OUT,
    RED,
    WATER,
    WHITE,
)

Point = tuple[float, float]


def ellipse(draw: ImageDraw.ImageDraw, cx: float, cy: float, rx: float, ry: float, fill,
            outline=INK, width: int = OUT) -> None:
    draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=fill, outline=outline, width=width)


def polygon(draw: ImageDraw.ImageDraw, points: list[Point], fill, outline=INK,
            width: int = OUT) -> None:
    """A filled polygon with a thick outline (Pillow's own outline is 1 px)."""
    draw.polygon(points, fill=fill)
    if outline is not None:
        draw.line([*points, points[0]], fill=outline, width=width, joint="curve")


def rotated(points: list[Point], centre: Point, angle_deg: float) -> list[Point]:
    """Points turned around ``centre`` (degrees, clockwise on screen)."""
    a = math.radians(angle_deg)
    cx, cy = centre
    return [(cx + (x - cx) * math.cos(a) - (y - cy) * math.sin(a),
             cy + (x - cx) * math.sin(a) + (y - cy) * math.cos(a)) for x, y in points]


def basin(draw: ImageDraw.ImageDraw, x0: float, x1: float, top: float, bottom: float,
          water_top: float | None = None, colour=(120, 190, 170), water=WATER) -> None:
    """A wide plastic basin seen from the side (wider at the rim), optionally holding water."""
    slant = (bottom - top) * 0.25
    outline = [(x0, top), (x1, top), (x1 - slant, bottom), (x0 + slant, bottom)]
    polygon(draw, outline, LIGHT_BLUE)
    if water_top is not None:
        k = (water_top - top) / (bottom - top)
        polygon(draw, [(x0 + slant * k, water_top), (x1 - slant * k, water_top),
                       (x1 - slant, bottom), (x0 + slant, bottom)], water, outline=None)
        draw.line((x0 + slant * k + 4, water_top, x1 - slant * k - 4, water_top), fill=WHITE, width=3)
    polygon(draw, outline, None)
    draw.rounded_rectangle((x0 - 10, top - 8, x1 + 10, top + 8), radius=8, fill=colour, outline=INK,
                           width=3)


def clear_cup(draw: ImageDraw.ImageDraw, cx: float, bottom: float, width: float, height: float,
              liquid=None, level: float = 0.7) -> tuple[float, float]:
    """A clear plastic cup (wider at the top) with an optional liquid; returns the liquid top y
    and the half width there."""
    top = bottom - height
    half_top, half_bottom = width / 2, width * 0.38
    shape = [(cx - half_top, top), (cx + half_top, top), (cx + half_bottom, bottom),
             (cx - half_bottom, bottom)]
    polygon(draw, shape, (235, 245, 252))
    liquid_top = bottom - height * level
    half_at = half_bottom + (half_top - half_bottom) * level
    if liquid is not None:
        polygon(draw, [(cx - half_at, liquid_top), (cx + half_at, liquid_top), (cx + half_bottom, bottom),
                       (cx - half_bottom, bottom)], liquid, outline=None)
    polygon(draw, shape, None)
    draw.line((cx - half_top + 14, top + 14, cx - half_bottom + 10, bottom - 14), fill=WHITE, width=5)
    return liquid_top, half_at


def bowl(draw: ImageDraw.ImageDraw, cx: float, rim: float, width: float, depth: float, fill,
         liquid=None) -> None:
    """A round bowl seen from the side, with the liquid surface as an ellipse at the rim."""
    half = width / 2
    draw.chord((cx - half, rim - depth, cx + half, rim + depth), 0, 180, fill=fill, outline=INK, width=OUT)
    ellipse(draw, cx, rim, half, depth * 0.22, liquid if liquid is not None else fill)


def bottle(draw: ImageDraw.ImageDraw, cx: float, bottom: float, width: float, height: float,
           body=LIGHT_BLUE, cap=RED, contents=None, level: float = 0.0) -> None:
    """A plastic bottle standing up: body, shoulders, neck and cap; optional contents."""
    half = width / 2
    neck = width * 0.22
    shoulder = bottom - height * 0.72
    neck_top = bottom - height * 0.92
    shape = [(cx - half, bottom), (cx - half, shoulder), (cx - neck, neck_top + height * 0.07),
             (cx - neck, neck_top), (cx + neck, neck_top), (cx + neck, neck_top + height * 0.07),
             (cx + half, shoulder), (cx + half, bottom)]
    polygon(draw, shape, body)
    if contents is not None and level > 0:
        top = bottom - height * 0.72 * level
        draw.rectangle((cx - half + 3, top, cx + half - 3, bottom - 3), fill=contents)
    polygon(draw, shape, None)
    draw.rounded_rectangle((cx - neck - 4, bottom - height, cx + neck + 4, neck_top + 2), radius=4,
                           fill=cap, outline=INK, width=3)
    draw.line((cx - half + 12, shoulder + 10, cx - half + 12, bottom - 12), fill=WHITE, width=5)


def box(draw: ImageDraw.ImageDraw, x0: float, y0: float, w: float, h: float, depth: float,
        front=LIGHT_BROWN, top=CREAM, side=BROWN) -> None:
    """A box drawn in simple oblique view: front face, top face and right face."""
    d = depth
    polygon(draw, [(x0, y0), (x0 + d, y0 - d * 0.6), (x0 + w + d, y0 - d * 0.6), (x0 + w, y0)], top)
    polygon(draw, [(x0 + w, y0), (x0 + w + d, y0 - d * 0.6), (x0 + w + d, y0 + h - d * 0.6),
                   (x0 + w, y0 + h)], side)
    polygon(draw, [(x0, y0), (x0 + w, y0), (x0 + w, y0 + h), (x0, y0 + h)], front)


def leaf(draw: ImageDraw.ImageDraw, cx: float, cy: float, length: float, width: float,
         angle: float = 0, fill=GREEN, vein=DARK_GREEN, shape: str = "oval", outline=INK) -> None:
    """A leaf centred at (cx, cy), pointing along ``angle`` degrees: oval, round, long or toothed."""
    points: list[Point] = []
    steps = 22 if shape == "toothed" else 40
    for i in range(steps + 1):
        t = i / steps
        x = cx - length / 2 + length * t
        half = width / 2 * math.sin(math.pi * t) ** (0.8 if shape != "long" else 1.0)
        if shape == "round":
            half = width / 2 * math.sqrt(max(0.0, 1 - (2 * t - 1) ** 2))
        if shape == "toothed" and 0.08 < t < 0.92:
            half *= 1.3 if i % 2 else 0.85  # saw teeth big enough to see in a thumbnail
        points.append((x, cy - half))
    lower = [(x, 2 * cy - y) for x, y in reversed(points)]
    outline_points = rotated(points + lower, (cx, cy), angle)
    polygon(draw, outline_points, fill, outline=outline, width=3)
    mid = rotated([(cx - length / 2 - length * 0.12, cy), (cx + length / 2 - 8, cy)], (cx, cy), angle)
    draw.line(mid, fill=vein, width=3)
    for k in (0.3, 0.5, 0.7):
        x = cx - length / 2 + length * k
        for sign in (-1, 1):
            vein_line = rotated([(x, cy), (x + length * 0.12, cy + sign * width * 0.3)], (cx, cy), angle)
            draw.line(vein_line, fill=vein, width=2)


def pebble(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill=GREY) -> None:
    ellipse(draw, cx, cy, r * 1.25, r, fill, width=3)
    draw.arc((cx - r * 0.8, cy - r * 0.7, cx + r * 0.2, cy + r * 0.1), 190, 260, fill=WHITE, width=3)


def drop(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill=WATER, outline=INK) -> None:
    """A water drop: a circle with a point on top."""
    draw.polygon([(cx, cy - r * 2.1), (cx - r * 0.85, cy - r * 0.5), (cx + r * 0.85, cy - r * 0.5)],
                 fill=fill)
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)
    if outline is not None:
        draw.line([(cx - r * 0.87, cy - r * 0.5), (cx, cy - r * 2.1), (cx + r * 0.87, cy - r * 0.5)],
                  fill=outline, width=2)
        draw.arc((cx - r, cy - r, cx + r, cy + r), -30, 210, fill=outline, width=2)


def heart(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill=RED) -> None:
    draw.ellipse((cx - r, cy - r * 0.6, cx, cy + r * 0.4), fill=fill)
    draw.ellipse((cx, cy - r * 0.6, cx + r, cy + r * 0.4), fill=fill)
    draw.polygon([(cx - r * 0.97, cy - r * 0.02), (cx + r * 0.97, cy - r * 0.02), (cx, cy + r * 1.05)],
                 fill=fill)


def music_note(draw: ImageDraw.ImageDraw, x: float, y: float, size: float = 30, fill=INK) -> None:
    """An eighth note whose head sits at (x, y)."""
    draw.ellipse((x - size * 0.45, y - size * 0.3, x + size * 0.45, y + size * 0.3), fill=fill)
    draw.line((x + size * 0.4, y, x + size * 0.4, y - size * 1.4), fill=fill, width=4)
    draw.line((x + size * 0.4, y - size * 1.4, x + size * 0.9, y - size), fill=fill, width=4)


def popsicle_stick(draw: ImageDraw.ImageDraw, x0: float, y: float, length: float = 100,
                   vertical: bool = False) -> None:
    """A wooden ice-cream stick lying flat (or standing) from (x0, y)."""
    if vertical:
        draw.rounded_rectangle((x0 - 9, y - length, x0 + 9, y), radius=9, fill=CREAM, outline=BROWN, width=3)
    else:
        draw.rounded_rectangle((x0, y - 9, x0 + length, y + 9), radius=9, fill=CREAM, outline=BROWN, width=3)


def block(draw: ImageDraw.ImageDraw, x0: float, y0: float, size: float, fill=LIGHT_BROWN) -> None:
    """A toy building block seen from the front with a little top face."""
    box(draw, x0, y0, size, size, size * 0.3, front=fill, top=_lighter(fill), side=_darker(fill))


def toy_car(draw: ImageDraw.ImageDraw, x: float, y: float, colour=RED, scale: float = 1.0) -> None:
    """A small side-view car whose wheels touch the line y (x = left end of the car)."""
    s = scale
    draw.rounded_rectangle((x, y - 38 * s, x + 90 * s, y - 14 * s), radius=int(8 * s), fill=colour,
                           outline=INK, width=3)
    draw.rounded_rectangle((x + 18 * s, y - 58 * s, x + 66 * s, y - 36 * s), radius=int(8 * s),
                           fill=colour, outline=INK, width=3)
    draw.rectangle((x + 26 * s, y - 53 * s, x + 58 * s, y - 40 * s), fill=LIGHT_BLUE)
    for wx in (x + 20 * s, x + 70 * s):
        draw.ellipse((wx - 13 * s, y - 26 * s, wx + 13 * s, y), fill=INK)
        draw.ellipse((wx - 5 * s, y - 18 * s, wx + 5 * s, y - 8 * s), fill=GREY)


def cotton(draw: ImageDraw.ImageDraw, x0: float, x1: float, top: float, bottom: float, fill=WHITE) -> None:
    """A fluffy layer of cotton: a row of bumps over a flat band."""
    draw.rectangle((x0, top + 14, x1, bottom), fill=fill)
    for x in range(int(x0) + 16, int(x1) - 6, 26):
        draw.ellipse((x - 20, top, x + 20, top + 34), fill=fill, outline=GREY, width=2)
    draw.rectangle((x0 + 2, top + 18, x1 - 2, bottom - 2), fill=fill)


def teddy(draw: ImageDraw.ImageDraw, cx: float, seat: float, size: float = 1.0, fill=LIGHT_BROWN) -> None:
    """A sitting teddy bear whose bottom rests on the line ``seat`` (simple dots for eyes)."""
    s = size
    ellipse(draw, cx, seat - 40 * s, 40 * s, 45 * s, fill, width=3)  # body
    ellipse(draw, cx, seat - 30 * s, 22 * s, 24 * s, CREAM, width=0, outline=None)  # tummy
    for side in (-1, 1):
        ellipse(draw, cx + side * 30 * s, seat - 6 * s, 16 * s, 12 * s, fill, width=3)  # feet
        ellipse(draw, cx + side * 42 * s, seat - 50 * s, 12 * s, 20 * s, fill, width=3)  # arms
        ellipse(draw, cx + side * 24 * s, seat - 128 * s, 13 * s, 13 * s, fill, width=3)  # ears
    ellipse(draw, cx, seat - 100 * s, 34 * s, 30 * s, fill, width=3)  # head
    ellipse(draw, cx, seat - 90 * s, 13 * s, 9 * s, CREAM, width=2)  # snout
    for side in (-1, 1):
        draw.ellipse((cx + side * 13 * s - 4, seat - 110 * s - 4, cx + side * 13 * s + 4,
                      seat - 110 * s + 4), fill=INK)
    draw.ellipse((cx - 5, seat - 94 * s - 4, cx + 5, seat - 94 * s + 3), fill=INK)


def ground(draw: ImageDraw.ImageDraw, y: float, x0: float = 30, x1: float = 770, fill=GREY) -> None:
    draw.line((x0, y, x1, y), fill=fill, width=5)


def _lighter(colour) -> tuple[int, int, int]:
    return tuple(min(255, c + 50) for c in colour)


def _darker(colour) -> tuple[int, int, int]:
    return tuple(max(0, c - 50) for c in colour)

