"""Everything the library adds to a site: card pages, browse pages, image files, home blocks."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kho_stem.cards.card import Card
from kho_stem.cards.images import PublishedImage
from kho_stem.catalog.facts import CardFacts, all_materials, catalog_facets, library_facts
from kho_stem.catalog.stats import library_stats
from kho_stem.outputs.exports import (
    CSV_NAME,
    JSON_NAME,
    SCHEMA_NAME,
    card_record,
    catalog_csv,
    catalog_json,
    catalog_schema,
)
from kho_stem.site.browse import BrowsePages
from kho_stem.site.card_page import render_card_page
from kho_stem.site.catalog_page import render_catalog_page
from kho_stem.site.class_materials import class_materials
from kho_stem.site.entry_points import entry_points
from kho_stem.site.listing import Thumbnail, card_list, card_tile, tile_list, topic_icons_template
from kho_stem.site.materials_pages import MaterialsPages
from kho_stem.site.page import GeneratedPage
from kho_stem.site.plan_data import card_print_script, plan_data, plan_data_script
from kho_stem.site.plan_page import render_plan_page
from kho_stem.site.print_parts import PrintSettings
from kho_stem.site.redirects import redirect_pages
from kho_stem.site.scripts import (
    CATALOG_SCRIPTS,
    DATA_SCRIPT,
    FOLDER,
    PAGE_SCRIPTS,
    PLAN_SCRIPTS,
    SEARCH_TEXT_SCRIPT,
    SURVEY_SCRIPTS,
)
from kho_stem.site.search_data import PageEntry, catalog_data, data_script, search_text
from kho_stem.site.stats_page import render_stats_page
from kho_stem.site.urls import (
    Linker,
    card_page,
    cards_index_page,
    catalog_page,
    lesson_plan_file,
    lesson_plan_script_file,
    plan_page,
    stats_page,
)
from kho_stem.taxonomy.vocabularies import Taxonomy

RELATED_LIMIT = 6
LATEST_LIMIT = 6
ENTRY_POINTS_MARKER = "<!-- kho-stem:entry-points -->"
LATEST_MARKER = "<!-- kho-stem:latest -->"
ASSETS = Path(__file__).resolve().parent / "assets"
STYLESHEET = "assets/kho-stem/kho-stem.css"


@dataclass(frozen=True)
class CopiedFile:
    src: str  # where it appears in the site, as a source path
    path: Path  # the file on disk


class LibrarySite:
    def __init__(self, cards: list[Card], taxonomy: Taxonomy, linker: Linker,
                 images: Mapping[Path, PublishedImage] | None = None, print_settings: PrintSettings | None = None,
                 official: bool = False, lesson_plans: Mapping[str, Path] | None = None,
                 lesson_plan_scripts: Mapping[str, Path] | None = None):
        """``images`` maps each image a card uses to its published variants; an image without
        one (a site built without the image pipeline) is copied as it is. ``lesson_plans`` maps
        a card's slug to its giáo án (.docx) file, published beside its page and linked from it;
        ``lesson_plan_scripts`` to its part of the plan's .docx (``LessonPlanFiles.scripts``)."""
        self.facts = library_facts(cards, taxonomy)
        self.cards = [fact.card for fact in self.facts]
        self._slugs = {card_page(card.slug): card.slug for card in self.cards}
        self.taxonomy = taxonomy
        self.linker = linker
        self.images = images or {}
        self.print_settings = print_settings or PrintSettings()
        self.official = official  # only reviewed cards were given: pages say so
        self.lesson_plans = dict(lesson_plans or {})
        self.lesson_plan_scripts = dict(lesson_plan_scripts or {})
        self.facets = catalog_facets(taxonomy, all_materials(self.facts))
        self.class_list = class_materials(self.facts, taxonomy.vocabularies.get("materials"))  # "Lớp em có gì?"
        self.stats = library_stats(self.facts, taxonomy)  # the home page counts and the Thống kê page
        self.image_sources = {
            image: self._image_src(card, image) for card in self.cards for image in card.images
        }
        self.thumbnails: dict[str, Thumbnail] = {}
        self._related_tiles: dict[str, str] = {}  # by slug, see _related_tile
        for card in self.cards:
            if card.cover is None:
                continue
            published = self.images.get(card.cover)
            if published:
                self.thumbnails[card.slug] = Thumbnail(
                    _variant_src(self.image_sources[card.cover], "thumb"), published.thumb.width,
                    published.thumb.height)
            else:
                self.thumbnails[card.slug] = Thumbnail(self.image_sources[card.cover], None, None)

    @staticmethod
    def _image_src(card: Card, image: Path) -> str:
        # Images keep their place relative to the card, so the card's own links stay right.
        relative = image.relative_to(card.path.parent.resolve()).as_posix()
        return f"{card_page(card.slug).rsplit('/', 1)[0]}/{relative}"

    def files(self) -> list[CopiedFile]:
        copied = [CopiedFile(asset, ASSETS / asset.removeprefix(FOLDER)) for asset in
                  (STYLESHEET, *PAGE_SCRIPTS, *CATALOG_SCRIPTS, *PLAN_SCRIPTS, *SURVEY_SCRIPTS)]
        for image, src in self.image_sources.items():
            published = self.images.get(image)
            if published:
                copied.append(CopiedFile(_variant_src(src, "page"), published.page.path))
                copied.append(CopiedFile(_variant_src(src, "thumb"), published.thumb.path))
            else:
                copied.append(CopiedFile(src, image))
        copied += [CopiedFile(lesson_plan_file(card.slug), self.lesson_plans[card.slug])
                   for card in self.cards if card.slug in self.lesson_plans]
        copied += [CopiedFile(lesson_plan_script_file(card.slug), self.lesson_plan_scripts[card.slug])
                   for card in self.cards if card.slug in self.lesson_plan_scripts]
        return copied

    def published_image(self, image: Path) -> tuple[str, int | None, int | None]:
        """Source path and size of the image a card page shows for ``image``."""
        src = self.image_sources[image]
        published = self.images.get(image)
        if not published:
            return src, None, None
        return _variant_src(src, "page"), published.page.width, published.page.height

    def is_card_page(self, src: str) -> bool:
        """Card pages stay out of the navigation: it is rendered into every page, so listing
        thousands of cards there would make the build quadratic."""
        return src.startswith(f"{card_page('')[: -len('/index.md')]}") and src != cards_index_page()

    def slug_of(self, src: str) -> str | None:
        """The card whose page is ``src``, if it is a card page."""
        return self._slugs.get(src)

    def pages(self) -> dict[str, GeneratedPage]:
        related = self._related()
        pages = {card_page(fact.slug): self._card_page(fact, related[fact.slug]) for fact in self.facts}
        pages.update(BrowsePages(self.facts, self.stats, self.taxonomy, self.linker, self.thumbnails).pages())
        pages[catalog_page()] = render_catalog_page(self.facets, self.linker, self.stats.total, self.official,
                                                     self.stats.reviewed, self.class_list,
                                                     topic_icons_template(self.taxonomy))
        pages[stats_page()] = render_stats_page(self.stats, self.linker, self.official,
                                                self.print_settings.site_name)
        pages[plan_page()] = render_plan_page(self.linker)
        pages.update(self.materials_pages.pages())
        return pages

    def card_page(self, slug: str) -> tuple[str, GeneratedPage]:
        """One card's page (source path and page) as ``pages()`` makes it, without the others:
        serve's preview rebuilds only the card just saved."""
        fact = next(fact for fact in self.facts if fact.slug == slug)
        return card_page(slug), self._card_page(fact, self._related()[slug])

    def _card_page(self, fact: CardFacts, related: list[CardFacts]) -> GeneratedPage:
        here = card_page(fact.slug)
        tiles = [self._related_tile(other, here) for other in related]
        return render_card_page(
            fact, self.taxonomy, self.linker, self.published_image, tile_list(tiles, here, self.linker),
            self.print_settings, lesson_plan=fact.slug in self.lesson_plans,
        )

    def _related_tile(self, fact: CardFacts, here: str) -> str:
        """``fact``'s tile on another card's page. Every card page lies in its own folder beside the
        others, so the tile's links are the same from each of them: it is made once."""
        tile = self._related_tiles.get(fact.slug)
        if tile is None:
            tile = self._related_tiles[fact.slug] = card_tile(fact, here, self.taxonomy, self.linker, self.thumbnails)
        return tile

    def exports(self, generated: str) -> dict[str, str]:
        """The catalog for programs and spreadsheets, by file name; ``generated`` is the build date."""
        records = [card_record(fact, self.linker.url(card_page(fact.slug))) for fact in self.facts]
        return {
            JSON_NAME: catalog_json(records, generated),
            # A BOM first: Excel on Windows reads a CSV as the local code page without one.
            CSV_NAME: "\ufeff" + catalog_csv(records, self.taxonomy),
            SCHEMA_NAME: json.dumps(catalog_schema(self.taxonomy), ensure_ascii=False, indent=2) + "\n",
            **self.materials_pages.files(),
        }

    @cached_property
    def materials_pages(self) -> MaterialsPages:
        """The minimum materials list and the survey: computed once, for the pages and their files."""
        return MaterialsPages(self.facts, self.taxonomy, self.linker)

    def redirects(self) -> dict[str, str]:
        """Redirect pages from each published card's old names (``aliases``), by file path."""
        return redirect_pages(self.cards, self.linker)

    def data_scripts(self, pages: list[PageEntry]) -> dict[str, str]:
        """The catalog and search data by site path: the first view's data (``DATA_SCRIPT``), then the
        search text of every card and of ``pages``, the pages that are not cards (``SEARCH_TEXT_SCRIPT``)."""
        return {
            DATA_SCRIPT: data_script("KhoStemData", catalog_data(
                self.facts, self.facets, self.taxonomy, self.linker, self.thumbnails, self.class_list)),
            SEARCH_TEXT_SCRIPT: data_script("KhoStemText", search_text(self.facts, self.taxonomy, pages)),
        }

    def plan_script(self) -> str:
        """The plan page's data (``PLAN_DATA_SCRIPT``): what a plan shows of every card."""
        return plan_data_script(plan_data(self.facts, self.taxonomy, self.linker))

    @staticmethod
    def card_print(slug: str, body_html: str) -> str:
        """A card's printable body, the script at ``card_print_file(slug)``, for the plan's "In tất cả thẻ"."""
        return card_print_script(slug, body_html)

    def _related(self) -> dict[str, list[CardFacts]]:
        """Cards sharing a topic and an age band, most shared first (bounded work per card)."""
        buckets: dict[tuple[str, str], list[CardFacts]] = defaultdict(list)
        for fact in self.facts:
            for topic in fact.topics:
                for age in fact.ages:
                    buckets[(topic, age)].append(fact)
        related: dict[str, list[CardFacts]] = {}
        for fact in self.facts:
            scores: dict[str, int] = defaultdict(int)
            by_slug: dict[str, CardFacts] = {}
            for topic in fact.topics:
                for age in fact.ages:
                    for other in buckets[(topic, age)][: RELATED_LIMIT * 4]:
                        if other.slug != fact.slug:
                            scores[other.slug] += 1
                            by_slug[other.slug] = other
            ranked = sorted(scores, key=lambda slug: -scores[slug])[:RELATED_LIMIT]
            related[fact.slug] = [by_slug[slug] for slug in ranked]
        return related

    # -- blocks of hand-written pages -------------------------------------------------------------
    def expand_markers(self, markdown: str, here: str) -> str:
        if ENTRY_POINTS_MARKER in markdown:
            markdown = markdown.replace(ENTRY_POINTS_MARKER, self._entry_points(here))
        if LATEST_MARKER in markdown:
            markdown = markdown.replace(LATEST_MARKER, self._latest(here))
        return markdown

    def _entry_points(self, here: str) -> str:
        return entry_points(self.stats, self.taxonomy, self.linker, here)

    def _latest(self, here: str) -> str:
        latest = sorted(self.facts, key=lambda fact: (fact.updated or "", fact.slug), reverse=True)
        return card_list(latest[:LATEST_LIMIT], here, self.taxonomy, self.linker, self.thumbnails)


def _variant_src(src: str, variant: str) -> str:
    """``hoat-dong/x/anh.jpg`` -> ``hoat-dong/x/anh-jpg.webp`` (page) or ``…anh-jpg.thumb.webp``.

    The original suffix stays in the name so that anh.jpg and anh.png never collide."""
    stem, _, suffix = src.rpartition(".")
    base = f"{stem}-{suffix.lower()}"
    return f"{base}.webp" if variant == "page" else f"{base}.thumb.webp"
