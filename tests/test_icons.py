"""Pictures of topics, STEM fields and age bands (issue #23, item 12): every one names an icon bundled
with Material for MkDocs, the taxonomy check refuses a name that does not exist with a located
message, and pages inline the SVG hidden from screen readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import taxonomy_problems
from kho_stem.site.icons import inline_icon, term_icon
from kho_stem.taxonomy.icons import closest_icon, icon_file


def _line_of(file: Path, text: str) -> int:
    return file.read_text(encoding="utf-8").splitlines().index(text) + 1


def test_every_topic_stem_field_and_age_band_has_a_bundled_icon(taxonomy):
    for vocabulary in ("topics", "stem", "ages"):
        for term in taxonomy[vocabulary]:
            name = term.get("icon")
            assert isinstance(name, str) and icon_file(name) is not None, (vocabulary, term.code, name)
    topic_icons = [term.get("icon") for term in taxonomy.topics]
    assert len(set(topic_icons)) == len(topic_icons), "each topic a picture of its own"


def test_an_icon_is_inlined_as_svg_hidden_from_screen_readers(taxonomy):
    svg = inline_icon("material/water", "ks-icon")
    assert svg.startswith('<svg class="ks-icon" aria-hidden="true" focusable="false"') and svg.endswith("</svg>")
    assert "<path" in svg and "<script" not in svg and "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert term_icon(taxonomy.topics["the-gioi-dong-vat"]) == inline_icon("material/paw")
    assert term_icon(taxonomy["groups"].terms[0]) == "", "a vocabulary without pictures gives none"


def test_a_misspelt_icon_is_refused_where_it_is_written_with_a_suggestion(taxonomy_copy: Path):
    path = taxonomy_copy / "topics.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("icon: material/paw", "icon: material/pawz"),
                    encoding="utf-8")
    line = _line_of(path, "    icon: material/pawz")
    assert taxonomy_problems(taxonomy_copy) == [
        f'topics.yml:{line}: icon: biểu tượng "material/pawz" không có trong bộ biểu tượng đi kèm Material for '
        'MkDocs (material/templates/.icons); ghi tên một tệp có sẵn ở đó, bỏ đuôi .svg, ví dụ "material/water" '
        '— có phải bạn muốn viết "material/paw"?']
    in_english = taxonomy_problems(taxonomy_copy, "en")
    assert in_english[0].startswith(f'topics.yml:{line}: icon: icon "material/pawz" is not among')


@pytest.mark.parametrize("name", ["material/../../../etc/passwd", "nothing/paw", "paw", "material/Paw", ""])
def test_names_outside_the_icon_sets_are_refused(taxonomy_copy: Path, name: str):
    path = taxonomy_copy / "stem.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("icon: material/tools", f'icon: "{name}"'),
                    encoding="utf-8")
    line = _line_of(path, f'    icon: "{name}"')
    problems = taxonomy_problems(taxonomy_copy)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f'stem.yml:{line}: icon: biểu tượng "{name}" không có'), problems
    assert icon_file(name) is None


def test_a_topic_or_stem_field_without_an_icon_is_refused(taxonomy_copy: Path):
    path = taxonomy_copy / "stem.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    icon: material/crane\n", ""), encoding="utf-8")
    line = _line_of(path, "  - code: E")
    assert taxonomy_problems(taxonomy_copy) == [f"stem.yml:{line}: items[3]: mục này thiếu `icon`"]


def test_an_icon_that_is_not_text_is_refused(taxonomy_copy: Path):
    path = taxonomy_copy / "ages.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("icon: material/baby-face-outline",
                                                             "icon: [material/baby-face-outline]"), encoding="utf-8")
    problems = taxonomy_problems(taxonomy_copy)
    assert len(problems) == 1 and "icon: `icon` phải là một dòng chữ" in problems[0]


def test_the_closest_icon_is_in_the_same_set():
    assert closest_icon("material/flask-outlin") == "material/flask-outline"
    assert closest_icon("nothing/paw") is None and closest_icon("../x") is None
