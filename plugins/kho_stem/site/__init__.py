"""The library site's pages, rendered from the catalog facts and the taxonomy for any generator:
card pages, browse pages, the catalog, statistics, home blocks, print parts, the search data, the
CSS and JavaScript they use, and the editor page (the web form for cards). The generator's adapter
hands them over. What the pages borrow from the theme (Material's button class, its ``hide`` front
matter) is named once in ``theme.py``."""

from kho_stem.site.editor_page import FOLDER as EDITOR_FOLDER
from kho_stem.site.editor_page import EditorFiles, editor_files, find_cms_package, is_auth_url
from kho_stem.site.library_site import STYLESHEET, LibrarySite
from kho_stem.site.page import GeneratedPage
from kho_stem.site.plan_parts import plan_config
from kho_stem.site.print_parts import PrintSettings
from kho_stem.site.scripts import (
    CATALOG_SCRIPTS,
    DATA_SCRIPT,
    LESSON_PLAN_TEMPLATE_SCRIPT,  # the plan page's one .docx: the giáo án template's parts
    PAGE_SCRIPTS,
    PLAN_DATA_SCRIPT,
    SEARCH_TEXT_SCRIPT,
)
from kho_stem.site.search_data import PageEntry, page_entry
from kho_stem.site.search_texts import SEARCH_TEXTS
from kho_stem.site.urls import Linker, card_print_file, catalog_page, lesson_plan_file, lesson_plan_script_file

__all__ = [
    "CATALOG_SCRIPTS",
    "DATA_SCRIPT",
    "EDITOR_FOLDER",
    "LESSON_PLAN_TEMPLATE_SCRIPT",
    "PAGE_SCRIPTS",
    "PLAN_DATA_SCRIPT",
    "SEARCH_TEXTS",
    "SEARCH_TEXT_SCRIPT",
    "STYLESHEET",
    "EditorFiles",
    "GeneratedPage",
    "LibrarySite",
    "Linker",
    "PageEntry",
    "PrintSettings",
    "card_print_file",
    "catalog_page",
    "editor_files",
    "find_cms_package",
    "is_auth_url",
    "lesson_plan_file",
    "lesson_plan_script_file",
    "page_entry",
    "plan_config",
]
