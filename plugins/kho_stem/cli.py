"""``python build.py COMMAND``: the command line contract of ../shared/spec/card-format.md.

Exit codes: 0 success, 1 invalid content, 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from .catalog import library_facts
from .diagnostics import DiagnosticError, Problem, display_path
from .library import check_library, find_card_files
from .messages import LANGUAGES, message
from .offline import default_name
from .project import Project
from .schema import write_schema
from .stats import library_stats
from .stats_report import FORMATS, encoding_for, render
from .taxonomy import load_taxonomy

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, text: str) -> None:  # argparse would exit 2 in English; we raise instead
        raise UsageError(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python build.py", description="Kho học liệu STEM mầm non")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    check = commands.add_parser("check", help="kiểm tra thẻ hoạt động (mặc định: cả thư mục activities/)")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="tệp thẻ hoặc thư mục")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="text (mặc định) hoặc github: chú thích ::error cho GitHub Actions")
    _add_language(check)
    build = commands.add_parser("build", help="kiểm tra thẻ rồi dựng trang vào site/")
    build.add_argument("--strict", action="store_true", help="coi mọi cảnh báo của MkDocs là lỗi")
    _add_language(build)
    serve = commands.add_parser("serve", help="xem trước tại http://127.0.0.1:8000, tự dựng lại khi sửa thẻ")
    serve.add_argument("--address", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định 127.0.0.1:8000)")
    _add_language(serve)
    offline = commands.add_parser("offline", help="dựng bản ngoại tuyến và đóng gói thành một tệp .zip (mở từ USB)")
    offline.add_argument("--output", type=Path, metavar="PATH",
                         help="tệp .zip hoặc thư mục để ghi vào (mặc định: dist/kho-stem-offline-<ngày>.zip)")
    _add_language(offline)
    stats = commands.add_parser("stats", help="thống kê: số thẻ theo độ tuổi, chủ đề…, độ phủ chủ đề × độ tuổi")
    stats.add_argument("--format", choices=FORMATS, default="text", help="text (mặc định), csv hoặc json")
    stats.add_argument("--output", type=Path, metavar="PATH", help="ghi vào tệp thay vì in ra màn hình")
    _add_language(stats)
    schema = commands.add_parser("schema", help="ghi lại lược đồ JSON của thẻ (content/schema/card.schema.json)")
    _add_language(schema)
    return parser


def _add_language(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default="vi", help="ngôn ngữ thông báo: vi (mặc định) hoặc en")


def main(argv: Sequence[str] | None = None, root: Path | None = None) -> int:
    _use_utf8_output()
    project = Project((root or Path.cwd()).resolve())
    language = "en" if (argv and "--lang=en" in argv) or _after(argv, "--lang") == "en" else "vi"
    try:
        args = build_parser().parse_args(argv)
        if args.command == "check":
            return run_check(project, args.paths, args.format, args.lang)
        if args.command == "stats":
            return run_stats(project, args.format, args.output, args.lang)
        if args.command == "schema":
            return run_schema(project, args.lang)
        if args.command in ("build", "serve", "offline"):
            return run_site(project, args)
    except UsageError as error:
        print(message("usage_error", language, detail=error), file=sys.stderr)
        return EXIT_USAGE
    except DiagnosticError as error:
        _print_problems(error.problems, "text", language)
        return EXIT_INVALID
    except BrokenPipeError:  # output piped into `head` and closed early: nothing left to say
        sys.stderr.close()
        return EXIT_OK
    return EXIT_USAGE


def run_check(project: Project, paths: list[Path], output_format: str, language: str) -> int:
    for path in paths:
        if not path.exists():
            raise UsageError(message("path_not_found", language, path=path))
    taxonomy = load_taxonomy(project.taxonomy)
    if paths:
        files = find_card_files(paths)
        if not files:
            raise UsageError(message("no_cards_found", language, paths=", ".join(map(str, paths))))
        inside = any(project.contains_card_path(p) for p in paths)
        context = find_card_files([project.activities]) if inside else []
        folders = [p for p in paths if p.is_dir()]
    else:
        files = find_card_files([project.activities]) if project.activities.is_dir() else []
        context = []
        folders = [project.activities] if project.activities.is_dir() else []
    result = check_library(files, taxonomy, context, folders)
    _print_problems(result.problems, output_format, language)
    print(_summary(result, language))
    return EXIT_OK if result.ok else EXIT_INVALID


def run_site(project: Project, args: argparse.Namespace) -> int:
    # Imported here: the core never needs MkDocs, only these two commands do.
    from kho_stem_mkdocs.commands import BuildFailed, build_offline, build_site, serve_site

    if run_check(project, [], "text", args.lang) != EXIT_OK:
        return EXIT_INVALID
    try:
        if args.command == "build":
            build_site(project.root / "mkdocs.yml", project.root / "site", strict=args.strict)
            print(f"site: {display_path(project.root / 'site')}")
        elif args.command == "offline":
            target = _offline_target(project, args.output, args.lang)
            copy = build_offline(project.root / "mkdocs.yml", target)
            print(message("offline_written", args.lang, cards=copy.cards, files=copy.files,
                          path=display_path(copy.path), megabytes=f"{copy.size / 1_000_000:.1f}"))
        else:
            serve_site(project.root / "mkdocs.yml", args.address)
    except BuildFailed as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _offline_target(project: Project, output: Path | None, language: str) -> Path:
    name = default_name(dt.date.today())
    if output is None:
        return project.root / "dist" / name
    output = output.resolve()
    if output.is_dir():
        return output / name
    if not output.parent.is_dir():
        raise UsageError(message("path_not_found", language, path=output.parent))
    return output


def run_stats(project: Project, output_format: str, output: Path | None, language: str) -> int:
    if output is not None and not output.resolve().parent.is_dir():
        raise UsageError(message("path_not_found", language, path=output.parent))
    taxonomy = load_taxonomy(project.taxonomy)
    files = find_card_files([project.activities]) if project.activities.is_dir() else []
    result = check_library(files, taxonomy)
    if not result.ok:
        # Numbers from a library with broken cards would be wrong: show what to fix instead.
        _print_problems(result.problems, "text", language)
        print(_summary(result, language))
        return EXIT_INVALID
    text = render(library_stats(library_facts(result.cards, taxonomy), taxonomy), output_format)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding=encoding_for(output_format), newline="")
        print(message("stats_written", language, path=display_path(output.resolve())))
    return EXIT_OK


def run_schema(project: Project, language: str) -> int:
    taxonomy = load_taxonomy(project.taxonomy)
    write_schema(taxonomy, project.schema_file)
    print(message("schema_written", language, path=display_path(project.schema_file)))
    return EXIT_OK


def _summary(result, language: str) -> str:
    if result.ok:
        text = message("summary_ok", language, count=result.checked)
    else:
        bad_cards = len({p.file for p in result.errors})
        text = message("summary_failed", language, count=result.checked, errors=len(result.errors), cards=bad_cards)
    if result.warnings:
        text += message("summary_warnings", language, warnings=len(result.warnings))
    return text


def _print_problems(problems: list[Problem], output_format: str, language: str) -> None:
    for problem in sorted(problems, key=lambda p: (p.file, p.line)):
        if output_format == "github":
            print(problem.render_github(language))
        else:
            print(problem.render(language))


def _after(argv: Sequence[str] | None, flag: str) -> str | None:
    if not argv:
        return None
    items = list(argv)
    return items[items.index(flag) + 1] if flag in items[:-1] else None


def _use_utf8_output() -> None:
    # Vietnamese must print on a Windows console whose code page is not UTF-8.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
