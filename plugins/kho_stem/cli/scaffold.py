"""``build.py new``: a new card from the field definitions, asked for or given as options.

The template is written from ``fields.yml`` (the same definitions the validator and the guide
use): every field appears, in order, under a comment with its Vietnamese label and help. What
only the teacher can write (materials, safety notes, objectives, the activity itself) is left
empty, so ``build.py check`` points at each line still to fill in.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from kho_stem.cards.card import RESERVED_NAMES
from kho_stem.taxonomy.vocabularies import Taxonomy, Vocabulary
from kho_stem.text import nfc, slugify

T = TypeVar("T")

# Shown as the commented example of a field the teacher fills in by hand.
_EXAMPLES = {
    "materials": ["- {name: vỏ hộp sữa giấy, quantity: 2, per: nhom, from_home: true}",
                  "- {name: kéo, quantity: 1, per: lop, hazards: [dung-cu-sac]}"],
    "safety": ["- Cắt hộp sữa bằng kéo là việc của cô; cất kéo ngoài tầm với của trẻ."],
    "objectives": ["- Trẻ quan sát và nói được điều mình thấy."],
    "observe": ["- Trẻ nói được vật nào nổi, vật nào chìm.", "- Trẻ đếm đúng số sỏi thuyền chở được."],
    "setting": ["trong-lop"],
    "domains": ["[nhan-thuc]"],
    "cover": ["anh-bia.jpg"],
    "cost": ["20000"],
    "family": ["Bố mẹ cùng con …"],
    "inclusion": ["Trẻ khó cầm nắm dùng …"],
    "aliases": ["[ten-cu-cua-the]"],
    "license": ["CC-BY-SA-4.0"],
}
_LEFT_EMPTY = {"description": '""', "materials": "[]", "safety": "[]", "objectives": "[]"}


class ScaffoldError(Exception):
    """A wrong answer or option; the message is Vietnamese and says what is allowed."""


@dataclass(frozen=True)
class NewCard:
    title: str
    ages: tuple[str, ...]
    topics: tuple[str, ...]
    stem: tuple[str, ...]
    duration: int
    group: str
    author: str = ""
    school: str = ""
    process: str = "free"
    bundle: bool = False


def parse_codes(text: str, vocabulary: Vocabulary, what: str) -> tuple[str, ...]:
    """Codes separated by commas (or the numbers of a listed choice); refuses unknown ones."""
    codes = []
    for part in (piece.strip() for piece in text.replace(";", ",").split(",")):
        if not part:
            continue
        if part.isdigit() and 1 <= int(part) <= len(vocabulary.terms):
            part = vocabulary.terms[int(part) - 1].code
        if part not in vocabulary:
            raise ScaffoldError(f"“{part}” không phải {what} (chọn trong: {', '.join(vocabulary.codes)})")
        if part not in codes:
            codes.append(part)
    if not codes:
        raise ScaffoldError(f"cần ít nhất một {what}")
    return tuple(codes)


def parse_duration(text: str) -> int:
    if not text.strip().isdigit() or not 5 <= int(text) <= 180:
        raise ScaffoldError(f"thời lượng “{text}” phải là số phút nguyên từ 5 đến 180")
    return int(text)


def parse_title(text: str) -> str:
    title = nfc(text.strip())
    if not 3 <= len(title) <= 120:
        raise ScaffoldError("tên hoạt động cần từ 3 đến 120 ký tự")
    if not slugify(title):
        raise ScaffoldError("tên hoạt động cần có chữ hoặc số")
    return title


def unique_slug(title: str, taken: Iterable[str]) -> str:
    """The title in ASCII ("Đèn giao thông" -> "den-giao-thong"), numbered if already used."""
    taken = set(taken) | RESERVED_NAMES
    base = slugify(title)
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _yaml_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML string


def _values(card: NewCard, today: dt.date) -> dict[str, str]:
    """The YAML values written for the new card; a field not here stays a commented example."""
    author = '""'
    if card.author:
        school = f", school: {_yaml_text(card.school)}" if card.school else ""
        author = f"{{name: {_yaml_text(card.author)}{school}}}"
    return {
        **_LEFT_EMPTY,
        "title": _yaml_text(card.title),
        "ages": f"[{', '.join(card.ages)}]",
        "topics": f"[{', '.join(card.topics)}]",
        "stem": f"[{', '.join(card.stem)}]",
        "process": card.process,
        "duration": str(card.duration),
        "group": card.group,
        "author": author,
        "updated": today.isoformat(),
    }


def card_text(card: NewCard, taxonomy: Taxonomy, today: dt.date) -> str:
    lines = ["---"]
    values = _values(card, today)
    for spec in taxonomy.fields:
        if spec.deprecated:
            continue
        needed = "bắt buộc" if spec.required else "không bắt buộc"
        lines.append(f"# {spec.label} ({needed}): {spec.help}")
        value = values.get(spec.key)
        if value is not None:
            lines.append(f"{spec.key}: {value}")
        if value == "[]":
            lines.append('# Xoá "[]" rồi viết mỗi mục một dòng bắt đầu bằng "  - ", như các dòng mẫu (bỏ dấu #):')
        for example in _EXAMPLES.get(spec.key, []) if value in (None, "[]") else []:
            prefix = "#   " if example.startswith("-") else f"# {spec.key}: "
            lines.append(prefix + example)
    lines.append("---")
    body = [""]
    steps = taxonomy.process_steps(card.process) if card.process != "free" else ()
    if steps:
        body.append(f"<!-- Quy trình {card.process}: mỗi bước một tiêu đề ##, đúng thứ tự dưới đây. -->")
        for step in steps:
            body += ["", f"## {step.label}", ""]
    else:
        body += ["<!-- Viết các bước tổ chức hoạt động, mỗi phần một tiêu đề ##. -->", "", "## Chuẩn bị", "",
                 "## Tiến hành", ""]
    return "\n".join(lines + body) + "\n"


def write_card(activities: Path, card: NewCard, taxonomy: Taxonomy, taken: Iterable[str], today: dt.date) -> Path:
    """Write the new card and return its path; an existing file is never overwritten."""
    slug = unique_slug(card.title, taken)
    path = activities / slug / "index.md" if card.bundle else activities / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": fails rather than overwrite
        handle.write(card_text(card, taxonomy, today))
    return path


def ask(taxonomy: Taxonomy, read: Callable[[str], str], say: Callable[[str], None]) -> NewCard:
    """Ask for each answer in Vietnamese, listing the choices; ask again after a wrong answer."""

    def until_valid(prompt: str, parse: Callable[[str], T]) -> T:
        while True:
            try:
                return parse(read(prompt))
            except ScaffoldError as error:
                say(f"  ⚠ {error}. Mời nhập lại.")

    def choices(vocabulary: Vocabulary) -> None:
        for number, term in enumerate(vocabulary.terms, start=1):
            say(f"  {number}. {term.code} — {term.label}")

    say("Tạo thẻ hoạt động mới. Nhấn Ctrl+C để thôi.")
    title = until_valid("Tên hoạt động: ", parse_title)
    say("Độ tuổi (gõ số hoặc mã, cách nhau bằng dấu phẩy):")
    choices(taxonomy.ages)
    ages = until_valid("Độ tuổi: ", lambda text: parse_codes(text, taxonomy.ages, "độ tuổi"))
    say("Chủ đề:")
    choices(taxonomy.topics)
    topics = until_valid("Chủ đề: ", lambda text: parse_codes(text, taxonomy.topics, "chủ đề"))
    say("Lĩnh vực STEM:")
    choices(taxonomy["stem"])
    stem = until_valid("Lĩnh vực STEM: ", lambda text: parse_codes(text, taxonomy["stem"], "lĩnh vực STEM"))
    duration = until_valid("Thời lượng (phút, 5–180): ", parse_duration)
    say("Hình thức tổ chức:")
    choices(taxonomy["groups"])
    group = until_valid("Hình thức tổ chức (một lựa chọn): ",
                        lambda text: _one(parse_codes(text, taxonomy["groups"], "hình thức tổ chức")))
    author = read("Tên tác giả (có thể bỏ trống): ").strip()
    school = read("Trường hoặc đơn vị (có thể bỏ trống): ").strip() if author else ""
    return NewCard(title, ages, topics, stem, duration, group, nfc(author), nfc(school))


def _one(codes: tuple[str, ...]) -> str:
    if len(codes) != 1:
        raise ScaffoldError("chỉ chọn một")
    return codes[0]
