"""Which generator builds the site: MkDocs 1.x (the default) or ProperDocs, its maintained continuation.

ProperDocs ships ``properdocs.replacement``, which redirects every later ``mkdocs.*`` import to
``properdocs.*``. The plugin, the commands of this package and Material's theme then run on
ProperDocs unchanged. The redirect only holds for modules imported after it, so ``build.py``
selects the generator before anything imports MkDocs; the ``properdocs`` command does the same.
"""

from __future__ import annotations

import importlib
import sys

GENERATOR_VARIABLE = "KHO_STEM_GENERATOR"
GENERATORS = ("mkdocs", "properdocs")


class UnknownGenerator(ValueError):
    pass


class GeneratorMissing(ImportError):
    pass


def select_generator(name: str) -> None:
    """Make ``name`` (one of ``GENERATORS``) the generator behind every later ``mkdocs`` import."""
    if name not in GENERATORS:
        raise UnknownGenerator(name)
    if name == "mkdocs":
        return
    loaded = sys.modules.get("mkdocs")
    if loaded is not None and loaded.__name__ != "properdocs":
        # Half the modules would come from each generator: a programming error, not bad input.
        raise RuntimeError("MkDocs is already imported; select the generator before importing it")
    try:
        importlib.import_module("properdocs.replacement")
    except ModuleNotFoundError as error:
        if error.name not in ("properdocs", "properdocs.replacement"):
            raise
        raise GeneratorMissing(name) from None
