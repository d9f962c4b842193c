"""Random bytes and random YAML never crash the loader or validator: always a clean diagnostic."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import VALID_CARD
from kho_stem.validation.card_checker import CardChecker

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_FOLDER = Path(tempfile.mkdtemp(prefix="kho-stem-fuzz-")) / "the"
_FOLDER.mkdir()

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40),
    st.sampled_from(["no", "yes", "on", "1:30", "2024-13-45", "~", "0o17", ".inf", "5-6", "nam-cham"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.sampled_from(["title", "ages", "materials", "name", "hazards", "x", "per", "safety"]) | st.text(max_size=8),
    inner, max_size=4), max_leaves=20)
documents = st.dictionaries(
    st.sampled_from(["title", "description", "ages", "topics", "stem", "process", "duration", "group", "materials",
                     "safety", "objectives", "author", "reviewed", "cover", "updated", "aliases", "age"]),
    values, max_size=12)


@pytest.fixture(scope="module")
def checker(taxonomy) -> CardChecker:
    # Compiling the schema and the hazard word lists takes a while; build the checker once, as the
    # command line does (a dict.setdefault default here was built anew for every example).
    return CardChecker(taxonomy)


def _check(checker: CardChecker, data: bytes) -> None:
    path = _FOLDER / "x.md"
    path.write_bytes(data)
    card, problems = checker.check(path, "x.md")
    assert card is not None or problems
    for problem in problems:
        assert problem.line >= 1
        assert problem.render() and problem.render("en") and problem.render_github()


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes(checker: CardChecker, data: bytes):
    _check(checker, data)


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_inside_front_matter(checker: CardChecker, data: bytes):
    _check(checker, b"---\n" + data + b"\n---\nBody\n")


@SETTINGS
@given(documents, st.text(max_size=200))
def test_random_yaml_documents(checker: CardChecker, document: dict, body: str):
    text = "---\n" + yaml.safe_dump(document, allow_unicode=True) + "---\n" + body
    _check(checker, text.encode("utf-8"))


@SETTINGS
@given(st.integers(min_value=0, max_value=len(VALID_CARD) - 1), st.text(max_size=12))
def test_valid_card_with_random_damage(checker: CardChecker, position: int, insert: str):
    text = VALID_CARD[:position] + insert + VALID_CARD[position:]
    _check(checker, text.encode("utf-8"))


def test_billion_laughs_is_refused_quickly(checker: CardChecker):
    lines = ["---", "a: &a [x, x, x, x, x, x, x, x, x]"]
    for index in range(1, 20):
        lines.append(f"a{index}: &a{index} [*{'a' if index == 1 else f'a{index - 1}'}, " * 1 + "x]")
    text = "\n".join(lines).replace("[*a,", "[*a,") + "\n---\n"
    path = _FOLDER / "bomb.md"
    path.write_text(text, encoding="utf-8")
    card, problems = checker.check(path, "bomb.md")
    assert card is None
    assert any(p.code == "yaml_anchor" for p in problems)


def test_deep_nesting(checker: CardChecker):
    _check(checker, ("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n").encode())
