"""What the plan page joins into one .docx: each card's giáo án body and numbering, and the template's parts."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from kho_stem.diagnostics.problems import Severity
from kho_stem.outputs import LessonPlanFiles
from kho_stem.outputs import lesson_plan_files as files_module
from kho_stem.outputs.lesson_plan_files import payload_file
from kho_stem.outputs.lesson_plan_payload import (
    CORE,
    DOCUMENT,
    NUMBERING,
    PLANS_GLOBAL,
    TEMPLATE_GLOBAL,
    card_payload,
    card_script,
    template_json,
    template_payload,
    template_script,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def template() -> dict:
    return template_payload()


def _canonical(element) -> bytes:
    return etree.tostring(element, method="c14n", exclusive=True)  # namespaces as used, not as declared


def _parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def test_every_cards_payload_is_the_body_of_its_docx(starter_giao_an, template):
    head, tail = template["document"]["text"]
    numbering_head, numbering_tail = template["numbering"]["text"]
    with_lists = 0
    for slug, path in starter_giao_an.items():
        parts = _parts(path)
        payload = json.loads(payload_file(path).read_text(encoding="utf-8"))
        # The template's wrapper around the payload is the card's document, byte for byte.
        assert head + payload["body"] + tail == parts[DOCUMENT], slug
        assert numbering_head + payload["nums"] + numbering_tail == parts[NUMBERING], slug
        # And the payload is exactly the body's children but the section settings.
        body = etree.fromstring(parts[DOCUMENT].encode()).find(f"{W}body")
        children = [child for child in body if child.tag != f"{W}sectPr"]
        again = etree.fromstring(f'<w:body xmlns:w="{W[1:-1]}">{payload["body"]}</w:body>'.encode())
        assert [_canonical(a) for a in again] == [_canonical(c) for c in children]
        # Every other part is the template's: that is what lets the browser ship them once.
        for name, text in template["parts"].items():
            assert parts[name] == text, (slug, name)
        assert sorted(parts) == sorted(template["order"])
        with_lists += bool(payload["nums"])
        for num in etree.fromstring(f'<x xmlns:w="{W[1:-1]}">{payload["nums"]}</x>'.encode()):
            assert int(num.get(f"{W}numId")) >= template["firstNumId"]
    assert with_lists, "some starter cards have ordered lists: their numbering travels with them"


def test_the_template_payload_is_complete_and_says_which_styles_the_cover_uses(template):
    assert template["order"][0] == "[Content_Types].xml"
    filled = {template[key]["name"] for key in ("document", "numbering", "core")}
    assert filled == {DOCUMENT, NUMBERING, CORE} and not filled & set(template["parts"])
    assert set(template["parts"]) | filled == set(template["order"])
    assert template["firstNumId"] == 10  # python-docx's template numbers its lists 1 to 9
    before, after = template["core"]["text"]
    core = etree.fromstring((before + "Lớp Chồi 2" + after).encode())
    assert core.findtext("{http://purl.org/dc/elements/1.1/}title") == "Lớp Chồi 2"
    assert "python-docx" not in before + after and "2026-01-01" in after
    styles = etree.fromstring(template["parts"]["word/styles.xml"].encode())
    ids = {style.get(f"{W}styleId") for style in styles.iter(f"{W}style")}
    assert set(template["styles"].values()) <= ids
    assert template_payload() == template, "the same bytes on every build"


def test_the_scripts_register_on_their_globals(template):
    script = template_script(template_json(template))
    assert script.startswith(f"window.{TEMPLATE_GLOBAL}=")
    assert json.loads(script.split("=", 1)[1].rstrip(";\n")) == template
    card = card_script("thuyen-la", '{"body":"<w:p/>","nums":""}')
    assert card == (f"window.{PLANS_GLOBAL}=window.{PLANS_GLOBAL}||{{}};"
                    f'window.{PLANS_GLOBAL}["thuyen-la"]={{"body":"<w:p/>","nums":""}};\n')


def _rewritten(path: Path, name: str, change) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(output, "w") as target:
        for member in source.namelist():
            data = source.read(member)
            target.writestr(member, change(data.decode()).encode() if member == name else data)
    return output.getvalue()


def test_a_docx_that_does_not_follow_the_template_is_refused(starter_giao_an):
    path = next(iter(starter_giao_an.values()))
    with pytest.raises(ValueError, match="numbering"):
        card_payload(_rewritten(path, NUMBERING, lambda text: text.replace("<w:num ", "<w:num w:x='1' ", 1)))
    with pytest.raises(ValueError, match="image or link"):
        card_payload(_rewritten(path, DOCUMENT, lambda text: text.replace("<w:r>", '<w:r><w:t r:id="rId9"/>', 1)))
    with pytest.raises(ValueError, match="w:body"):
        card_payload(_rewritten(path, DOCUMENT, lambda text: text.replace("<w:body>", "<w:bodx>")))


def test_a_cached_docx_without_its_payload_is_cut_not_made_again_and_a_damaged_one_is_made_again(
        starter_facts, taxonomy, tmp_path, giao_an_made: list[str]):
    first, _ = LessonPlanFiles(tmp_path, taxonomy).publish(starter_facts[:2])
    kept = {slug: payload_file(path).read_bytes() for slug, path in first.items()}
    for path in first.values():
        payload_file(path).unlink()
    damaged = first[starter_facts[1].slug]
    damaged.write_bytes(b"not a zip")
    files, problems = LessonPlanFiles(tmp_path, taxonomy).publish(starter_facts[:2])
    assert problems == [] and files == first
    assert giao_an_made[2:] == [starter_facts[1].title], "only the damaged file is made again"
    assert {slug: payload_file(path).read_bytes() for slug, path in files.items()} == kept
    assert zipfile.is_zipfile(damaged)


def test_a_giao_an_its_payload_cannot_be_cut_from_is_a_located_warning(
        starter_facts, taxonomy, tmp_path, monkeypatch: pytest.MonkeyPatch):
    def refuse(docx: bytes):
        raise ValueError("word/numbering.xml does not extend the template's")

    monkeypatch.setattr(files_module, "card_payload", refuse)
    files, problems = LessonPlanFiles(tmp_path, taxonomy).publish(starter_facts[:1])
    assert files == {}
    [problem] = problems
    assert problem.severity == Severity.WARNING and problem.file == starter_facts[0].card.source
    source = starter_facts[0].card.source
    assert problem.render("vi").startswith(f"{source}:1: cảnh báo: không tạo được giáo án (.docx)")
    assert "numbering.xml does not extend" in problem.render("en")
    assert not any(tmp_path.rglob("*.docx")), "no .docx cached without its payload"


def test_a_warm_build_reads_the_template_script_from_the_cache(taxonomy, tmp_path, monkeypatch: pytest.MonkeyPatch):
    script = LessonPlanFiles(tmp_path, taxonomy).template_script()

    def refuse():
        raise AssertionError("no template work on a warm build")

    monkeypatch.setattr(files_module, "template_payload", refuse)
    assert LessonPlanFiles(tmp_path, taxonomy).template_script() == script


def test_a_card_payload_opens_as_a_document_of_its_own(starter_giao_an, template, tmp_path):
    """The template's parts and one card's payload are a whole .docx: what the browser writes, less the cover."""
    slug, path = next(iter(starter_giao_an.items()))
    payload = json.loads(payload_file(path).read_text(encoding="utf-8"))
    target = tmp_path / "joined.docx"
    with zipfile.ZipFile(target, "w") as archive:
        for name in template["order"]:
            if name in template["parts"]:
                archive.writestr(name, template["parts"][name])
        head, tail = template["document"]["text"]
        archive.writestr(DOCUMENT, head + payload["body"] + tail)
        before, after = template["numbering"]["text"]
        archive.writestr(NUMBERING, before + payload["nums"] + after)
        before, after = template["core"]["text"]
        archive.writestr(CORE, before + slug + after)
    joined = docx.Document(str(target))
    assert [p.text for p in joined.paragraphs] == [p.text for p in docx.Document(str(path)).paragraphs]
    assert joined.core_properties.title == slug
