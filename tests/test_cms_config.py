"""The web form's configuration (Sveltia CMS): in sync with the taxonomy, and every field and every
choice of the card definition, and nothing else, by construction."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from conftest import ROOT, VALID_CARD, check_folder, edit
from kho_stem.outputs.cms_config import BODY_FIELD, PROCESS_FIELD, body_template, cms_config, cms_config_text
from kho_stem.taxonomy.card_schema import card_schema
from kho_stem.taxonomy.vocabularies import Taxonomy, load_taxonomy

CMS_SCHEMA = ROOT / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"


def fields_yml(taxonomy: Taxonomy) -> dict:
    return yaml.safe_load((taxonomy.root / "fields.yml").read_text(encoding="utf-8"))["fields"]


def vocabulary_of(schema: dict) -> str | None:
    return schema.get("vocabulary") or (schema.get("items") or {}).get("vocabulary")


def assert_form_matches(taxonomy: Taxonomy) -> None:
    """Compare the form with fields.yml and the vocabulary files themselves (not with the code that made it)."""
    definition = fields_yml(taxonomy)
    vocabulary_codes = {path.stem: [item["code"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))["items"]]
                        for path in taxonomy.root.glob("*.yml") if path.stem not in ("fields", "limits")}
    limits_file = yaml.safe_load((taxonomy.root / "limits.yml").read_text(encoding="utf-8"))
    limits, text_chars = limits_file["list_items"], limits_file["text_chars"]
    config = cms_config(taxonomy)
    # One collection per process, and nothing else.
    assert [c["filter"] for c in config["collections"]] == [
        {"field": PROCESS_FIELD, "value": code} for code in vocabulary_codes["processes"]]
    for collection in config["collections"]:
        process = collection["filter"]["value"]
        fields = {f["name"]: f for f in collection["fields"]}
        expected = [key for key, spec in definition.items() if not spec.get("deprecated")]
        assert list(fields) == [*expected, BODY_FIELD], "every field of fields.yml (not deprecated), then the body"
        assert fields[PROCESS_FIELD] == {"name": PROCESS_FIELD, "label": definition[PROCESS_FIELD]["label"],
                                         "widget": "hidden", "default": process}
        for key in expected:
            spec, field = definition[key], fields[key]
            if key == PROCESS_FIELD:
                continue
            assert field["label"] == spec["label"] and field["hint"] == spec["help"], key
            assert field["required"] is bool(spec.get("required")), f"{key}: required exactly where check requires"
            schema = spec["schema"]
            vocabulary = vocabulary_of(schema)
            if vocabulary:
                assert [o["value"] for o in field["options"]] == vocabulary_codes[vocabulary], key
                assert field.get("multiple", False) is (schema.get("type") == "array"), key
            for bound, option in (("minimum", "min"), ("maximum", "max")):
                assert field.get(option) == schema.get(bound) or schema.get("type") == "array", (key, bound)
            if schema.get("type") == "array":
                assert field.get("min") == schema.get("minItems"), key
                assert field.get("max") == limits.get(key), key
            if "default" in spec:
                assert field["default"] == spec["default"], key
            if schema.get("type") == "string" and not vocabulary and "format" not in schema:
                assert field["maxlength"] == schema.get("maxLength", text_chars), key
        materials = {f["name"]: f for f in fields["materials"]["fields"]}
        parts = definition["materials"]["schema"]["items"]["properties"]
        assert list(materials) == list(parts)
        for name, part in parts.items():
            assert materials[name]["label"] == part["title"]
            assert materials[name]["required"] is (name in definition["materials"]["schema"]["items"]["required"])
            if vocabulary_of(part):
                assert [o["value"] for o in materials[name]["options"]] == vocabulary_codes[vocabulary_of(part)]
        # The body starts with the process's step headings, in order (the rule check applies).
        steps = yaml.safe_load((taxonomy.root / "processes.yml").read_text(encoding="utf-8"))["items"]
        step_labels = next(item["steps"] for item in steps if item["code"] == process)
        headings = [line for line in fields[BODY_FIELD]["default"].splitlines() if line.startswith("## ")]
        if step_labels:
            assert [h.split(": ", 1)[1] for h in headings] == [step["label"] for step in step_labels]
        else:
            assert headings


def test_committed_cms_config_is_in_sync_with_the_taxonomy(taxonomy):
    assert (ROOT / "content" / "schema" / "cms.yml").read_text(encoding="utf-8") == cms_config_text(taxonomy), (
        "content/schema/cms.yml is stale: run `python build.py schema`")


def test_form_offers_every_field_and_choice_and_nothing_else(taxonomy):
    assert_form_matches(taxonomy)


def test_a_term_or_field_added_to_the_data_reaches_the_form(tmp_path):
    """Not hard-coded: a new topic, hazard and process step and a changed bound show up, a removed field goes."""
    folder = tmp_path / "taxonomy"
    shutil.copytree(ROOT / "content" / "taxonomy", folder)
    topics = folder / "topics.yml"
    topics.write_text(topics.read_text(encoding="utf-8") + (
        "  - code: mua-he\n    label: Mùa hè\n    label_en: Summer\n    icon: material/weather-sunny\n"
        "    description: Hoạt động mùa hè.\n"
        "    ages: [4-5, 5-6]\n    ref_2860: chưa đối chiếu\n"), encoding="utf-8")
    fields = folder / "fields.yml"
    text = fields.read_text(encoding="utf-8")
    text = edit(text, "schema: {type: integer, minimum: 5, maximum: 180}",
                "schema: {type: integer, minimum: 10, maximum: 90}")
    start = text.index("  inclusion:\n")
    end = text.index("  license:\n")
    fields.write_text(text[:start] + text[end:], encoding="utf-8")
    changed = load_taxonomy(folder)
    assert_form_matches(changed)
    form = {f["name"]: f for f in cms_config(changed)["collections"][0]["fields"]}
    assert "mua-he" in [o["value"] for o in form["topics"]["options"]]
    assert (form["duration"]["min"], form["duration"]["max"]) == (10, 90)
    assert "inclusion" not in form


def test_each_body_template_passes_check(taxonomy, tmp_path):
    """A card whose body is the pre-filled headings with a line under each passes check, for every process."""
    front = VALID_CARD.split("\n---\n", 1)[0]
    for process in taxonomy.processes.codes:
        folder = tmp_path / process
        folder.mkdir()
        body = body_template(taxonomy, process).replace("\n\n\n", "\n\nCô cùng trẻ làm thử.\n\n")
        card = edit(front, "process: 5e", f"process: {process}") + "\n---\n\n" + body
        (folder / "the-mau.md").write_text(card, encoding="utf-8")
        assert check_folder(folder, taxonomy) == [], process


def test_generated_config_is_valid_for_the_pinned_cms():
    jsonschema = pytest.importorskip("jsonschema")
    if not CMS_SCHEMA.is_file():
        pytest.skip("npm ci has not installed @sveltia/cms")
    from kho_stem.site.editor_page import editor_config_text

    schema = json.loads(CMS_SCHEMA.read_text(encoding="utf-8"))
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy")
    for repo_url in ("https://github.com/truong-mn/kho-stem", None):
        config = yaml.safe_load(editor_config_text(taxonomy, repo_url, None))
        errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(config), key=str)
        assert errors == [], [e.message for e in errors[:5]]


def test_the_card_schema_and_the_form_name_the_same_required_fields(taxonomy):
    required = set(card_schema(taxonomy)["required"])
    form = cms_config(taxonomy)["collections"][0]["fields"]
    assert {f["name"] for f in form if f.get("required")} == required | {BODY_FIELD}


def test_a_part_without_a_title_is_a_located_taxonomy_error(tmp_path):
    """The form labels a material's or the author's parts by their `title` in fields.yml: one missing
    is named at its line, not shown as a bare key in the form."""
    from kho_stem.diagnostics import DiagnosticError

    folder = tmp_path / "taxonomy"
    shutil.copytree(ROOT / "content" / "taxonomy", folder)
    fields = folder / "fields.yml"
    text = edit(fields.read_text(encoding="utf-8"), "note: {title: Ghi chú, type: string}", "note: {type: string}")
    fields.write_text(text, encoding="utf-8")
    line = text.splitlines().index("          note: {type: string}") + 1
    with pytest.raises(DiagnosticError) as raised:
        load_taxonomy(folder)
    assert [p.render("vi").split("/")[-1] for p in raised.value.problems] == [
        f"fields.yml:{line}: materials.note: phần `note` chưa có `title`: thêm tên tiếng Việt hiện trong biểu mẫu "
        "viết thẻ, như `name: {title: Tên vật liệu, type: string}` của vật liệu"]
