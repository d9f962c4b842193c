"""Core of the preschool STEM activity library.

Nothing in this package imports MkDocs except ``mkdocs_plugin``: the card model, taxonomy,
validation and generators are plain Python so that ``build.py``, the tests and any future site
generator can use them directly.
"""

__version__ = "0.1.0"
