"""The library site's pages, rendered from the catalog facts and the taxonomy for any generator:
card pages, browse pages, the catalog, statistics, home blocks, print parts, the search data, and
the CSS and JavaScript they use. The generator's adapter hands them over. What the pages borrow
from the theme (Material's button class, its ``hide`` front matter) is named once in ``theme.py``."""

from kho_stem.site.library_site import STYLESHEET, LibrarySite
from kho_stem.site.page import GeneratedPage
from kho_stem.site.print_parts import PrintSettings
from kho_stem.site.scripts import CATALOG_SCRIPTS, DATA_SCRIPT, PAGE_SCRIPTS, SEARCH_TEXT_SCRIPT
from kho_stem.site.search_data import PageEntry, page_entry
from kho_stem.site.urls import Linker, catalog_page

__all__ = [
           "CATALOG_SCRIPTS",
           "DATA_SCRIPT",
           "PAGE_SCRIPTS",
           "SEARCH_TEXT_SCRIPT",
           "STYLESHEET",
           "GeneratedPage",
           "LibrarySite",
           "Linker",
           "PageEntry",
           "PrintSettings",
           "catalog_page",
           "page_entry",
]
