"""Check one card file against every rule of the card format."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kho_stem.cards.body import body_headings
from kho_stem.cards.body_html import BodyImage, BodyRenderer, HtmlPolicy
from kho_stem.cards.card import Card, slug_of, suggested_slug
from kho_stem.cards.card_file import CardFileError, decode, read_capped, split
from kho_stem.cards.image_checks import ImageChecks
from kho_stem.cards.image_refs import resolve_image
from kho_stem.cards.reviews import content_hash
from kho_stem.diagnostics.problems import Problem, Severity, has_errors
from kho_stem.taxonomy.vocabularies import Taxonomy
from kho_stem.text import is_slug
from kho_stem.validation.bounds import body_bounds, control_characters, front_matter_bounds
from kho_stem.validation.front_matter import FrontMatterChecker, Report, key_path
from kho_stem.validation.hazards import HazardRules
from kho_stem.validation.rules import check_duration, check_process, check_topic_ages
from kho_stem.validation.verdict_cache import ImageUse, Verdict, VerdictCache, bundle_files, signature
from kho_stem.yaml_source import LocatedDocument, YamlSyntaxError, load_located


class CardChecker:
    """Checks cards one by one; build it once per taxonomy (the schema is compiled here)."""

    def __init__(self, taxonomy: Taxonomy, body_cache_dir: Path | None = None,
                 verdict_cache_dir: Path | None = None):
        """``body_cache_dir``: rendered bodies kept between runs; ``verdict_cache_dir``: whole
        verdicts and image inspections kept between runs (both safe to delete; None: nowhere)."""
        self.taxonomy = taxonomy
        self._body_cache_dir = body_cache_dir
        self.verdicts = VerdictCache(verdict_cache_dir / "cards", taxonomy.root) if verdict_cache_dir else None
        self.image_checks = ImageChecks(verdict_cache_dir / "images" if verdict_cache_dir else None)
        self._warned_locations: set[Path] = set()  # ``check`` warns about an image's GPS once
        self.referenced_images: set[Path] = set()  # every existing image any checked card points to

    # Built when a card is checked, not before: when every verdict is kept, none is needed, and
    # compiling the hazard word lists costs about as much as reading a thousand kept verdicts.
    @cached_property
    def front_matter(self) -> FrontMatterChecker:
        return FrontMatterChecker(self.taxonomy)

    @cached_property
    def hazard_rules(self) -> HazardRules:
        return HazardRules(self.taxonomy)

    @cached_property
    def body_renderer(self) -> BodyRenderer:
        return BodyRenderer(HtmlPolicy.from_taxonomy(self.taxonomy), self._body_cache_dir)

    def prepare(self) -> None:
        """Build every part now (before forking workers, so each does not build its own)."""
        for part in (self.front_matter, self.hazard_rules, self.body_renderer):
            assert part is not None

    def check(self, path: Path, display: str) -> tuple[Card | None, list[Problem]]:
        """Return the card (None when it has errors) and every problem found in it.

        An image's GPS position is told once, with the first card that uses it."""
        verdict = self.verdict(path, display)
        self.referenced_images.update(verdict.referenced_images)
        repeated = {index for index, image in verdict.located if image in self._warned_locations}
        self._warned_locations.update(image for _, image in verdict.located)
        return verdict.card, [p for index, p in enumerate(verdict.problems) if index not in repeated]

    def verdict(self, path: Path, display: str) -> Verdict:
        """Everything found in one card, alone: from the verdict cache when the card is unchanged."""
        verdict = self.cached_verdict(path, display) or self.fresh_verdict(path, display)
        self.save_verdicts()
        return verdict

    def cached_verdict(self, path: Path, display: str,
                       realpath: Callable[[str], str] = os.path.realpath) -> Verdict | None:
        """The verdict kept for exactly this card file and its images, or None.

        ``realpath`` resolves its image references again (``RealPaths`` for a whole library)."""
        data = self._read(path)
        if self.verdicts is None or data is None:
            return None
        bundle = bundle_files(path)
        cached = self.verdicts.get(path, self.verdicts.key(path, display, data), realpath, bundle)
        if cached is None or cached.card is None:
            return cached
        if bundle is not None and bundle == cached.bundle:
            return cached
        # What a review approves covers every file of a bundle, and one of them changed: hash again.
        return replace(cached, card=replace(cached.card, content_hash=content_hash(path)), bundle=bundle)

    def fresh_verdict(self, path: Path, display: str) -> Verdict:
        """The card checked now (and kept in the verdict cache when there is one, until ``save_verdicts``)."""
        key, verdict = self.keyed_verdict(path, display)
        self.keep(path, key, verdict)
        return verdict

    def keyed_verdict(self, path: Path, display: str) -> tuple[str | None, Verdict]:
        """The card checked now, with the key to keep its verdict under (None: not to be kept).

        Forked workers return both to the parent, which alone writes the verdict cache."""
        data = self._read(path)
        verdict = self._verdict(path, display, data)
        key = self.verdicts.key(path, display, data) if self.verdicts is not None and data is not None else None
        return key, verdict

    def keep(self, path: Path, key: str | None, verdict: Verdict) -> None:
        if self.verdicts is not None and key is not None:
            self.verdicts.put(path, key, verdict)

    def save_verdicts(self) -> None:
        """Write the verdicts kept since the last save (the cache's changed shards)."""
        if self.verdicts is not None:
            self.verdicts.save()

    def _read(self, path: Path) -> bytes | None:
        try:
            return read_capped(path, self.taxonomy.limits.card_bytes)
        except CardFileError:
            return None  # the check says what is wrong with the file

    def _verdict(self, path: Path, display: str, data: bytes | None) -> Verdict:
        problems: list[Problem] = []
        uses: list[ImageUse] = []
        located: list[tuple[int, Path]] = []
        referenced: set[Path] = set()
        # Taken before the content hash: a file changed meanwhile makes the next run hash again.
        bundle = bundle_files(path)
        card = self._check(path, display, data, problems, _ImageLog(problems, uses, located, referenced))
        return Verdict(card, tuple(problems), frozenset(referenced), tuple(located), tuple(uses),
                       bundle if card is not None else None)

    def _check(self, path: Path, display: str, data: bytes | None, problems: list[Problem],
               image_log: _ImageLog) -> Card | None:

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
            text = split(decode(data if data is not None else read_capped(path, limits.card_bytes)))
        except CardFileError as error:
            report_found(error.line, "", error.code, error.params)
            return None
        # Control characters first: refused outright, before YAML or Markdown make them confusing.
        control = [*control_characters(text.front_matter, text.front_matter_line),
                   *control_characters(text.body, text.body_line)]
        for line, key, code, params in control:
            report_found(line, key, code, params)
        if control:
            return None
        try:
            document = load_located(text.front_matter, text.front_matter_line)
        except YamlSyntaxError as error:
            report(error.line, "", "yaml_syntax", problem=error.problem)
            return None
        if document.value is None:
            document.value = {}
        if not isinstance(document.value, dict):
            report(text.front_matter_line, "", "front_matter_not_mapping")
            return None
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
            return None
        check_topic_ages(meta, document, self.taxonomy, report)
        check_duration(meta, document, self.taxonomy, report)
        self.hazard_rules.check(meta, text.body, text.body_line, document, report)
        check_process(meta, body_headings(text.body, text.body_line), document, self.taxonomy, report)
        # The body is judged as it will be published: rendered, then sanitised.
        body = self.body_renderer.render(text.body, text.body_line)
        for problem in body.problems:
            report_found(problem.line, "", problem.code, problem.params)
        image_files: dict[str, Path] = {}
        images = self._check_images(path, meta, body.images, document, report, image_files, image_log)

        if has_errors(problems):
            return None
        return Card(
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

    def _check_images(
        self, path: Path, meta: dict[str, Any], references: tuple[BodyImage, ...], document: LocatedDocument,
        report: Report, image_files: dict[str, Path], log: _ImageLog,
    ) -> list[Path]:
        """Every image file the card uses, cover first; ``image_files`` gets each body reference's file."""
        folder = path.parent
        found: list[Path] = []
        cover = meta.get("cover")
        if isinstance(cover, str) and cover:
            target = self._check_image(cover, folder, document.line_of(("cover",), 1), "cover", report, log)
            if target:
                found.append(target)
        for image in references:
            target = self._check_image(image.src, folder, image.line, "", report, log)
            if not target:
                continue
            if not image.alt:
                report(image.line, "", "image_no_alt", path=image.src)
            image_files[image.src] = target
            if target not in found:
                found.append(target)
        return found

    def _check_image(self, reference: str, folder: Path, line: int, where: str, report: Report,
                     log: _ImageLog) -> Path | None:
        target, code = resolve_image(reference, folder)
        log.uses.append(ImageUse(reference, folder, target, signature(target) if target else None))
        if target is None:  # ``code`` says why
            report(line, where, code, path=reference)
            return None
        limit = self.taxonomy.limits.image_name_bytes
        if len(target.name.encode("utf-8")) > limit:
            report(line, where, "image_name_too_long", path=reference, limit=limit)
            return None
        # Used, even if this card or this image has errors: never also call the image unused.
        log.referenced.add(target)
        problem, records_location = self.image_checks.inspect(target)
        if problem:
            report(line, where, problem.code, path=reference, **problem.params)
            return None
        if records_location:
            log.located.append((len(log.problems), target))
            report(line, where, "image_has_location", severity=Severity.WARNING, path=reference)
        return target


@dataclass(frozen=True)
class _ImageLog:
    """What one card's check learns about its images, besides its problems (appended to ``problems``)."""

    problems: list[Problem]
    uses: list[ImageUse]
    located: list[tuple[int, Path]]
    referenced: set[Path]
