"""Bare reportlab: the same paragraphs, the same embedded TrueType font, nothing else.

No profile, no page templates, no header, side block, page labels, hyphenation or
metadata. ``bench/export_pdf.py`` compares PressDesk's exporter against this.
Run alone, it prints its own median time for the reference release.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

from pressdesk.model import Draft, load_draft
from pressdesk.paths import fonts_dir, reference_sample
from timing import median_ms

_FONT = "BaselineCarlito"


def _font() -> str:
    if _FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(_FONT, str(fonts_dir() / "carlito" / "Carlito-Regular.ttf")))
    return _FONT


def paragraphs(draft: Draft) -> list[str]:
    """The texts PressDesk sets, as plain strings."""
    texts = [draft.headline, draft.announcement]
    for b in draft.body:
        texts += b.items if b.type == "list" else [b.text, b.speaker]
    texts += [lk.text or lk.url for lk in draft.further_information]
    texts += [s.text for s in draft.social_media] + [draft.contact]
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
        pdfmetrics.registerFont(TTFont(_BOLD, str(fonts_dir() / "carlito" / "Carlito-Bold.ttf")))
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


if __name__ == "__main__":
    texts = paragraphs(load_draft(reference_sample()))
    render_baseline(texts)
    print(
        f"bare reportlab, reference release: {median_ms(lambda: render_baseline(texts), 30):.1f} ms"
    )
