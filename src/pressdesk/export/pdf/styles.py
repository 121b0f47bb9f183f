"""Paragraph styles from the house-style profile.

Every style uses the profile's embedded fonts, German hyphenation, no widows or
orphans, and wraps URLs and overlong words instead of letting them run off the page.
Headings are not "keepWithNext": reportlab would then move a heading and the whole
next paragraph to a new page; :mod:`.flowables` puts a conditional page break
before a subheading instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from pressdesk.export.pdf import rlcompat
from pressdesk.export.pdf.fonts import FontNames
from pressdesk.export.pdf.hyphenation import hyphenator
from pressdesk.profile.profile import Profile


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    headline: ParagraphStyle
    subheadline: ParagraphStyle
    announcement: ParagraphStyle
    subheading: ParagraphStyle
    quote: ParagraphStyle
    speaker: ParagraphStyle
    item: ParagraphStyle
    embargo: ParagraphStyle
    speech: ParagraphStyle
    closing: ParagraphStyle
    small: ParagraphStyle
    side: ParagraphStyle
    side_bold: ParagraphStyle
    header: ParagraphStyle
    link_color: Color
    rule_color: Color
    draft_color: Color


def make_styles(profile: Profile, fonts: FontNames) -> Styles:
    s, c = profile.sizes, profile.colors
    hyph = rlcompat.hyphenator(hyphenator())
    text = HexColor(c.text)
    gap = s.leading * 0.6
    base = ParagraphStyle(
        "pdBody",
        fontName=fonts.regular,
        fontSize=s.body,
        leading=s.leading,
        textColor=text,
        alignment=TA_LEFT,
        spaceAfter=gap,
        allowWidows=0,
        allowOrphans=0,
        hyphenationLang=hyph,
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
        splitLongWords=1,
        bulletFontName=fonts.regular,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    def heading(name: str, size: float, **kw: object) -> ParagraphStyle:
        return derive(
            name,
            fontName=fonts.bold,
            fontSize=size,
            leading=size * 1.25,
            textColor=HexColor(c.accent),
            hyphenationLang=rlcompat.hyphenator(hyphenator(), only_wide=True),
            embeddedHyphenation=0,
            **kw,
        )

    side_size = s.sidebar
    return Styles(
        body=base,
        headline=heading("pdHeadline", s.headline, spaceAfter=s.headline * 0.5),
        subheadline=heading("pdSubheadline", s.subheadline, spaceAfter=gap),
        announcement=derive("pdAnnouncement", fontSize=s.announcement),
        subheading=heading(
            "pdSubheading", s.subheading, spaceBefore=gap * 0.5, spaceAfter=gap * 0.5
        ),
        quote=derive("pdQuote", fontName=fonts.italic, leftIndent=8 * mm, spaceAfter=2),
        speaker=derive("pdSpeaker", leftIndent=8 * mm, fontSize=s.small, leading=s.small * 1.4),
        item=derive("pdItem", leftIndent=6 * mm, bulletIndent=1.5 * mm, spaceAfter=2),
        embargo=derive(
            "pdEmbargo",
            fontName=fonts.bold,
            borderWidth=0.8,
            borderColor=HexColor(c.accent),
            borderPadding=(3, 4, 3, 4),
            spaceBefore=3,
            spaceAfter=gap + 3,
        ),
        speech=derive("pdSpeech", fontName=fonts.bold_italic),
        closing=derive("pdClosing"),
        small=derive("pdSmall", fontSize=s.small, leading=s.small * 1.4),
        side=derive(
            "pdSide",
            fontSize=side_size,
            leading=side_size * 1.35,
            textColor=HexColor(c.sidebar),
            spaceAfter=0,
            uriWasteReduce=0.01,
        ),
        side_bold=derive(
            "pdSideBold",
            fontName=fonts.bold,
            fontSize=side_size,
            leading=side_size * 1.35,
            textColor=HexColor(c.sidebar),
            spaceAfter=0,
        ),
        header=derive("pdHeader", fontName=fonts.bold, fontSize=s.header, leading=s.header * 1.3),
        link_color=HexColor(c.link),
        rule_color=HexColor(c.rule),
        draft_color=HexColor(c.draft_mark),
    )
