"""Pages of the library site, rendered from cards and the taxonomy (Markdown with HTML blocks).

Nothing here imports MkDocs: the plugin hands these pages to whichever generator builds the site.
"""
