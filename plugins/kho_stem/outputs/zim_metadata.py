"""What a ZIM file says about itself (``content/zim.yml``), read with the line of every value.

Kiwix lists a ZIM by these texts; openZIM's metadata rules give the limits checked here, so a
wrong value is a located message at build time instead of a file that a reader shows badly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kho_stem.diagnostics.problems import DiagnosticError, Problem, display_path
from kho_stem.yaml_source import LocatedDocument, YamlSyntaxError, load_located

METADATA_FILE = "zim.yml"
TITLE_LIMIT = 30  # openZIM: Title and Description are shown whole up to these lengths
DESCRIPTION_LIMIT = 80
_TEXTS = ("name", "description", "creator", "publisher", "language")
_KEYS = (*_TEXTS, "tags")
_NAME = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)*")
_EXAMPLES = {"name": "kho-stem-mam-non_vi_all", "description": "Hoạt động STEM cho trẻ mầm non",
             "creator": "Tổ chuyên môn mầm non", "publisher": "Phòng giáo dục", "language": "vie"}


@dataclass(frozen=True)
class ZimMetadata:
    name: str
    description: str
    creator: str
    publisher: str
    language: str  # ISO 639-3, also the language of Kiwix's full-text index
    tags: tuple[str, ...]


class _Reader:
    def __init__(self, file: Path):
        self.file = file
        self.problems: list[Problem] = []

    def report(self, line: int, key: str, code: str, /, **params: object) -> None:
        self.problems.append(Problem(display_path(self.file), line, key, code, params))

    def document(self) -> LocatedDocument | None:
        if not self.file.is_file():
            self.report(1, "", "zim_metadata_missing_file", name=display_path(self.file))
            return None
        try:
            return load_located(self.file.read_text(encoding="utf-8-sig").replace("\r\n", "\n"))
        except (OSError, UnicodeDecodeError) as error:
            self.report(1, "", "file_unreadable", reason=str(error))
        except YamlSyntaxError as error:
            self.report(error.line, "", "yaml_syntax", problem=error.problem)
        return None

    def text(self, document: LocatedDocument, key: str) -> str:
        value = document.value.get(key)
        line = document.line_of((key,), 1)
        if key not in document.value:
            self.report(1, key, "taxonomy_missing_key", key=key)
        elif not isinstance(value, str) or not value.strip():
            self.report(line, key, "zim_metadata_not_text", example=_EXAMPLES[key])
        elif key == "name" and not _NAME.fullmatch(value):
            self.report(line, key, "zim_metadata_bad_name", value=value)
        elif key == "description" and len(value) > DESCRIPTION_LIMIT:
            self.report(line, key, "zim_metadata_too_long", length=len(value), limit=DESCRIPTION_LIMIT)
        else:
            return value.strip()
        return ""

    def tags(self, document: LocatedDocument) -> tuple[str, ...]:
        value = document.value.get("tags", [])
        if isinstance(value, list) and all(isinstance(tag, str) and tag and ";" not in tag for tag in value):
            return tuple(value)
        self.report(document.line_of(("tags",), 1), "tags", "zim_metadata_not_tags")
        return ()


def load_zim_metadata(file: Path) -> ZimMetadata:
    """The metadata in ``file``; raises DiagnosticError with every located problem."""
    reader = _Reader(file)
    document = reader.document()
    if document is not None and not isinstance(document.value, dict):
        reader.report(1, "", "zim_metadata_bad_shape", expected=", ".join(_KEYS))
    elif document is not None:
        for key in document.value:
            if key not in _KEYS:
                reader.report(document.line_of((key,), 1), str(key), "taxonomy_unknown_key", known=", ".join(_KEYS))
        texts = {key: reader.text(document, key) for key in _TEXTS}
        tags = reader.tags(document)
        if not reader.problems:
            return ZimMetadata(**texts, tags=tags)
    raise DiagnosticError(reader.problems)


def check_title(title: str, config_file: Path) -> None:
    """The ZIM's title is the site's name (mkdocs.yml ``site_name``): Kiwix shows 30 characters."""
    if len(title) > TITLE_LIMIT:
        raise DiagnosticError([Problem(display_path(config_file), _line_of_key(config_file, "site_name"),
                                       "site_name", "zim_metadata_too_long", {"length": len(title),
                                                                              "limit": TITLE_LIMIT})])


def _line_of_key(file: Path, key: str) -> int:
    try:
        lines = file.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, start=1) if line.startswith(f"{key}:")), 1)
