"""Which fonts draw a word in a PDF (bold, italic …), read back with pdfminer."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any


def chars(obj: Any) -> Iterator[Any]:
    """Every glyph (pdfminer's ``LTChar``) in a page's layout, in order."""
    from pdfminer.layout import LTChar

    if isinstance(obj, LTChar):
        yield obj
    elif hasattr(obj, "__iter__"):
        for child in obj:
            yield from chars(child)


def fonts_of(pdf: bytes, word: str) -> set[str]:
    """The fonts that draw ``word`` (its first occurrence) in the PDF, subset tag cut off."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    glyphs: list[LTChar] = []
    for page in PDFPage.get_pages(io.BytesIO(pdf)):
        interpreter.process_page(page)
        glyphs += [c for c in chars(device.get_result()) if c.get_text().strip()]
    shown = "".join(c.get_text() for c in glyphs)
    at = shown.find(word)
    assert at >= 0, f"{word!r} not in the PDF"
    return {c.fontname.split("+")[-1] for c in glyphs[at : at + len(word)]}
