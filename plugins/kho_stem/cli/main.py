"""``python build.py COMMAND``: the command line contract of ../shared/spec/card-format.md.

Exit codes: 0 success, 1 invalid content, 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

from kho_stem.cards.card import slug_of
from kho_stem.cards.reviews import Review, content_hash, load_reviews, write_reviews
from kho_stem.catalog.facts import library_facts
from kho_stem.catalog.minimum_list import MinimumListMaker
from kho_stem.catalog.stats import library_stats
from kho_stem.cli.project import Project
from kho_stem.cli.scaffold import NewCard, ScaffoldError, ask, parse_codes, parse_duration, parse_title, write_card
from kho_stem.diagnostics.messages import LANGUAGES, message
from kho_stem.diagnostics.problems import DiagnosticError, Problem, display_path
from kho_stem.outputs import ZimFile, ZimMetadata, default_name, libzim_available, load_zim_metadata, zim_default_name
from kho_stem.outputs.cms_config import write_cms_config
from kho_stem.outputs.editor_config import write_config
from kho_stem.outputs.materials_report import FORMATS as MATERIALS_FORMATS
from kho_stem.outputs.materials_report import render as render_materials
from kho_stem.outputs.stats_report import FORMATS, encoding_for, render
from kho_stem.taxonomy.card_schema import write_schema
from kho_stem.taxonomy.vocabularies import Taxonomy, load_taxonomy
from kho_stem.text import nfc, slugify
from kho_stem.validation.library import CheckResult, check_library, find_card_files

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, text: str) -> NoReturn:  # argparse would exit 2 in English; we raise instead
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
    build.add_argument("--reviewed-only", action="store_true", help="bản chính thức: bỏ các thẻ chưa duyệt")
    _add_language(build)
    serve = commands.add_parser("serve", help="xem trước tại http://127.0.0.1:8000, tự dựng lại khi sửa thẻ")
    serve.add_argument("--address", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định 127.0.0.1:8000)")
    serve.add_argument("--full-rebuild", action="store_true",
                       help="dựng lại toàn bộ trang web mỗi lần sửa (mặc định: thẻ vừa sửa được kiểm tra và dựng "
                            "lại riêng, các tệp khác thì dựng lại toàn bộ)")
    _add_language(serve)
    offline = commands.add_parser("offline", help="dựng bản ngoại tuyến và đóng gói thành một tệp .zip (mở từ USB)")
    offline.add_argument("--output", metavar="PATH",
                         help="tệp .zip hoặc thư mục để ghi vào (mặc định: dist/kho-stem-offline-<ngày>.zip)")
    offline.add_argument("--reviewed-only", action="store_true", help="bản chính thức: bỏ các thẻ chưa duyệt")
    _add_language(offline)
    zim = commands.add_parser("zim", help="dựng thư viện thành một tệp .zim cho Kiwix và Internet-in-a-Box")
    zim.add_argument("--output", metavar="PATH",
                     help="tệp .zim hoặc thư mục để ghi vào (mặc định: dist/kho-stem-<ngày>.zim)")
    zim.add_argument("--reviewed-only", action="store_true", help="bản chính thức: bỏ các thẻ chưa duyệt")
    _add_language(zim)
    new = commands.add_parser("new", help="tạo thẻ mới: hỏi từng câu, hoặc nhận đủ các tuỳ chọn dưới đây")
    new.add_argument("--title", help="tên hoạt động, ví dụ \"Thuyền lá nổi hay chìm\"")
    new.add_argument("--ages", help="mã độ tuổi, cách nhau bằng dấu phẩy, ví dụ 4-5,5-6")
    new.add_argument("--topics", help="mã chủ đề, cách nhau bằng dấu phẩy")
    new.add_argument("--stem", help="lĩnh vực STEM, ví dụ S,E")
    new.add_argument("--duration", help="thời lượng, số phút từ 5 đến 180")
    new.add_argument("--group", help="hình thức tổ chức, ví dụ nhom-nho")
    new.add_argument("--process", default="free", help="quy trình: free (mặc định), edp hoặc 5e")
    new.add_argument("--author", default="", help="tên tác giả")
    new.add_argument("--school", default="", help="trường hoặc đơn vị của tác giả")
    new.add_argument("--bundle", action="store_true", help="tạo thư mục activities/<tên>/index.md để kèm ảnh")
    _add_language(new)
    stats = commands.add_parser("stats", help="thống kê: số thẻ theo độ tuổi, chủ đề…, độ phủ chủ đề × độ tuổi")
    stats.add_argument("--format", choices=FORMATS, default="text", help="text (mặc định), csv hoặc json")
    stats.add_argument("--output", type=Path, metavar="PATH", help="ghi vào tệp thay vì in ra màn hình")
    _add_language(stats)
    materials = commands.add_parser(
        "materials", help="danh mục vật liệu tối thiểu để một lớp tổ chức được một tỉ lệ số thẻ của mỗi độ tuổi")
    materials.add_argument("--age", help="mã độ tuổi, ví dụ 5-6 (mặc định: từng độ tuổi và cả trường)")
    materials.add_argument("--share", default="0.8", help="tỉ lệ số thẻ, từ 0 đến 1 (mặc định 0.8, tức 80 %%)")
    materials.add_argument("--class-size", help="sĩ số lớp (mặc định theo content/taxonomy/per.yml)")
    materials.add_argument("--format", choices=MATERIALS_FORMATS, default="text", help="text (mặc định), csv hoặc json")
    materials.add_argument("--output", type=Path, metavar="PATH", help="ghi vào tệp thay vì in ra màn hình")
    _add_language(materials)
    review = commands.add_parser(
        "review", help="(tổ duyệt) ghi nhận đã duyệt đúng nội dung hiện tại của thẻ vào content/reviews.yml")
    review.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="tệp thẻ đã duyệt")
    review.add_argument("--by", required=True, help="họ tên người duyệt")
    review.add_argument("--date", help="ngày duyệt YYYY-MM-DD (mặc định: hôm nay)")
    _add_language(review)
    schema = commands.add_parser(
        "schema", help="ghi lại lược đồ JSON của thẻ (content/schema/card.schema.json), frontmatter.json "
        "và cấu hình biểu mẫu viết thẻ (content/schema/cms.yml)")
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
        if args.command == "new":
            return run_new(project, args)
        if args.command == "stats":
            return run_stats(project, args.format, args.output, args.lang)
        if args.command == "materials":
            return run_materials(project, args)
        if args.command == "schema":
            return run_schema(project, args.lang)
        if args.command == "review":
            return run_review(project, args.paths, args.by, args.date, args.lang)
        if args.command in ("build", "serve", "offline", "zim"):
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
    return EXIT_OK if _check(project, paths, output_format, language)[1].ok else EXIT_INVALID


def _check(project: Project, paths: list[Path], output_format: str, language: str) -> tuple[Taxonomy, CheckResult]:
    """Check and report, as ``build.py check`` does; the taxonomy and result for who needs them."""
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
        inside = True
    # Reviews name the library's cards: judged only when the whole library is in view.
    reviews = load_reviews(project.reviews_file) if inside else None
    # The command line is single-threaded: a large library is checked on every core.
    result = check_library(files, taxonomy, context, folders, reviews, processes=os.cpu_count() or 1,
                           body_cache_dir=project.body_cache, verdict_cache_dir=project.verdict_cache)
    _keep_until_exit()
    _print_problems(result.problems, output_format, language)
    print(_summary(result, language))
    return taxonomy, result


def run_site(project: Project, args: argparse.Namespace) -> int:
    # Before MkDocs is imported: ProperDocs, when chosen, must stand in for it from the start.
    _select_generator(args.lang)
    # Imported here: the core never needs MkDocs, only these two commands do.
    from kho_stem_mkdocs.commands import BuildFailed, ZimFailed, build_offline, build_site, serve_site
    from kho_stem_mkdocs.handoff import CheckedLibrary, hand_over, withdraw
    from kho_stem_mkdocs.plugin import REVIEWED_ONLY_VARIABLE

    zim_metadata = _zim_metadata(project, args.lang) if args.command == "zim" else None  # before a long build
    taxonomy, result = _check(project, [], "text", args.lang)
    if not result.ok:
        return EXIT_INVALID
    if args.command != "serve":  # serve rebuilds after edits: each rebuild checks what it reads
        # The plugin takes this result instead of checking the same library again.
        hand_over(CheckedLibrary(project.activities, project.taxonomy, project.reviews_file, taxonomy, result))
    if getattr(args, "reviewed_only", False):
        # Read by the kho-stem plugin (its `reviewed_only` option), so mkdocs.yml stays as it is.
        os.environ[REVIEWED_ONLY_VARIABLE] = "1"
    try:
        if args.command == "build":
            build_site(project.root / "mkdocs.yml", project.root / "site", strict=args.strict)
            print(f"site: {display_path(project.root / 'site')}")
        elif args.command == "offline":
            target = _offline_target(project, args.output, args.lang)
            copy = build_offline(project.root / "mkdocs.yml", target)
            print(message("offline_written", args.lang, cards=copy.cards, files=copy.files,
                          path=display_path(copy.path), megabytes=f"{copy.size / 1_000_000:.1f}"))
        elif args.command == "zim":
            assert zim_metadata is not None
            target = _output_target(project, args.output, args.lang, zim_default_name(dt.date.today()), ".zim")
            written = _write_zim(project, target, zim_metadata, args.lang)
            print(message("zim_written", args.lang, cards=written.cards, entries=written.entries,
                          path=display_path(written.path), megabytes=f"{written.size / 1_000_000:.1f}"))
        else:
            serve_site(project.root / "mkdocs.yml", args.address, preview=not args.full_rebuild)
    except BuildFailed as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    except ZimFailed as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    except OSError as error:  # a target that cannot be written (read-only, /proc, a full disk)
        path = error.filename or (project.root / "site")
        print(message("output_unwritable", args.lang, path=path, reason=error.strerror or error), file=sys.stderr)
        return EXIT_INVALID
    finally:
        withdraw()
    return EXIT_OK


def _select_generator(language: str) -> None:
    """MkDocs, or ProperDocs when ``KHO_STEM_GENERATOR=properdocs`` (see README, Switching to ProperDocs)."""
    from kho_stem_mkdocs.generator import (
        GENERATOR_VARIABLE,
        GENERATORS,
        GeneratorMissing,
        UnknownGenerator,
        select_generator,
    )

    name = os.environ.get(GENERATOR_VARIABLE) or GENERATORS[0]
    try:
        select_generator(name)
    except UnknownGenerator:
        raise UsageError(message("generator_unknown", language, variable=GENERATOR_VARIABLE, value=name,
                                 choices=", ".join(GENERATORS))) from None
    except GeneratorMissing:
        raise UsageError(message("generator_missing", language, variable=GENERATOR_VARIABLE, value=name,
                                 command=f"{sys.executable} -m pip install {name}")) from None


def _zim_metadata(project: Project, language: str) -> ZimMetadata:
    if not libzim_available():
        raise UsageError(message("zim_libzim_missing", language,
                                 command=f"{sys.executable} -m pip install 'libzim>=3.6,<4'"))
    return load_zim_metadata(project.zim_metadata_file)


def _write_zim(project: Project, target: Path, metadata: ZimMetadata, language: str) -> ZimFile:
    from kho_stem_mkdocs.commands import ZimFailed, build_zim

    try:
        return build_zim(project.root / "mkdocs.yml", target, metadata)
    except ZimFailed as error:
        raise ZimFailed(message("zim_failed", language, path=display_path(target), reason=error)) from None
    except OSError as error:  # the same promise as libzim's failures: nothing half-written, say what to do
        reason = error.strerror or error
        raise ZimFailed(message("zim_failed", language, path=display_path(target), reason=reason)) from None


def _offline_target(project: Project, argument: str | None, language: str) -> Path:
    return _output_target(project, argument, language, default_name(dt.date.today()), ".zip")


def _output_target(project: Project, argument: str | None, language: str, name: str, suffix: str) -> Path:
    if argument is None:
        return project.root / "dist" / name
    output = Path(argument).resolve()
    if output.is_dir() or argument.endswith(("/", os.sep)):
        # "--output dist/" names a folder, even one that does not exist yet.
        return output / name
    if not output.parent.is_dir():
        raise UsageError(message("path_not_found", language, path=output.parent))
    # "--output ban-sao" means ban-sao.zip (or .zim): a file without its extension would not open on a click.
    return output if output.suffix.lower() == suffix else output.with_name(output.name + suffix)


_NEW_OPTIONS = ("title", "ages", "topics", "stem", "duration", "group")


def run_new(project: Project, args: argparse.Namespace) -> int:
    taxonomy = load_taxonomy(project.taxonomy)
    given = [name for name in _NEW_OPTIONS if getattr(args, name) is not None]
    try:
        if given:
            missing = [f"--{name}" for name in _NEW_OPTIONS if name not in given]
            if missing:
                raise UsageError(message("new_missing_options", args.lang, options=", ".join(missing)))
            card = NewCard(
                parse_title(args.title), parse_codes(args.ages, taxonomy.ages, "độ tuổi"),
                parse_codes(args.topics, taxonomy.topics, "chủ đề"),
                parse_codes(args.stem, taxonomy["stem"], "lĩnh vực STEM"), parse_duration(args.duration),
                parse_codes(args.group, taxonomy["groups"], "hình thức tổ chức")[0], nfc(args.author),
                nfc(args.school), parse_codes(args.process, taxonomy.processes, "quy trình")[0], args.bundle)
        else:
            card = replace(ask(taxonomy, _read_answer, print), bundle=args.bundle)
    except ScaffoldError as error:
        raise UsageError(str(error)) from None
    files = find_card_files([project.activities]) if project.activities.is_dir() else []
    known = check_library(files, taxonomy).cards
    taken = {slug_of(path) for path in files} | {card.slug for card in known} | {
        alias for card in known for alias in card.aliases}
    try:
        path = write_card(project.activities, card, taxonomy, taken, dt.date.today())
    except FileExistsError as error:  # a card appeared under that name meanwhile: never overwrite it
        raise UsageError(message("new_exists", args.lang, path=display_path(Path(error.filename)))) from None
    if slug_of(path) != slugify(card.title):
        print(message("new_renamed", args.lang, taken=slugify(card.title), slug=slug_of(path)))
    # The interpreter running now is the one with the project's packages (usually .venv/bin/python).
    print(message("new_written", args.lang, path=display_path(path), python=display_path(Path(sys.executable))))
    return EXIT_OK


def _read_answer(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        raise UsageError("chưa trả lời đủ các câu hỏi; có thể dùng các tuỳ chọn --title, --ages…") from None


def _check_output(output: Path | None, output_format: str, stem: str, language: str) -> None:
    if output is not None and output.is_dir():
        example = output / f"{stem}.{'txt' if output_format == 'text' else output_format}"
        raise UsageError(message("output_is_folder", language, path=output, example=example))
    if output is not None and not output.resolve().parent.is_dir():
        raise UsageError(message("path_not_found", language, path=output.parent))


def _checked_library(project: Project, language: str) -> tuple[Taxonomy, CheckResult]:
    taxonomy = load_taxonomy(project.taxonomy)
    files = find_card_files([project.activities]) if project.activities.is_dir() else []
    # As `build.py check` does: every core for a large library, and its caches.
    result = check_library(files, taxonomy, reviews=load_reviews(project.reviews_file),
                           processes=os.cpu_count() or 1, body_cache_dir=project.body_cache,
                           verdict_cache_dir=project.verdict_cache)
    _keep_until_exit()
    return taxonomy, result


def _keep_until_exit() -> None:
    """The checked library lives as long as the command: keep the cyclic garbage collector from
    walking it. Its full passes over 5,000 cards' objects cost 0.2 s each in `materials`; a build
    unfreezes them when it ends (the MkDocs plugin), so a long `serve` frees them in time."""
    gc.freeze()


def _write_report(text: str, output: Path | None, output_format: str, language: str, key: str) -> int:
    """Print ``text``, or write it to ``output`` and say so with the message ``key``."""
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        output.write_text(text, encoding=encoding_for(output_format), newline="")
    except OSError as error:
        print(message("output_unwritable", language, path=output, reason=error.strerror or error), file=sys.stderr)
        return EXIT_INVALID
    print(message(key, language, path=display_path(output.resolve())))
    return EXIT_OK


def _refuse_broken(result: CheckResult, language: str) -> int | None:
    if result.ok:
        return None
    # Numbers from a library with broken cards would be wrong: show what to fix instead.
    _print_problems(result.problems, "text", language)
    print(_summary(result, language))
    return EXIT_INVALID


def run_stats(project: Project, output_format: str, output: Path | None, language: str) -> int:
    _check_output(output, output_format, "thong-ke", language)
    taxonomy, result = _checked_library(project, language)
    refused = _refuse_broken(result, language)
    if refused is not None:
        return refused
    text = render(library_stats(library_facts(result.cards, taxonomy), taxonomy), output_format)
    return _write_report(text, output, output_format, language, key="stats_written")


def _share(value: str, language: str) -> float:
    try:
        share = float(value.strip().rstrip("%").replace(",", "."))
    except ValueError:
        share = -1.0
    if value.strip().endswith("%"):
        share /= 100
    if not 0 < share <= 1:
        raise UsageError(message("materials_bad_share", language, value=value))
    return share


def _class_size(value: str | None, language: str) -> int | None:
    if value is None:
        return None
    if not value.strip().isdigit() or not 1 <= int(value) <= 100:
        raise UsageError(message("materials_bad_class_size", language, value=value))
    return int(value)


def run_materials(project: Project, args: argparse.Namespace) -> int:
    language = args.lang
    share = _share(args.share, language)
    class_size = _class_size(args.class_size, language)
    _check_output(args.output, args.format, "danh-muc-vat-lieu", language)
    taxonomy, result = _checked_library(project, language)
    if args.age is not None and args.age not in taxonomy.ages:
        raise UsageError(message("materials_unknown_age", language, value=args.age,
                                 known=", ".join(taxonomy.ages.codes)))
    refused = _refuse_broken(result, language)
    if refused is not None:
        return refused
    maker = MinimumListMaker(library_facts(result.cards, taxonomy), taxonomy)
    ages = [args.age] if args.age else [*taxonomy.ages.codes, None]
    lists = [maker.make(age, share, class_size) for age in ages]
    return _write_report(render_materials(lists, args.format), args.output, args.format, language,
                         key="materials_written")


def run_review(project: Project, paths: list[Path], by: str, date: str | None, language: str) -> int:
    """Record that the board reviewed exactly the current content of each card."""
    by = nfc(by).strip()
    if not by:
        raise UsageError(message("review_needs_name", language))
    try:
        day = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        raise UsageError(message("bad_date", language, value=date)) from None
    for path in paths:
        if not path.is_file():
            raise UsageError(message("path_not_found", language, path=path))
    taxonomy = load_taxonomy(project.taxonomy)
    files = find_card_files(paths)
    result = check_library(files, taxonomy, find_card_files([project.activities]))
    if not result.ok:  # only a card that passes check can be approved
        _print_problems(result.errors, "text", language)
        return EXIT_INVALID
    book = load_reviews(project.reviews_file)
    if book.problems:
        _print_problems(list(book.problems), "text", language)
        return EXIT_INVALID
    reviews = dict(book.reviews)
    for card in result.cards:
        reviews[card.slug] = Review(card.slug, content_hash(card.path), by, day.isoformat(), 0)
        print(message("review_recorded", language, card=card.source, by=by, date=day.isoformat()))
    project.reviews_file.parent.mkdir(parents=True, exist_ok=True)
    write_reviews(project.reviews_file, reviews)
    return EXIT_OK


def run_schema(project: Project, language: str) -> int:
    taxonomy = load_taxonomy(project.taxonomy)
    write_schema(taxonomy, project.schema_file)
    print(message("schema_written", language, path=display_path(project.schema_file)))
    write_config(taxonomy, project.editor_config_file)
    print(message("schema_written", language, path=display_path(project.editor_config_file)))
    write_cms_config(taxonomy, project.cms_config_file)
    print(message("cms_config_written", language, path=display_path(project.cms_config_file)))
    return EXIT_OK


def _summary(result: CheckResult, language: str) -> str:
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
