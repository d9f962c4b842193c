"""``python build.py COMMAND``: check, build, serve, offline, zim, new, stats, review, schema."""

from kho_stem.cli.main import main

__all__ = ["main"]
