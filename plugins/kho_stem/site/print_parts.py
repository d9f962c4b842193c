"""What a card page adds for paper: print buttons, a family handout, and a footer with a QR code.

On screen only the buttons show; the print stylesheet (kho-stem.css, ``@media print``) picks what
each printout keeps. The QR code is drawn at build time (segno), so printing needs no network.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

from kho_stem.catalog.facts import CardFacts, MaterialItem
from kho_stem.site.fragments import e
from kho_stem.site.plan_parts import plan_button
from kho_stem.site.theme import BUTTON_CLASS


@dataclass(frozen=True)
class PrintSettings:
    site_name: str = "Kho học liệu STEM mầm non"
    site_url: str | None = None  # with it, printed cards carry their web address and a QR code

    def address(self, url: str) -> str | None:
        return f"{self.site_url.rstrip('/')}/{url}" if self.site_url else None


def print_actions(fact: CardFacts) -> str:
    family = (f'<button type="button" class="{BUTTON_CLASS}" data-ks-print="family">Phiếu gửi gia đình</button>'
              if _has_handout(fact) else "")
    return (f'<p class="ks-print-actions">{plan_button()} <button type="button" class="{BUTTON_CLASS}" '
            f'data-ks-print="card">In thẻ</button> {family}</p>\n')


def list_print_action() -> str:
    return (f'<p class="ks-print-actions"><button type="button" class="{BUTTON_CLASS}" data-ks-print="list">'
            "In danh sách</button></p>\n")


def from_home_items(fact: CardFacts) -> list[MaterialItem]:
    """The materials the card asks families to send (``from_home: true``), in the card's order."""
    return [item for item in fact.material_items if item.from_home]


def _has_handout(fact: CardFacts) -> bool:
    return bool(fact.family or from_home_items(fact))


def _send_request(items: list[MaterialItem]) -> str:
    """Exactly the items to collect, with their quantity, asked a week ahead so the class has them."""
    if not items:
        return ""
    rows = "".join(
        f"<li>{e(item.name)}" + (f" ({e(item.quantity)})" if item.quantity is not None else "")
        + "</li>" for item in items
    )
    return ('<p class="ks-handout__heading">Nhờ bố mẹ gửi đến lớp trước buổi học một tuần</p>\n'
            f'<ul class="ks-handout__send">{rows}</ul>\n'
            "<p>Đồ gửi đến lớp xin rửa sạch, để khô; cô sẽ kiểm tra trước khi dùng.</p>\n")


def family_handout(fact: CardFacts) -> str:
    """Short and friendly: what to send to class, what to do at home, with what, and what to watch."""
    if not _has_handout(fact):
        return ""
    send = _send_request(from_home_items(fact))
    home = ""
    if fact.family:
        materials = "".join(f"<li>{e(item.name)}</li>" for item in fact.material_items)
        home = (f'<p class="ks-handout__heading">Bố mẹ cùng con làm ở nhà</p>\n<p>{e(fact.family)}</p>\n'
                f'<p class="ks-handout__heading">Đồ dùng (chọn thứ sẵn có ở nhà)</p>\n<ul>{materials}</ul>\n')
    safety = "".join(f"<li>{e(note)}</li>" for note in fact.safety)
    return f"""<section class="ks-handout" aria-hidden="true">
<p class="ks-handout__kicker">Phiếu gửi gia đình</p>
<p class="ks-handout__title">{e(fact.title)}</p>
<p class="ks-handout__child">Họ tên con: ……………………………………………… Lớp: ………………</p>
<p>Ở lớp, con tham gia hoạt động: {e(fact.description)}</p>
{send}{home}<p class="ks-handout__heading">Lưu ý an toàn</p>
<ul>{safety}</ul>
<p class="ks-handout__closing">Cảm ơn bố mẹ đã cùng con khám phá!</p>
<div class="ks-handout__reply">
<p class="ks-handout__heading">✂ Phiếu trả lời (bố mẹ cắt và gửi lại cô)</p>
<p>Họ tên con: ……………………………………………… Lớp: ………………</p>
<p>☐ Gia đình đã cùng con làm ở nhà &nbsp; ☐ Gia đình chưa làm được</p>
<p>Con thích nhất / con kể lại: …………………………………………………………………………</p>
<p>Ý kiến của bố mẹ: ………………………………………………………………………………</p>
</div>
</section>
"""


def print_footer(fact: CardFacts, settings: PrintSettings, url: str) -> str:
    address = settings.address(url)
    if address:
        qr = segno.make(address, error="m").svg_inline(scale=1.5, border=2, title="Mã QR tới thẻ trên mạng")
        where = f"{e(address)}"
    else:
        qr = ""
        where = f"thẻ “{e(fact.slug)}”"
    return (f'<div class="ks-print-footer" aria-hidden="true">{qr}<p>{e(settings.site_name)} · {where}</p></div>\n')
