"""Text into runs: clean characters, hyperlinks, the side column frame.

XML 1.0 forbids most C0 control characters, lone surrogates and U+FFFE/U+FFFF;
python-docx raises on them, so every string goes through :func:`clean` first.
Validation rejects such drafts, but an export must never die on one: the
characters are dropped. Tabs and line breaks survive where a block may hold them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from pressdesk.export.docx.styles import HYPERLINK
from pressdesk.model.inline import Run as InlineRun
from pressdesk.typography import NB_HYPHEN, keep_phone_numbers

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def clean(text: str, multiline: bool = False) -> str:
    """``text`` without characters XML cannot hold; breaks kept only if ``multiline``."""
    text = _LINE_BREAKS.sub("\n" if multiline else " ", text)
    return _FORBIDDEN.sub("", text)


def add_text(paragraph: Paragraph, text: str, multiline: bool = False) -> Run | None:
    """Append cleaned text as one run ('\\n' becomes a line break); nothing for ''.

    Phone numbers are glued (:func:`pressdesk.typography.keep_phone_numbers`): their
    hyphen becomes Word's non-breaking hyphen, their spaces non-breaking spaces.
    """
    text = keep_phone_numbers(clean(text, multiline))
    if not text:
        return None
    if NB_HYPHEN not in text:
        return paragraph.add_run(text)
    pieces = text.split(NB_HYPHEN)
    run = paragraph.add_run(pieces[0])
    for piece in pieces[1:]:
        paragraph.add_run()._r.append(OxmlElement("w:noBreakHyphen"))
        if piece:
            paragraph.add_run(piece)
    return run


def _add_pieces(paragraph: Paragraph, text: str) -> list[Run]:
    """Like :func:`add_text`, every run it made (each gets the inline format)."""
    text = keep_phone_numbers(text)
    if not text:
        return []
    pieces = text.split(NB_HYPHEN)
    runs = [paragraph.add_run(pieces[0])] if pieces[0] else []
    for piece in pieces[1:]:
        hyphen = paragraph.add_run()
        hyphen._r.append(OxmlElement("w:noBreakHyphen"))
        runs.append(hyphen)
        if piece:
            runs.append(paragraph.add_run(piece))
    return runs


def add_runs(paragraph: Paragraph, runs: Sequence[InlineRun]) -> None:
    """The runs of a layout item: ``w:b``/``w:i`` runs, links as real hyperlinks
    (one ``w:hyperlink`` per link, whatever formats it holds); ``"\\n"`` breaks the line."""
    link: Any = None
    link_url = ""
    for run in runs:
        target = safe_url(run.url) if run.url else ""
        made = _add_pieces(paragraph, clean(run.text, multiline=True))
        if not made:
            continue
        for r in made:
            if run.strong:
                r.bold = True
            if run.emphasis:
                r.italic = True
        if not target:
            link = None
            continue
        if link is None or link_url != run.url:
            r_id = paragraph.part.relate_to(target, RT.HYPERLINK, is_external=True)
            link = OxmlElement("w:hyperlink")
            link.set(qn("r:id"), r_id)
            link.set(qn("w:history"), "1")
            made[0]._r.addprevious(link)
            link_url = run.url
        for r in made:
            r._r.style = HYPERLINK
            link.append(r._r)


def safe_url(url: str) -> str:
    """A relationship target Word accepts: spaces and other unsafe characters escaped."""
    return quote(clean(url).strip(), safe=_URL_SAFE)


def add_hyperlink(paragraph: Paragraph, text: str, url: str) -> None:
    """A real hyperlink (relationship + ``w:hyperlink``) in the Hyperlink style.

    Without an address the text is set plainly, so a half-typed link still exports.
    """
    target = safe_url(url)
    text = clean(text)
    if not text:
        return
    run = paragraph.add_run(text)
    if not target:
        return
    run._r.style = HYPERLINK
    r_id = paragraph.part.relate_to(target, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    link.set(qn("w:history"), "1")
    run._r.addprevious(link)
    link.append(run._r)


def set_frame(paragraph: Paragraph, x: float, y: float, width: float) -> None:
    """Place the paragraph in a frame at (x, y) mm from the page's top left corner.

    Consecutive paragraphs with the same frame properties form one frame in Word and
    LibreOffice alike; it stays where it is while the body text flows.
    """
    ppr = paragraph._p.get_or_add_pPr()
    frame = OxmlElement("w:framePr")
    frame.set(qn("w:w"), str(int(Mm(width).twips)))
    frame.set(qn("w:hSpace"), "0")
    frame.set(qn("w:wrap"), "around")
    frame.set(qn("w:vAnchor"), "page")
    frame.set(qn("w:hAnchor"), "page")
    frame.set(qn("w:x"), str(int(Mm(x).twips)))
    frame.set(qn("w:y"), str(int(Mm(y).twips)))
    anchor = ppr.find(qn("w:pStyle"))
    if anchor is not None:
        anchor.addnext(frame)
    else:
        ppr.insert(0, frame)


def set_bottom_rule(paragraph: Paragraph, color: str, width_pt: float, gap_pt: float) -> None:
    """A line under the paragraph, ``gap_pt`` below its text (the running header's rule)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(max(2, round(width_pt * 8))))
    bottom.set(qn("w:space"), str(round(gap_pt)))
    bottom.set(qn("w:color"), color.lstrip("#").upper())
    borders.append(bottom)
    # pBdr comes after keepNext/framePr/widowControl/numPr and before shd/tabs/spacing.
    successor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
        successor = ppr.find(qn(tag))
        if successor is not None:
            break
    if successor is not None:
        successor.addprevious(borders)
    else:
        ppr.append(borders)
