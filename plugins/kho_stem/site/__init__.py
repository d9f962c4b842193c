"""The library site's pages, rendered from the catalog facts and the taxonomy for any generator:
card pages, browse pages, the catalog, statistics, home blocks, print parts, the search data, and
the CSS and JavaScript they use. The generator's adapter hands them over."""

from kho_stem.site.catalog_page import DATA_SCRIPT
from kho_stem.site.library_site import PAGE_SCRIPT, PRINT_SCRIPT, SEARCH_SCRIPT, STYLESHEET, LibrarySite
from kho_stem.site.page import GeneratedPage
from kho_stem.site.print_parts import PrintSettings
from kho_stem.site.search_data import PageEntry, page_entry
from kho_stem.site.urls import Linker, catalog_page

__all__ = ["DATA_SCRIPT", "PAGE_SCRIPT", "PRINT_SCRIPT", "SEARCH_SCRIPT", "STYLESHEET", "GeneratedPage",
           "LibrarySite", "Linker", "PageEntry", "PrintSettings", "catalog_page", "page_entry"]
