"""The bullet list: one numbering definition, attached to the list paragraph style.

Word and LibreOffice draw the bullets from ``numbering.xml``; the list style points
there, so a list item is simply a paragraph in "PD Aufzählung".
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from pressdesk.export import layout
from pressdesk.export.docx.oxml import set_fonts, sort_ppr
from pressdesk.profile.profile import Profile

BULLET = "\u2022"


def _indents(profile: Profile) -> tuple[str, str]:
    """(left, hanging) in twips: text at the role's indent, bullet at its bullet indent."""
    role = layout.role_styles(profile)[layout.LIST_ITEM]
    left = int(Mm(role.indent).twips)
    return str(left), str(left - int(Mm(role.bullet_indent).twips))


def add_bullet_numbering(doc: Document, profile: Profile) -> int:
    """A one-level bullet list definition; returns its ``numId`` for the list style."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [
        int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
    ]
    abstract_id = max(abstract_ids, default=-1) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    multi.set(qn("w:val"), "singleLevel")
    abstract.append(multi)
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", "bullet"), ("w:lvlText", BULLET)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        lvl.append(el)
    jc = OxmlElement("w:lvlJc")
    jc.set(qn("w:val"), "left")
    lvl.append(jc)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    left, hanging = _indents(profile)
    ind.set(qn("w:left"), left)
    ind.set(qn("w:hanging"), hanging)
    ppr.append(ind)
    lvl.append(ppr)
    rpr = OxmlElement("w:rPr")
    set_fonts(rpr, profile.fonts.docx_name)
    lvl.append(rpr)
    abstract.append(lvl)
    # abstractNum elements come before num elements.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = numbering.add_num(abstract_id)
    return int(num.numId)


def attach_bullet_list(doc: Document, profile: Profile, style_id: str) -> None:
    """Give the paragraph style ``style_id`` a new bullet list definition."""
    num_id = add_bullet_numbering(doc, profile)
    style = doc.styles.element.get_by_id(style_id)
    if style is None:
        raise KeyError(style_id)
    ppr = style.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    num_id_el = OxmlElement("w:numId")
    num_id_el.set(qn("w:val"), str(num_id))
    num_pr.append(num_id_el)
    ppr.append(num_pr)
    for ind in ppr.findall(qn("w:ind")):
        ppr.remove(ind)
    ind = OxmlElement("w:ind")
    left, hanging = _indents(profile)
    ind.set(qn("w:left"), left)
    ind.set(qn("w:hanging"), hanging)
    ppr.append(ind)
    sort_ppr(ppr)
