"""Tables of the contributor and safety guides, rendered from the taxonomy (never by hand)."""

from __future__ import annotations

from kho_stem.taxonomy.vocabularies import Taxonomy

FIELDS_MARKER = "<!-- kho-stem:fields -->"
HAZARDS_MARKER = "<!-- kho-stem:hazards -->"
CONTRIBUTING_MARKER = "<!-- kho-stem:contributing-link -->"
HTML_MARKER = "<!-- kho-stem:html -->"
ADULT_MARKERS_MARKER = "<!-- kho-stem:adult-markers -->"


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def fields_table(taxonomy: Taxonomy) -> str:
    rows = ["| Trường | Tên gọi | Bắt buộc | Cách ghi |", "|---|---|---|---|"]
    for spec in taxonomy.fields:
        required = "có" if spec.required else "không"
        help_text = spec.help
        if spec.default is not None:
            help_text += f" Mặc định: `{spec.default}`."
        vocabulary = spec.schema.get("vocabulary") or (spec.schema.get("items") or {}).get("vocabulary")
        if vocabulary:
            codes = ", ".join(f"`{term.code}` ({term.label})" for term in taxonomy[vocabulary])
            help_text += f" Giá trị: {codes}."
        rows.append(f"| `{spec.key}` | {_cell(spec.label)} | {required} | {_cell(help_text)} |")
    return "\n".join(rows)


def hazards_table(taxonomy: Taxonomy) -> str:
    marker = taxonomy.adult_only_markers[0].capitalize()
    # Written for teachers: names and age groups in words; the code a card writer types comes last.
    rows = [
        "| Mối nguy | Chương trình nhận ra qua các từ | Không dùng cho | Việc của cô | "
        "Lưu ý an toàn cần có | Căn cứ | Mã ghi trong thẻ |",
        "|---|---|---|---|---|---|---|",
    ]
    for hazard in taxonomy.hazards:
        ages = ", ".join(taxonomy.ages[code].get("short", code) for code in hazard.get("forbid_ages") or []) or "—"
        if hazard.get("safe_forms") and hazard.get("forbid_ages"):
            ages += f" (trừ khi: {', '.join(hazard.get('safe_forms'))})"
        adult = f"có (ghi \"{marker}\" ngay ở bước đó)" if hazard.get("adult_only") else "—"
        words = ", ".join(hazard.get("detect") or [])
        if hazard.get("detect_if"):
            context = ", ".join(hazard.get("detect_context") or [])
            words += f"; khi đi cùng {context}: {', '.join(hazard.get('detect_if'))}"
        never = ", ".join(hazard.get("forbidden_materials") or [])
        if never:
            words = (words + "; " if words else "") + f"không bao giờ được dùng: {never}"
        rows.append(
            f"| **{_cell(hazard.label)}**: {_cell(hazard.get('description', ''))} | {_cell(words)} "
            f"| {_cell(ages)} | {adult} | {_cell(hazard.get('safety_point', ''))} | {_cell(hazard.get('source', ''))} "
            f"| `{hazard.code}` |"
        )
    return "\n".join(rows)


def html_table(taxonomy: Taxonomy) -> str:
    """What a card body may publish (``html.yml``): tags with their attributes, classes, schemes."""
    vocabulary = taxonomy["html"]
    settings = vocabulary.settings
    everywhere = ", ".join(f"`{name}`" for name in settings.get("attributes") or ())
    rows = ["| Thẻ HTML | Dùng để | Thuộc tính được phép |", "|---|---|---|"]
    for term in vocabulary:
        attributes = ", ".join(f"`{name}`" for name in term.get("attributes") or ()) or "—"
        rows.append(f"| `<{term.code}>` | {_cell(term.label)} | {attributes} |")
    classes = ", ".join(f"`{name}`" for name in settings.get("classes") or ())
    schemes = ", ".join(f"`{name}:`" for name in settings.get("url_schemes") or ())
    return "\n".join([
        *rows, "",
        f"Mọi thẻ trên đều có thể mang {everywhere}. Lớp (class) chỉ được dùng: {classes}. "
        f"Liên kết chỉ dùng {schemes} hoặc đường dẫn trong thư viện; ảnh phải là tệp đặt cạnh thẻ. "
        "Mọi thứ khác (mã lệnh, thuộc tính `on…`, `style`, khung nhúng, biểu mẫu…) bị xoá khỏi trang "
        "và lệnh kiểm tra báo đúng dòng.",
    ])
def adult_markers_text(taxonomy: Taxonomy) -> str:
    """The accepted adult-only markers, the preferred one first, for the safety guide."""
    return ", ".join(f"\"{marker.capitalize()}\"" for marker in taxonomy.adult_only_markers)


def contributing_link(repo_url: str | None) -> str:
    """Where the detailed guide is: a link when the site knows its repository (set by the workflows)."""
    if repo_url:
        return f"[hướng dẫn đóng góp chi tiết (CONTRIBUTING.md)]({repo_url.rstrip('/')}/blob/HEAD/CONTRIBUTING.md)"
    return "tệp `CONTRIBUTING.md` ở thư mục gốc của kho mã nguồn"


def expand_markers(markdown: str, taxonomy: Taxonomy, repo_url: str | None = None) -> str:
    if CONTRIBUTING_MARKER in markdown:
        markdown = markdown.replace(CONTRIBUTING_MARKER, contributing_link(repo_url))
    if FIELDS_MARKER in markdown:
        markdown = markdown.replace(FIELDS_MARKER, fields_table(taxonomy))
    if HTML_MARKER in markdown:
        markdown = markdown.replace(HTML_MARKER, html_table(taxonomy))
    if ADULT_MARKERS_MARKER in markdown:
        markdown = markdown.replace(ADULT_MARKERS_MARKER, adult_markers_text(taxonomy))
    if HAZARDS_MARKER in markdown:
        markdown = markdown.replace(HAZARDS_MARKER, hazards_table(taxonomy))
    return markdown
