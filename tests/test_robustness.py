"""Issue #14 (robustness): every careless or hostile input gets a located Vietnamese message or a
safe output, never a traceback: card sizes and nesting, links and devices, control characters,
taxonomy edits, CSV formulas, alias redirects, output paths and what a killed build leaves."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, VALID_CARD, check_folder, edit
from kho_stem.catalog.facts import library_facts
from kho_stem.catalog.stats import library_stats
from kho_stem.cli.main import main
from kho_stem.diagnostics.problems import DiagnosticError
from kho_stem.outputs.csv_safety import csv_text, safe_cell
from kho_stem.outputs.leftovers import OFFLINE_LEFTOVERS, clean_stale, site_leftovers
from kho_stem.outputs.offline import FOLDER
from kho_stem.outputs.stats_report import as_csv
from kho_stem.site.library_site import LibrarySite
from kho_stem.site.urls import Linker
from kho_stem.taxonomy.vocabularies import load_taxonomy
from kho_stem.validation.bounds import control_characters
from kho_stem.validation.library import check_library, find_card_files

BODY_LINE = VALID_CARD.split("\n").index("---", 1) + 2  # file line of the first body line


def _card(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _body_line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# -- Medium 4: valid-looking cards that crashed the build ---------------------------------------
STARS = VALID_CARD + "\n" + "*" * 3000 + "a" + "*" * 3000 + "\n"
NESTED_DIVS = VALID_CARD + "\n" + '<div markdown="1">\n' * 400 + "x\n" + "</div>\n" * 400
DEEP_LIST = VALID_CARD + "\n" + "\n".join("  " * depth + "- mục" for depth in range(300)) + "\n"


@pytest.mark.parametrize(("text", "needle", "expected"), [
    (STARS, "****", "một dãy 3000 dấu * hoặc _ liền nhau, quá giới hạn 60"),
    (NESTED_DIVS, '<div markdown="1">\n' * 13, "thẻ HTML lồng nhau quá 12 cấp ở dòng này"),
    (DEEP_LIST, "\n" + "  " * 8 + "- mục", "danh sách lồng nhau quá 8 cấp ở dòng này"),
], ids=["6KB-of-stars", "400-nested-divs", "list-300-deep"])
def test_nesting_that_crashed_the_build_is_refused_on_its_line(tmp_path: Path, taxonomy, text, needle, expected):
    _card(tmp_path, "thu.md", text)
    problems = check_folder(tmp_path, taxonomy)
    if needle.startswith("\n"):  # the line after the newline
        line = _body_line_of(text, needle) + 1
    elif needle.startswith("<div"):
        line = _body_line_of(text, needle) + 12  # the 13th opening tag
    else:
        line = _body_line_of(text, needle)
    assert f"thu.md:{line}: {expected}" in "\n".join(problems), problems


@pytest.mark.parametrize("text", [STARS, NESTED_DIVS, DEEP_LIST], ids=["stars", "divs", "list"])
def test_build_refuses_them_with_the_card_named_and_no_traceback(tmp_path: Path, text):
    from kho_stem_mkdocs.commands import BuildFailed, build_site

    project = _project(tmp_path)
    _card(project / "activities", "thu.md", text)
    with pytest.raises(BuildFailed) as failure:
        build_site(project / "mkdocs.yml", project / "site")
    assert "activities/thu.md:" in str(failure.value) and "Traceback" not in str(failure.value)
    assert not (project / "site").exists()


@pytest.mark.parametrize(("extra", "needle", "expected"), [
    ("*a " * 1500 + "b" + " c*" * 1500, "*a " * 9, "chữ đậm, nghiêng (* hoặc _) lồng nhau quá 8 cấp"),
    ('<fieldset markdown="1">\n' * 20 + "x\n" + "</fieldset>\n" * 20, '<fieldset markdown="1">\n' * 13,
     "thẻ HTML lồng nhau quá 12 cấp"),
    ("\n".join("> " + "  " * depth + "- a" for depth in range(200)), "\n> " + "  " * 8 + "- a",
     "danh sách lồng nhau quá 8 cấp"),
    ("\n".join("  " * depth + "- a\nx" for depth in range(200)), "\n" + "  " * 8 + "- a",
     "danh sách lồng nhau quá 8 cấp"),
    ("> " * 30 + "# x", "> " * 30, "trích dẫn (>) lồng nhau quá 8 cấp"),
], ids=["nested-emphasis", "markdown-fieldsets", "lists-in-quotes", "lazy-continuation-lists", "quotes"])
def test_other_deep_nesting_is_refused_too(tmp_path: Path, taxonomy, extra, needle, expected):
    text = VALID_CARD + "\n" + extra + "\n"
    _card(tmp_path, "thu.md", text)
    line = _body_line_of(text, needle) + (1 if needle.startswith("\n") else 0)
    if needle.startswith("<fieldset"):
        line += 12
    problems = check_folder(tmp_path, taxonomy)
    assert [p for p in problems if p.startswith(f"thu.md:{line}: {expected}")], (line, problems)


def test_ordinary_emphasis_bullets_and_blanks_are_within_the_limits(tmp_path: Path, taxonomy):
    body = ("*Lưu ý:* trẻ *không* được **chạm** vào _nước nóng_. Tên: ______ lớp ____ 2*3*4 = 24\n\n"
            "* mục một\n    * mục con *nghiêng*\n\n> Trích dẫn *có* **đậm**\n\n"
            '<div markdown="1">\n<details markdown="1">\n<summary>Xem</summary>\n\n**Gợi ý**\n</details>\n</div>\n')
    _card(tmp_path, "thu.md", VALID_CARD + "\n" + body)
    assert check_folder(tmp_path, taxonomy) == []


def test_a_recursion_past_the_limits_names_the_page_and_card():
    from kho_stem_mkdocs.commands import _failed_page

    logged = ["Error reading page 'hoat-dong/thuyen-la/index.md': maximum recursion depth exceeded"]
    assert _failed_page(logged, "RecursionError") == (
        "không dựng được trang hoat-dong/thuyen-la/index.md (RecursionError); "
        "chạy python build.py check và sửa thẻ thuyen-la")


def test_sixty_kilobytes_of_unclosed_tags_are_refused_in_linear_time(tmp_path: Path, taxonomy):
    # Before the limits, `check` took 71 s on this card (the HTML parser re-reads unclosed tags).
    text = VALID_CARD + "\n" + "<a " * 20000 + "\n"
    _card(tmp_path, "thu.md", text)
    started = time.perf_counter()
    problems = check_folder(tmp_path, taxonomy)
    assert time.perf_counter() - started < 3
    assert problems == [
        f"thu.md:{BODY_LINE}: phần nội dung có 20000 thẻ HTML (<…>), quá giới hạn 500; "
        "hãy viết bằng Markdown thay cho HTML",
        f'thu.md:{_body_line_of(text, "<a ")}: quá 20 dấu < mở thẻ HTML mà không có dấu > đóng lại, tính đến dòng này; '
        'viết dấu nhỏ hơn cách ra ("x < y") hoặc đóng thẻ cho đủ',
    ]


def test_few_unclosed_tags_before_a_long_body_are_refused_quickly(tmp_path: Path, taxonomy):
    # Under the tag-count limit, 499 unclosed `<a ` before 85 KB of text took `check` 7.7 s.
    text = VALID_CARD + "\n" + "<a " * 499 + "\n" + "chữ thường không có thẻ. " * 2600 + "\n"
    _card(tmp_path, "thu.md", text)
    started = time.perf_counter()
    problems = check_folder(tmp_path, taxonomy)
    assert time.perf_counter() - started < 3
    line = _body_line_of(text, "<a ")
    assert len(problems) == 1 and problems[0].startswith(f"thu.md:{line}: quá 20 dấu < mở thẻ HTML mà không có")
    # Within the limit (a sum written "x<y" is one), the card is checked as usual.
    ordinary = VALID_CARD + "\nTrẻ so sánh: 3<5 và a<b; <b>đậm</b>, <em>nghiêng</em>.\n"
    _card(tmp_path, "thu.md", ordinary)
    assert not [p for p in check_folder(tmp_path, taxonomy) if "dấu < mở thẻ" in p]


def test_body_size_list_lengths_and_text_length_are_bounded(tmp_path: Path, taxonomy):
    _card(tmp_path, "dai.md", VALID_CARD + "\n" + ("Trẻ quan sát thuyền nổi. " * 4100) + "\n")
    materials = "materials:\n" + "".join(f"  - vật liệu {n}\n" for n in range(61))
    head, rest = VALID_CARD.split("materials:\n", 1)
    many = head + materials + rest[rest.index("safety:"):]
    many = edit(many, "  - Luôn có cô", "  - " + "Cô luôn ở cạnh trẻ. " * 120 + "\n  - Luôn có cô")
    _card(tmp_path, "nhieu.md", many)
    problems = "\n".join(check_folder(tmp_path, taxonomy))
    assert re.search(rf"dai\.md:{BODY_LINE}: phần nội dung dài \d+ byte, quá giới hạn 100000 byte", problems)
    assert f"nhieu.md:{many.split(chr(10)).index('materials:') + 1}: materials: danh sách có 61 mục, " \
           "quá giới hạn 60" in problems
    note_line = _body_line_of(many, "  - Cô luôn ở cạnh trẻ.")
    assert f"nhieu.md:{note_line}: safety[1]: nội dung dài 2399 ký tự, quá giới hạn 2000" in problems


def test_a_card_file_over_the_size_limit_is_not_read_whole(tmp_path: Path, taxonomy):
    path = _card(tmp_path, "to.md", VALID_CARD + "x" * 250_000)
    assert check_folder(tmp_path, taxonomy) == [
        "to.md:1: tệp thẻ lớn hơn 200000 byte (giới hạn ở content/taxonomy/limits.yml); "
        "hãy tách thành nhiều thẻ hoặc bỏ bớt nội dung"]
    assert path.stat().st_size > 250_000


# -- Medium 5: links, devices, and cards outside the repository ----------------------------------
def test_a_card_that_is_a_link_is_refused_even_to_dev_zero(tmp_path: Path, taxonomy):
    outside = _card(tmp_path / "ngoai", "the.md", VALID_CARD)
    activities = tmp_path / "activities"
    activities.mkdir()
    (activities / "lien-ket.md").symlink_to(outside)
    (activities / "vo-tan.md").symlink_to("/dev/zero")
    started = time.perf_counter()
    problems = check_folder(activities, taxonomy)
    assert time.perf_counter() - started < 3
    assert problems == [
        f'lien-ket.md:1: tệp thẻ là một liên kết (symlink) tới "{outside}"; thẻ phải là tệp thật nằm trong '
        "activities/: hãy chép nội dung vào đây thay cho liên kết",
        'vo-tan.md:1: tệp thẻ là một liên kết (symlink) tới "/dev/zero"; thẻ phải là tệp thật nằm trong '
        "activities/: hãy chép nội dung vào đây thay cho liên kết",
    ]
    # Named on the command line, a link is still a link (not the file it points to).
    assert [p.name for p in find_card_files([activities / "lien-ket.md"])] == ["lien-ket.md"]


def test_a_linked_folder_is_not_followed_and_a_fifo_is_refused(tmp_path: Path, taxonomy):
    outside = tmp_path / "ngoai"
    _card(outside, "the-ngoai.md", VALID_CARD)
    activities = tmp_path / "activities"
    _card(activities, "thuyen-la.md", VALID_CARD)
    (activities / "thu-muc-lien-ket").symlink_to(outside, target_is_directory=True)
    os.mkfifo(activities / "ong.md")
    files = find_card_files([activities])
    assert [p.name for p in files] == ["ong.md", "thuyen-la.md"]
    assert check_folder(activities, taxonomy) == [
        "ong.md:1: đây không phải tệp văn bản thường (thiết bị, FIFO…); thẻ phải là một tệp .md"]


# -- Low: control characters, missing keys, images, file names ------------------------------------
@pytest.mark.parametrize(("character", "name"), [
    ("\x1b", "ESC"), ("\x07", "BEL"), ("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\x00", "NUL")])
def test_control_characters_are_refused_on_their_line(tmp_path: Path, taxonomy, character, name):
    text = edit(VALID_CARD, "Trẻ thả thuyền vào chậu.", f"Trẻ thả{character} thuyền vào chậu.")
    text = edit(text, "description: Trẻ làm", f"description: Trẻ{character}{character} làm")
    _card(tmp_path, "thu.md", text)
    code = f"U+{ord(character):04X}"
    body_line = _body_line_of(text, f"Trẻ thả{character}")
    assert check_folder(tmp_path, taxonomy) == [
        f"thu.md:3: có ký tự điều khiển không in được {code} ({name}) ở cột 17 (2 ký tự như vậy trong phần này); "
        "hãy xoá chúng (thường lẫn vào khi chép từ nơi khác)",
        f"thu.md:{body_line}: có ký tự điều khiển không in được {code} ({name}) ở cột 8 (1 ký tự như vậy trong "
        "phần này); hãy xoá chúng (thường lẫn vào khi chép từ nơi khác)",
    ]


def test_tabs_and_ordinary_text_are_not_control_characters():
    assert list(control_characters("a\tb\nc — đ ‘x’ \u00a0", 1)) == []


def test_each_missing_required_key_is_reported_once(tmp_path: Path, taxonomy):
    _card(tmp_path, "trong.md", "---\nduration: 30\n---\n\nNội dung.\n")
    problems = check_folder(tmp_path, taxonomy)
    required = [spec.key for spec in taxonomy.fields if spec.required and spec.key != "duration"]
    assert len(required) >= 9
    missing = [line for line in problems if "thiếu trường bắt buộc" in line]
    assert len(missing) == len(required)
    assert sorted(re.search(r"`(\w+)`", line).group(1) for line in missing) == sorted(required)


def test_a_windows_path_is_not_called_internet(tmp_path: Path, taxonomy):
    text = VALID_CARD + "\n![Thuyền](C:\\Users\\co-hoa\\Pictures\\thuyen.jpg)\n![Lá](anh\\la.png)\n"
    _card(tmp_path, "thu.md", text)
    problems = check_folder(tmp_path, taxonomy)
    line = _body_line_of(text, "![Thuyền]")
    assert problems[0] == (
        f'thu.md:{line}: ảnh "C:\\Users\\co-hoa\\Pictures\\thuyen.jpg" là đường dẫn Windows trên máy của bạn; '
        "hãy chép ảnh vào thư mục của thẻ và ghi đường dẫn tương đối với dấu /, ví dụ anh/thuyen.jpg")
    assert "đường dẫn Windows" in problems[1] and "Internet" not in "\n".join(problems)


def test_a_250_character_image_name_is_refused_not_crashed_on(tmp_path: Path, taxonomy):
    from PIL import Image

    name = "a" * 246 + ".png"
    (tmp_path / "thu").mkdir()
    Image.new("RGB", (20, 20), "teal").save(tmp_path / "thu" / name)
    text = VALID_CARD + f"\n![Thuyền]({name})\n"
    _card(tmp_path / "thu", "index.md", text)
    problems = check_folder(tmp_path, taxonomy)
    assert f'thu/index.md:{_body_line_of(text, "![Thuyền]")}: tên ảnh "{name}" dài quá 200 ký tự' in problems[0]


def test_md_files_with_other_extensions_are_named(tmp_path: Path, taxonomy):
    _card(tmp_path, "thuyen-la.md", VALID_CARD)
    _card(tmp_path, "cau-giay.MD", VALID_CARD)
    _card(tmp_path / "nhom", "hat-dau.markdown", VALID_CARD)
    result = check_library(find_card_files([tmp_path]), taxonomy, image_folders=[tmp_path])
    assert result.ok and result.checked == 1
    assert sorted(p.render() for p in result.warnings) == [
        f'{tmp_path}/cau-giay.MD:1: cảnh báo: tệp "cau-giay.MD" bị bỏ qua: thẻ phải có đuôi .md viết thường; '
        'đổi tên thành "cau-giay.md"',
        f'{tmp_path}/nhom/hat-dau.markdown:1: cảnh báo: tệp "hat-dau.markdown" bị bỏ qua: thẻ phải có đuôi .md '
        'viết thường; đổi tên thành "hat-dau.md"',
    ]


def test_new_never_writes_a_card_named_index(tmp_path: Path, capsys):
    shutil.copytree(ROOT / "content" / "taxonomy", tmp_path / "content" / "taxonomy")
    (tmp_path / "activities").mkdir()
    options = ["new", "--title", "index", "--ages", "5-6", "--topics", "gia-dinh", "--stem", "S",
               "--duration", "30", "--group", "nhom-nho"]
    assert main(options, root=tmp_path) == 0
    assert [p.name for p in (tmp_path / "activities").iterdir()] == ["index-2.md"]
    assert main([*options, "--bundle"], root=tmp_path) == 0
    assert (tmp_path / "activities" / "index-3" / "index.md").is_file()
    assert not (tmp_path / "activities" / "index.md").exists()
    assert "index-3" in capsys.readouterr().out


# -- Medium 6: careless taxonomy edits ------------------------------------------------------------
TAXONOMY_EDITS = [
    ("fields.yml", "schema: {type: integer, minimum: 5, maximum: 180}",
     "schema: {type: integr, minimum: 5, maximum: 180}",
     "duration.schema: lược đồ (schema) của trường này sai: 'integr' is not valid"),
    ("fields.yml", 'pattern: "^[a-z0-9]+(-[a-z0-9]+)*$"', 'pattern: "^[a-z0-9+(-[a-z0-9]+)*$"',
     'aliases.schema: mẫu (pattern) "^[a-z0-9+(-[a-z0-9]+)*$" không phải biểu thức chính quy hợp lệ'),
    ("fields.yml", "    default: CC-BY-SA-4.0\n", "",
     "license: trường `license` cần `default:` (trang thẻ luôn hiển thị giá trị này)"),
    ("fields.yml", "    default: CC-BY-SA-4.0\n", "    default: CC-BY\n",
     'license.default: giá trị mặc định "CC-BY" không hợp lệ'),
    ("fields.yml", "    label: Tên hoạt động\n", "    label: {vi: Tên hoạt động}\n",
     "title.label: `label` phải là một dòng chữ, không phải danh sách hay nhóm khoá"),
    ("topics.yml", "    label: Trường mầm non\n", "    label: {vi: Trường mầm non}\n",
     "label: `label` phải là một dòng chữ, không phải danh sách hay nhóm khoá"),
    ("topics.yml", "noun: chủ đề\n", "noun: [chủ đề]\n", "noun: `noun` phải là một dòng chữ"),
    ("materials.yml", "    words: [vỏ chai nhựa]\n", "    words: vỏ chai nhựa\n",
     "words: `words` phải là một danh sách chữ"),
    ("topics.yml", "code: truong-mam-non", "code: ../../truong-mam-non",
     'code: mã "../../truong-mam-non" chỉ được gồm chữ thường không dấu, số và dấu -'),
    ("ages.yml", "code: 3-4", "code: 3 4", 'code: mã "3 4" chỉ được gồm chữ thường không dấu'),
    ("hazards.yml", "code: vat-nho", "code: Vật-nhỏ", 'code: mã "Vật-nhỏ" chỉ được gồm chữ thường không dấu'),
    ("limits.yml", "card_bytes: 200000", "card_bytes: nhiều", 'card_bytes: "nhiều" phải là một số nguyên lớn hơn 0'),
    ("limits.yml", "body_bytes: 100000", "body_byte: 100000", "body_byte: khoá không dùng ở đây"),
    ("limits.yml", "  materials: 60", "  material: 60", "list_items.material: khoá không dùng ở đây"),
]


@pytest.mark.parametrize(("name", "old", "new", "expected"), TAXONOMY_EDITS,
                         ids=[f"{edit_[0]}:{edit_[2][:20]}" for edit_ in TAXONOMY_EDITS])
def test_taxonomy_edits_get_a_located_message(tmp_path: Path, name, old, new, expected):
    folder = tmp_path / "taxonomy"
    shutil.copytree(ROOT / "content" / "taxonomy", folder)
    edited = edit((folder / name).read_text(encoding="utf-8"), old, new)
    (folder / name).write_text(edited, encoding="utf-8")
    # The message stands on the edited line; a removed default is reported on its field's line.
    line = _body_line_of(edited, new.strip() or "\n  license:") + (0 if new.strip() else 1)
    with pytest.raises(DiagnosticError) as failure:
        load_taxonomy(folder)
    rendered = [p.render().replace(folder.as_posix() + "/", "") for p in failure.value.problems]
    assert any(r.startswith(f"{name}:{line}: {expected}") for r in rendered), (line, rendered)


def test_taxonomy_edits_give_no_traceback_on_the_command_line(tmp_path: Path):
    shutil.copytree(ROOT / "content" / "taxonomy", tmp_path / "content" / "taxonomy")
    _card(tmp_path / "activities", "thuyen-la.md", VALID_CARD)
    fields = tmp_path / "content" / "taxonomy" / "fields.yml"
    text = edit(fields.read_text(encoding="utf-8"), "{type: integer, minimum: 5", "{type: integr, minimum: 5")
    fields.write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, 'plugins');"
                          "from kho_stem.cli.main import main; from pathlib import Path;"
                          f"sys.exit(main(['check'], root=Path({str(tmp_path)!r})))"],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr
    assert "content/taxonomy/fields.yml:57: duration.schema:" in run.stdout.replace(str(tmp_path) + "/", "")


# -- Medium 1: CSV formula injection -----------------------------------------------------------------
HOSTILE_CELLS = ["=1+1", "+1+1", "-1+1", "@SUM(1,1)", "\t=1+1", "\r=1+1", '=HYPERLINK("http://x.invalid","bấm")']


def test_cells_that_a_spreadsheet_would_run_get_a_leading_quote():
    for cell in HOSTILE_CELLS:
        assert safe_cell(cell) == "'" + cell
    assert safe_cell("Thuyền lá") == "Thuyền lá" and safe_cell(-3) == -3 and safe_cell(None) is None
    rows = list(csv.reader(io.StringIO(csv_text([["a", "=1+1"], [1, "x,y"]]))))
    assert rows == [["a", "'=1+1"], ["1", "x,y"]]
    assert csv_text([["=1+1"]]) == "\"'=1+1\"\r\n"


def _hostile_library(folder: Path, taxonomy) -> list:
    text = edit(VALID_CARD, "title: Thuyền lá nổi hay chìm", "title: '=1+1 thuyền'")
    text = edit(text, "author: {name: Nhóm biên soạn, school: Trường Mầm non Thử nghiệm}",
                "author: {name: '@SUM(1,1)', organization: '=HYPERLINK(\"http://x.invalid\",\"bấm\")'}")
    _card(folder, "thuyen-la.md", text)
    result = check_library(find_card_files([folder]), taxonomy)
    assert result.ok, [p.render() for p in result.problems]
    return result.cards


def test_catalog_csv_and_stats_csv_neutralise_hostile_cells(tmp_path: Path, taxonomy):
    cards = _hostile_library(tmp_path, taxonomy)
    catalog = LibrarySite(cards, taxonomy, Linker(True)).exports("2026-11-29")["catalog.csv"]
    rows = list(csv.DictReader(io.StringIO(catalog[1:])))
    assert rows[0]["Tên hoạt động"] == "'=1+1 thuyền" and rows[0]["Tác giả"].startswith("'@SUM(1,1)")
    stats = as_csv(library_stats(library_facts(cards, taxonomy), taxonomy))
    cells = [cell for row in csv.reader(io.StringIO(stats)) for cell in row]
    assert "'=HYPERLINK(\"http://x.invalid\",\"bấm\")" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


def _libreoffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "libreoffice-calc-nogui"], check=False,
                       capture_output=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = shutil.which("soffice")
    if not found:
        pytest.skip("LibreOffice Calc is not installed, and apt-get is unavailable (not root, no apt) or failed")
    return found


def test_libreoffice_opens_the_catalog_with_hostile_cells_as_text(tmp_path: Path, taxonomy):
    soffice = _libreoffice()
    cards = _hostile_library(tmp_path / "activities", taxonomy)
    catalog = LibrarySite(cards, taxonomy, Linker(True)).exports("2026-11-29")["catalog.csv"]
    source = tmp_path / "catalog.csv"
    source.write_text(catalog, encoding="utf-8", newline="")
    out = tmp_path / "out"
    # 44: comma, 34: double quote, 76: UTF-8, 1: start at row 1 (the filter Calc uses for a CSV).
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    with zipfile.ZipFile(out / "catalog.xlsx") as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert "<f>" not in sheet and "<f " not in sheet  # no cell became a formula
    assert "=1+1 thuyền" in strings and "@SUM(1,1)" in strings
    assert "HYPERLINK(&quot;http://x.invalid&quot;" in strings


# -- Medium 3: aliases become redirect pages ------------------------------------------------------
MKDOCS_YML = ("site_name: Thử nghiệm\ndocs_dir: content/pages\n"
              "theme: {name: material, language: vi, font: false}\nplugins: [kho-stem]\n")


def _project(root: Path) -> Path:
    (root / "content" / "pages").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "taxonomy", root / "content" / "taxonomy")
    (root / "content" / "pages" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (root / "activities").mkdir()
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return root


ALIASED = edit(VALID_CARD, "updated: 2026-11-23", "updated: 2026-11-23\naliases: [thuyen-cu, thuyen-la-cu]")


def test_aliases_that_collide_are_refused_on_the_alias_line(tmp_path: Path, taxonomy):
    _card(tmp_path, "thuyen-la.md", ALIASED)
    other = edit(VALID_CARD, "updated: 2026-11-23", "updated: 2026-11-23\naliases: [thuyen-la, thuyen-cu, index]")
    _card(tmp_path, "vat-noi.md", other)
    line = other.split("\n").index("aliases: [thuyen-la, thuyen-cu, index]") + 1
    assert check_folder(tmp_path, taxonomy) == [
        f'vat-noi.md:{line}: aliases: "thuyen-la" đã là tên hoặc tên cũ của thuyen-la.md',
        f'vat-noi.md:{line}: aliases: "thuyen-cu" đã là tên hoặc tên cũ của thuyen-la.md',
        f'vat-noi.md:{line}: aliases: "index" trùng với đường dẫn một trang của thư viện; hãy chọn tên khác',
    ]


def test_every_alias_gets_a_redirect_page_outside_nav_search_and_sitemap(tmp_path: Path):
    from kho_stem_mkdocs.commands import build_site

    project = _project(tmp_path)
    _card(project / "activities", "thuyen-la.md", ALIASED)
    # What builds killed earlier left behind goes at the start of the next build.
    killed = [project / f".site-{_dead_pid()}-abc", project / "site.old"]
    for folder in killed:
        folder.mkdir()
    os.utime(project / "site.old", (time.time() - 3600, time.time() - 3600))
    build_site(project / "mkdocs.yml", project / "site")
    assert not [folder for folder in killed if folder.exists()]
    site = project / "site"
    page = (site / "hoat-dong" / "thuyen-cu" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../thuyen-la/">' in page
    assert '<link rel="canonical" href="../thuyen-la/">' in page
    assert 'Hoạt động này đã chuyển sang <a href="../thuyen-la/">Thuyền lá nổi hay chìm</a>' in page
    assert (site / "hoat-dong" / "thuyen-la-cu" / "index.html").is_file()
    published = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
                 for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".js", ".json")}
    assert "hoat-dong/thuyen-cu/index.html" in published and "sitemap.xml" in published
    # Only the catalog data names the old slug (it exports the card's `aliases` field); no page,
    # navigation, sitemap or search data links to a redirect.
    mentions = [name for name, text in published.items() if "thuyen-cu" in text]
    assert mentions == ["catalog.json"], mentions


def test_offline_copy_holds_the_redirects_and_output_gets_its_zip_extension(tmp_path: Path, monkeypatch, capsys):
    project = _project(tmp_path / "du-an")
    _card(project / "activities", "thuyen-la.md", ALIASED)
    monkeypatch.chdir(tmp_path)
    killed = [tmp_path / f".offline-{_dead_pid()}-q", tmp_path / f".ban-sao.zip.{_dead_pid()}.part"]
    killed[0].mkdir()
    killed[1].write_bytes(b"PK")
    assert main(["offline", "--output", str(tmp_path / "ban-sao")], root=project) == 0
    assert not (tmp_path / "ban-sao").exists()
    assert not [leftover for leftover in killed if leftover.exists()]
    with zipfile.ZipFile(tmp_path / "ban-sao.zip") as archive:
        names = set(archive.namelist())
        page = archive.read(f"{FOLDER}/hoat-dong/thuyen-cu/index.html").decode("utf-8")
    href = re.search(r'url=([^"]+)"', page).group(1)
    assert href == "../thuyen-la/index.html"
    target = (Path(f"{FOLDER}/hoat-dong/thuyen-cu") / href).as_posix()
    assert os.path.normpath(target) in names
    assert "ban-sao.zip" in capsys.readouterr().out


# -- Low: output paths and what a killed build leaves behind ---------------------------------------
def test_output_paths_that_cannot_be_written_get_a_message(tmp_path: Path, capsys):
    project = _project(tmp_path / "du-an")
    _card(project / "activities", "thuyen-la.md", VALID_CARD)
    assert main(["stats", "--format", "csv", "--output", str(tmp_path)], root=project) == 2
    assert f'lỗi cách dùng: "{tmp_path}" là một thư mục; hãy ghi tên tệp, ví dụ {tmp_path}/thong-ke.csv' in \
        capsys.readouterr().err
    assert main(["stats", "--output", "/proc/thong-ke.txt"], root=project) == 1
    assert 'không ghi được "/proc/thong-ke.txt"' in capsys.readouterr().err
    assert main(["offline", "--output", "/proc/x.zip"], root=project) == 1
    err = capsys.readouterr().err
    assert 'không ghi được "/proc/x.zip"' in err and "Traceback" not in err


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_leftovers_of_killed_builds_are_removed_and_live_ones_kept(tmp_path: Path):
    dead, alive = _dead_pid(), os.getpid()
    for name in (f".site-{dead}-abc", f".site-{alive}-mine", "site.old", ".site-xyz"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("x", encoding="utf-8")
    old = time.time() - 3600
    for name in ("site.old", ".site-xyz"):
        os.utime(tmp_path / name, (old, old))
    removed = clean_stale(tmp_path, site_leftovers(tmp_path / "site"))
    assert sorted(p.name for p in removed) == sorted([f".site-{dead}-abc", "site.old", ".site-xyz"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".site-{alive}-mine"]

    dist = tmp_path / "dist"
    for name in (f".offline-{dead}-q", f".offline-{alive}-r"):
        (dist / name).mkdir(parents=True)
    (dist / f".kho.zip.{dead}.part").write_bytes(b"PK")
    (dist / f".kho.zip.{alive}.part").write_bytes(b"PK")
    (dist / "kho.zip").write_bytes(b"PK")
    clean_stale(dist, OFFLINE_LEFTOVERS)
    assert sorted(p.name for p in dist.iterdir()) == sorted(
        [f".kho.zip.{alive}.part", f".offline-{alive}-r", "kho.zip"])


def test_leftover_folders_are_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert {"/site.old/", "/.site-*/", ".offline-*/", "/dist/"} <= set(ignored)
