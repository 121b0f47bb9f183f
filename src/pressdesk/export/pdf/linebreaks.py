"""Keep words apart where reportlab breaks a line, and join words it hyphenates.

reportlab drops the space at which it breaks a line, so text read from the PDF
(copy and paste, and a screen reader following the tags) gets "zusätzlicheMittel"
for "zusätzliche⏎Mittel". :func:`with_line_spaces` gives the lines, for drawing
only, an invisible trailing space wherever the source text had whitespace or a
forced line break; lines broken inside a word (hyphenation, an overlong URL) stay
as they are. If the lines cannot be matched to the source, nothing is changed.

A hyphen that line breaking adds ("Inte-⏎grationszentren") is not part of the
word. With ``mark_hyphens`` (tagged PDF) such a line's hyphen is marked, and
:class:`BreakHyphenText` draws it inside ``/Span <</ActualText <FEFF00AD>>> BDC …
EMC``: the same glyph at the same place, but text read in structure order gets a
soft hyphen (U+00AD), which is how ISO 32000-1 (14.8.2.2.3) wants an incidental
word division represented; screen readers do not speak it, so the word reads
"Integrationszentren". A real hyphen at a line end ("Nordrhein-⏎Westfalen",
"Stiftungs-⏎ und") is in the source text and stays an ordinary hyphen.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.textobject import PDFTextObject

from pressdesk.export.pdf import rlcompat

_WS = re.compile(r"\s+")
_SHY = "\u00ad"

SPACE = " "  # the line ends at whitespace of the source
HYPHEN = "-"  # line breaking added the line's last hyphen
BREAK_HYPHEN_SPAN = "/Span <</ActualText <FEFF00AD>>> BDC"
_MARK = "\x1f"  # after a break hyphen in a simple line's last word (never in user text)


# reportlab's class for the head of a frag word it hyphenated, with the hyphen added
_HEAD_HY: Any = rlcompat.SplitFragHY


class _BreakHyphen(str):
    """A frag's text ending in a break hyphen (frag lines: drawn as is, width unchanged)."""


def _source(frags: list[Any]) -> str:
    """The paragraph's text, from its frags or (after wrapping) its frag words."""
    parts: list[str] = []
    for f in frags:
        if isinstance(f, list) and f and isinstance(f[0], (int, float)):
            # a frag word: [width, (frag, text), ...], "HS" classes are followed by a space
            texts = [" " if getattr(fr, "lineBreak", False) else str(t) for fr, t in f[1:]]
            if isinstance(f, _HEAD_HY) and texts and texts[-1].endswith("-"):
                texts[-1] = texts[-1][:-1]  # hyphenated while wrapping: not in the text
            parts += texts
            if "HS" in type(f).__name__:
                parts.append(" ")
        else:
            parts.append(" " if getattr(f, "lineBreak", False) else str(getattr(f, "text", "")))
    return _WS.sub(" ", "".join(parts).replace(_SHY, "")).strip()


def _line_text(kind: int, line: Any) -> str:
    if kind == 0:
        return " ".join(str(w) for w in line[1])
    return "".join(str(getattr(f, "text", "")) for f in line.words)


def _line_ends(kind: int, lines: list[Any], source: str) -> list[str] | None:
    """How each line ends: SPACE, HYPHEN or "" (inside a word, or the text's end).

    The last line of a part split off at a page end is matched too, if it can be;
    None if the lines before it do not match the source.
    """
    texts = [_WS.sub(" ", _line_text(kind, line).replace(_SHY, "")).strip() for line in lines]
    shown = [text for text in texts if text]
    pos = source.find(shown[0].removesuffix("-")) if shown else -1
    if pos < 0:
        return None
    out = []
    for i, text in enumerate(texts):
        if not text:  # an empty line (the rest of a paragraph split at a forced break)
            out.append(SPACE)
            continue
        end = ""
        if source.startswith(text, pos):
            pos += len(text)
        elif text.endswith("-") and source.startswith(text[:-1], pos):
            pos += len(text) - 1  # hyphenated here
            end = HYPHEN
        elif i < len(texts) - 1:
            return None
        else:
            out.append("")
            break
        if source.startswith(" ", pos):
            end = SPACE
            pos += 1
        elif end == HYPHEN and pos >= len(source):
            end = ""  # the source ends in this hyphen after all
        out.append(end)
    return out


def ends_inside_word(para: Any, count: int) -> bool:
    """Whether line ``count`` (1-based) of the wrapped ``para`` ends inside a word.

    True for a hyphen added by hyphenation, a compound's own hyphen ("Nordrhein-"
    before "Westfalen") and an address broken without hyphen; False at a space and
    when the lines cannot be matched to the source (then nothing is changed).
    """
    bl = getattr(para, "blPara", None)
    if bl is None or bl.kind not in (0, 1) or not 0 < count < len(bl.lines):
        return False
    ends = _line_ends(bl.kind, bl.lines[:count], source_text(para))
    return ends is not None and len(ends) == count and ends[-1] != SPACE


def divided_word(para: Any, count: int) -> tuple[int, int] | None:
    """The lines (1-based, first and last) of the word that line ``count`` ends inside.

    A word divided more than once (a long compound, an address) fills whole lines in
    between: it begins on the line before the first line holding nothing else. None
    when line ``count`` does not end inside a word (see :func:`ends_inside_word`).
    """
    bl = getattr(para, "blPara", None)
    if bl is None or bl.kind not in (0, 1) or not 0 < count < len(bl.lines):
        return None
    ends = _line_ends(bl.kind, bl.lines, source_text(para))
    if ends is None or len(ends) != len(bl.lines):  # the lines after it do not match
        return (count, count + 1) if ends_inside_word(para, count) else None
    if ends[count - 1] == SPACE:
        return None

    def alone(line: int) -> bool:  # line (1-based) holds one word only
        return len(_line_words(bl.kind, bl.lines[line - 1])) == 1

    first = count
    while first > 1 and ends[first - 2] != SPACE and alone(first):
        first -= 1
    last = count + 1
    while last < len(bl.lines) and ends[last - 1] != SPACE and alone(last):
        last += 1
    return first, last


def source_text(para: Any) -> str:
    """The whole paragraph's text; a part split off at a page end keeps its original's."""
    frags = getattr(para, "pd_frags", None) or para.frags  # as parsed, if known
    return getattr(para, "pd_source", None) or _source(frags)


def with_line_spaces(para: Any, mark_hyphens: bool = False) -> list[Any] | None:
    """New ``blPara.lines`` with trailing spaces, or None to leave the lines as they are.

    ``mark_hyphens``: also mark break hyphens for :class:`BreakHyphenText`.
    """
    bl = getattr(para, "blPara", None)
    if bl is None or not bl.lines or bl.kind not in (0, 1):
        return None
    ends = _line_ends(bl.kind, bl.lines, source_text(para))
    wanted = {SPACE, HYPHEN} if mark_hyphens else {SPACE}
    if not ends or not wanted.intersection(ends):
        return None
    lines = list(bl.lines)
    for i, end in enumerate(ends):
        if end not in wanted:
            continue
        line = lines[i]
        if bl.kind == 0:
            extra, words = line
            if not words:
                continue
            last = words[-1]
            if end == SPACE:
                lines[i] = (extra, [*words[:-1], f"{last} "])
            elif last.endswith("-"):
                lines[i] = (extra, [*words[:-1], f"{last}{_MARK}"])
            continue
        words = list(line.words)
        for j in range(len(words) - 1, -1, -1):
            text = str(getattr(words[j], "text", ""))
            if text:
                if end == SPACE:
                    words[j] = words[j].clone(text=f"{text} ")
                elif text.endswith("-"):
                    words[j] = words[j].clone(text=_BreakHyphen(text))
                break
        lines[i] = line.clone(words=words)
    return lines


class BreakHyphenText(PDFTextObject):
    """A text object that draws a marked break hyphen inside a Span with /ActualText.

    Works with the text as reportlab's line drawing hands it over (``_textOut``);
    the page looks the same, only the content stream gets ``BDC``/``EMC`` around it.
    """

    def _textOut(self, text: str, TStar: int = 0) -> None:
        if text.endswith(_MARK):
            head = text[: -len(_MARK) - 1]
        elif isinstance(text, _BreakHyphen):
            head = text[:-1]
        else:
            super()._textOut(text, TStar)
            return
        code = [self._formatText(head)] if head else []
        code += [BREAK_HYPHEN_SPAN, self._formatText("-"), "EMC"]
        if TStar:
            code.append("T*")
        self._code.append(" ".join(code))


# -- the layout's word divisions, for the DOCX ---------------------------------------------
#
# The DOCX follows the PDF's line breaking: it gets soft hyphens exactly where the PDF
# divided a word and no automatic hyphenation (:mod:`pressdesk.export.docx.hyphens`).
# While a PDF is built inside :func:`recording`, every drawn paragraph notes the words it
# divided with an added hyphen, in reading order, per flow ("body": the story;
# "side": the press office block).

# Whitespace a line may break at; no-break spaces (phone numbers) are part of a word.
BREAKABLE_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")


def tokens(text: str) -> list[str]:
    """The words of ``text`` as line breaking sees them (no-break spaces join)."""
    return [t for t in BREAKABLE_SPACE.split(text) if t]


@dataclass
class Divisions:
    """Words the layout divided, per flow: (word, length of the head, occurrence).

    ``occurrence`` counts the words spelt the same before it in the flow (0: the
    first), so that the DOCX divides the same one. A word divided more than once (it
    runs over three or more lines) has one entry per division, each with the length
    of the whole head before that division.
    """

    body: list[tuple[str, int, int]] = field(default_factory=list)
    side: list[tuple[str, int, int]] = field(default_factory=list)
    seen: dict[str, Counter[str]] = field(default_factory=dict)
    # compounds kept whole at a page turn (their hyphen must not break): (word, occurrence)
    whole: list[tuple[str, int]] = field(default_factory=list)
    # words that begin a page because the layout moved a word over three or more lines
    # whole to it (the DOCX gets a page break before them): (word, occurrence)
    page_starts: list[tuple[str, int]] = field(default_factory=list)


_record: ContextVar[Divisions | None] = ContextVar("pd_divisions", default=None)
_flow: ContextVar[str] = ContextVar("pd_division_flow", default="body")


@contextmanager
def recording(divisions: Divisions) -> Iterator[Divisions]:
    """Paragraphs drawn inside this block note their divided words in ``divisions``."""
    token = _record.set(divisions)
    try:
        yield divisions
    finally:
        _record.reset(token)


@contextmanager
def flow(name: str) -> Iterator[None]:
    """Paragraphs drawn inside this block belong to flow ``name`` ("side", or "" for none)."""
    token = _flow.set(name)
    try:
        yield
    finally:
        _flow.reset(token)


def _line_words(kind: int, line: Any) -> list[str]:
    return tokens(_line_text(kind, line).replace(_SHY, ""))


def drawn_words(para: Any) -> list[tuple[str, tuple[int, ...]]]:
    """The words of the wrapped ``para`` in order: (word, where the lines divided it).

    The second item has the length of the head before each added hyphen, in order: empty
    for a word on one line (or one broken only without hyphen, like an address); one
    number for a word divided once; more for a word running over three or more lines.
    """
    bl = getattr(para, "blPara", None)
    if bl is None or not bl.lines or bl.kind not in (0, 1):
        return []
    ends = _line_ends(bl.kind, bl.lines, source_text(para)) or []
    out: list[tuple[str, tuple[int, ...]]] = []
    carry = ""  # the head of a word continued on the next line
    carry_heads: tuple[int, ...] = ()
    last = len(bl.lines) - 1
    for i, line in enumerate(bl.lines):
        words = _line_words(bl.kind, line)
        heads: list[tuple[int, ...]] = [() for _ in words]
        if carry:
            if not words:
                words, heads = [""], [()]
            words[0] = carry + words[0]
            heads[0] = carry_heads
        carry, carry_heads = "", ()
        end = ends[i] if i < len(ends) else SPACE
        if words and end != SPACE and i < last:
            word, carry_heads = words.pop(), heads.pop()
            if end == HYPHEN and word.endswith("-"):
                word = word[:-1]  # the hyphen line breaking added
                carry_heads = (*carry_heads, len(word))
            carry = word
        out += zip(words, heads, strict=True)
    if carry:
        out.append((carry, carry_heads))
    return out


def note_drawn(para: Any) -> None:
    """While :func:`recording`: note the words ``para`` divided (see :class:`Divisions`)."""
    record, name = _record.get(), _flow.get()
    if record is None or name not in ("body", "side"):
        return
    seen = record.seen.setdefault(name, Counter())
    divided = getattr(record, name)
    bl = getattr(para, "blPara", None)
    pieces = list(getattr(para, "frags", []))
    if bl is not None and bl.kind == 1:  # a split-off part: its words carry the mark
        pieces += [w for line in bl.lines for w in line.words]
    kept = {
        f.text.replace(_SHY, "").strip()
        for f in pieces
        if getattr(f, "nobr", False) and isinstance(getattr(f, "text", None), str)
    }
    starts_page = name == "body" and getattr(para, "pd_page_start", False)
    for word, heads in drawn_words(para):
        if starts_page:
            record.page_starts.append((word, seen[word]))
            starts_page = False
        if heads:
            divided += [(word, head, seen[word]) for head in heads]
        elif name == "body" and word in kept and "-" in word:
            record.whole.append((word, seen[word]))
            kept.discard(word)
        seen[word] += 1


# -- no word divided across a page turn ------------------------------------------------------


def _frag_text(frag: Any) -> str | None:
    """A frag's plain text, or None for markers, images and line breaks."""
    if getattr(frag, "lineBreak", False) or hasattr(frag, "cbDefn"):
        return None
    text = getattr(frag, "text", None)
    return text if isinstance(text, str) else None


def undivided_frags(para: Any, count: int) -> list[Any] | None:
    """``para``'s frags with the word that line ``count`` (1-based) divides marked ``nobr``.

    Line ``count`` must end in an added hyphen or in a compound's own hyphen
    ("Nordrhein-" before "Westfalen"; the DOCX then gets a non-breaking hyphen
    there, see :class:`Divisions`). The word is found by counting words
    in the lines before; its frag is cut in three so that only that word is never
    hyphenated. None when the word cannot be found in one plain text frag.
    """
    bl = getattr(para, "blPara", None)
    if bl is None or bl.kind not in (0, 1) or not 0 < count < len(bl.lines):
        return None
    ends = _line_ends(bl.kind, bl.lines[:count], source_text(para))
    if ends is None or len(ends) != count or ends[-1] == SPACE:
        return None
    index = sum(len(_line_words(bl.kind, line)) for line in bl.lines[:count]) - 1
    index -= sum(1 for end in ends[:-1] if end != SPACE)  # divided words count once
    seen = 0
    # a paragraph of several fragments has frag words in ``frags`` once broken
    frags = list(getattr(para, "pd_frags", None) or para.frags)
    for i, frag in enumerate(frags):
        text = _frag_text(frag)
        if text is None:
            continue
        spans = _word_spans(text)
        if frags[i - 1 : i] and spans and spans[0][0] == 0 and _joins(frags[i - 1]):
            seen -= 1  # this frag continues the previous frag's last word
        if index < seen + len(spans):
            start, end = spans[index - seen]
            if (start == 0 and i and _joins(frags[i - 1])) or (
                end == len(text) and _joins_next(frags, i)
            ):
                return None  # the word spans frags
            parts = [
                frag.clone(text=text[:start]),
                frag.clone(text=text[start:end].replace(_SHY, ""), nobr=True),
                frag.clone(text=text[end:]),
            ]
            return frags[:i] + [p for p in parts if p.text] + frags[i + 1 :]
        seen += len(spans)
    return None


def _word_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for piece in BREAKABLE_SPACE.split(text):
        start = text.index(piece, pos) if piece else pos
        if piece:
            spans.append((start, start + len(piece)))
        pos = start + len(piece)
    return spans


def _joins(frag: Any) -> bool:
    """Whether ``frag`` ends inside a word (its text does not end in a space)."""
    text = _frag_text(frag)
    return text is not None and text != "" and not BREAKABLE_SPACE.match(text[-1])


def _joins_next(frags: list[Any], i: int) -> bool:
    for frag in frags[i + 1 :]:
        text = _frag_text(frag)
        if text is None:
            if getattr(frag, "lineBreak", False):
                return False
            continue  # a zero-width marker
        return bool(text) and not BREAKABLE_SPACE.match(text[0])
    return False
