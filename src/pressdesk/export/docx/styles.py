"""Named styles built from the house-style profile.

Every block of a release has its own paragraph style ("PD Überschrift", "PD Text",
"PD Zitat" …), so a colleague in Word changes the look of all quotes at once
instead of by hand. Fonts, sizes, leading and colours all come from the profile;
the spacing between blocks is paragraph spacing, never empty paragraphs. Every
style and the document defaults carry the language de-DE so Word and LibreOffice
hyphenate and spell-check German.

Style ids are ASCII (``PDHeadline``); the names are German and shown in Word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import StyleFactory

from pressdesk.export import layout
from pressdesk.export.docx.lists import attach_bullet_list
from pressdesk.export.docx.oxml import set_fonts, set_lang, sort_ppr
from pressdesk.profile.profile import Profile


@dataclass(frozen=True)
class StyleSpec:
    style_id: str
    size: float
    leading: float = 0.0  # points; 0: scaled from the profile's body leading
    hyphenate: bool = True
    bold: bool = False
    italic: bool = False
    color: str = ""
    before: float = 0.0
    after: float = 0.0
    keep_next: bool = False
    outline: int | None = None
    align: str = "left"
    indent: float = 0.0  # mm
    contextual: bool = False
    based_on: str = "PDBase"
    extend_right: float = 0.0  # mm the lines reach right of the body column (the headline)

    @property
    def name(self) -> str:
        return NAMES[self.style_id]


# Paragraph styles, by what they hold. Keys are what document.py asks for.
BASE = "PDBase"
HEADER_LINE = "PDHeaderLine"
HEADER_PAGE = "PDHeaderPage"
RUNNING_HEADER = "PDRunningHeader"
EMBARGO = "PDEmbargo"
SIDEBAR = "PDSidebar"
SIDEBAR_ORG = "PDSidebarOrganisation"
SPEECH_NOTE = "PDSpeechNote"
HEADLINE = "PDHeadline"
SUBHEADLINE = "PDSubheadline"
ANNOUNCEMENT = "PDAnnouncement"
BODY = "PDBody"
SUBHEADING = "PDSubheading"
QUOTE = "PDQuote"
SPEAKER = "PDSpeaker"
LIST = "PDList"
FURTHER = "PDFurtherInformation"
SOCIAL_LABEL = "PDSocialLabel"
SOCIAL = "PDSocial"
CONTACT = "PDContact"
PHOTO = "PDPhotoCredits"
# Character styles.
HEADER_DATE = "PDHeaderDate"
HYPERLINK = "Hyperlink"
DRAFT_MARK = "PDDraftMark"
HYPERLINK_NAME = "Hyperlink"
DRAFT_MARK_NAME = "PD Entwurf"

NAMES: dict[str, str] = {
    BASE: "PD Grundtext",
    HEADER_LINE: "PD Kopf",
    HEADER_PAGE: "PD Kopf Seitenzahl",
    RUNNING_HEADER: "PD Kopf Folgeseite",
    EMBARGO: "PD Sperrfrist",
    SIDEBAR: "PD Absender",
    SIDEBAR_ORG: "PD Absender Behörde",
    SPEECH_NOTE: "PD Redehinweis",
    HEADLINE: "PD Überschrift",
    SUBHEADLINE: "PD Unterzeile",
    ANNOUNCEMENT: "PD Ankündigung",
    BODY: "PD Text",
    SUBHEADING: "PD Zwischenüberschrift",
    QUOTE: "PD Zitat",
    SPEAKER: "PD Zitat Quelle",
    LIST: "PD Aufzählung",
    FURTHER: "PD Weitere Informationen",
    SOCIAL_LABEL: "PD Netz Überschrift",
    SOCIAL: "PD Netz",
    CONTACT: "PD Kontakt",
    PHOTO: "PD Bildnachweis",
    HEADER_DATE: "PD Kopf Datum",
    HYPERLINK: HYPERLINK_NAME,
    DRAFT_MARK: DRAFT_MARK_NAME,
}


def _leading(profile: Profile, size: float) -> float:
    """The profile's leading, scaled to a font size (15 pt for 11 pt body text)."""
    return round(size * profile.sizes.leading / profile.sizes.body, 1)


# Which role of the one layout (pressdesk.export.layout) each paragraph style sets.
ROLE_OF: dict[str, str] = {
    BASE: layout.BODY,
    HEADER_LINE: layout.HEADER,
    HEADER_PAGE: layout.RUNNING_HEADER,
    RUNNING_HEADER: layout.RUNNING_HEADER,
    EMBARGO: layout.EMBARGO,
    SIDEBAR: layout.SIDE,
    SIDEBAR_ORG: layout.SIDE_ORGANISATION,
    SPEECH_NOTE: layout.SPEECH,
    HEADLINE: layout.HEADLINE,
    SUBHEADLINE: layout.SUBHEADLINE,
    ANNOUNCEMENT: layout.ANNOUNCEMENT,
    BODY: layout.BODY,
    SUBHEADING: layout.SUBHEADING,
    QUOTE: layout.QUOTE,
    SPEAKER: layout.SPEAKER,
    LIST: layout.LIST_ITEM,
    FURTHER: layout.FURTHER,
    SOCIAL_LABEL: layout.SOCIAL_LABEL,
    SOCIAL: layout.SOCIAL,
    CONTACT: layout.CONTACT,
    PHOTO: layout.PHOTO_CREDITS,
}
_OUTLINE = {HEADLINE: 0, SUBHEADING: 1}
_CONTEXTUAL = {LIST, SOCIAL}  # no space between neighbours of the same style


def paragraph_specs(profile: Profile) -> list[StyleSpec]:
    """Every paragraph style, each from its role; only the base has no spacing."""
    roles = layout.role_styles(profile)
    geo = layout.page_geometry(profile)
    specs = []
    for style_id, role in ROLE_OF.items():
        r = roles[role]
        base = style_id == BASE
        # only the headline reaches over page 1's side column (the side block follows it)
        extend = geo.line_width(r) - geo.body_width if role == layout.HEADLINE else 0.0
        specs.append(
            StyleSpec(
                style_id,
                r.size,
                leading=r.leading,
                hyphenate=r.hyphenate,
                bold=r.bold,
                italic=r.italic,
                color=layout.color(profile, r.color),
                before=0.0 if base else r.space_before,
                after=0.0 if base else r.space_after,
                keep_next=r.keep_with_next,
                outline=_OUTLINE.get(style_id),
                indent=r.indent,
                contextual=style_id in _CONTEXTUAL,
                based_on="" if base else BASE,
                extend_right=extend,
            )
        )
    return specs


def _rgb(hex_color: str) -> RGBColor:
    return RGBColor.from_string(hex_color.lstrip("#").upper())


def _set_document_defaults(doc: Document, profile: Profile) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, profile.fonts.docx_name)
    set_lang(rpr)
    size = str(round(profile.sizes.body * 2))
    for tag in ("w:sz", "w:szCs"):
        node = rpr.find(qn(tag))
        if node is not None:
            node.set(qn("w:val"), size)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(ppr):
        ppr.remove(child)
    ppr.append(OxmlElement("w:widowControl"))
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), str(round(profile.sizes.leading * 20)))
    spacing.set(qn("w:lineRule"), "exact")
    ppr.append(spacing)
    normal = _by_id(doc, "Normal")
    normal.font.name = profile.fonts.docx_name
    set_fonts(normal.element.get_or_add_rPr(), profile.fonts.docx_name)
    set_lang(normal.element.get_or_add_rPr())


def _add_paragraph_style(
    doc: Document, spec: StyleSpec, profile: Profile, body_width: float, full_width: float
) -> None:
    style = _new_style(doc, spec.style_id, spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.basedOn_val = spec.based_on or "Normal"
    style.quick_style = spec.style_id in (HEADLINE, SUBHEADLINE, BODY, SUBHEADING, QUOTE, LIST)
    font = style.font
    font.name = profile.fonts.docx_name
    font.size = Pt(spec.size)
    font.bold = spec.bold
    font.italic = spec.italic
    if spec.color:
        font.color.rgb = _rgb(spec.color)
    rpr = style.element.get_or_add_rPr()
    set_fonts(rpr, profile.fonts.docx_name)
    set_lang(rpr)
    pf = style.paragraph_format
    pf.space_before = Pt(spec.before)
    pf.space_after = Pt(spec.after)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(spec.leading or _leading(profile, spec.size))
    pf.keep_with_next = spec.keep_next
    pf.widow_control = True
    pf.alignment = WD_ALIGN_PARAGRAPH.RIGHT if spec.align == "right" else WD_ALIGN_PARAGRAPH.LEFT
    if spec.indent:
        pf.left_indent = Mm(spec.indent)
    if spec.extend_right:  # a negative right indent: over the gap and the side column
        pf.right_indent = Mm(-spec.extend_right)
    if spec.style_id in (HEADER_LINE, HEADER_PAGE, RUNNING_HEADER):
        # Header lines reach over the side column to the right margin, like the PDF's.
        pf.right_indent = Mm(-full_width + body_width)
        pf.tab_stops.add_tab_stop(Mm(full_width), WD_TAB_ALIGNMENT.RIGHT)
    ppr = style.element.get_or_add_pPr()
    if not spec.hyphenate:  # headlines break between words, like the PDF's
        ppr.append(OxmlElement("w:suppressAutoHyphens"))
    if spec.style_id == EMBARGO:  # the embargo's frame, as the PDF draws it
        ppr.append(_box(profile, spec.color or profile.colors.accent))
    if spec.contextual:
        ppr.append(OxmlElement("w:contextualSpacing"))
    if spec.outline is not None:
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(spec.outline))
        ppr.append(level)
    sort_ppr(ppr)


def _box(profile: Profile, color: str) -> Any:
    """A frame on all four sides: the embargo's border width and padding of the layout."""
    fur = layout.furniture(profile)
    borders = OxmlElement("w:pBdr")
    top, right, bottom, left = fur.embargo_padding
    for side, pad in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(max(2, round(fur.embargo_border * 8))))
        edge.set(qn("w:space"), str(round(pad)))
        edge.set(qn("w:color"), color.lstrip("#").upper())
        borders.append(edge)
    return borders


def _new_style(
    doc: Document, style_id: str, name: str, kind: WD_STYLE_TYPE, builtin: bool = False
) -> Any:
    """A new custom style (python-docx's add_style scans all styles by name first)."""
    element = doc.styles.element.add_style_of_type(name, kind, builtin)
    element.styleId = style_id
    return StyleFactory(element)


def prune_template_styles(doc: Document) -> None:
    """Drop the template's ~160 unused built-in styles; Word recreates any it needs."""
    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in _KEEP_BUILTIN:
            styles.remove(style)


_KEEP_BUILTIN = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}


def _by_id(doc: Document, style_id: str) -> Any:
    element = doc.styles.element.get_by_id(style_id)
    if element is None:
        raise KeyError(style_id)
    return StyleFactory(element)


def _add_character_styles(doc: Document, profile: Profile) -> None:
    # Word's own built-in 'Hyperlink' style, so Word and LibreOffice treat it as theirs.
    link = _new_style(doc, HYPERLINK, HYPERLINK_NAME, WD_STYLE_TYPE.CHARACTER, builtin=True)
    link.font.color.rgb = _rgb(profile.colors.link)
    link.font.underline = layout.furniture(profile).link_underline
    link.unhide_when_used = True
    date = _new_style(doc, HEADER_DATE, NAMES[HEADER_DATE], WD_STYLE_TYPE.CHARACTER)
    date.font.bold = False
    date.font.size = Pt(profile.sizes.small)
    mark = _new_style(doc, DRAFT_MARK, DRAFT_MARK_NAME, WD_STYLE_TYPE.CHARACTER)
    mark.font.bold = True
    mark.font.color.rgb = _rgb(profile.colors.draft_mark)


def build_styles(doc: Document, profile: Profile, body_width: float, full_width: float) -> None:
    """Document defaults, every paragraph and character style, the bullet list."""
    prune_template_styles(doc)
    _set_document_defaults(doc, profile)
    for spec in paragraph_specs(profile):
        _add_paragraph_style(doc, spec, profile, body_width, full_width)
    _add_character_styles(doc, profile)
    attach_bullet_list(doc, profile, LIST)


def style_name(doc: Document, style_id: str) -> str:
    """The display name for a style id (python-docx looks styles up by name)."""
    return str(_by_id(doc, style_id).name)
