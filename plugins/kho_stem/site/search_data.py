"""The data behind the catalog and the site-wide search, written as two JavaScript files.

They are scripts (``window.KhoStemData = {…}``), not JSON fetched at run time, because an offline
copy opened from file:// may load scripts but not fetch(). The first, ``catalog_data``, holds what
the catalog's first view needs: each card's tile facts, facet values, class needs (``m``) and sort
keys (``up``, ``nm``), the facets, the class materials, the orders and the texts.
Vocabularies are listed once and cards refer to them by position, which keeps it small. The facet
keys and their roles travel in it too (``keys``, each facet's ``excludes`` and ``none``), so the
scripts never spell a key of their own. The second, ``search_text``, is loaded after the first
view is drawn: the words each card and page is searched by, already lower-cased, split into words
and folded here, so the browser does none of that work on thousands of cards; with them each
card's pairs of neighbouring words and the lexicon a query is read against (``search_terms``).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kho_stem.catalog.facts import AGE_FACET, MATERIAL_FACET, TOPIC_FACET, CardFacts, Facet
from kho_stem.site.catalog_page import CLASS_MODE_CONTROL, INVENTORY_CONTROL, MATERIALS_ALL_CONTROL, REVIEWED_CONTROL
from kho_stem.site.class_materials import ClassMaterials, class_materials
from kho_stem.site.listing import Thumbnail
from kho_stem.site.search_terms import SYLLABLE_SHAPE, library_syllables, synonym_alternatives, words_and_pairs
from kho_stem.site.search_texts import SEARCH_TEXTS, SORT_CONTROL, sort_orders_data
from kho_stem.site.urls import Linker, card_page
from kho_stem.taxonomy.vocabularies import Taxonomy
from kho_stem.text import fold

# What the catalog's script needs to find by role: facets by key, other controls by name.
CATALOG_KEYS = {
    "ages": AGE_FACET, "topics": TOPIC_FACET, "materials": MATERIAL_FACET,
    "reviewed": REVIEWED_CONTROL, "classMode": CLASS_MODE_CONTROL, "inventory": INVENTORY_CONTROL,
    "materialsAll": MATERIALS_ALL_CONTROL,
    "sort": SORT_CONTROL,
}

_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTRIBUTE_LIST = re.compile(r"\{\s*[:#.][^}]*\}")
_TAG = re.compile(r"<[^>]+>")
_URL = re.compile(r"\bhttps?://\S+")
_WORD = re.compile(r"[^\W_]+")
# As PHRASE_BREAKS and NOT_WORD_OR_BREAK in kho-stem-text.js ([^\p{L}\p{N}\s]+, [^\p{L}\p{N}|]+).
_PHRASE_BREAKS = re.compile(r"(?:[^\w\s]|_)+")
_NOT_WORD_OR_BREAK = re.compile(r"(?:[^\w|]|_)+")
_SKIPPED_BLOCKS = re.compile(r"<(script|style|nav)\b.*?</\1>", re.DOTALL | re.IGNORECASE)


def unique_words(*texts: str) -> str:
    """The distinct words of ``texts``, lower-cased, in order of first use, joined by spaces."""
    words: dict[str, None] = {}
    for text in texts:
        words.update(dict.fromkeys(_WORD.findall(text.lower())))
    return " ".join(words)


def markdown_text(markdown: str) -> str:
    """The readable words of a card body: link and image texts kept, addresses and markup dropped."""
    text = _MARKDOWN_LINK.sub(r" \1 ", markdown)
    text = _ATTRIBUTE_LIST.sub(" ", text)
    return _URL.sub(" ", _TAG.sub(" ", text))


def html_text(page_html: str) -> str:
    return html.unescape(_TAG.sub(" ", _SKIPPED_BLOCKS.sub(" ", page_html)))


@dataclass(frozen=True)
class PageEntry:
    """A page other than a card that the site-wide search finds: its URL, title and words."""

    url: str
    title: str
    words: str


def page_entry(url: str, title: str, page_html: str | None) -> PageEntry:
    """A page's search entry; ``title`` as the page has it (generated pages escape theirs, see
    ``page_front_matter``), ``page_html`` None for generated lists, which only repeat the cards."""
    return PageEntry(url, html.unescape(title), unique_words(html_text(page_html)) if page_html else "")


def phrased(text: str) -> str:
    """A text field as the search matches it: lower case, words apart by one space, " | " where a
    phrase ends (no pair of words spans it), a space at each end (so " nuoc " finds whole words);
    what ``prepare`` in kho-stem-text.js would make of it."""
    text = _PHRASE_BREAKS.sub(" | ", unicodedata.normalize("NFC", text).lower())
    return " " + _NOT_WORD_OR_BREAK.sub(" ", text).strip() + " "


SEARCHED_FIELDS = 4  # title, keywords (topics and materials), description, other words


def searched_fields(title: str, keywords: str, description: str, words: str) -> list[str]:
    """The four fields a card or page is searched by (weights in kho-stem-text.js), as written and
    then folded: ``[title, keywords, description, words, folded title, …]``."""
    # Each written as kho-stem-text.js's prepare() would; the words are distinct and lower case already.
    written = [phrased(title), phrased(keywords), phrased(description), f" {words} "]
    return written + [fold(field) for field in written]


def card_search_fields(facts: CardFacts, taxonomy: Taxonomy) -> list[str]:
    """A card's ``searched_fields``, then the pairs of neighbouring words among its other words
    (positions in that list, ``search_terms.words_and_pairs``)."""
    topic_labels = [taxonomy.topics[code].label for code in facts.topics]
    material_texts = []
    for item in facts.material_items:
        material_texts.append(item.name)
        if item.note:
            material_texts.append(item.note)
    keywords = " · ".join(topic_labels + [name for name in facts.materials])
    # One text per line, so that no pair of words spans two of them.
    other_texts = (*material_texts, *facts.objectives, *facts.safety, markdown_text(facts.card.body),
                   facts.family or "", facts.inclusion or "")
    words, pairs = words_and_pairs(*other_texts)
    return [*searched_fields(facts.title, keywords, facts.description, words), pairs]


def card_entry(facts: CardFacts, linker: Linker, facets: tuple[Facet, ...],
               positions: Mapping[str, Mapping[str, int]], thumbnail: Thumbnail | None) -> dict[str, object]:
    """What one tile shows, the filters test and the orders sort by: no search text (``search_text``)."""
    entry: dict[str, object] = {
        "u": linker.url(card_page(facts.slug)),
        "t": facts.title,
        "d": facts.description,
        "n": facts.duration,
        "nm": len(facts.material_items),
        "up": facts.updated or "",
    }
    for facet in facets:
        entry[facet.key] = [positions[facet.key][code] for code in facet.codes(facts)]
    if facts.reviewed:
        entry["r"] = 1
    if thumbnail:
        entry["i"] = [thumbnail.src, thumbnail.width, thumbnail.height]
    return entry


def _facet_entry(facet: Facet) -> dict[str, object]:
    entry: dict[str, object] = {"key": facet.key, "legend": facet.legend,
                                "values": [[v.code, v.label] for v in facet.values]}
    if facet.excludes:
        entry["excludes"] = 1
    if facet.none:
        entry["none"] = facet.none
    return entry


def catalog_data(facts: Iterable[CardFacts], facets: tuple[Facet, ...], taxonomy: Taxonomy, linker: Linker,
                 thumbnails: Mapping[str, Thumbnail], class_list: ClassMaterials | None = None) -> dict[str, object]:
    """The catalog's first view (``DATA_SCRIPT``): facets, per card its tile, facet values, class
    needs and sort keys, the orders and texts. ``class_list``: what "Lớp em có gì?" offers (worked
    out from ``facts`` when not given)."""
    facts = list(facts)
    if class_list is None:
        class_list = class_materials(facts, taxonomy.vocabularies.get("materials"))
    positions = {facet.key: {value.code: index for index, value in enumerate(facet.values)} for facet in facets}
    age_short = {term.code: term.get("short", term.code) for term in taxonomy.ages}
    cards = []
    for fact in facts:
        entry = card_entry(fact, linker, facets, positions, thumbnails.get(fact.slug))
        entry["m"] = class_list.needs(fact)  # per thing needed, the class materials any of which does
        cards.append(entry)
    return {
        "keys": CATALOG_KEYS,
        "facets": [_facet_entry(facet) for facet in facets],
        "ageShort": [age_short[value.code] for value in next(f for f in facets if f.key == AGE_FACET).values],
        "classMaterials": class_list.data(),
        "cards": cards,
        "sorts": sort_orders_data(),
        "texts": SEARCH_TEXTS,
    }


def search_text(facts: Iterable[CardFacts], taxonomy: Taxonomy, pages: Iterable[PageEntry]) -> dict[str, object]:
    """What search matches (``SEARCH_TEXT_SCRIPT``): per card, in the order of ``catalog_data``, its
    ``card_search_fields``; the other pages with their address, title and searched fields; and the
    lexicon the query is read against (the syllables of the cards' written fields, the synonyms)."""
    cards = [card_search_fields(fact, taxonomy) for fact in facts]
    return {
        "cards": cards,
        "pages": [{"u": page.url, "t": page.title, "f": searched_fields(page.title, "", "", page.words)}
                  for page in pages],
        "lexicon": {
            "syllables": library_syllables(field for fields in cards for field in fields[:SEARCHED_FIELDS]),
            "synonyms": synonym_alternatives(taxonomy.synonym_groups),
            "shape": SYLLABLE_SHAPE,
        },
    }


def data_script(name: str, data: Mapping[str, object]) -> str:
    """``data`` as a script that sets ``window.<name>``."""
    # "<" is escaped so that no card text can ever close a <script> element around it.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f"window.{name}={text};\n"
