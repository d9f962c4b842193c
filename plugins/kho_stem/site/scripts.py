"""The site's scripts and their load order, declared once.

They are plain scripts that attach to one namespace (``window.KhoStem``): an offline copy opened
from file:// may not load ES modules. Each script needs the ones before it in its list and says so
clearly when one is missing; the pure logic ones also load under Node for the unit tests.
"""

from __future__ import annotations

FOLDER = "assets/kho-stem/"

# Every page, in this order: the search logic (fold, tokenise, score), then the header search box.
PAGE_SCRIPTS = (
    f"{FOLDER}kho-stem-text.js",
    f"{FOLDER}kho-stem-search.js",
    f"{FOLDER}kho-stem-print.js",
    f"{FOLDER}kho-stem-page.js",  # keyboard access to tables and code that scroll sideways
)
# The catalog data, which the catalog page loads itself and the header search on demand: first what
# the catalog's first view needs (tiles and facets, ``window.KhoStemData``), then, once that view is
# drawn, the search text (``window.KhoStemText``).
DATA_SCRIPT = f"{FOLDER}catalog-data.js"
SEARCH_TEXT_SCRIPT = f"{FOLDER}search-text.js"
# The catalog page adds, after the page scripts and the data: the filter logic, then the page itself.
CATALOG_SCRIPTS = (
    f"{FOLDER}kho-stem-facets.js",
    f"{FOLDER}kho-stem-catalog.js",
)
