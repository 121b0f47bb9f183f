"""The draft as platypus flowables, each tied to its structure node.

:func:`build_layout` turns a draft into the body story (poured into the page
frames) plus the paragraphs of page 1's furniture (header line, date, press office
block), and one structure tree in reading order (see :mod:`.structure`). The
items come from the one layout (:func:`pressdesk.export.layout.release_layout`),
shared with the DOCX exporter; this module only maps each role to its paragraph
style and each group to its structure element. Runs become ``<b>``, ``<i>`` and one
tagged ``<a>`` per link. All user text passes :meth:`_Builder.text`: dropped control
characters and undrawable glyphs, soft hyphens for quote-final words, and XML
escaping ("<" and "&" are markup to reportlab).
"""

from __future__ import annotations

import itertools
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from pressdesk.export import layout
from pressdesk.export.pdf import rlcompat
from pressdesk.export.pdf import structure as st
from pressdesk.export.pdf.fonts import FontNames, clean_text, pdf_string
from pressdesk.export.pdf.hyphenation import prepare
from pressdesk.export.pdf.linebreaks import (
    BreakHyphenText,
    divided_word,
    ends_inside_word,
    flow,
    note_drawn,
    source_text,
    undivided_frags,
    with_line_spaces,
)
from pressdesk.export.pdf.styles import Styles
from pressdesk.export.xmltext import escape, quoteattr
from pressdesk.model.draft import Draft
from pressdesk.model.inline import Run
from pressdesk.profile.profile import Profile
from pressdesk.typography import NB_HYPHEN, NBSP, keep_phone_numbers

_keys = itertools.count(1)

PAGE_TURN_LOOKBACK = 3  # lines a page may end early to keep a word whole
SHORT_QUOTE = 700  # characters: a quote this short moves to the next page with its speaker

# Canvas callbacks (reportlab <onDraw/>) around link text; see .tagging.
LINK_START = "pdLinkStart"
LINK_END = "pdLinkEnd"


class Para(Paragraph):
    """A paragraph that knows its structure node and, for headings, its outline entry."""

    node: st.Node | None = None
    label: st.Node | None = None  # the Lbl of a list item (its bullet)
    outline: tuple[int, str] | None = None  # (level, title)
    pd_source: str | None = None  # see .linebreaks
    pd_frags: list[Any] | None = None  # its fragments before breakLines made words of them
    # begins a page because a word over three or more lines was moved whole to it
    pd_page_start = False
    _pd_hyphens = False  # while drawing: break hyphens are marked (see .linebreaks)
    # page 1's press office block, drawn right below this paragraph (the headline)
    follower: SideBlock | None = None
    _room = 0.0  # points below the paragraph down to its frame's bottom
    # what its lines follow from: (markup, id(style)) if made by para(); for the rest of a
    # split paragraph also the whole one's widths and the line it begins with (see split)
    _pd_parsed: tuple[Any, ...] | None = None
    _pd_widths: tuple[Any, ...] = ()  # the widths of the last breakLines
    _pd_twin = False  # made by page_turn_without_division: makes no twin of its own
    _pd_word_classes: tuple[tuple[Any, type], ...] = ()  # see _split_again

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        self._room = availHeight - height - self.style.spaceAfter
        return width, height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        super().drawOn(canvas, x, y, _sW)
        if self.follower is not None:  # its top: where the next paragraph's line starts
            self.follower.wrap(0, self._room)
            self.follower.drawOn(canvas, x, y - self.style.spaceAfter)

    def breakLines(self, width: Any) -> Any:
        if self.frags and not isinstance(self.frags[0], list):  # not yet frag words
            self.pd_frags = self.frags  # as parsed: .linebreaks.undivided_frags cuts them
        key = None
        if self._pd_parsed is not None:  # its markup and style: the same lines as before
            widths = tuple(width) if isinstance(width, list | tuple) else (width,)
            self._pd_widths = widths
            key = (*self._pd_parsed, widths)
            kept = _broken_kept(key, self.style)
            if kept is not None:
                bl, state = kept
                if state is not None:
                    rlcompat.set_break_state(self, state)
                return bl
        with rlcompat.ours(), rlcompat.keeping_whole() if self._pd_twin else nullcontext():
            bl = super().breakLines(width)  # PressDesk's break rules, for this paragraph only
        _continue_links(bl)
        if key is not None:
            _keep_broken(key, self.style, bl, self)
        return bl

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        source = source_text(self)  # before splitting: knows where the words break
        if not hasattr(self, "blPara"):
            self.wrap(availWidth, availHeight)
        self._pd_word_classes = tuple((w, type(w)) for w in self.frags if isinstance(w, list))
        parts = super().split(availWidth, availHeight)
        # No word divided over a page turn: the page's last line leaves a word it would
        # hyphenate whole for the next page (the DOCX, which divides words only where the
        # PDF did, does the same); failing that, end the page a line or two earlier.
        span = self._divided_at_turn(parts)
        long_word = span is not None and span[1] - span[0] >= 2  # over three or more lines
        undivided = self._page_turn(parts, span, availWidth, availHeight)
        if undivided is not None:
            undivided[1].pd_page_start = long_word
            return undivided
        leading = self.style.leading
        for turn in range(PAGE_TURN_LOOKBACK):
            if turn:
                span = self._divided_at_turn(parts)
            if span is None:
                break
            before = span[0] - 1  # the lines before the word's first line
            if before <= 1:  # no room for two lines before it: the paragraph moves on
                parts = []
                self.pd_page_start = self.pd_page_start or long_word
                break
            parts = self._split_again(availWidth, before * leading + 1e-6)
        if (
            len(parts) == 2
            and self._pd_parsed is not None
            and all(isinstance(part, Para) for part in parts)
            and hasattr(parts[0], "blPara")
        ):  # both parts follow from the whole paragraph's lines and where it was split
            at = len(parts[0].blPara.lines)
            parts[0]._pd_parsed = (*self._pd_parsed, self._pd_widths, "head", at)
            parts[1]._pd_parsed = (*self._pd_parsed, self._pd_widths, "rest", at)
        for i, part in enumerate(parts):
            if isinstance(part, Para):
                part.pd_source = source
                part.node = self.node
                part.label = self.label if i == 0 else None
                part.outline = self.outline if i == 0 else None
                part.follower = self.follower if i == 0 else None
                part.pd_page_start = self.pd_page_start if i == 0 else long_word
        return parts

    def _split_again(self, width: float, height: float) -> list[Any]:
        """reportlab's split once more, at another height, as if it were the first.

        reportlab's split changes the class of the frag word that ends the page (a
        paragraph with bold, links or line breaks, "kind 1") in place; those words are
        shared with the parts of the split before, and with this split's parts. The
        words get their classes back first, and the lines stay (split drops them when
        it returns nothing).
        """
        for word, cls in self._pd_word_classes:
            if type(word) is not cls:
                word.__class__ = cls
        lines: Any = vars(self)["blPara"]
        parts: list[Any] = super().split(width, height)
        self.blPara = lines
        return parts

    def _divided_at_turn(self, parts: list[Any]) -> tuple[int, int] | None:
        """The lines (first, last) of the word the page's last line divides, if it is to
        be kept whole: a word taller than a whole frame (page) is divided at the turn,
        since no page could hold it (None then, as when no word is divided)."""
        if len(parts) != 2 or not hasattr(self, "blPara"):
            return None
        span = divided_word(self, len(parts[0].blPara.lines))
        height = rlcompat.frame_height(self)
        if span is None or height is None:
            return span
        if (span[1] - span[0] + 1) * self.style.leading > height + 1e-6:
            return None  # taller than a whole page: nothing could hold it whole
        return span

    def _page_turn(
        self, parts: list[Any], span: tuple[int, int] | None, width: float, height: float
    ) -> list[Any] | None:
        """``parts`` (the split at ``height``) again, ending the page before the word its
        last line divides (lines ``span``, see :meth:`_divided_at_turn`), with that word's
        line kept up to the word; or None.

        A word over three or more lines (a long compound) is kept whole from its first
        line: the page ends in that line, the word begins the next page.
        """
        if span is None:
            return None
        first, kept = span[0], len(parts[0].blPara.lines)
        if first < kept:  # the page ends in the word's first line
            height = first * self.style.leading + 1e-6
            parts = self._split_again(width, height)
            if len(parts) != 2 or len(parts[0].blPara.lines) != first:
                return None
        return page_turn_without_division(self, parts, width, height)

    def draw(self) -> None:
        note_drawn(self)  # the words this paragraph divides, for the DOCX (.linebreaks)
        canv = self.canv
        if self.outline is not None:
            level, title = self.outline
            key = f"pdOutline{next(_keys)}"
            canv.bookmarkHorizontal(key, 0, self.height)
            canv.addOutlineEntry(title, key, level=level, closed=False)
        tagger = st.tagger_of(canv)
        tagged = tagger is not None and self.node is not None
        spaced = with_line_spaces(self, mark_hyphens=tagged)
        saved = self.blPara.lines
        if spaced is not None:
            self.blPara.lines = spaced
        self._pd_hyphens = tagged and spaced is not None
        try:
            if tagger is None or self.node is None:
                super().draw()
            else:  # tag what was drawn: text per node, links apart, borders as artifacts
                start = len(rlcompat.page_code(canv))
                with st.marked(canv, self.node, deferred=True):
                    super().draw()
                tagger.tag_drawn(canv, start, self.node, self.label)
        finally:
            self.blPara.lines = saved
            self._pd_hyphens = False

    def beginText(self, x: float, y: float) -> Any:
        if self._pd_hyphens:  # break hyphens marked: draw them as soft hyphens (.linebreaks)
            return BreakHyphenText(self.canv, x, y)
        return super().beginText(x, y)


def _continue_links(bl: Any) -> None:
    """Empty pieces of a line take the link and underline of the piece before them.

    When reportlab divides a word made of several pieces (a link ending inside the
    word, "Inte|grationsarbeit"), it ends the line with an empty piece copied from the
    word's first one, link included. Drawing, reportlab keeps one rectangle per link
    and line, so that empty piece would start the link anew at the line end and the
    annotation would shrink to nothing. An empty piece draws nothing: it only must not
    switch a link or an underline on or off.
    """
    if getattr(bl, "kind", 0) != 1:
        return
    for line in bl.lines:
        before: Any = None
        for frag in getattr(line, "words", ()):
            if hasattr(frag, "cbDefn"):
                continue
            if getattr(frag, "text", None) == "" and before is not None:
                frag.link = getattr(before, "link", [])
                frag.us_lines = getattr(before, "us_lines", [])
            elif getattr(frag, "text", None) == "":
                frag.link, frag.us_lines = [], []
            else:
                before = frag


class WidePara(Para):
    """A paragraph whose lines reach ``extra`` points right of its frame (the headline
    over page 1's side column, see :meth:`pressdesk.export.layout.PageGeometry.line_width`).

    To the frame it is as wide as the frame (which would refuse a wider flowable); it
    wraps and draws at the wider width.
    """

    extra = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, height = super().wrap(availWidth + self.extra, availHeight)
        return availWidth, height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth + self.extra, availHeight)
        for part in parts:
            if isinstance(part, WidePara):
                part.extra = self.extra
        return parts


class SideBlock(Flowable):
    """Page 1's press office block in the side column, drawn from a given top down.

    It takes no room in the body column. The headline (which reaches over the side
    column) draws it right below itself (:attr:`Para.follower`), so the block's top
    is the headline's real bottom, and its lines come after the headline in the
    content stream and the structure tree. Without a headline it is the story's
    first flowable. ``dx`` is the side column's distance from the body column's left
    edge (points).
    """

    def __init__(self, paras: list[Para], dx: float, width: float):
        super().__init__()
        self.paras, self.dx, self.side_width = paras, dx, width
        self.top: float | None = None  # where it was drawn, points from the page bottom
        self._room = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._room = availHeight  # down to the frame's bottom (the bottom margin)
        return 0.0, 0.0

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return []

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self.top = y
        super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        y = 0.0
        with flow("side"):
            for p in self.paras:
                _, ph = p.wrap(self.side_width, self._room + y)
                if ph > self._room + y:
                    break
                p.drawOn(self.canv, self.dx, y - ph)
                y -= ph


def page_turn_without_division(
    p: Para, parts: list[Any], width: float, height: float
) -> list[Any] | None:
    """``p`` split again with the word its page's last line divides kept whole, or None.

    The word is marked ``nobr`` in a twin of ``p``, which is split at the same height.
    None unless the twin's page keeps as many lines and its last line does not end inside
    a word either (a twin never makes a twin of its own). The rest of a word wider than
    the line is hyphenated again on the next page (it loses the mark there).
    """
    if len(parts) != 2 or not hasattr(p, "blPara") or p._pd_twin:
        return None
    kept = len(parts[0].blPara.lines)
    frags = undivided_frags(p, kept)
    if frags is None:
        return None
    # reportlab would cut a word wider than the line at the line's edge after all
    twin = Para("", _with(p.style, splitLongWords=0), bulletText=p.bulletText, frags=frags)
    twin._pd_twin = True
    twin.node, twin.label, twin.outline = p.node, p.label, p.outline
    twin.follower = p.follower
    twin.pd_source = source_text(p)
    if p._pd_parsed is not None:  # its fragments follow from p's lines and the count kept
        twin._pd_parsed = (*p._pd_parsed, p._pd_widths, "undivided", kept)
    again: list[Any] = twin.split(width, height)
    if len(again) != 2 or len(again[0].blPara.lines) != kept:
        return None
    if ends_inside_word(twin, kept):  # the re-split divides a word at the turn itself
        return None
    if any(_extra_space(line) < -1e-6 for line in again[0].blPara.lines):
        return None  # the word kept whole began the line: it would run past the edge
    head, rest = again
    head.style = p.style
    # the rest as reportlab's split makes it of p (no first-line indent)
    rest.style = _with(p.style, firstLineIndent=0) if p.style.firstLineIndent else p.style
    frags = _hyphenated_again(rest.frags, width)
    if frags is not None:  # a word wider than the line is hyphenated again on the next page
        rest.frags = frags
        if rest._pd_parsed is not None:
            rest._pd_parsed = (*rest._pd_parsed, "hyphenated again")
    return again


def _hyphenated_again(frags: list[Any], width: float) -> list[Any] | None:
    """``frags`` with the mark ``nobr`` taken off every word wider than ``width``, or None
    if there is none. Fragments or, split off a broken paragraph of several fragments,
    frag words (``[width, (frag, text), ...]``, reportlab checks the first frag's mark)."""
    out: list[Any] = []
    changed = False
    for f in frags:
        if isinstance(f, list) and f and isinstance(f[0], int | float):
            if f[0] > width and any(getattr(fr, "nobr", False) for fr, _ in f[1:]):
                word = list.__new__(type(f))
                word.append(f[0])
                word.extend((fr.clone(nobr=False), text) for fr, text in f[1:])
                if getattr(f, "__dict__", None):
                    word.__dict__.update(f.__dict__)
                out.append(word)
                changed = True
                continue
        elif getattr(f, "nobr", False) and _wider(f, width):
            out.append(f.clone(nobr=False))
            changed = True
            continue
        out.append(f)
    return out if changed else None


def _extra_space(line: Any) -> float:
    """The room a wrapped line leaves at its end (negative: it runs past the edge)."""
    extra = line[0] if isinstance(line, tuple) else getattr(line, "extraSpace", 0.0)
    return float(extra)


def _wider(frag: Any, width: float) -> bool:
    """Whether ``frag``'s text (a word kept whole) is wider than a line of ``width``."""
    text = getattr(frag, "text", None)
    if not isinstance(text, str):
        return False
    return bool(stringWidth(text.strip(), frag.fontName, frag.fontSize) > width)


# Parsed paragraph markup, kept per (markup, style): the preview exports the same draft
# again after every pause, and reportlab's markup parser is a tenth of an export. A
# paragraph gets its own copies of the kept fragments (reportlab sets attributes on
# them while breaking lines), as the parser would have made them.
_PARSED_KEPT = 4096
_parsed: OrderedDict[tuple[str, int], tuple[Any, str, Any, list[Any]]] = OrderedDict()
_parsed_lock = threading.Lock()


def _parse(markup: str, style: Any) -> tuple[str, Any, list[Any]]:
    """reportlab's parse of ``markup`` in ``style``: the cleaned text, style and fragments."""
    key = (markup, id(style))
    with _parsed_lock:
        kept = _parsed.get(key)
        if kept is not None and kept[0] is style:
            _parsed.move_to_end(key)
            return kept[1:]
    probe = Paragraph(markup, style)  # reportlab's own parse
    entry = (style, probe.text, probe.style, probe.frags)
    with _parsed_lock:
        _parsed[key] = entry
        while len(_parsed) > _PARSED_KEPT:
            _parsed.popitem(last=False)
    return entry[1:]


# Broken lines, kept per (markup, style, widths) like the parses above: the same
# paragraph at the same width breaks the same way. Each use gets its own copy.
# - Simple paragraphs (one font, no links: reportlab's "kind 0") have plain strings for
#   words: a copy of the line lists is enough.
# - The rest ("kind 1": bold, italic, links) have fragments for words, which reportlab
#   changes afterwards (splitting at a page turn appends spaces to them and changes their
#   class; :func:`_continue_links` sets links), and ``breakLines`` leaves the processed
#   fragments on the paragraph (:data:`rlcompat.BREAK_STATE`). Lines and that state are
#   kept as one deep copy (fragments shared between them stay shared) and deep-copied
#   again for each use.
_BROKEN_KEPT = 4096
_broken: OrderedDict[tuple[Any, ...], tuple[Any, int, Any]] = OrderedDict()


def _broken_kept(key: tuple[Any, ...], style: Any) -> tuple[Any, tuple[Any, ...] | None] | None:
    """Lines kept for ``key`` (and, for kind 1, the paragraph's break state), or None."""
    with _parsed_lock:
        kept = _broken.get(key)
        if kept is None or kept[0] is not style:
            return None
        _broken.move_to_end(key)
    if kept[1] == 0:
        return _copied_lines(kept[2]), None
    return _copied_frag_lines(*kept[2])


def _keep_broken(key: tuple[Any, ...], style: Any, bl: Any, para: Any) -> None:
    kind = getattr(bl, "kind", None)
    if kind == 0:
        entry: tuple[Any, int, Any] = (style, 0, _copied_lines(bl))
    elif kind == 1:
        entry = (style, 1, _copied_frag_lines(bl, rlcompat.break_state(para)))
    else:
        return
    with _parsed_lock:
        _broken[key] = entry
        while len(_broken) > _BROKEN_KEPT:
            _broken.popitem(last=False)


def _copied_frag(frag: Any) -> Any:
    """A fragment's own copy: its attributes, and its lists (links, underlines) copied."""
    copy = frag.clone()
    for name, value in copy.__dict__.items():
        if type(value) is list:
            copy.__dict__[name] = list(value)
    return copy


def _copied_frag_lines(bl: Any, state: tuple[Any, ...]) -> tuple[Any, tuple[Any, ...]]:
    """Copies of a kind-1 paragraph's lines and break state (.rlcompat.break_state)."""
    copy = bl.clone()
    copy.lines = [line.clone(words=[_copied_frag(w) for w in line.words]) for line in bl.lines]
    frag_words = []
    for word in state[0]:  # [width, (fragment, text), ...], of a list subclass
        again = list.__new__(type(word))
        again.append(word[0])
        again.extend((_copied_frag(f), text) for f, text in word[1:])
        if getattr(word, "__dict__", None):
            again.__dict__.update(word.__dict__)
        frag_words.append(again)
    return copy, (frag_words, *state[1:])


def _copied_lines(bl: Any) -> Any:
    """A copy of a simple paragraph's lines (the words are strings, never changed)."""
    copy = bl.clone()
    copy.lines = [(extra, list(words)) for extra, words in bl.lines]
    return copy


def para(
    markup: str,
    style: Any,
    node: st.Node | None,
    outline: tuple[int, str] | None = None,
    bullet: str | None = None,
    extra: float = 0.0,
) -> Para:
    cls = WidePara if extra else Para
    if "<bullet" in markup:  # bullet markup (never in PressDesk's): parsed each time
        p = cls(markup, style, bulletText=bullet)
    else:
        text, parsed_style, frags = _parse(markup, style)
        p = cls(text, parsed_style, bulletText=bullet, frags=[f.clone() for f in frags])
        p._pd_parsed = (markup, id(style))
    if isinstance(p, WidePara):
        p.extra = extra
    p.node = node
    p.outline = outline
    return p


@lru_cache(maxsize=8192)  # thread-safe; the key is everything the result depends on
def _safe_text(value: str, following: str, fonts: FontNames) -> str:
    """:meth:`_Builder.text`, kept per (text, following text, fonts): the preview sets the
    same runs again after every pause."""
    value = clean_text(keep_phone_numbers(value), fonts)
    if following:
        after = clean_text(following, fonts)
        value = prepare(value + after)[: -len(after) or None]
    else:
        value = prepare(value)
    return escape(value)


@dataclass(frozen=True)
class PlainLine:
    """A one-line piece of content drawn directly on the canvas (no wrapping)."""

    text: str
    node: st.Node


@dataclass
class Layout:
    """What the page templates need: the story, page 1's furniture, the structure."""

    root: st.Node
    story: list[Flowable]
    header: Para
    date: PlainLine | None
    running_header: str
    running_embargo: str
    side: list[Para]
    title: str
    logo: st.Node | None = None
    metadata: layout.Metadata | None = None
    side_block: SideBlock | None = None


class _Builder:
    """The items of the one layout (:func:`pressdesk.export.layout.release_layout`) as
    paragraphs: roles become styles, groups become structure elements."""

    def __init__(
        self, profile: Profile, styles: Styles, fonts: FontNames, extra: dict[str, float]
    ) -> None:
        self.profile, self.s, self.fonts = profile, styles, fonts
        self.extra = extra  # points a role's lines reach right of the body column
        self.root = st.Node(st.DOCUMENT)
        self.link_keys = itertools.count(1)
        self.story: list[Flowable] = []
        self.link_color = styles.link_color.hexval().replace("0x", "#")
        s = styles
        self.style_of = {
            layout.HEADER: s.header,
            layout.RUNNING_HEADER: s.running_header,
            layout.EMBARGO: s.embargo,
            layout.SPEECH: s.speech,
            layout.HEADLINE: s.headline,
            layout.SUBHEADLINE: s.subheadline,
            layout.ANNOUNCEMENT: s.announcement,
            layout.BODY: s.body,
            layout.SUBHEADING: s.subheading,
            layout.QUOTE: s.quote,
            layout.SPEAKER: s.speaker,
            layout.LIST_ITEM: s.item,
            layout.FURTHER: s.further,
            layout.SOCIAL_LABEL: s.social_label,
            layout.SOCIAL: s.social,
            layout.CONTACT: s.contact,
            layout.PHOTO_CREDITS: s.small,
            layout.SIDE: s.side,
            layout.SIDE_ORGANISATION: s.side_bold,
        }

    def text(self, value: str, following: str = "") -> str:
        """One line of user text as safe paragraph markup.

        ``following`` is the text right after it (the next run): a closing quote there
        gives the last word its soft hyphens (see :func:`.hyphenation.prepare`).
        """
        return _safe_text(value, following, self.fonts)

    def runs(self, runs: Sequence[Run], node: st.Node) -> str:
        """Runs as paragraph markup: bold, italic, links (a Link child of ``node``).

        Neighbouring runs with the same address are one link, whatever their format.
        """
        out = []
        for i, run in enumerate(runs):
            following = runs[i + 1].text[:1] if i + 1 < len(runs) else ""
            lines = run.text.split("\n")
            last = len(lines) - 1
            shown = "<br/>".join(
                self.text(line, following if k == last else "") for k, line in enumerate(lines)
            )
            if run.strong and shown:
                shown = f"<b>{shown}</b>"
            if run.emphasis and shown:
                shown = f"<i>{shown}</i>"
            out.append((run, shown))
        markup = []
        for url, group in itertools.groupby(out, key=lambda pair: pair[0].url):
            pieces = list(group)
            shown = "".join(p[1] for p in pieces)
            if url and shown:
                shown = self.link(node, "".join(p[0].text for p in pieces), url, shown)
            markup.append(shown)
        return "".join(markup)

    def link(self, parent: st.Node, label: str, url: str, shown: str) -> str:
        """``shown`` (markup of ``label``) as a link to ``url``: clickable and tagged."""
        url = _href(clean_text(url, self.fonts).strip())
        if not url:
            return shown
        label = " ".join(label.split())
        node = parent.add(
            st.LINK,
            text=label,
            alt=pdf_string(f"{label} ({url})" if label != url else url),
            url=url,
        )
        node.ident = f"L{next(self.link_keys)}"  # unique in the document, the same each time
        ident = quoteattr(node.ident)
        if self.s.link_underline:
            shown = f"<u>{shown}</u>"
        return (
            f'<onDraw name="{LINK_START}" label={ident}/>'
            f"<a href={quoteattr(url)} color={quoteattr(self.link_color)}>{shown}</a>"
            f'<onDraw name="{LINK_END}" label={ident}/>'
        )

    def item(self, item: layout.Item, node: st.Node, style: Any = None, **kw: Any) -> Para:
        style = style or self.style_of[item.role]
        if not item.space_after:
            style = _with(style, spaceAfter=0)
        extra = self.extra.get(item.role, 0.0)
        return para(self.runs(item.runs, node), style, node, extra=extra, **kw)

    def items(self, items: Sequence[layout.Item]) -> None:
        groups: dict[int, st.Node] = {}
        pending: list[Flowable] = []  # a quote kept together with its speaker line

        def place(p: Flowable, hold: bool) -> None:
            """``hold``: keep ``p`` with what follows; else set it, with what was held."""
            if hold:
                pending.append(p)
            elif pending:
                self.story.append(KeepTogether([*pending, p]))
                pending.clear()
            else:
                self.story.append(p)

        for item in items:
            group = groups.get(item.group) if item.group else None
            if item.kind == layout.HEADING:
                role = st.H1 if item.level == 0 else st.H2
                if item.role == layout.SUBHEADING:  # never alone at a page bottom
                    h, body = self.s.subheading, self.s.body
                    room = 2 * h.leading + h.spaceBefore + h.spaceAfter + 3 * body.leading
                    self.story.append(CondPageBreak(room))
                node = self.root.add(role, text=item.text)
                outline = (item.level, pdf_string(_plain(item.text)))
                self.story.append(self.item(item, node, outline=outline))
            elif item.kind == layout.QUOTE_GROUP:
                if group is None:
                    group = groups[item.group] = self.root.add(st.BLOCKQUOTE)
                p = self.item(item, group.add(st.P, text=item.text))
                # short: moves to the next page with its speaker
                place(p, hold=item.keep_with_next and len(item.text) < SHORT_QUOTE)
            elif item.kind == layout.LIST_GROUP:
                if group is None:
                    group = groups[item.group] = self.root.add(st.L)
                li = group.add(st.LI)
                label = li.add(st.LBL, text="\u2022")
                p = self.item(item, li.add(st.LBODY, text=item.text), bullet="\u2022")
                p.label = label
                self.story.append(p)
            elif item.kind == layout.SOCIAL_GROUP:  # one P in the tag tree, like one block
                if group is None:
                    group = groups[item.group] = self.root.add(st.P, text=item.text)
                # the label stays with its first line, as in the DOCX
                place(self.item(item, group), hold=item.keep_with_next)
            else:
                self.story.append(self.item(item, self.root.add(st.P, text=item.text)))
        self.story.extend(pending)


def _plain(text: str) -> str:
    """Text without the phone-number glue (for bookmarks)."""
    return text.replace(NB_HYPHEN, "-").replace(NBSP, " ")


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S")


def _href(url: str) -> str:
    """A link target reportlab can write: with a scheme ("www." gets https), else none.

    reportlab reads a target without a scheme as an internal destination, which
    would fail to resolve; such a link is set as plain text (validation flags it).
    """
    if url.startswith("www."):
        url = f"https://{url}"
    return url if _SCHEME.match(url) and " " not in url else ""


_derived: dict[tuple[int, tuple[tuple[str, Any], ...]], tuple[Any, Any]] = {}


def _with(style: Any, **changes: Any) -> Any:
    """``style`` with ``changes``; the same derived style for the same style again."""
    from reportlab.lib.styles import ParagraphStyle

    key = (id(style), tuple(sorted(changes.items())))
    kept = _derived.get(key)
    if kept is not None and kept[0] is style:
        return kept[1]
    derived = ParagraphStyle(f"{style.name}+", parent=style, **changes)
    if len(_derived) >= 64:
        _derived.clear()
    _derived[key] = (style, derived)
    return derived


def build_layout(
    draft: Draft, profile: Profile, styles: Styles, fonts: FontNames, notice: str = ""
) -> Layout:
    """Build the story and the structure tree of ``draft`` in reading order."""
    release = layout.release_layout(draft, profile, notice)
    g = release.geometry
    wide = g.line_width(release.roles[layout.HEADLINE])  # over page 1's side column
    extra = {layout.HEADLINE: (wide - g.body_width) * mm}
    b = _Builder(profile, styles, fonts, extra)
    root, s = b.root, styles

    logo = root.add(st.FIGURE, alt=profile.logo.alt) if profile.logo else None
    head_text = release.header
    header = para(b.text(head_text), s.header, root.add(st.P, text=head_text))
    date = (
        PlainLine(clean_text(release.date, fonts), root.add(st.P, text=release.date))
        if release.date
        else None
    )

    # reading order: header, headline, press office block, announcement, body …
    b.items(release.items[: release.side_after])
    side_node = root.add(st.DIV)
    side = [b.item(line, side_node.add(st.P, text=line.text)) for line in release.side]
    block = SideBlock(side, (g.side_x - g.margin_left) * mm, g.side_width * mm)
    last = b.story[-1] if release.side_after else None
    if isinstance(last, Para):
        last.follower = block  # drawn right below the headline
    else:
        b.story.append(block)
    b.items(release.items[release.side_after :])
    if not b.story:
        b.story.append(Spacer(0, 1))
    return Layout(
        root=root,
        story=b.story,
        header=header,
        date=date,
        running_header=clean_text(head_text, fonts),
        running_embargo=clean_text(release.embargo, fonts),
        side=side,
        title=release.metadata.title,
        logo=logo,
        metadata=release.metadata,
        side_block=block,
    )
