"""Keeping Python's cyclic garbage collector out of a pass that builds many long-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector, then hand what the pass built to its oldest generation.

    Checking a library builds hundreds of thousands of objects (cards, problems, unpickled
    verdicts) and almost no cycles. With the collector on, its young passes walked them again
    and again; turned back on as they were, its first pass walked them all (0.16 s for 5,000
    cards). Freezing and unfreezing moves them to the oldest generation without a walk: only a
    full collection looks at them again, as at any long-lived data. Skipped when something else
    has frozen objects (the MkDocs plugin does, for a build): unfreezing would release those."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if collecting:
            gc.enable()
