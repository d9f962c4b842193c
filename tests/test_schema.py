"""The JSON Schema for editors is generated from fields.yml and stays in sync with it."""

from __future__ import annotations

import json

import jsonschema
import yaml

from conftest import ROOT, VALID_CARD
from kho_stem.taxonomy.card_schema import card_schema, schema_text

SCHEMA_FILE = ROOT / "content" / "schema" / "card.schema.json"


def test_committed_schema_is_up_to_date(taxonomy):
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(taxonomy), (
        "content/schema/card.schema.json is stale: run `python build.py schema`"
    )


def test_schema_lists_taxonomy_codes_and_fields(taxonomy):
    schema = card_schema(taxonomy)
    assert set(schema["properties"]) == {spec.key for spec in taxonomy.fields}
    assert schema["properties"]["ages"]["items"]["enum"] == list(taxonomy.ages.codes)
    assert schema["properties"]["materials"]["items"]["properties"]["hazards"]["items"]["enum"] == list(
        taxonomy.hazards.codes)
    assert "title" in schema["required"] and "cover" not in schema["required"]


def test_valid_card_validates_against_the_written_schema():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    front_matter = yaml.safe_load(VALID_CARD.split("---\n")[1])
    front_matter["updated"] = front_matter["updated"].isoformat()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(front_matter, schema)


def test_schema_command_writes_the_file(tmp_path, taxonomy):
    import shutil

    from kho_stem.cli.main import main

    shutil.copytree(ROOT / "content" / "taxonomy", tmp_path / "content" / "taxonomy")
    assert main(["schema"], root=tmp_path) == 0
    written = tmp_path / "content" / "schema" / "card.schema.json"
    assert written.read_text(encoding="utf-8") == schema_text(taxonomy)
