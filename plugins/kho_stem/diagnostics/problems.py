"""Problems found in cards or in the taxonomy, and how they are printed."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from kho_stem.diagnostics.messages import DEFAULT_LANGUAGE, message


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem at one place: ``file:line: key: message``.

    The message is kept as a key and parameters so that it can be shown in any language.
    """

    file: str
    line: int
    key: str
    code: str
    params: dict[str, object] = field(default_factory=dict, hash=False, compare=False)
    severity: Severity = Severity.ERROR

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        return message(self.code, language, **self.params)

    def render(self, language: str = DEFAULT_LANGUAGE) -> str:
        prefix = message("warning_prefix", language) if self.severity is Severity.WARNING else ""
        where = f"{self.file}:{self.line}: "
        key = f"{self.key}: " if self.key else ""
        return f"{where}{prefix}{key}{self.text(language)}"

    def render_github(self, language: str = DEFAULT_LANGUAGE) -> str:
        """A GitHub Actions workflow command, so the problem shows on the pull request's diff."""
        command = "warning" if self.severity is Severity.WARNING else "error"
        title = self.key or self.file
        body = f"{self.key}: {self.text(language)}" if self.key else self.text(language)
        return (
            f"::{command} file={_escape_property(self.file)},line={self.line},"
            f"title={_escape_property(title)}::{_escape_data(body)}"
        )


def _escape_data(value: str) -> str:
    # Escapes of the GitHub Actions toolkit (core/src/command.ts, escapeData).
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    # Property values additionally escape the separators ':' and ',' (escapeProperty).
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class DiagnosticError(Exception):
    """Raised when content cannot be used at all (a broken taxonomy); carries its problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.render() for p in problems))
        self.problems = problems


def page_failure(page: str, reason: str, language: str = DEFAULT_LANGUAGE) -> str:
    """What to tell people when a generated page could not be built: the page and its card."""
    parts = page.split("/")
    slug = parts[1] if len(parts) > 2 else page  # hoat-dong/<slug>/index.md
    return message("build_page_failed", language, page=page, reason=reason, slug=slug)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def display_path(path: Path) -> str:
    """How a file is named in messages: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
