"""What a card page adds for paper: print buttons, a family handout, and a footer with a QR code.

On screen only the buttons show; the print stylesheet (kho-stem.css, ``@media print``) picks what
each printout keeps. The QR code is drawn at build time (segno), so printing needs no network.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

from ..card import Card
from ..catalog import material_name
from .fragments import e


@dataclass(frozen=True)
class PrintSettings:
    site_name: str = "Kho học liệu STEM mầm non"
    site_url: str | None = None  # with it, printed cards carry their web address and a QR code

    def address(self, url: str) -> str | None:
        return f"{self.site_url.rstrip('/')}/{url}" if self.site_url else None


def print_actions(card: Card) -> str:
    family = ('<button type="button" class="md-button" data-ks-print="family">Phiếu gửi gia đình</button>'
              if card.get("family") else "")
    return (f'<p class="ks-print-actions"><button type="button" class="md-button" data-ks-print="card">'
            f"In thẻ</button> {family}</p>\n")


def list_print_action() -> str:
    return ('<p class="ks-print-actions"><button type="button" class="md-button" data-ks-print="list">'
            "In danh sách</button></p>\n")


def family_handout(card: Card) -> str:
    """Short and friendly: what to do at home, with what, and what to watch."""
    if not card.get("family"):
        return ""
    materials = "".join(f"<li>{e(material_name(item))}</li>" for item in card.get("materials"))
    safety = "".join(f"<li>{e(note)}</li>" for note in card.get("safety"))
    return f"""<section class="ks-handout" aria-hidden="true">
<p class="ks-handout__kicker">Phiếu gửi gia đình</p>
<p class="ks-handout__title">{e(card.title)}</p>
<p>Ở lớp, con vừa tham gia hoạt động: {e(card.get("description"))}</p>
<p class="ks-handout__heading">Bố mẹ cùng con làm ở nhà</p>
<p>{e(card.get("family"))}</p>
<p class="ks-handout__heading">Đồ dùng (chọn thứ sẵn có ở nhà)</p>
<ul>{materials}</ul>
<p class="ks-handout__heading">Lưu ý an toàn</p>
<ul>{safety}</ul>
<p class="ks-handout__closing">Cảm ơn bố mẹ đã cùng con khám phá!</p>
</section>
"""


def print_footer(card: Card, settings: PrintSettings, url: str) -> str:
    address = settings.address(url)
    if address:
        qr = segno.make(address, error="m").svg_inline(scale=1.5, border=2, title="Mã QR tới thẻ trên mạng")
        where = f"{e(address)}"
    else:
        qr = ""
        where = f"thẻ “{e(card.slug)}”"
    return (f'<div class="ks-print-footer" aria-hidden="true">{qr}<p>{e(settings.site_name)} · {where}</p></div>\n')
