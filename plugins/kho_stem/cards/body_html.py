"""A card body as the HTML we publish: Markdown rendered, then sanitised by an allow-list.

Deciding by our own scanner what is code and what is HTML lost to Python-Markdown every time the
two disagreed, so safety no longer depends on reading Markdown. The body is rendered exactly as it
will be published and the result is cleaned by ``nh3`` (Rust's ammonia) with the tags, attributes,
classes and URL schemes of ``content/taxonomy/html.yml``. ``check`` reports what cleaning removes;
the published page is safe even when nobody reads the report.

What was removed is found by a second, permissive pass of the same sanitiser: it parses the HTML
the way a browser does (html5ever) and writes it out well-formed, with every tag and attribute
kept, so a plain walk over it sees exactly the elements the strict pass judges.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

import markdown
import nh3

from kho_stem.cards.body_cache import BodyCache
from kho_stem.taxonomy.vocabularies import Taxonomy

POLICY_VOCABULARY = "html"
# Elements a card might try to slip in, so that the permissive pass keeps them and the report
# names them. Anything unknown to this list is dropped by both passes (its text is kept).
_REPORTED_TAGS = frozenset(nh3.ALLOWED_TAGS) | {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "meta",
    "base", "link", "form", "input", "button", "textarea", "select", "option", "video", "audio", "source",
    "track", "picture", "canvas", "noscript", "template", "slot", "title", "marquee", "portal", "dialog",
    "param", "xmp", "noembed", "noframes", "h1", "h5", "h6", "foreignobject", "animate", "set", "use",
    "image", "a",
}
# Schemes the permissive pass must keep so the walk can see (and report) them.
_REPORTED_SCHEMES = frozenset({
    "http", "https", "mailto", "tel", "javascript", "vbscript", "data", "file", "ftp", "blob", "about",
    "filesystem", "ms-its", "mhtml", "jar", "view-source", "livescript", "feed", "sms", "callto",
}) | frozenset("abcdefghijklmnopqrstuvwxyz")  # drive letters: C:\Users\… is named a Windows path
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_DIGITS = re.compile(r"^[0-9]{1,5}$")


@dataclass(frozen=True)
class HtmlPolicy:
    """What a card body may publish, read from the ``html`` vocabulary."""

    tags: frozenset[str]
    attributes: Mapping[str, frozenset[str]]  # per tag; "*" for every allowed tag
    classes: frozenset[str]
    class_patterns: tuple[re.Pattern[str], ...]
    id_pattern: re.Pattern[str]
    url_schemes: frozenset[str]
    removed_with_content: frozenset[str]
    extensions: tuple[str, ...]
    extension_configs: Mapping[str, Mapping[str, object]]

    @classmethod
    def from_taxonomy(cls, taxonomy: Taxonomy) -> HtmlPolicy:
        vocabulary = taxonomy[POLICY_VOCABULARY]
        settings = vocabulary.settings
        attributes = {term.code: frozenset(term.get("attributes") or ()) for term in vocabulary}
        attributes["*"] = frozenset(settings.get("attributes") or ())
        return cls(
            tags=frozenset(vocabulary.codes),
            attributes=MappingProxyType(attributes),
            classes=frozenset(settings.get("classes") or ()),
            class_patterns=tuple(re.compile(str(p)) for p in settings.get("class_patterns") or ()),
            id_pattern=re.compile(str(settings.get("id_pattern", "^$"))),
            url_schemes=frozenset(settings.get("url_schemes") or ()),
            removed_with_content=frozenset(settings.get("removed_with_content") or ()) - set(vocabulary.codes),
            extensions=tuple(settings.get("markdown_extensions") or ()),
            extension_configs=MappingProxyType(dict(settings.get("markdown_extension_configs") or {})),
        )

    def allows_class(self, name: str) -> bool:
        return name in self.classes or any(pattern.match(name) for pattern in self.class_patterns)

    def allows_attribute(self, tag: str, name: str) -> bool:
        return name in self.attributes.get(tag, ()) or name in self.attributes["*"]

    def is_safe_link(self, url: str) -> bool:
        # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
        cleaned = _INVISIBLE.sub("", url)
        try:
            scheme = urlsplit(cleaned).scheme.lower()
        except ValueError:
            return False
        return scheme == "" or scheme in self.url_schemes

    def value_problem(self, tag: str, name: str, value: str) -> tuple[str, dict[str, str]] | None:
        """Why an allowed attribute's value may not be published, as ``(message code, params)``."""
        if name == "class":
            refused = [c for c in value.split() if not self.allows_class(c)]
            if refused:
                return "html_class_forbidden", {"name": " ".join(refused), "allowed": ", ".join(sorted(self.classes))}
        elif name == "id":
            if not self.id_pattern.match(value):
                return "html_id_invalid", {"id": value}
        elif name in ("width", "height", "start", "colspan", "rowspan"):
            if not _DIGITS.match(value.strip()):
                return "html_attribute_forbidden", {"tag": tag, "attribute": f'{name}="{value}"'}
        elif name == "href" and not self.is_safe_link(value):
            return "unsafe_link", {"url": value}
        return None

    def keep_value(self, tag: str, name: str, value: str) -> str | None:
        """The sanitiser's attribute filter: the value to publish, or None to drop the attribute."""
        if name == "class":
            kept = [c for c in value.split() if self.allows_class(c)]
            return " ".join(kept) or None
        if tag == "img" and name == "src" and not _is_local_path(value):
            return None  # an offline copy must not request anything from outside
        return None if self.value_problem(tag, name, value) else value


@dataclass(frozen=True)
class BodyImage:
    line: int
    src: str
    alt: str


@dataclass(frozen=True)
class BodyProblem:
    line: int
    code: str
    params: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class RenderedBody:
    html: str  # sanitised; empty when the body could not be rendered
    images: tuple[BodyImage, ...]
    problems: tuple[BodyProblem, ...]


class BodyRenderer:
    """Renders and sanitises card bodies; build one per taxonomy (the Markdown parser is reused)."""

    def __init__(self, policy: HtmlPolicy, cache_dir: Path | None = None):
        """``cache_dir``: where rendered bodies are kept between runs (``body_cache``); None: nowhere."""
        self.policy = policy
        self._cache = BodyCache(cache_dir, self.fingerprint()) if cache_dir is not None else None
        self._markdown = markdown.Markdown(
            extensions=list(policy.extensions),
            extension_configs={name: dict(config) for name, config in policy.extension_configs.items()},
        )
        self._strict_attributes = {tag: set(policy.attributes.get(tag, ())) for tag in policy.tags}
        self._strict_attributes["*"] = set(policy.attributes["*"])
        self._allowed_tags = set(policy.tags)
        self._removed_with_content = set(policy.removed_with_content)
        self._url_schemes = set(policy.url_schemes)
        self._reported_tags = set(_REPORTED_TAGS)
        self._reported_schemes = set(_REPORTED_SCHEMES)

    def fingerprint(self) -> str:
        """What a rendering depends on besides the body: the policy, this code, Markdown and nh3."""
        policy = json.dumps(_canonical(vars(self.policy)), sort_keys=True)
        code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
        return f"{policy}|{code}|{version('Markdown')}|{version('nh3')}"

    def render(self, body: str, first_line: int) -> RenderedBody:
        """Render ``body``, whose first line is line ``first_line`` of the card file."""
        if self._cache is None:
            return self._render(body, first_line)
        cached = self._cache.get(body, first_line)
        if cached is not None:
            try:
                return RenderedBody(
                    str(cached["html"]),
                    tuple(BodyImage(line, src, alt) for line, src, alt in cached["images"]),
                    tuple(BodyProblem(line, code, params) for line, code, params in cached["problems"]),
                )
            except (KeyError, TypeError, ValueError):
                pass  # a file of another shape: render again
        rendered = self._render(body, first_line)
        self._cache.put(body, first_line, {
            "html": rendered.html,
            "images": [[image.line, image.src, image.alt] for image in rendered.images],
            "problems": [[problem.line, problem.code, problem.params] for problem in rendered.problems],
        })
        return rendered

    def _render(self, body: str, first_line: int) -> RenderedBody:
        # Bodies past the limits of limits.yml (size, nesting, unclosed tags) never get here
        # (validation/bounds.py); deep recursion is still caught, so no card can crash a check.
        try:
            rendered = self._markdown.reset().convert(body)
        except RecursionError:
            return RenderedBody("", (), (BodyProblem(first_line, "body_render_failed"),))
        permissive = nh3.clean(
            rendered, tags=self._reported_tags, clean_content_tags=set(), generic_attribute_prefixes={""},
            url_schemes=self._reported_schemes, strip_comments=True, link_rel=None,
        )
        published = nh3.clean(
            rendered, tags=self._allowed_tags, clean_content_tags=self._removed_with_content,
            attributes=self._strict_attributes, url_schemes=self._url_schemes,
            attribute_filter=self.policy.keep_value, strip_comments=True, link_rel=None,
        )
        if published == permissive and "<img" not in published:
            return RenderedBody(published, (), ())  # the usual card: nothing removed, no image to check
        walker = _Walker(self.policy, _Locator(body, first_line))
        walker.feed(permissive)
        walker.close()
        return RenderedBody(published, tuple(walker.images), walker.distinct_problems())


class _Walker(HTMLParser):
    """Judges each element of the permissive output with the policy the strict pass applies."""

    def __init__(self, policy: HtmlPolicy, locate: _Locator):
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.locate = locate
        self.images: list[BodyImage] = []
        self.problems: list[BodyProblem] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        policy = self.policy
        if tag not in policy.tags:
            self.problems.append(BodyProblem(self.locate.text(f"<{tag}"), "html_tag_forbidden", {
                "tag": tag, "allowed": ", ".join(sorted(policy.tags))}))
            return
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if not policy.allows_attribute(tag, name):
                self.problems.append(BodyProblem(self.locate.word(name), "html_attribute_forbidden", {
                    "tag": tag, "attribute": name}))
            elif tag == "img" and name == "src":
                continue  # judged with the image itself: it must be a file beside the card
            elif problem := policy.value_problem(tag, name, value):
                code, params = problem
                self.problems.append(BodyProblem(self.locate.value(name, value), code, params))
        if tag == "img":
            src = values.get("src", "")
            self.images.append(BodyImage(self.locate.text(src) if src else self.locate.text("<img"), src,
                                         values.get("alt", "").strip()))

    handle_startendtag = handle_starttag

    def distinct_problems(self) -> tuple[BodyProblem, ...]:
        # The same removal on many elements is one thing to fix on that line.
        unique = {(p.line, p.code, tuple(sorted(p.params.items()))): p for p in self.problems}
        return tuple(unique.values())


class _Locator:
    """The card line where something in the rendered body came from: the first line that shows it,
    else the body's first line."""

    def __init__(self, body: str, first_line: int):
        self.lines = body.lower().split("\n")
        self.first_line = first_line

    def _find(self, pattern: re.Pattern[str]) -> int | None:
        for offset, line in enumerate(self.lines):
            if pattern.search(line):
                return self.first_line + offset
        return None

    def first(self, pattern: re.Pattern[str]) -> int:
        return self._find(pattern) or self.first_line

    def text(self, needle: str) -> int:
        return self._find(re.compile(re.escape(needle.lower()))) or self.first_line

    def word(self, name: str) -> int:
        return self._find(re.compile(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])")) or self.first_line

    def value(self, attribute: str, value: str) -> int:
        """An attribute's value, which may be written with entities or tabs ("jav&#x09;ascript:"):
        the line that shows it, else the line of its scheme's last letters, else of the attribute."""
        found = self._find(re.compile(re.escape(value.lower()))) if value else None
        if found is None and ":" in value:
            found = self._find(re.compile(re.escape(value.split(":", 1)[0][-3:].lower()) + ":"))
        return found or self.word(attribute)


def _canonical(value: object) -> object:
    """The same JSON for the same policy in every process (sets have no stable order)."""
    if isinstance(value, Mapping):
        return {str(key): _canonical(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(str(item) for item in value)
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if isinstance(value, re.Pattern):
        return value.pattern
    return value if isinstance(value, (str, int, float, bool)) or value is None else repr(value)


def _is_local_path(url: str) -> bool:
    cleaned = _INVISIBLE.sub("", url)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return False
    return not (parts.scheme or parts.netloc or cleaned.startswith(("/", "\\")))
