"""Read YAML while remembering where each value stands and how it was written.

PyYAML's ``safe_load`` forgets line numbers and silently turns ``no`` into ``False`` and
``1:30`` into ``90``. Contributors need the exact line, and the validator needs to know that a
value was a plain (unquoted) scalar that YAML 1.1 coerced, so it composes the node tree itself.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = yaml.SafeLoader("")
_MAX_DEPTH = 40


@dataclass(frozen=True)
class Scalar:
    """How a scalar was written: its source text, resolved YAML tag, and whether it was quoted."""

    raw: str
    tag: str
    plain: bool


@dataclass(frozen=True)
class LocatedIssue:
    path: Path
    line: int
    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass
class LocatedDocument:
    value: Any
    lines: dict[Path, int] = field(default_factory=dict)
    scalars: dict[Path, Scalar] = field(default_factory=dict)
    issues: list[LocatedIssue] = field(default_factory=list)

    def line_of(self, path: Path, default: int) -> int:
        """Line of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, problem: str):
        super().__init__(problem)
        self.line = line
        self.problem = problem


def load_located(text: str, first_line: int = 1) -> LocatedDocument:
    """Parse one YAML document; ``first_line`` is the file line where ``text`` starts.

    Raises YamlSyntaxError for text that is not YAML at all.
    """
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        raise YamlSyntaxError(line, error.problem or str(error)) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(first_line, str(error)) from None
    except RecursionError:
        raise YamlSyntaxError(first_line, "nesting too deep") from None
    document = LocatedDocument(value=None)
    if node is None:
        return document
    builder = _Builder(document, first_line)
    document.value = builder.build(node, ())
    return document


class _Builder:
    def __init__(self, document: LocatedDocument, first_line: int):
        self.document = document
        self.first_line = first_line
        self.seen: set[int] = set()

    def line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def issue(self, path: Path, node: yaml.Node, code: str, **params: object) -> None:
        self.document.issues.append(LocatedIssue(path, self.line(node), code, params))

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.document.lines.setdefault(path, self.line(node))
        # An alias shares the node object it refers to; expanding it would let a tiny file
        # grow exponentially ("billion laughs"), so anchors are refused outright.
        if id(node) in self.seen:
            # The alias node is the anchored node itself, so its mark points at the anchor: use
            # the line where the alias is written (the key's line) instead.
            line = self.document.lines[path]
            self.document.issues.append(LocatedIssue(path, line, "yaml_anchor", {}))
            return None
        self.seen.add(id(node))
        if len(path) > _MAX_DEPTH:
            raise YamlSyntaxError(self.line(node), "nesting too deep")
        if isinstance(node, yaml.MappingNode):
            return self.build_mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        # The composer makes only mappings, sequences and scalars.
        assert isinstance(node, yaml.ScalarNode), type(node)
        return self.build_scalar(node, path)

    def build_mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.issue(path, key_node, "key_not_text", raw="(danh sách hoặc nhóm)")
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.issue(path, key_node, "yaml_anchor")
                continue
            # Keys are read as written: `no:` is the key "no", not False.
            key = key_node.value
            key_path = (*path, key)
            if key in first_lines:
                self.issue(key_path, key_node, "duplicate_key", first_line=first_lines[key])
                continue
            first_lines[key] = self.line(key_node)
            self.document.lines[key_path] = self.line(key_node)
            result[key] = self.build(value_node, key_path)
        return result

    def build_scalar(self, node: yaml.ScalarNode, path: Path) -> Any:
        plain = not node.style  # None from PyYAML, "" from libyaml
        self.document.scalars[path] = Scalar(raw=node.value, tag=node.tag, plain=plain)
        construct = _constructor.yaml_constructors.get(node.tag)
        if construct is None:
            raise YamlSyntaxError(self.line(node), f"unknown tag {node.tag}")
        try:
            value = construct(_constructor, node)
        except (ValueError, OverflowError, yaml.YAMLError):
            # e.g. 2024-13-45 looks like a date to the resolver but is none: keep the text.
            return node.value
        if isinstance(value, bytes):
            return node.value
        if isinstance(value, datetime.datetime) and value.tzinfo is not None:
            return value.replace(tzinfo=None)
        return value
