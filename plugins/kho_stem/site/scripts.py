"""The site's scripts and their load order, declared once.

They are plain scripts that attach to one namespace (``window.KhoStem``): an offline copy opened
from file:// may not load ES modules. Each script needs the ones before it in its list and says so
clearly when one is missing; the pure logic ones also load under Node for the unit tests.
"""

from __future__ import annotations

FOLDER = "assets/kho-stem/"

# Every page, in this order: the search logic (fold, tokenise, score), reading a query against the
# library's words (split, synonyms, slips, suggestions), then the header search box.
PAGE_SCRIPTS = (
    f"{FOLDER}kho-stem-text.js",
    f"{FOLDER}kho-stem-query.js",
    f"{FOLDER}kho-stem-search.js",
    f"{FOLDER}kho-stem-print.js",
    f"{FOLDER}kho-stem-page.js",  # keyboard access to tables and code that scroll sideways
    f"{FOLDER}kho-stem-plan-core.js",  # the teacher's plan: its logic, pure (Node tests it)
    f"{FOLDER}kho-stem-plan-button.js",  # "Thêm vào kế hoạch" on card pages and tiles
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
# The plan page ("Kế hoạch của tôi") adds its data, then the QR code library and the page itself.
PLAN_DATA_SCRIPT = f"{FOLDER}plan-data.js"
PLAN_SCRIPTS = (
    f"{FOLDER}vendor/qrcode-generator.js",  # npm qrcode-generator, unchanged (vendor/README.md)
    f"{FOLDER}kho-stem-plan.js",
    f"{FOLDER}kho-stem-zip.js",  # a .zip of stored files (pure, Node tests it)
    f"{FOLDER}kho-stem-docx.js",  # the whole plan's giáo án: joining the cards' parts (pure, Node tests it)
    f"{FOLDER}kho-stem-plan-word.js",  # the plan page's "Tải giáo án cả kế hoạch (Word)"
)
# The giáo án template's parts, loaded by the plan page only when the teacher asks for the .docx.
LESSON_PLAN_TEMPLATE_SCRIPT = f"{FOLDER}giao-an-mau.js"
# The school's materials survey: its data (each card's needs), the survey logic, then the page.
SURVEY_DATA = f"{FOLDER}survey-data.js"
SURVEY_SCRIPTS = (
    f"{FOLDER}kho-stem-survey.js",
    f"{FOLDER}kho-stem-survey-page.js",
)
# The editor page (bien-tap/) alone: its setup, run before the CMS script and copied beside it.
EDITOR_SCRIPTS = ("kho-stem-cms.js",)
