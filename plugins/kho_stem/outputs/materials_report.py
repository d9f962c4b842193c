"""``build.py materials`` output: the danh mục tối thiểu as text, CSV (for the district's report) or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from kho_stem.catalog.minimum_list import ListedMaterial, MaterialsList
from kho_stem.outputs.csv_safety import csv_text

FORMATS = ("text", "csv", "json")
PURCHASE, EVERYDAY = "Cần mua sắm", "Lớp nào cũng có"
CSV_HEADER = ("Độ tuổi", "Tỉ lệ thẻ", "Sĩ số lớp", "Loại", "STT", "Vật liệu", "Mã vật liệu", "Số lượng cho một lớp",
              "Số thẻ dùng", "Gia đình gửi", "Mối nguy", "Lưu ý an toàn")


def percent(share: float) -> str:
    return f"{round(share * 100)} %"


def summary(materials: MaterialsList) -> str:
    """One sentence a principal can read aloud; the page and the text output both use it."""
    return (f"{len(materials.purchases)} vật liệu cần mua sắm để một lớp {materials.class_size} trẻ tổ chức được "
            f"{len(materials.ready)}/{materials.cards_total} thẻ (mục tiêu {percent(materials.share)}: "
            f"{materials.target} thẻ).")


def hazard_text(item: ListedMaterial) -> str:
    return "; ".join(hazard.label for hazard in item.hazards)


def safety_text(item: ListedMaterial) -> str:
    return " ".join(hazard.safety_point for hazard in item.hazards)


def as_text(lists: Sequence[MaterialsList]) -> str:
    lines: list[str] = []
    for materials in lists:
        lines += [f"Danh mục tối thiểu — {materials.age_label}, {percent(materials.share)} số thẻ", summary(materials)]
        width = max((len(item.name) for item in materials.purchases), default=10)
        for number, item in enumerate(materials.purchases, 1):
            hazards = f"  ⚠ {hazard_text(item)}" if item.hazards else ""
            home = "  (gia đình gửi)" if item.from_home else ""
            lines.append(f"  {number:>3}. {item.name:<{width}}  {item.quantity or '—':>12}  "
                         f"{item.cards:>3} thẻ{home}{hazards}")
        if materials.everyday:
            lines.append(f"  {EVERYDAY} (không tính là mua sắm): " + ", ".join(i.name for i in materials.everyday))
        lines.append("")
    return "\n".join(lines)


def as_rows(lists: Sequence[MaterialsList]) -> list[list[object]]:
    rows: list[list[object]] = [list(CSV_HEADER)]
    for materials in lists:
        groups = ((PURCHASE, materials.purchases), (EVERYDAY, materials.everyday))
        for kind, items in groups:
            for number, item in enumerate(items, 1):
                rows.append([materials.age_label, percent(materials.share), materials.class_size, kind, number,
                             item.name, item.code or "", item.quantity or "", item.cards,
                             "có" if item.from_home else "", hazard_text(item), safety_text(item)])
    return rows


def as_json(lists: Sequence[MaterialsList]) -> str:
    def item_data(item: ListedMaterial) -> dict[str, object]:
        return {"name": item.name, "code": item.code, "quantity": item.quantity, "cards": item.cards,
                "from_home": item.from_home,
                "hazards": [{"code": h.code, "label": h.label, "safety_point": h.safety_point} for h in item.hazards]}

    data = [{"age": m.age, "age_label": m.age_label, "share": m.share, "class_size": m.class_size,
             "cards_total": m.cards_total, "target": m.target, "ready": list(m.ready),
             "purchases": [item_data(i) for i in m.purchases], "everyday": [item_data(i) for i in m.everyday]}
            for m in lists]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(lists: Sequence[MaterialsList], output_format: str) -> str:
    if output_format == "csv":
        return csv_text(as_rows(lists))
    return as_json(lists) if output_format == "json" else as_text(lists)
