"""The draft as platypus flowables, each tied to its structure node.

:func:`build_layout` turns a draft into the body story (poured into the page
frames) plus the paragraphs of page 1's furniture (header line, date, press office
block), and one structure tree in reading order (see :mod:`.structure`). The
words come from :mod:`pressdesk.export.content`, shared with the DOCX exporter;
this module only decides how they are set. All user text passes :func:`text`:
dropped control characters and undrawable glyphs, soft hyphens for quote-final
words, and XML escaping ("<" and "&" are markup to reportlab).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from pressdesk.export import content
from pressdesk.export.pdf import rlcompat
from pressdesk.export.pdf import structure as st
from pressdesk.export.pdf.fonts import FontNames, clean_text, pdf_string
from pressdesk.export.pdf.hyphenation import prepare
from pressdesk.export.pdf.linebreaks import (
    BreakHyphenText,
    ends_inside_word,
    source_text,
    with_line_spaces,
)
from pressdesk.export.pdf.styles import Styles
from pressdesk.export.xmltext import escape, quoteattr
from pressdesk.model.draft import Block, Draft, Link
from pressdesk.profile.profile import Profile
from pressdesk.typography import keep_phone_numbers

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
    _pd_hyphens = False  # while drawing: break hyphens are marked (see .linebreaks)

    def breakLines(self, width: Any) -> Any:
        with rlcompat.ours():  # PressDesk's break rules, for this paragraph only
            return super().breakLines(width)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        source = source_text(self)  # before splitting: knows where the words break
        parts = super().split(availWidth, availHeight)
        # No word divided over a page turn: end the page a line or two earlier.
        leading = self.style.leading
        for _ in range(PAGE_TURN_LOOKBACK):
            if len(parts) != 2 or not hasattr(self, "blPara"):
                break
            kept = len(parts[0].blPara.lines)
            if not ends_inside_word(self, kept):
                break
            if kept <= 2:  # no room for two lines before it: the paragraph moves on
                parts = []
                break
            parts = super().split(availWidth, (kept - 1) * leading + 1e-6)
        for i, part in enumerate(parts):
            if isinstance(part, Para):
                part.pd_source = source
                part.node = self.node
                part.label = self.label if i == 0 else None
                part.outline = self.outline if i == 0 else None
        return parts

    def draw(self) -> None:
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


def para(
    markup: str,
    style: Any,
    node: st.Node | None,
    outline: tuple[int, str] | None = None,
    bullet: str | None = None,
) -> Para:
    p = Para(markup, style, bulletText=bullet)
    p.node = node
    p.outline = outline
    return p


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


class _Builder:
    def __init__(self, draft: Draft, profile: Profile, styles: Styles, fonts: FontNames) -> None:
        self.draft, self.profile, self.s, self.fonts = draft, profile, styles, fonts
        self.root = st.Node(st.DOCUMENT)
        self.story: list[Flowable] = []
        self.link_color = styles.link_color.hexval().replace("0x", "#")

    def text(self, value: str, multiline: bool = False) -> str:
        """User text as safe paragraph markup; ``multiline``: line breaks stay (as in the DOCX)."""
        if multiline and ("\n" in value or "\r" in value):
            lines = value.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
            return "<br/>".join(self.text(line) for line in lines)
        return escape(prepare(clean_text(keep_phone_numbers(value), self.fonts)))

    def link(self, parent: st.Node, link: Link, shown: str | None = None) -> str:
        label = shown if shown is not None else content.link_text(link)
        url = _href(clean_text(link.url, self.fonts).strip())
        if not url:
            return self.text(label)
        node = parent.add(
            st.LINK,
            text=label,
            alt=pdf_string(f"{label} ({url})" if label != url else url),
            url=url,
        )
        node.ident = f"L{next(_keys)}"
        ident = quoteattr(node.ident)
        shown = self.text(label)
        if self.s.link_underline:
            shown = f"<u>{shown}</u>"
        return (
            f'<onDraw name="{LINK_START}" label={ident}/>'
            f"<a href={quoteattr(url)} color={quoteattr(self.link_color)}>{shown}</a>"
            f'<onDraw name="{LINK_END}" label={ident}/>'
        )

    def add(
        self, role: str, value: str, style: Any, multiline: bool = False, **kw: Any
    ) -> Para | None:
        if not value.strip():
            return None
        node = self.root.add(role, text=value)
        p = para(self.text(value, multiline), style, node, **kw)
        self.story.append(p)
        return p

    def block(self, block: Block, level: int) -> None:
        s = self.s
        if block.type == "paragraph":
            self.add(st.P, block.text, s.body, multiline=True)
        elif block.type == "subheading":
            role = st.H2 if level else st.H1  # no headline: never an H2 without an H1
            if block.text.strip():  # never alone at a page bottom: room for it and 3 lines
                h = s.subheading
                room = 2 * h.leading + h.spaceBefore + h.spaceAfter + 3 * s.body.leading
                self.story.append(CondPageBreak(room))
            self.add(role, block.text, s.subheading, outline=(level, pdf_string(block.text)))
        elif block.type == "quote":
            if not block.text.strip():
                return
            quote = self.root.add(st.BLOCKQUOTE)
            text = content.quote_text(block.text.strip())
            speaker = block.speaker.strip()
            # with a speaker line the quote's space comes after the speaker (as in the DOCX)
            style = _with(s.quote, spaceAfter=0) if speaker else s.quote
            first = para(self.text(text, multiline=True), style, quote.add(st.P, text=text))
            if speaker:
                line = content.quote_attribution(speaker)
                last = para(self.text(line), s.speaker, quote.add(st.P, text=line))
                # the speaker stays with the quote, unless the quote is long (see .styles)
                short = len(text) < SHORT_QUOTE
                self.story.append(KeepTogether([first, last]) if short else first)
                if not short:
                    self.story.append(last)
            else:
                self.story.append(first)
        elif block.type == "list":
            items = [i for i in block.items if i.strip()]
            if not items:
                return
            lst = self.root.add(st.L)
            for n, item in enumerate(items):
                li = lst.add(st.LI)
                label = li.add(st.LBL, text="\u2022")
                # no space between items, the role's space after the list
                style = s.item if n == len(items) - 1 else _with(s.item, spaceAfter=0)
                markup = self.text(item, multiline=True)
                p = para(markup, style, li.add(st.LBODY, text=item), bullet="\u2022")
                p.label = label
                self.story.append(p)

    def closing(self) -> None:
        d, s, profile = self.draft, self.s, self.profile
        links = [lk for lk in d.further_information if lk.url.strip() or lk.text.strip()]
        if links:
            node = self.root.add(st.P, text=content.further_information_label(profile))
            parts = [self.link(node, lk) for lk in links]
            label = self.text(content.further_information_label(profile))
            markup = f"{label} " + "<br/>".join(parts)
            self.story.append(para(markup, s.further, node))
        social = [x for x in d.social_media if x.url.strip() or x.text.strip()]
        if social:  # one P in the tag tree, set as label and item paragraphs like the DOCX
            label = content.social_media_label(profile)
            node = self.root.add(st.P, text=label)
            self.story.append(para(self.text(label), s.social_label, node))
            for n, x in enumerate(social):
                shown = content.link_text(Link(x.text, x.url))
                prefix = f"{self.text(x.network.strip())}: " if x.network.strip() else ""
                style = s.social if n == len(social) - 1 else _with(s.social, spaceAfter=0)
                self.story.append(
                    para(prefix + self.link(node, Link(x.text, x.url), shown), style, node)
                )
        self.add(st.P, d.contact, s.contact, multiline=True)
        self.add(st.P, d.photo_credits, s.small)


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S")


def _href(url: str) -> str:
    """A link target reportlab can write: with a scheme ("www." gets https), else none.

    reportlab reads a target without a scheme as an internal destination, which
    would fail to resolve; such a link is set as plain text (validation flags it).
    """
    if url.startswith("www."):
        url = f"https://{url}"
    return url if _SCHEME.match(url) and " " not in url else ""


def _with(style: Any, **changes: Any) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}+", parent=style, **changes)


def build_layout(
    draft: Draft, profile: Profile, styles: Styles, fonts: FontNames, notice: str = ""
) -> Layout:
    """Build the story and the structure tree of ``draft`` in reading order."""
    b = _Builder(draft, profile, styles, fonts)
    root, s = b.root, styles

    logo = root.add(st.FIGURE, alt=profile.logo.alt) if profile.logo else None
    head_text = content.header_line(draft)
    header = para(b.text(head_text), s.header, root.add(st.P, text=head_text))
    date_text = content.date_line(draft)
    date = (
        PlainLine(clean_text(date_text, fonts), root.add(st.P, text=date_text))
        if date_text
        else None
    )

    side_node = root.add(st.DIV)
    side: list[Para] = []
    for line in content.side_block(draft, profile):
        node = side_node.add(st.P, text=line.text)
        style = s.side_bold if line.bold else s.side
        markup = b.link(node, Link(line.text, line.url)) if line.url else b.text(line.text)
        side.append(para(markup, style, node))

    b.add(st.P, notice, s.speech)  # e.g. 'Korrektur vom …' of a publication
    embargo = content.embargo_line(draft, profile)
    b.add(st.P, embargo, s.embargo)
    b.add(st.P, content.speech_note(draft, profile), s.speech)
    headline = draft.headline.strip()
    b.add(st.H1, draft.headline, s.headline, outline=(0, pdf_string(headline)))
    b.add(st.P, draft.subheadline, s.subheadline)
    b.add(st.P, draft.announcement, s.announcement)
    level = 1 if headline else 0
    for block in draft.body:
        b.block(block, level)
    b.closing()
    if not b.story:
        b.story.append(Spacer(0, 1))
    return Layout(
        root=root,
        story=b.story,
        header=header,
        date=date,
        running_header=clean_text(head_text, fonts),
        running_embargo=clean_text(embargo, fonts),
        side=side,
        title=content.draft_title(draft),
        logo=logo,
    )
