"""Every message exists in both languages with the same placeholders; every message code the code
uses is defined, and every defined message is used by the code."""

from __future__ import annotations

import ast
import re
import string

from conftest import ROOT
from kho_stem.diagnostics.messages import LANGUAGES, MESSAGES

# Where a message code is written: the argument of a reporting call at this position…
CODE_ARGUMENT = {"report": -1, "once": 0, "message": 0, "phrase": 0, "Problem": 3, "BodyProblem": 1,
                 "CardFileError": 1, "ImageProblem": 0, "LocatedIssue": 2, "issue": 2}
# …or in this keyword argument.
CODE_KEYWORD = {"_write_report": "key"}
_CODE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")


def codes_written_in(source: str) -> set[str]:
    """Message codes in ``source``: reporting-call arguments (``CODE_ARGUMENT``, ``CODE_KEYWORD``),
    ``code = …``/``key = …`` assignments,
    and the result tuples of checks — ``(line, key, code, {params})``, ``(key, code, {params})``,
    ``(code, {params})``, ``(None, code)``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        values: list[ast.expr] = []
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            position = CODE_ARGUMENT.get(name)
            if position is not None and -len(node.args) <= position < len(node.args):
                values = [node.args[position]]
            if name in CODE_KEYWORD:
                values += [keyword.value for keyword in node.keywords if keyword.arg == CODE_KEYWORD[name]]
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in ("code", "key")
                                                  for t in node.targets):
            values = [node.value.body, node.value.orelse] if isinstance(node.value, ast.IfExp) else [node.value]
        elif isinstance(node, ast.Tuple):
            elements = node.elts
            if len(elements) == 4 and isinstance(elements[3], ast.Dict):
                values = [elements[2]]
            elif len(elements) == 3 and isinstance(elements[2], ast.Dict):
                values = [elements[1]]
            elif len(elements) == 2 and isinstance(elements[1], (ast.Dict, ast.Call)):
                values = [elements[0]]
            elif len(elements) == 2 and isinstance(elements[0], ast.Constant) and elements[0].value is None:
                values = [elements[1]]
        for value in values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                strict = isinstance(node, ast.Call)  # a call's code argument is a code whatever it looks like
                if strict or _CODE.match(value.value):
                    found.add(value.value)
    return found


def _codes_in_the_code() -> set[str]:
    sources = [p for p in (ROOT / "plugins").rglob("*.py") if "egg-info" not in p.parts]
    return set().union(*(codes_written_in(p.read_text(encoding="utf-8")) for p in sources))


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_placeholders():
    for key, texts in MESSAGES.items():
        assert set(texts) == set(LANGUAGES), key
        assert _placeholders(texts["vi"]) == _placeholders(texts["en"]), key


def test_every_code_the_code_reports_is_a_defined_message():
    assert sorted(_codes_in_the_code() - set(MESSAGES)) == []


def test_every_defined_message_is_reported_somewhere():
    assert sorted(set(MESSAGES) - _codes_in_the_code()) == []


def test_the_scan_finds_each_way_a_code_is_written():
    source = '''
report(3, "ages", "code_in_report", value=1)
self.report(file, 1, "adult_only_marker", "taxonomy_code")
message("summary_code", "vi")
Problem(shown, 1, "", "problem_code", {})
code = "assigned_code"
key = "first_code" if x else "second_code"
yield line, "", "bounds_code", {"limit": 2}
return "check_code", {"a": 1}
return None, "refused_code"
problems.append(("id_pattern", "keyed_code", {"pattern": p}))
'''
    assert codes_written_in(source) == {
        "code_in_report", "taxonomy_code", "summary_code", "problem_code", "assigned_code", "first_code",
        "second_code", "bounds_code", "check_code", "refused_code", "keyed_code"}
