"""What a well-formed taxonomy entry looks like, beyond its shape: text where text belongs,
codes fit for page addresses, card field schemas that are valid JSON Schema with valid patterns,
and defaults that fit their field.

Each function returns ``(message code, parameters)`` pairs; the loader adds file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from kho_stem.diagnostics.messages import phrase
from kho_stem.taxonomy.icons import ICONS_FOLDER, THEME_PACKAGE, closest_icon, icon_file
from kho_stem.text import fold, is_slug

# Their codes become page addresses (do-tuoi/<code>/, chu-de/<code>/) and filter values:
# `../../` in a topic code reached the home page's links.
SLUG_VOCABULARIES = ("ages", "topics", "hazards")
# Any other code (S, CC-BY-SA-4.0) still goes into attributes and file names: letters, digits, . and -.
_SAFE_CODE = re.compile(r"^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$")
# Card pages always name a licence, so the field must say which one a card gets without one.
REQUIRED_DEFAULTS = ("license",)
Finding = tuple[str, dict[str, object]]


def not_text(entry: Mapping[str, Any], keys: tuple[str, ...]) -> list[str]:
    """The ``keys`` present in ``entry`` whose value is not text (a mapping where a label belongs)."""
    return [key for key in keys if key in entry and not isinstance(entry[key], str)]


def code_problem(vocabulary: str, code: str) -> Finding | None:
    if vocabulary in SLUG_VOCABULARIES and not is_slug(code):
        return "taxonomy_code_not_slug", {"code": code}
    if not _SAFE_CODE.match(code):
        return "taxonomy_code_not_slug", {"code": code}
    return None


def icon_problem(name: str) -> Finding | None:
    """An entry's ``icon`` must name an icon bundled with the theme: pages inline it at build time."""
    if icon_file(name) is not None:
        return None
    suggestion = closest_icon(name)
    return "taxonomy_unknown_icon", {
        "icon": name, "folder": f"{THEME_PACKAGE}/{'/'.join(ICONS_FOLDER)}",
        "suggestion": phrase("did_you_mean", suggestion=suggestion) if suggestion else ""}


def field_schema_problems(schema: Mapping[str, Any]) -> list[Finding]:
    """A field's schema must be valid JSON Schema (2020-12) and its patterns valid expressions."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError

    problems: list[Finding] = []
    for pattern in _patterns(schema):
        try:
            re.compile(pattern)
        except (re.error, TypeError) as error:
            problems.append(("taxonomy_bad_pattern", {"pattern": pattern, "problem": str(error)}))
    if problems:
        return problems
    try:
        # `vocabulary` is our own keyword (expanded into an enum when loaded); JSON Schema ignores it.
        Draft202012Validator.check_schema(dict(schema))
    except SchemaError as error:
        problems.append(("taxonomy_bad_schema", {"problem": error.message}))
    return problems


def untitled_parts(schema: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The parts of a mapping-valued field (``properties``) without a ``title``, the label the card
    forms show; each with its path inside the schema, to locate it."""
    if isinstance(schema, Mapping):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, Mapping):
                for name, part in value.items():
                    if not (isinstance(part, Mapping) and isinstance(part.get("title"), str) and part["title"].strip()):
                        yield (*path, key, name), str(name)
                    yield from untitled_parts(part, (*path, key, name))
            else:
                yield from untitled_parts(value, (*path, key))


def _patterns(schema: Any) -> Iterator[Any]:
    if isinstance(schema, Mapping):
        for key, value in schema.items():
            if key == "pattern":
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _patterns(value)


def default_problem(default: Any, schema: Mapping[str, Any], codes: Mapping[str, tuple[str, ...]]) -> Finding | None:
    """A default must be a value the field accepts; ``codes`` are each vocabulary's codes."""
    if "vocabulary" in schema:
        allowed = codes.get(str(schema["vocabulary"]), ())
        if default not in allowed:
            return "taxonomy_bad_default", {"value": default, "problem": ", ".join(allowed)}
        return None
    from jsonschema import Draft202012Validator

    error = next(iter(Draft202012Validator(dict(schema)).iter_errors(default)), None)
    if error is not None:
        return "taxonomy_bad_default", {"value": default, "problem": error.message}
    return None


# The settings of html.yml beside its items (the allow-list of card bodies, see cards/body_html.py).
HTML_TEXT_LISTS = ("attributes", "classes", "url_schemes", "removed_with_content", "markdown_extensions")
HTML_PATTERNS = ("id_pattern",)
HTML_PATTERN_LISTS = ("class_patterns",)


def html_policy_problems(settings: Mapping[str, Any]) -> list[tuple[str, str, dict[str, object]]]:
    """``(key, message code, params)`` for html.yml settings that would break rendering every card:
    word lists that are not lists, patterns that do not compile, Markdown extensions that do not load."""
    problems: list[tuple[str, str, dict[str, object]]] = []
    for key in HTML_TEXT_LISTS + HTML_PATTERN_LISTS:
        value = settings.get(key, [])
        if not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
            problems.append((key, "taxonomy_not_a_list", {"key": key}))
    patterns = [(key, settings.get(key, "^$")) for key in HTML_PATTERNS]
    patterns += [(key, item) for key in HTML_PATTERN_LISTS if isinstance(settings.get(key), list)
                 for item in settings[key]]
    for key, pattern in patterns:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as error:
            problems.append((key, "taxonomy_bad_pattern", {"pattern": pattern, "problem": str(error)}))
    extensions = settings.get("markdown_extensions", [])
    configs = settings.get("markdown_extension_configs", {})
    if not isinstance(configs, Mapping) or not all(isinstance(value, Mapping) for value in configs.values()):
        problems.append(("markdown_extension_configs", "taxonomy_bad_shape",
                         {"expected": "markdown_extension_configs: {tên-phần-mở-rộng: {tuỳ-chọn: giá-trị}}"}))
    elif isinstance(extensions, list) and all(isinstance(item, str) for item in extensions):
        import markdown  # only to try the extensions: the taxonomy itself renders nothing

        try:
            markdown.Markdown(extensions=list(extensions), extension_configs={k: dict(v) for k, v in configs.items()})
        except (ImportError, AttributeError, TypeError, KeyError, ValueError) as error:
            problems.append(("markdown_extensions", "taxonomy_bad_markdown", {"problem": str(error)}))
    return problems


def synonym_group_problems(groups: Sequence[Sequence[str]]) -> list[tuple[int, str, dict[str, object]]]:
    """``(group position, message code, params)`` for synonyms.yml: search compares words with their
    diacritics ignored, so a group needs two words that differ so, and a word may sit in one group only
    (else typing it would pull in two unrelated groups)."""
    problems: list[tuple[int, str, dict[str, object]]] = []
    owner: dict[str, int] = {}
    for position, group in enumerate(groups):
        folded = [" ".join(fold(word).split()) for word in group]
        if "" in folded:
            problems.append((position, "synonyms_empty_word", {}))
            continue
        if len(set(folded)) < 2:
            problems.append((position, "synonyms_too_few", {"words": ", ".join(group)}))
        for word, key in zip(group, folded, strict=True):
            if owner.setdefault(key, position) != position:
                problems.append((position, "synonyms_word_twice", {"word": word, "group": owner[key] + 1}))
    return problems
