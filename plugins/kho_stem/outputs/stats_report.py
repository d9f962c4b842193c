"""``build.py stats`` output: the statistics as text for people, CSV for spreadsheets, JSON for programs."""

from __future__ import annotations

import json

from kho_stem.catalog.stats import LibraryStats
from kho_stem.outputs.csv_safety import csv_text

FORMATS = ("text", "csv", "json")


def as_text(stats: LibraryStats) -> str:
    lines = [f"Thư viện có {stats.total} thẻ hoạt động ({stats.reviewed} đã duyệt).", ""]
    for table in stats.tables:
        lines.append(table.title)
        width = max((len(row.label) for row in table.rows), default=0)
        lines += [f"  {row.label:<{width}}  {row.cards:>5}" for row in table.rows] or ["  (chưa có)"]
        lines.append("")
    coverage = stats.coverage
    lines.append("Độ phủ chủ đề × độ tuổi (số thẻ; · = chủ đề không dành cho độ tuổi này; "
                 "0 = cần thêm hoạt động)")
    width = max(len(topic.label) for topic in coverage.topics)
    lines.append(f"  {'':<{width}}" + "".join(f"  {age.label:>12}" for age in coverage.ages))
    for topic, row in zip(coverage.topics, coverage.cells, strict=True):
        cells = "".join(f"  {(str(cell.cards) if cell.applies else '·'):>12}" for cell in row)
        lines.append(f"  {topic.label:<{width}}{cells}")
    lines.append(f"Ô trống cần thêm hoạt động: {coverage.gaps}")
    return "\n".join(lines) + "\n"


def as_rows(stats: LibraryStats) -> list[list[object]]:
    """One row per number: table, code, label, cards. The coverage matrix comes as
    ``coverage`` rows whose code is ``topic/age``, with a column saying whether it is a gap."""
    rows: list[list[object]] = [["bang", "ma", "ten", "so_the", "can_them"]]
    rows.append(["tong", "tat-ca", "Tất cả thẻ", stats.total, ""])
    for table in stats.tables:
        rows += [[table.key, row.code, row.label, row.cards, ""] for row in table.rows]
    coverage = stats.coverage
    for topic, cells in zip(coverage.topics, coverage.cells, strict=True):
        for age, cell in zip(coverage.ages, cells, strict=True):
            if cell.applies:
                rows.append(["coverage", f"{topic.code}/{age.code}", f"{topic.label} – {age.label}", cell.cards,
                             "có" if cell.is_gap else "không"])
    return rows


def as_csv(stats: LibraryStats) -> str:
    """CSV text; written with a UTF-8 BOM (see ``write_text``) so Excel reads Vietnamese right; no cell
    can run as a formula (labels come from taxonomy data)."""
    return csv_text(as_rows(stats))


def as_json(stats: LibraryStats) -> str:
    coverage = stats.coverage
    data = {
        "total": stats.total,
        "reviewed": stats.reviewed,
        "tables": {table.key: {"title": table.title,
                               "rows": [{"code": r.code, "label": r.label, "cards": r.cards} for r in table.rows]}
                   for table in stats.tables},
        "coverage": {
            "ages": [age.code for age in coverage.ages],
            "topics": [topic.code for topic in coverage.topics],
            "cards": [[cell.cards if cell.applies else None for cell in row] for row in coverage.cells],
            "gaps": coverage.gaps,
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render(stats: LibraryStats, output_format: str) -> str:
    return {"text": as_text, "csv": as_csv, "json": as_json}[output_format](stats)


def encoding_for(output_format: str) -> str:
    # Excel on Windows opens a CSV as the local code page unless it starts with a BOM.
    return "utf-8-sig" if output_format == "csv" else "utf-8"
