"""Small OOXML helpers for styles and paragraphs: language, fonts, element order.

Word refuses a file whose elements are out of schema order ("unreadable content"),
so everything that appends to a ``w:pPr`` sorts it with :func:`sort_ppr`.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

LANGUAGE = "de-DE"


def set_lang(rpr: BaseOxmlElement) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def set_fonts(rpr: BaseOxmlElement, family: str) -> None:
    """Name the font for every script; theme fonts would win over a plain name."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), family)


# pPr children must appear in schema order or Word calls the file damaged.
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def sort_ppr(ppr: BaseOxmlElement) -> None:
    rank = {qn(f"w:{name}"): i for i, name in enumerate(PPR_ORDER)}
    children: list[BaseOxmlElement] = sorted(ppr, key=lambda el: rank.get(el.tag, len(rank)))
    for child in children:
        ppr.remove(child)
        ppr.append(child)
