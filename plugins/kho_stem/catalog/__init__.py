"""The one read model: the facts of each card (CardFacts) and of the library (LibraryStats) that
every view — pages, catalog data, exports, reports, print — reads instead of the front matter."""

from kho_stem.catalog.facts import CardFacts, MaterialNames, card_facts, catalog_facets, library_facts
from kho_stem.catalog.stats import LibraryStats, library_stats

__all__ = ["CardFacts", "LibraryStats", "MaterialNames", "card_facts", "catalog_facets", "library_facts",
           "library_stats"]
