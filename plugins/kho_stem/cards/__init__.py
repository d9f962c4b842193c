"""A card: its file read with exact lines, its model, its body rendered and sanitised as it is
published, its images (inspected, published without metadata) and the board's review of it."""

from kho_stem.cards.body_html import BodyRenderer, HtmlPolicy, RenderedBody
from kho_stem.cards.cache_file import link_from_cache
from kho_stem.cards.card import RESERVED_NAMES, Card, slug_of
from kho_stem.cards.images import ImageCache
from kho_stem.cards.reviews import Review, ReviewBook, content_hash, load_reviews, write_reviews

__all__ = ["RESERVED_NAMES", "BodyRenderer", "Card", "HtmlPolicy", "ImageCache", "RenderedBody", "Review",
           "ReviewBook", "content_hash", "link_from_cache", "load_reviews", "slug_of",
           "write_reviews"]
