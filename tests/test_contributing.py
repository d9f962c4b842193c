"""What contributors get besides the validator: editor form, pre-commit hook, workflows, guide."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, VALID_CARD, edit
from kho_stem.outputs.editor_config import config_text
from kho_stem.outputs.guide_tables import contributing_link

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_frontmatter_json_is_in_sync_with_the_taxonomy(taxonomy):
    assert (ROOT / "frontmatter.json").read_text(encoding="utf-8") == config_text(taxonomy), (
        "frontmatter.json is stale: run `python build.py schema`")


def test_editor_form_offers_exactly_the_allowed_values(taxonomy):
    config = json.loads(config_text(taxonomy))
    fields = {f["name"]: f for f in config["frontMatter.taxonomy.contentTypes"][0]["fields"]}
    assert [c["id"] for c in fields["ages"]["choices"]] == list(taxonomy.ages.codes) and fields["ages"]["multiple"]
    assert [c["id"] for c in fields["group"]["choices"]] == list(taxonomy["groups"].codes)
    assert not fields["group"]["multiple"] and fields["group"]["required"]
    assert fields["duration"]["numberOptions"] == {"isDecimal": False, "min": 5, "max": 180}
    assert fields["updated"]["type"] == "datetime" and fields["cover"]["type"] == "image"
    assert "reviewed" not in fields  # reviews are the review board's, in content/reviews.yml
    assert fields["title"]["title"] == "Tên hoạt động"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_workflows_follow_the_github_schema(workflow: Path):
    checker = Path(sys.executable).with_name("check-jsonschema")
    run = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", str(workflow)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_pull_request_workflow_annotates_builds_and_packs():
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    commands = " ".join(step.get("run", "") for job in steps["jobs"].values() for step in job["steps"])
    assert "build.py check --format github" in commands and "build.py build" in commands
    assert "build.py offline" in commands and "GITHUB_STEP_SUMMARY" in commands


def test_pre_commit_hook_checks_the_changed_cards(tmp_path: Path):
    hook = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    broken = tmp_path / "the-hong.md"
    broken.write_text(edit(VALID_CARD, "ages: [4-5, 5-6]", "ages: [6-7]"), encoding="utf-8")
    entry = hook["entry"].split()
    if not Path(ROOT / entry[0]).exists():
        entry[0] = sys.executable
    run = subprocess.run([*entry, str(broken)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 1 and "the-hong.md:4: ages" in run.stdout


def test_contributing_guide_is_linked_from_the_site_and_shows_real_messages(tmp_path: Path, taxonomy):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    page = (ROOT / "content" / "pages" / "dong-gop.md").read_text(encoding="utf-8")
    assert "<!-- kho-stem:contributing-link -->" in page
    assert "(https://github.com/t/k/blob/HEAD/CONTRIBUTING.md)" in contributing_link("https://github.com/t/k/")
    for command in ("build.py new", "build.py check", "scripts/serve.sh", "--reviewed-only", "frontmatter.json"):
        assert command in guide, command
    # The template in the guide is a valid card.
    template = guide.split("```markdown\n", 1)[1].split("```", 1)[0]
    folder = tmp_path / "activities"
    folder.mkdir()
    (folder / "mau.md").write_text(template, encoding="utf-8")
    from conftest import check_folder

    assert check_folder(folder, taxonomy) == []
    shutil.rmtree(folder)


def test_the_guide_lists_exactly_the_codes_of_the_taxonomy(taxonomy):
    """CONTRIBUTING.md is read on GitHub, where the site's generated tables are not: its code lists
    must say what the data says (a hazard added to hazards.yml must be added there too)."""
    import re

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    rows = {"ages": "ages", "topics": "topics", "stem": "stem", "group": "groups", "per": "per", "hazards": "hazards"}
    for key, vocabulary in rows.items():
        row = re.search(rf"^  \| `{key}`[^|]*\| (.*) \|$", text, re.MULTILINE)
        assert row, key
        assert re.findall(r"`([^`]+)`", row.group(1)) == list(taxonomy[vocabulary].codes), key
