"""Core of the preschool STEM activity library. It never imports a site generator.

The pipeline, one package a stage (each ``__init__`` names what it offers):

    taxonomy/     vocabularies, hazards, limits and the card fields, read from content/taxonomy/
    cards/        a card file read into a Card: front matter, body rendered and sanitised, images, reviews
    validation/   every rule a card must follow, and the library-wide checks (unique names)
    catalog/      the facts every view reads (CardFacts) and the statistics (LibraryStats)
    outputs/      files made from the facts: exports, reports, the offline zip, editor forms, guide tables
    site/         the site's pages, rendered for any generator (the MkDocs adapter hands them over)
    cli/          ``python build.py COMMAND``
    diagnostics/  every message (vi/en) and how a located problem is printed

``text`` (Vietnamese normalising, folding, whole-word matching) and ``yaml_source`` (YAML with the
line of every value) are shared by all stages.
"""

__version__ = "0.1.0"
