"""MkDocs adapter: the only package here that imports mkdocs. It orchestrates the core."""
