"""Paragraph styles: the roles of :mod:`pressdesk.export.layout`, mapped to reportlab.

Every number comes from the role (size, leading, weight, colour, spaces, indents,
hyphenation); this module keeps none of its own. Every style uses the profile's
embedded fonts, no widows or orphans, and wraps URLs and overlong words instead of
letting them run off the page.
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

from pressdesk.export import layout
from pressdesk.export.pdf import rlcompat
from pressdesk.export.pdf.fonts import FontNames
from pressdesk.export.pdf.hyphenation import hyphenator
from pressdesk.profile.profile import Profile


@dataclass(frozen=True)
class Styles:
    """A reportlab paragraph style per role, and the colours of the furniture."""

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
    further: ParagraphStyle
    social_label: ParagraphStyle
    social: ParagraphStyle
    contact: ParagraphStyle
    small: ParagraphStyle
    side: ParagraphStyle
    side_bold: ParagraphStyle
    header: ParagraphStyle
    running_header: ParagraphStyle
    link_color: Color
    link_underline: bool
    rule_color: Color
    rule_width: float
    draft_color: Color


_made: list[tuple[Profile, FontNames, Styles]] = []  # the last few, most recent last
_MADE_KEPT = 4


def make_styles(profile: Profile, fonts: FontNames) -> Styles:
    """Every role of :mod:`pressdesk.export.layout` as a reportlab paragraph style.

    The same profile and fonts give the same (unchanged, never modified) styles again:
    the preview exports after every pause, and the parsed paragraphs are kept per
    style (:mod:`.flowables`).
    """
    for made_profile, made_fonts, styles in reversed(_made):
        if made_fonts is fonts and (made_profile is profile or made_profile == profile):
            return styles
    styles = _make_styles(profile, fonts)
    _made.append((profile, fonts, styles))
    del _made[:-_MADE_KEPT]
    return styles


def _make_styles(profile: Profile, fonts: FontNames) -> Styles:
    roles = layout.role_styles(profile)
    hyph = rlcompat.hyphenator(hyphenator())
    heading_hyph = rlcompat.hyphenator(hyphenator(), only_wide=True)
    font_for = {
        (False, False): fonts.regular,
        (True, False): fonts.bold,
        (False, True): fonts.italic,
        (True, True): fonts.bold_italic,
    }

    def style(name: str, role: str, **kw: object) -> ParagraphStyle:
        r = roles[role]
        # spaceShrinkage 0: a ragged line never runs past the column, as in Word/LibreOffice
        settings: dict[str, object] = {"uriWasteReduce": 0.3, "spaceShrinkage": 0, **kw}
        return ParagraphStyle(
            f"pd-{role}-{name}",
            fontName=font_for[(r.bold, r.italic)],
            fontSize=r.size,
            leading=r.leading,
            textColor=HexColor(layout.color(profile, r.color)),
            alignment=TA_LEFT,
            spaceBefore=r.space_before,
            spaceAfter=r.space_after,
            leftIndent=r.indent * mm,
            bulletIndent=r.bullet_indent * mm,
            allowWidows=0,
            allowOrphans=0,
            hyphenationLang=hyph if r.hyphenate else heading_hyph,
            # 2: a word that cannot be divided where it begins moves whole to the next
            # line (rlcompat, item 2); headings still never break at a compound's hyphen
            embeddedHyphenation=2,
            splitLongWords=1,
            bulletFontName=fonts.regular,
            **settings,
        )

    fur = layout.furniture(profile)
    embargo = style(
        "embargo",
        layout.EMBARGO,
        borderWidth=fur.embargo_border,
        borderColor=HexColor(layout.color(profile, roles[layout.EMBARGO].color)),
        borderPadding=fur.embargo_padding,
    )
    # the frame takes room above and below the text, as in Word and LibreOffice
    embargo.spaceBefore += fur.embargo_padding[0] + fur.embargo_border
    embargo.spaceAfter += fur.embargo_padding[2] + fur.embargo_border
    return Styles(
        body=style("body", layout.BODY),
        headline=style("headline", layout.HEADLINE),
        subheadline=style("subheadline", layout.SUBHEADLINE),
        announcement=style("announcement", layout.ANNOUNCEMENT),
        subheading=style("subheading", layout.SUBHEADING),
        quote=style("quote", layout.QUOTE),
        speaker=style("speaker", layout.SPEAKER),
        item=style("item", layout.LIST_ITEM),
        embargo=embargo,
        speech=style("speech", layout.SPEECH),
        further=style("further", layout.FURTHER),
        social_label=style("socialLabel", layout.SOCIAL_LABEL),
        social=style("social", layout.SOCIAL),
        contact=style("contact", layout.CONTACT),
        small=style("photo", layout.PHOTO_CREDITS),
        side=style("side", layout.SIDE, uriWasteReduce=0.01),
        side_bold=style("sideBold", layout.SIDE_ORGANISATION),
        header=style("header", layout.HEADER),
        running_header=style("running", layout.RUNNING_HEADER),
        link_color=HexColor(profile.colors.link),
        link_underline=fur.link_underline,
        rule_color=HexColor(fur.rule_color),
        rule_width=fur.rule_width,
        draft_color=HexColor(profile.colors.draft_mark),
    )
