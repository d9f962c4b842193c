"""Check one card file against every rule of the card format."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kho_stem.cards.body import body_headings
from kho_stem.cards.body_html import BodyImage, BodyRenderer, HtmlPolicy
from kho_stem.cards.card import Card, slug_of, suggested_slug
from kho_stem.cards.card_file import CardFileError, read_card_text
from kho_stem.cards.image_refs import resolve_image
from kho_stem.cards.images import inspect_image, records_location
from kho_stem.cards.reviews import content_hash
from kho_stem.diagnostics.problems import Problem, Severity, has_errors
from kho_stem.taxonomy.vocabularies import Taxonomy
from kho_stem.text import is_slug
from kho_stem.validation.bounds import body_bounds, control_characters, front_matter_bounds
from kho_stem.validation.front_matter import FrontMatterChecker, Report, key_path
from kho_stem.validation.hazards import HazardRules
from kho_stem.validation.rules import check_duration, check_process, check_topic_ages
from kho_stem.yaml_source import LocatedDocument, YamlSyntaxError, load_located


class CardChecker:
    """Checks cards one by one; build it once per taxonomy (the schema is compiled here)."""

    def __init__(self, taxonomy: Taxonomy, body_cache_dir: Path | None = None):
        self.taxonomy = taxonomy
        self.front_matter = FrontMatterChecker(taxonomy)
        self.hazard_rules = HazardRules(taxonomy)
        self.body_renderer = BodyRenderer(HtmlPolicy.from_taxonomy(taxonomy), body_cache_dir)
        self._sound_images: set[Path] = set()  # an image used by several cards is decoded once
        self.referenced_images: set[Path] = set()  # every existing image any checked card points to

    def check(self, path: Path, display: str) -> tuple[Card | None, list[Problem]]:
        """Return the card (None when it has errors) and every problem found in it."""
        problems: list[Problem] = []

        def report(line: int, where: str, code: str, /, severity: Severity = Severity.ERROR, **params: object) -> None:
            problems.append(Problem(display, line, where, code, params, severity))

        def report_found(line: int, where: str, code: str, params: Mapping[str, object]) -> None:
            """An error whose parameters come as one mapping (a finding, a refused file)."""
            problems.append(Problem(display, line, where, code, dict(params)))

        slug = slug_of(path)
        if not is_slug(slug):
            report(1, "", "slug_invalid", name=path.name if path.name != "index.md" else slug,
                   suggestion=suggested_slug(path))
        limits = self.taxonomy.limits
        try:
            text = read_card_text(path, limits.card_bytes)
        except CardFileError as error:
            report_found(error.line, "", error.code, error.params)
            return None, problems
        # Control characters first: refused outright, before YAML or Markdown make them confusing.
        control = [*control_characters(text.front_matter, text.front_matter_line),
                   *control_characters(text.body, text.body_line)]
        for line, key, code, params in control:
            report_found(line, key, code, params)
        if control:
            return None, problems
        try:
            document = load_located(text.front_matter, text.front_matter_line)
        except YamlSyntaxError as error:
            report(error.line, "", "yaml_syntax", problem=error.problem)
            return None, problems
        if document.value is None:
            document.value = {}
        if not isinstance(document.value, dict):
            report(text.front_matter_line, "", "front_matter_not_mapping")
            return None, problems
        for issue in document.issues:
            report_found(issue.line, key_path(issue.path), issue.code, issue.params)

        meta = self.front_matter.check(document, report)
        sizes = front_matter_bounds(document.value, text.front_matter, lambda p: document.line_of(p, 1), limits)
        for line, key, code, params in sizes:
            report_found(line, key, code, params)
        # Only a body within bounds is read further: past them, the parsers take too long or recurse too deep.
        out_of_bounds = list(body_bounds(text.body, text.body_line, limits))
        for line, key, code, params in out_of_bounds:
            report_found(line, key, code, params)
        if out_of_bounds:
            return None, problems
        check_topic_ages(meta, document, self.taxonomy, report)
        check_duration(meta, document, self.taxonomy, report)
        self.hazard_rules.check(meta, text.body, text.body_line, document, report)
        check_process(meta, body_headings(text.body, text.body_line), document, self.taxonomy, report)
        # The body is judged as it will be published: rendered, then sanitised.
        body = self.body_renderer.render(text.body, text.body_line)
        for problem in body.problems:
            report_found(problem.line, "", problem.code, problem.params)
        image_files: dict[str, Path] = {}
        images = self._check_images(path, meta, body.images, document, report, image_files)

        if has_errors(problems):
            return None, problems
        card = Card(
            slug=slug,
            path=path,
            source=display,
            meta=MappingProxyType(meta),
            body=text.body,
            body_line=text.body_line,
            body_html=body.html,
            cover=images[0] if meta.get("cover") else None,
            images=tuple(images),
            image_files=MappingProxyType(image_files),
            lines=MappingProxyType(document.lines),
            content_hash=content_hash(path),
        )
        return card, problems

    def _check_images(
        self, path: Path, meta: dict[str, Any], references: tuple[BodyImage, ...], document: LocatedDocument,
        report: Report, image_files: dict[str, Path],
    ) -> list[Path]:
        """Every image file the card uses, cover first; ``image_files`` gets each body reference's file."""
        folder = path.parent
        found: list[Path] = []
        cover = meta.get("cover")
        if isinstance(cover, str) and cover:
            target = self._check_image(cover, folder, document.line_of(("cover",), 1), "cover", report)
            if target:
                found.append(target)
        for image in references:
            target = self._check_image(image.src, folder, image.line, "", report)
            if not target:
                continue
            if not image.alt:
                report(image.line, "", "image_no_alt", path=image.src)
            image_files[image.src] = target
            if target not in found:
                found.append(target)
        return found

    def _check_image(self, reference: str, folder: Path, line: int, where: str, report: Report) -> Path | None:
        target, code = resolve_image(reference, folder)
        if target is None:  # ``code`` says why
            report(line, where, code, path=reference)
            return None
        limit = self.taxonomy.limits.image_name_bytes
        if len(target.name.encode("utf-8")) > limit:
            report(line, where, "image_name_too_long", path=reference, limit=limit)
            return None
        # Used, even if this card or this image has errors: never also call the image unused.
        self.referenced_images.add(target)
        if target not in self._sound_images:
            problem = inspect_image(target)
            if problem:
                report(line, where, problem.code, path=reference, **problem.params)
                return None
            self._sound_images.add(target)
            if records_location(target):
                report(line, where, "image_has_location", severity=Severity.WARNING, path=reference)
        return target

