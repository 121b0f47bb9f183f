"""Bare reportlab: the same paragraphs, the same embedded TrueType font, nothing else.

No profile, no page templates, no header, side block, page labels, hyphenation or
metadata. ``bench/export_pdf.py`` compares PressDesk's exporter against this.
Run alone, it prints its own median time for the reference release. Run as
``python bench/export_pdf_baseline.py DRAFT.pressdesk OUT.pdf`` it is the whole-process
yardstick for ``pressdesk export DRAFT --pdf OUT``: it reads the draft file with
``json``, sets its texts and writes the PDF once, importing nothing but reportlab
(no PressDesk module).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

if TYPE_CHECKING:
    from pressdesk.model import Draft

_FONT = "BaselineCarlito"
_FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "carlito"


def _font() -> str:
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_FONT, str(_FONTS / "Carlito-Regular.ttf")))
    return _FONT


def paragraphs(draft: Draft) -> list[str]:
    """The texts PressDesk sets, as plain strings."""
    texts = [draft.headline, draft.announcement]
    for b in draft.body:
        texts += b.items if b.type == "list" else [b.text, b.speaker]
    texts += [lk.text or lk.url for lk in draft.further_information]
    texts += [s.text for s in draft.social_media] + [draft.contact]
    return [t for t in texts if t.strip()]


def paragraphs_of_file(data: dict[str, Any]) -> list[str]:
    """The same texts as :func:`paragraphs`, straight from the draft file's JSON."""
    texts = [data["headline"], data["announcement"]]
    for b in data["body"]:
        texts += b.get("items", []) if b["type"] == "list" else [b["text"], b.get("speaker", "")]
    texts += [lk.get("text") or lk["url"] for lk in data["furtherInformation"]]
    texts += [s["text"] for s in data["socialMedia"]] + [data["contact"]]
    return [t for t in texts if t.strip()]


def render_baseline(texts: list[str]) -> bytes:
    style = ParagraphStyle("b", fontName=_font(), fontSize=11, leading=15, spaceAfter=9)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=25 * mm, rightMargin=66 * mm, initialFontName=_font()
    )
    esc = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
    doc.build([Paragraph("".join(esc.get(c, c) for c in t), style) for t in texts])
    return buf.getvalue()


_BOLD = "BaselineCarlitoBold"


def render_typeset(texts: list[str]) -> bytes:
    """Bare reportlab with the same typography but no profile or header logic.

    The headline in the bold cut (a second embedded subset), reportlab's own German
    hyphenation (pyphen) and widow/orphan control: what the paragraphs cost when
    set as PressDesk sets them, without page templates, side block, page labels,
    bookmarks or metadata.
    """
    if _BOLD not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_BOLD, str(_FONTS / "Carlito-Bold.ttf")))
    body = ParagraphStyle(
        "t",
        fontName=_font(),
        fontSize=11,
        leading=15,
        spaceAfter=9,
        hyphenationLang="de_DE",
        embeddedHyphenation=1,
        allowWidows=0,
        allowOrphans=0,
    )
    head = ParagraphStyle("h", parent=body, fontName=_BOLD, fontSize=16, leading=20)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=25 * mm, rightMargin=66 * mm, initialFontName=_font()
    )
    esc = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
    flow = [
        Paragraph("".join(esc.get(c, c) for c in t), head if i == 0 else body)
        for i, t in enumerate(texts)
    ]
    doc.build(flow)
    return buf.getvalue()


if __name__ == "__main__" and len(sys.argv) == 3:  # one export as a whole process
    with open(sys.argv[1], encoding="utf-8") as fh:
        draft_json = json.load(fh)
    Path(sys.argv[2]).write_bytes(render_baseline(paragraphs_of_file(draft_json)))
elif __name__ == "__main__":
    from pressdesk.model import load_draft
    from pressdesk.paths import reference_sample
    from timing import median_ms

    texts = paragraphs(load_draft(reference_sample()))
    render_baseline(texts)
    print(
        f"bare reportlab, reference release: {median_ms(lambda: render_baseline(texts), 30):.1f} ms"
    )
