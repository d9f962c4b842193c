"""Serve's fast preview: a saved card is checked again alone and only its page is rebuilt.

A full build of a large library takes tens of seconds; a teacher editing one card wants to see
that card. When the only files that changed since the last build are cards that were published,
each is checked again on its own (its rules, and that its slug and aliases are still free), and its
page is rendered again with the last build's navigation, theme and neighbours, with the files
beside it that come from the card alone (giáo án, plan part, printable body). The page says so in
a banner: lists, search and statistics keep what the last full build made. A card that no longer
passes gets a page listing its located problems instead, and the terminal shows them too.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mkdocs.commands.build import _build_page, _populate_page  # one page, exactly as a full build does
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from kho_stem.cards import RESERVED_NAMES, Card, link_from_cache, load_reviews
from kho_stem.diagnostics import Problem, message
from kho_stem.site import LibrarySite, card_print_file, lesson_plan_file, lesson_plan_script_file
from kho_stem.validation import check_library
from kho_stem_mkdocs.plugin import KhoStemPlugin

log = get_plugin_logger(__name__)

@dataclass(frozen=True)
class PreviewOutcome:
    card: Path
    problems: list[Problem]  # errors that kept the card from being rebuilt; empty when it was


def previewable(plugin: KhoStemPlugin, changed: set[Path]) -> bool:
    """True when every changed file is a card the last build published and is still there (and the
    copy is not official: there an edit can take a card out of the site, which only a full build can do)."""
    if plugin.result is None or plugin.files is None or plugin.site is None or plugin.official:
        return False
    published = {card.path for card in plugin.published_cards()}
    return bool(changed) and changed <= published and all(path.is_file() for path in changed)


def rebuild_cards(plugin: KhoStemPlugin, config: MkDocsConfig, changed: set[Path]) -> list[PreviewOutcome] | None:
    """Rebuild the pages of ``changed`` cards; ``None`` when a valid card changed what only a full
    build can show (its images, or its old names, whose redirect pages a full build writes)."""
    assert plugin.result is not None and plugin.taxonomy is not None
    language = plugin.config.language
    reviews = load_reviews(plugin._path(config, plugin.config.reviews_file))
    result = check_library(sorted(changed), plugin.taxonomy, reviews=reviews,
                           body_cache_dir=plugin._path(config, plugin.config.body_cache_dir))
    previous = {card.path: card for card in plugin.result.cards}
    fresh = {card.path: card for card in result.cards}
    others = [card for path, card in previous.items() if path not in changed]
    # An error this check finds outside the saved cards (none is known) still stops their preview.
    elsewhere = [p for p in result.errors if Path(p.file).resolve() not in changed]
    outcomes = []
    for path in sorted(changed):
        errors = [p for p in result.errors if Path(p.file).resolve() == path] + elsewhere
        card = fresh.get(path)
        if card is not None:
            errors.extend(_name_clashes(card, others))
            if not errors and (set(card.images) != set(previous[path].images)
                               or card.aliases != previous[path].aliases):
                return None
        outcomes.append(PreviewOutcome(path, errors))
    # Only the saved cards' own warnings: checked alone, every other reviewed card looks unknown.
    for warning in result.warnings:
        if Path(warning.file).resolve() in changed:
            log.warning(warning.render(language))
    for outcome in outcomes:
        for problem in outcome.problems:
            log.error(problem.render(language))
        if not outcome.problems:
            plugin.result.cards[plugin.result.cards.index(previous[outcome.card])] = fresh[outcome.card]
    _render(plugin, config, outcomes, previous)
    return outcomes


def _name_clashes(card: Card, others: list[Card]) -> list[Problem]:
    """The library rule a card checked alone cannot see: its slug and aliases belong to it alone."""
    owners: dict[str, str] = {}
    for other in others:
        for name in (other.slug, *other.aliases):
            owners.setdefault(name, other.source)
    clashes = []
    if card.slug in owners:
        clashes.append(Problem(card.source, 1, "", "slug_duplicate", {"slug": card.slug, "other": owners[card.slug]}))
    for index, alias in enumerate(card.aliases):
        line = card.line_of("aliases", index)
        if alias in RESERVED_NAMES:
            clashes.append(Problem(card.source, line, "aliases", "alias_reserved", {"alias": alias}))
        elif alias in owners:
            clashes.append(Problem(card.source, line, "aliases", "alias_duplicate",
                                   {"alias": alias, "other": owners[alias]}))
    return clashes


def _render(plugin: KhoStemPlugin, config: MkDocsConfig, outcomes: list[PreviewOutcome],
            previous: dict[Path, Card]) -> None:
    assert plugin.site is not None and plugin.files is not None and plugin.nav is not None
    assert plugin.env is not None and plugin.taxonomy is not None
    old_site = plugin.site
    # The site again from every card (the edited ones as they are now): the card's page shows its
    # related cards and images from the whole library, as a full build would.
    site = LibrarySite(plugin.published_cards(), plugin.taxonomy, old_site.linker, old_site.images,
                       old_site.print_settings, official=plugin.official, lesson_plans=old_site.lesson_plans,
                       lesson_plan_scripts=old_site.lesson_plan_scripts)
    plugin.site = site
    language = plugin.config.language
    doc_files = plugin.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    for outcome in outcomes:
        slug = previous[outcome.card].slug
        src = _card_src(plugin, slug)
        file = plugin.files.get_file_from_path(src)
        assert file is not None, src
        if not outcome.problems:
            _refresh_lesson_plan(plugin, site, slug, Path(config.site_dir))
            rendered_src, generated = site.card_page(slug)
            assert rendered_src == src, (rendered_src, src)
            plugin.generated[src] = generated
            file.content_string = generated.markdown
        page = Page(None, file, config)
        _populate_page(page, config, plugin.files)
        if outcome.problems:
            items = "".join(f"<li><code>{html.escape(p.render(language))}</code></li>" for p in outcome.problems)
            page.content = (f'<div class="admonition failure ks-preview"><p class="admonition-title">'
                            f"{html.escape(message('preview_broken_page', language))}</p><ul>{items}</ul></div>")
        else:
            banner = html.escape(message("preview_banner", language))
            page.content = (f'<div class="admonition info ks-preview"><p>{banner}</p></div>'
                            + (page.content or ""))
            # The body the page shows, for the plan's "In tất cả thẻ" (kept by the plugin as the page was made).
            body = plugin.card_bodies.pop(slug, None)
            if body is not None:
                link_from_cache(Path(config.site_dir) / card_print_file(slug),
                                site.card_print(slug, body).encode("utf-8"), plugin.printable_cache_dir(config))
        _build_page(page, config, doc_files, plugin.nav, plugin.env)


def _refresh_lesson_plan(plugin: KhoStemPlugin, site: LibrarySite, slug: str, site_dir: Path) -> None:
    """The card's giáo án (.docx) and its part of the plan's .docx, from the card as saved (made
    only when its content is new: the files are cached by content, as in a full build)."""
    assert plugin.lesson_plan_files is not None
    fact = next(fact for fact in site.facts if fact.slug == slug)
    files, problems = plugin.lesson_plan_files.publish([fact])
    for problem in problems:
        log.warning(problem.render(plugin.config.language))
    docx, script = site_dir / lesson_plan_file(slug), site_dir / lesson_plan_script_file(slug)
    if slug not in files:  # its page goes without the link, as in a full build
        site.lesson_plans.pop(slug, None)
        site.lesson_plan_scripts.pop(slug, None)
        docx.unlink(missing_ok=True)
        script.unlink(missing_ok=True)
        return
    site.lesson_plans[slug] = files[slug]
    site.lesson_plan_scripts[slug] = plugin.lesson_plan_files.scripts({slug: files[slug]})[slug]
    docx.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(files[slug], docx)
    shutil.copyfile(site.lesson_plan_scripts[slug], script)


def _card_src(plugin: KhoStemPlugin, slug: str) -> str:
    """The card's page in the last build (a card's slug is its file's name, so an edit keeps it)."""
    assert plugin.site is not None
    for src in plugin.generated:
        if plugin.site.is_card_page(src) and PurePosixPath(src).parent.name == slug:
            return src
    raise KeyError(slug)
