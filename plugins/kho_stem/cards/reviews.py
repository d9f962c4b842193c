"""Reviews: kept outside the cards, by the review board, bound to the reviewed content by its hash.

A contributor cannot assert that their own card was reviewed: reviews live in
``content/reviews.yml``, which the review board owns (``.github/CODEOWNERS``), and each names the
SHA-256 of the content it approved. A card edited after its review no longer matches and is shown
as not reviewed until the board reviews it again (``python build.py review``).

The hash covers the card's text as checked (UTF-8, LF line ends, NFC, so re-saving it on another
system changes nothing) and, for a bundle, every other file in its folder (its images).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from kho_stem.cards.card_file import BUNDLE_INDEX, CardFileError, decode
from kho_stem.diagnostics.problems import Problem, Severity, display_path
from kho_stem.yaml_source import YamlSyntaxError, load_located

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
HEADER = """\
# Duyệt thẻ (card reviews) — do tổ duyệt quản lý; người viết thẻ không sửa tệp này.
# Each review names a card, the SHA-256 of the content that was reviewed, who reviewed it and when.
# A card edited after its review shows as "chưa duyệt" until it is reviewed again.
# Written by `python build.py review activities/<thẻ>.md --by "Họ tên"`; see CONTRIBUTING.md.
"""


@dataclass(frozen=True)
class Review:
    card: str  # the card's slug
    sha256: str
    by: str
    date: str
    line: int  # where it is written in the reviews file


def content_hash(card_path: Path) -> str:
    """SHA-256 of what a review approves: the card's text and, for a bundle, the files beside it."""
    digest = hashlib.sha256()
    digest.update(b"card\0" + decode(card_path.read_bytes()).encode("utf-8"))
    if card_path.name == BUNDLE_INDEX:
        folder = card_path.parent
        for file in sorted(p for p in folder.rglob("*") if p.is_file() and p != card_path):
            relative = file.relative_to(folder)
            if any(part.startswith(".") for part in relative.parts):
                continue
            digest.update(b"\0file\0" + relative.as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class ReviewBook:
    """The reviews file, read and checked; ``problems`` are located in it."""

    file: Path | None
    reviews: dict[str, Review]
    problems: tuple[Problem, ...] = ()

    def current(self, slug: str, sha256: str) -> Review | None:
        review = self.reviews.get(slug)
        return review if review is not None and review.sha256 == sha256 else None


def load_reviews(file: Path | None) -> ReviewBook:
    """Read ``file``; a missing file means no card is reviewed yet."""
    if file is None or not file.exists():
        return ReviewBook(file, {})
    shown = display_path(file)
    problems: list[Problem] = []

    def report(line: int, where: str, code: str, /, **params: object) -> None:
        problems.append(Problem(shown, line, where, code, params))

    try:
        document = load_located(decode(file.read_bytes()))
    except YamlSyntaxError as error:
        report(error.line, "", "yaml_syntax", problem=error.problem)
        return ReviewBook(file, {}, tuple(problems))
    except OSError as error:
        report(1, "", "file_unreadable", reason=error.strerror or str(error))
        return ReviewBook(file, {}, tuple(problems))
    except CardFileError as error:  # not UTF-8
        report(error.line, "", error.code, **error.params)
        return ReviewBook(file, {}, tuple(problems))
    data = document.value or {}
    entries = data.get("reviews") if isinstance(data, dict) else None
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        report(document.line_of(("reviews",), 1), "reviews", "reviews_bad_shape")
        return ReviewBook(file, {}, tuple(problems))
    reviews: dict[str, Review] = {}
    for index, entry in enumerate(entries):
        line = document.line_of(("reviews", index), 1)
        where = f"reviews[{index + 1}]"
        if not isinstance(entry, dict):
            report(line, where, "reviews_bad_shape")
            continue
        raw = {key: entry.get(key) for key in ("card", "sha256", "by", "date")}
        if isinstance(raw["date"], dt.date):
            raw["date"] = raw["date"].isoformat()
        values = {key: value for key, value in raw.items() if isinstance(value, str) and value.strip()}
        missing = [key for key in raw if key not in values]
        for key in missing:
            report(line, where, "required_subkey", key=key)
        if missing:
            continue
        if not _SHA256.match(values["sha256"]):
            report(document.line_of(("reviews", index, "sha256"), line), f"{where}.sha256", "reviews_bad_hash")
            continue
        try:
            dt.date.fromisoformat(values["date"])
        except ValueError:
            report(document.line_of(("reviews", index, "date"), line), f"{where}.date", "bad_date",
                   value=values["date"])
            continue
        if values["card"] in reviews:
            report(line, where, "reviews_duplicate", card=values["card"], first_line=reviews[values["card"]].line)
            continue
        reviews[values["card"]] = Review(values["card"], values["sha256"], values["by"].strip(), values["date"], line)
    return ReviewBook(file, reviews, tuple(problems))


def review_problems(book: ReviewBook, cards: dict[str, tuple[str, str]]) -> list[Problem]:
    """Warnings for reviews that no longer apply: ``cards`` maps slug -> (shown path, content hash)."""
    problems: list[Problem] = []
    shown = display_path(book.file) if book.file else ""
    for slug, review in book.reviews.items():
        if slug not in cards:
            problems.append(Problem(shown, review.line, "card", "review_unknown_card", {"card": slug},
                                    Severity.WARNING))
        elif cards[slug][1] != review.sha256:
            problems.append(Problem(cards[slug][0], 1, "", "review_stale", {"by": review.by, "date": review.date},
                                    Severity.WARNING))
    return problems


def write_reviews(file: Path, reviews: dict[str, Review]) -> None:
    """Write the reviews file (sorted by card), atomically."""
    lines = [HEADER.rstrip("\n"), "reviews:"]
    for slug in sorted(reviews):
        review = reviews[slug]
        lines += [f"  - card: {slug}", f"    sha256: {review.sha256}", f"    by: {_quote(review.by)}",
                  f"    date: {review.date}"]
    temporary = file.with_name(f".{file.name}.tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(file)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
