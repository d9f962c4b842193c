"""What the plan page needs to join its cards' giáo án into one Word document, cut from the .docx files.

Every card's giáo án is made from one template (``lesson_plan_docx.base_template``): the same
styles, settings, theme, fonts and numbering base, no images, no hyperlinks. So a card is wholly
described by the body of its ``word/document.xml`` (without the section settings) and the ``<w:num>``
elements its ordered lists added to ``word/numbering.xml``; the template's parts travel once, in
``template_payload``. The browser (``kho-stem-docx.js``) joins them; file:// pages cannot fetch, so
both are published as scripts that register themselves on a global.

Cutting is string slicing of the XML as python-docx wrote it, not parsing: it runs for every card
of a cold build. Anything not as expected raises ``ValueError`` (the card then gets no giáo án,
with a located warning, rather than a broken plan document).
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from functools import lru_cache

from docx import Document

from kho_stem.outputs.lesson_plan_docx import FIXED_DATE, HEADING_STYLES, TABLE_STYLE, TITLE_STYLE, base_template

DOCUMENT = "word/document.xml"
NUMBERING = "word/numbering.xml"
CORE = "docProps/core.xml"
PLANS_GLOBAL = "KhoStemLessonPlans"  # each card's script adds its payload here, by slug
TEMPLATE_GLOBAL = "KhoStemLessonPlanTemplate"
_BODY_OPEN = "<w:body>"
_SECTION_OPEN = "<w:sectPr"
_BODY_CLOSE = "</w:body>"
_NUMBERING_CLOSE = "</w:numbering>"
# Stands for the plan's name in the template's core.xml; the browser puts the name, escaped, there.
_TITLE_MARK = "KHO-STEM-PLAN-TITLE"


@dataclass(frozen=True)
class CardPayload:
    body: str  # the children of <w:body> except <w:sectPr>
    nums: str  # the <w:num> elements the card added to the template's numbering.xml

    def as_json(self) -> str:
        return json.dumps({"body": self.body, "nums": self.nums}, ensure_ascii=False, separators=(",", ":"))


def _text(archive: zipfile.ZipFile, name: str) -> str:
    return archive.read(name).decode("utf-8")


def _between(text: str, start: str, end: str) -> tuple[int, int]:
    """Where the content of the one ``start`` … last ``end`` pair is; ValueError when either is missing."""
    opening = text.find(start)
    closing = text.rfind(end)
    if opening < 0 or closing < opening:
        raise ValueError(f"expected {start} … {end}")
    return opening + len(start), closing


@lru_cache(maxsize=1)
def _template_numbering_head() -> str:
    with zipfile.ZipFile(io.BytesIO(base_template())) as template:
        numbering = _text(template, NUMBERING)
    return numbering[: numbering.rindex(_NUMBERING_CLOSE)]


def card_payload(docx: bytes) -> CardPayload:
    """The card's body and its own numbering instances, from its giáo án's bytes."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        document = _text(archive, DOCUMENT)
        numbering = _text(archive, NUMBERING)
    start, end = _between(document, _BODY_OPEN, _BODY_CLOSE)
    section = document.rfind(_SECTION_OPEN, start, end)
    body = document[start: section if section >= 0 else end]
    head = _template_numbering_head()
    if not numbering.startswith(head) or not numbering.endswith(_NUMBERING_CLOSE):
        raise ValueError(f"{NUMBERING} does not extend the template's")
    nums = numbering[len(head): -len(_NUMBERING_CLOSE)]
    if 'r:id="' in body:
        raise ValueError(f"{DOCUMENT} refers to a part (image or link) the plan document would not carry")
    return CardPayload(body, nums)


def _split(text: str, mark: str) -> list[str]:
    before, found, after = text.partition(mark)
    if not found:
        raise ValueError(f"expected {mark}")
    return [before, after]


def _core_properties() -> str:
    """The template's core.xml with the plan's name to fill in, fixed dates and no author."""
    document = Document(io.BytesIO(base_template()))
    properties = document.core_properties
    properties.title = _TITLE_MARK
    properties.author = properties.last_modified_by = properties.comments = ""
    properties.language = "vi-VN"
    properties.revision = 1
    properties.created = properties.modified = properties.last_printed = FIXED_DATE
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return _text(archive, CORE)


def template_payload() -> dict[str, object]:
    """The template's parts, in its order, as the browser writes them: each fixed part's text, and
    for the three it fills, the text before and after what it puts in."""
    with zipfile.ZipFile(io.BytesIO(base_template())) as template:
        names = template.namelist()
        fixed = {name: _text(template, name) for name in names if name not in (DOCUMENT, NUMBERING, CORE)}
        document = _text(template, DOCUMENT)
        numbering = _text(template, NUMBERING)
    start, end = _between(document, _BODY_OPEN, _BODY_CLOSE)
    section = document.rfind(_SECTION_OPEN, start, end)
    if section < 0:
        raise ValueError(f"{DOCUMENT} of the template has no section settings")
    return {
        "order": names,
        "parts": fixed,
        "document": {"name": DOCUMENT, "text": [document[:start], document[section:]]},
        "numbering": {"name": NUMBERING, "text": [_template_numbering_head(), _NUMBERING_CLOSE]},
        "core": {"name": CORE, "text": _split(_core_properties(), _TITLE_MARK)},
        "firstNumId": _next_num_id(numbering),
        "styles": {"title": TITLE_STYLE, "heading": HEADING_STYLES[1], "subheading": HEADING_STYLES[2],
                   "table": TABLE_STYLE},
    }


def _next_num_id(numbering: str) -> int:
    """One above the template's highest numbering instance: the plan's cards number theirs from here."""
    highest = 0
    marker = '<w:num w:numId="'
    position = numbering.find(marker)
    while position >= 0:
        start = position + len(marker)
        highest = max(highest, int(numbering[start: numbering.index('"', start)]))
        position = numbering.find(marker, start)
    return highest + 1


def template_json(payload: dict[str, object]) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def template_script(payload_json: str) -> str:
    """The template's parts (``template_json``) as the script the plan page loads."""
    return f"window.{TEMPLATE_GLOBAL}={payload_json};\n"


def card_script(slug: str, payload_json: str) -> str:
    """A card's payload as the script beside its page (an external file: no "</script>" concern)."""
    return (f"window.{PLANS_GLOBAL}=window.{PLANS_GLOBAL}||{{}};"
            f"window.{PLANS_GLOBAL}[{json.dumps(slug)}]={payload_json};\n")
