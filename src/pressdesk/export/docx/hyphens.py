"""Soft hyphens exactly where the layout divided a word: the DOCX follows the PDF.

The one layout (the PDF's, :func:`pressdesk.export.pdf.document.layout_divisions`)
decides where a word is divided at a line end. The DOCX switches automatic
hyphenation off and gets an optional hyphen (``w:softHyphen``) at exactly those
places, so Word and LibreOffice can divide a word only where the PDF did: with the
same metrics they break the lines, and therefore the pages, like the PDF. A word
the PDF kept whole at a page turn has no optional hyphen, so the DOCX keeps it whole
too; a compound kept whole at a page turn ("Nordrhein-Westfalen") gets a
non-breaking hyphen in that one place. An unused optional hyphen is invisible (in
print, copy and paste and search). A word over three or more lines that the PDF moved
whole to the next page gets a page break before it (or before its line's first word,
if the whole line moved): Word and LibreOffice would otherwise divide it at the
optional hyphens it has for that page.

A division is matched by its word and how many words spelt the same come before it
in the flow (body or press office block), so the headline's "Ehrenamtspauschale"
is not divided for the body's. A word the PDF divided twice or more (a long compound
over three lines, a long word in the narrow side block) gets every one of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pressdesk.export.pdf.linebreaks import BREAKABLE_SPACE, Divisions

_SHY = "\u00ad"
_T, _BR, _TAB, _NB_HYPHEN = qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:noBreakHyphen")
_FRAME = qn("w:framePr")


def _is_side(p: Any) -> bool:
    ppr = p.pPr
    return ppr is not None and ppr.find(_FRAME) is not None


def _pieces(p: Any) -> list[tuple[Any, str]]:
    """(element, text) of a paragraph in order: texts, and breaks as a space."""
    out: list[tuple[Any, str]] = []
    for el in p.iter(_T, _BR, _TAB, _NB_HYPHEN):
        if el.tag == _T:
            out.append((el, el.text or ""))
        elif el.tag == _NB_HYPHEN:
            out.append((None, "\u2011"))
        else:
            out.append((None, " "))
    return out


def _words(paragraphs: Iterable[Any]) -> list[list[tuple[Any, int]]]:
    """Every word of the paragraphs: its characters as (w:t element or None, offset)."""
    words: list[list[tuple[Any, int]]] = []
    for p in paragraphs:
        current: list[tuple[Any, int]] = []
        for el, text in _pieces(p):
            for offset, ch in enumerate(text):
                if BREAKABLE_SPACE.match(ch):
                    if current:
                        words.append(current)
                    current = []
                elif ch != _SHY:
                    current.append((el, offset))
        if current:
            words.append(current)
    return words


def _spelling(word: list[tuple[Any, int]]) -> str:
    return "".join("\u2011" if el is None else el.text[offset] for el, offset in word)


def _insert_soft_hyphen(el: Any, offset: int) -> None:
    """Cut the w:t ``el`` before ``offset`` and put a w:softHyphen in between."""
    _cut(el, offset, "w:softHyphen", offset)


def _insert_no_break_hyphen(el: Any, offset: int) -> None:
    """Replace the hyphen at ``offset`` of the w:t ``el`` by a w:noBreakHyphen."""
    _cut(el, offset, "w:noBreakHyphen", offset + 1)


def _insert_page_break(el: Any, offset: int) -> None:
    """A page break (w:br w:type="page") before ``offset`` of the w:t ``el``."""
    _cut(el, offset, "w:br", offset).set(qn("w:type"), "page")


def _cut(el: Any, head: int, tag: str, tail: int) -> Any:
    """The w:t ``el`` keeps its text up to ``head``; then a ``tag`` element (returned), then
    a new w:t with the text from ``tail`` on."""
    text = el.text or ""
    el.text = text[:head]
    el.set(qn("xml:space"), "preserve")
    mark = OxmlElement(tag)
    rest = OxmlElement("w:t")
    rest.text = text[tail:]
    rest.set(qn("xml:space"), "preserve")
    el.addnext(mark)
    mark.addnext(rest)
    return mark


def _apply(
    paragraphs: list[Any],
    divisions: list[tuple[str, int, int]],
    whole: Iterable[tuple[str, int]] = (),
    page_starts: Iterable[tuple[str, int]] = (),
) -> int:
    where: dict[tuple[str, int], list[int]] = {}
    for w, head, n in divisions:
        where.setdefault((w, n), []).append(head)
    keep, starts = set(whole), set(page_starts)
    seen: Counter[str] = Counter()
    # (w:t, offset, what): a soft hyphen before, a non-breaking hyphen at, a page break before
    cuts: list[tuple[Any, int, Callable[[Any, int], None]]] = []
    placed = 0
    for word in _words(paragraphs):
        spelt = _spelling(word).replace("\u2011", "-")
        n = seen[spelt]
        seen[spelt] += 1
        for head in where.get((spelt, n), ()):
            if 0 < head < len(word) and word[head][0] is not None:
                cuts.append((*word[head], _insert_soft_hyphen))
                placed += 1
        if (spelt, n) in keep:
            cuts += [
                (el, i, _insert_no_break_hyphen)
                for el, i in word
                if el is not None and el.text[i] == "-"
            ]
        if (spelt, n) in starts and word[0][0] is not None:
            cuts.append((*word[0], _insert_page_break))
    # from the back, so that the offsets of earlier cuts in the same w:t stay right
    for el, offset, insert in sorted(cuts, key=lambda c: -c[1]):
        insert(el, offset)
    return placed


def apply_divisions(doc: Document, divisions: Divisions) -> int:
    """Put the layout's divisions into the body and the side block; how many were placed."""
    body = doc.element.body
    paragraphs = [p for p in body.iter(qn("w:p"))]
    side = [p for p in paragraphs if _is_side(p)]
    flow = [p for p in paragraphs if not _is_side(p)]
    placed = _apply(flow, divisions.body, divisions.whole, divisions.page_starts)
    return placed + _apply(side, divisions.side)
