"""Word fields: the only place that writes field XML.

python-docx has no field API. A page label such as "Seite {page} von {pages}" from
the profile becomes literal runs with a PAGE and a NUMPAGES field in between, so
Word and LibreOffice fill in the real numbers when they lay out the pages. The
stored results written here are what a reader that never lays out the document
(a preview, an indexer, python-docx) shows: the true page count from the layout,
page 1 in the first page's header and page 2 in the one header of all later pages.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

PAGE = "PAGE"
NUMPAGES = "NUMPAGES"

_PLACEHOLDER = re.compile(r"\{(page|pages)\}")
_FIELD_FOR = {"page": PAGE, "pages": NUMPAGES}


def _fld_char(kind: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run.append(char)
    return run


def add_field(paragraph: Paragraph, instruction: str, cached: str) -> None:
    """Append a complex field (begin, instruction, separate, cached result, end)."""
    p = paragraph._p
    p.append(_fld_char("begin"))
    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} \\* ARABIC "
    instr_run.append(instr)
    p.append(instr_run)
    p.append(_fld_char("separate"))
    paragraph.add_run(cached)
    p.append(_fld_char("end"))


def add_page_label(paragraph: Paragraph, template: str, page: int = 1, pages: int = 1) -> None:
    """Write ``template`` ("Seite {page} von {pages}") with live page fields.

    ``page`` and ``pages`` are only the cached results shown before a layout.
    """
    cached = {"page": str(page), "pages": str(pages)}
    pos = 0
    for match in _PLACEHOLDER.finditer(template):
        if match.start() > pos:
            paragraph.add_run(template[pos : match.start()])
        name = match.group(1)
        add_field(paragraph, _FIELD_FOR[name], cached[name])
        pos = match.end()
    if pos < len(template):
        paragraph.add_run(template[pos:])


def field_instructions(xml_element: BaseOxmlElement) -> list[str]:
    """The field instructions inside an element, e.g. ``["PAGE", "NUMPAGES"]`` (for tests)."""
    out = []
    for node in xml_element.iter(qn("w:instrText")):
        words = (node.text or "").split()
        if words:
            out.append(words[0])
    for node in xml_element.iter(qn("w:fldSimple")):
        words = node.get(qn("w:instr"), "").split()
        if words:
            out.append(words[0])
    return out
