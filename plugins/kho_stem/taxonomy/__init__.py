"""The taxonomy, read from content/taxonomy/ and checked against its own schema as it loads:
vocabularies (ages, topics, hazards, processes…), the card's fields, the size limits, and the card
JSON Schema generated from the fields."""

from kho_stem.taxonomy.card_schema import card_schema, write_schema
from kho_stem.taxonomy.vocabularies import FieldSpec, Taxonomy, Term, Vocabulary, load_taxonomy

__all__ = ["FieldSpec", "Taxonomy", "Term", "Vocabulary", "card_schema", "load_taxonomy", "write_schema"]
