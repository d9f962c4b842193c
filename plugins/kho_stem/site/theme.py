"""What the pages borrow from the theme (Material for MkDocs), named once.

The pages are plain HTML and Markdown for any generator, but they reuse the theme's button style
and ask it to hide its table of contents on list pages. Moving to another theme means changing
these names, and the header partial with the search box (``kho_stem_mkdocs/templates``, whose
result list uses Material's ``md-search-result`` classes in ``assets/kho-stem-search.js``).
"""

from __future__ import annotations

BUTTON_CLASS = "md-button"  # Material's button look, used for our print and filter buttons
HIDE_KEY = "hide"  # front-matter key Material reads to leave out parts of its layout
HIDE_TABLE_OF_CONTENTS = "toc"
