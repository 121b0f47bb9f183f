"""A draft and a profile become a python-docx document in the official layout.

The split follows the PDF exporter: page furniture lives in the section's headers
(page 1: release header, date, "Seite 1 von N" and the press office block in a
frame in the right-hand column; later pages: a running header), the content is a
plain sequence of styled paragraphs in the body. The body column is as wide on
every page as on page 1, beside the side column, like the reference release.

The first page's header is as tall as the profile's ``headerHeight`` (the last
header paragraph's spacing fills it), the running header as tall as
``runningHeaderHeight``: Word and LibreOffice both start the body below a header
that is taller than the top margin, so the body starts at the same height as in
the PDF.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.section import Section, _Header
from docx.shared import Emu, Mm, Pt
from docx.text.paragraph import Paragraph

from pressdesk.export import ExportError, content, layout
from pressdesk.export.docx import styles as st
from pressdesk.export.docx.fields import add_page_label
from pressdesk.export.docx.hyphens import apply_divisions
from pressdesk.export.docx.logo import add_logo
from pressdesk.export.docx.package import (
    configure_settings,
    drop_template_parts,
    set_core_properties,
    set_font_table,
)
from pressdesk.export.docx.runs import (
    add_hyperlink,
    add_text,
    clean,
    set_bottom_rule,
    set_frame,
)
from pressdesk.export.docx.watermark import add_watermark
from pressdesk.export.pdf.linebreaks import Divisions
from pressdesk.model.draft import Block, Draft, Link
from pressdesk.profile.profile import Profile

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
PT_PER_MM = 72 / 25.4
# points: how much wider the DOCX's body column is than the PDF's (see _set_up_section)
MEASURE_TOLERANCE = 0.15


@dataclass(frozen=True)
class Geometry:
    """Where things sit on the page, in millimetres from the top left corner."""

    width: float
    height: float
    body_width: float
    full_width: float
    sidebar_x: float
    sidebar_y: float


def geometry(profile: Profile) -> Geometry:
    page = profile.page
    if page.size not in PAGE_SIZES_MM:
        raise ExportError(
            f"Das Papierformat „{page.size}“ des Profils kennt der DOCX-Export nicht."
        )
    width, height = PAGE_SIZES_MM[page.size]
    body_width = (
        width - page.margin_left - page.margin_right - page.sidebar_width - page.sidebar_gap
    )
    if body_width < 40:
        raise ExportError(
            "Die Ränder und die Seitenspalte des Profils lassen keinen Platz für Text."
        )
    return Geometry(
        width=width,
        height=height,
        body_width=body_width,
        full_width=width - page.margin_left - page.margin_right,
        sidebar_x=width - page.margin_right - page.sidebar_width,
        sidebar_y=page.margin_top + page.header_height,
    )


def build_document(
    draft: Draft, profile: Profile, final: bool = False, notice: str = ""
) -> Document:
    """The whole document, not yet saved. ``final=False`` marks every page "ENTWURF";
    ``notice`` is an optional line above the headline (a publication's 'Korrektur vom …')."""
    geo = geometry(profile)
    doc = _base_document(profile, geo)
    set_core_properties(doc, draft, profile)
    section = doc.sections[0]
    pages, divisions = one_layout(draft, profile, final, notice)
    _first_page_header(section.first_page_header, draft, profile, final, pages)
    _running_header(section.header, draft, profile, final, pages)
    _side_block(doc, draft, profile, geo)
    _body(doc, draft, profile, notice)
    apply_divisions(doc, divisions)
    return doc


def one_layout(
    draft: Draft, profile: Profile, final: bool, notice: str = ""
) -> tuple[int, Divisions]:
    """The page count and the divided words of the one layout (the PDF's).

    The page count is the fields' stored result: Word and LibreOffice recompute
    PAGE and NUMPAGES, previews, indexers and python-docx show the stored results.
    The divided words become the DOCX's only hyphenation points (:mod:`.hyphens`).
    """
    from pressdesk.export.pdf.document import layout_divisions

    try:
        return layout_divisions(draft, profile, final, notice)
    except ExportError:
        return 1, Divisions()


def page_count(draft: Draft, profile: Profile, final: bool, notice: str = "") -> int:
    """The page count of the one layout (the PDF's), for the fields' stored results."""
    return one_layout(draft, profile, final, notice)[0]


_BASES: dict[str, bytes] = {}
_MAX_BASES = 8


def _base_document(profile: Profile, geo: Geometry) -> Document:
    """A fresh copy of the profile's empty document: styles, settings, page set-up.

    Building the styles is most of an export's fixed cost, so the empty document is
    built once per profile and reopened from its bytes for every export.
    """
    key = json.dumps(profile.raw, sort_keys=True, default=str)
    base = _BASES.get(key)
    if base is None:
        doc = docx.Document()
        st.build_styles(doc, profile, geo.body_width, geo.full_width)
        configure_settings(doc)
        drop_template_parts(doc)
        set_font_table(doc, profile)
        _set_up_section(doc.sections[0], profile, geo)
        buffer = io.BytesIO()
        doc.save(buffer)
        base = buffer.getvalue()
        if len(_BASES) >= _MAX_BASES:
            _BASES.clear()
        _BASES[key] = base
    return docx.Document(io.BytesIO(base))


def _set_up_section(section: Section, profile: Profile, geo: Geometry) -> None:
    page = profile.page
    section.page_width = Mm(geo.width)
    section.page_height = Mm(geo.height)
    section.left_margin = Mm(page.margin_left)
    # The body column a hair wider than the PDF's (MEASURE_TOLERANCE): Word and
    # LibreOffice round glyph advances, so a line the PDF just fits still fits.
    body = Mm(geo.body_width) + Pt(MEASURE_TOLERANCE)
    section.right_margin = Emu(Mm(geo.width) - Mm(page.margin_left) - body)
    section.top_margin = Mm(page.margin_top + page.running_header_height)
    section.header_distance = Mm(page.margin_top)
    section.bottom_margin = Mm(page.margin_bottom)
    section.footer_distance = Mm(page.margin_bottom / 2)
    section.gutter = Mm(0)
    section.different_first_page_header_footer = True


def _paragraph(container: Document | _Header, style_id: str, first: bool = False) -> Paragraph:
    """A new paragraph in a named style; ``first`` reuses a header's initial empty one."""
    if first and len(container.paragraphs) == 1 and not container.paragraphs[0].text:
        para = container.paragraphs[0]
    else:
        para = container.add_paragraph()
    para._p.style = style_id  # by id: a lookup by name scans every style
    return para


def _draft_mark(para: Paragraph, profile: Profile, final: bool, shape_id: int) -> None:
    """The mark as a watermark shape behind the page (never text), see :mod:`.watermark`."""
    if not final:
        add_watermark(para, profile, shape_id)


class _HeaderFlow:
    """Paragraphs of one header, padded at the end to the header height of the profile."""

    def __init__(self, header: _Header, profile: Profile) -> None:
        header.is_linked_to_previous = False
        self.header, self.profile = header, profile
        self.paragraphs: list[Paragraph] = []
        self.leading = 0.0

    def add(self, style_id: str) -> Paragraph:
        para = _paragraph(self.header, style_id, first=not self.paragraphs)
        self.paragraphs.append(para)
        self.leading += _leading(self.profile, style_id)
        return para

    def pad_to(self, height_mm: float) -> None:
        """Word and LibreOffice start the body below a header taller than the top margin."""
        missing = height_mm * PT_PER_MM - self.leading
        if missing > 0:
            self.paragraphs[-1].paragraph_format.space_after = Pt(round(missing, 1))


def _leading(profile: Profile, style_id: str) -> float:
    spec = {s.style_id: s for s in st.paragraph_specs(profile)}[style_id]
    return spec.leading


def _first_page_header(
    header: _Header, draft: Draft, profile: Profile, final: bool, pages: int
) -> None:
    """Header line left, date at the right edge; draft mark and 'Seite 1 von N' below."""
    flow = _HeaderFlow(header, profile)
    para = flow.add(st.HEADER_LINE)
    add_text(para, content.header_line(draft))
    if profile.logo is not None:
        add_logo(para, profile.logo)
    date = content.date_line(draft)
    if date:
        para.add_run("\t")
        run = add_text(para, date)
        if run is not None:
            run._r.style = st.HEADER_DATE
    para = flow.add(st.HEADER_PAGE)
    _draft_mark(para, profile, final, shape_id=1)
    para.add_run("\t")
    add_page_label(para, clean(profile.label("page")), page=1, pages=pages)
    flow.pad_to(profile.page.header_height)


def _running_header(
    header: _Header, draft: Draft, profile: Profile, final: bool, pages: int
) -> None:
    """Header line and 'Seite i von N' on one line; draft mark and embargo again below."""
    flow = _HeaderFlow(header, profile)
    para = flow.add(st.RUNNING_HEADER)
    add_text(para, content.header_line(draft))
    para.add_run("\t")
    # one header for all later pages: its stored PAGE result can only be one number
    add_page_label(para, clean(profile.label("page")), page=min(2, pages), pages=pages)
    _draft_mark(para, profile, final, shape_id=2)
    embargo = content.embargo_line(draft, profile)
    if embargo:  # as in the PDF: a bold line in the running header's size
        run = add_text(flow.add(st.RUNNING_HEADER), embargo)
        if run is not None:
            run.bold = True
    fur = layout.furniture(profile)
    set_bottom_rule(flow.paragraphs[-1], fur.rule_color, fur.rule_width, 3)
    flow.pad_to(profile.page.running_header_height)


def _side_block(doc: Document, draft: Draft, profile: Profile, geo: Geometry) -> None:
    """The press office block: framed paragraphs at the very start of the body.

    The frame is anchored to the page, so it sits in the right-hand column of page 1
    whatever follows. (LibreOffice ignores frames in headers, so it cannot live there.)
    """
    for line in content.side_block(draft, profile):
        if not clean(line.text).strip():
            continue
        para = _paragraph(doc, st.SIDEBAR_ORG if line.bold else st.SIDEBAR)
        set_frame(para, geo.sidebar_x, geo.sidebar_y, profile.page.sidebar_width)
        if line.url:
            add_hyperlink(para, line.text, line.url)
        else:
            add_text(para, line.text)


def _text_paragraph(doc: Document, style_id: str, text: str, multiline: bool = False) -> None:
    """One paragraph, only if there is something to show (no empty paragraphs)."""
    if clean(text).strip():
        add_text(_paragraph(doc, style_id), text.strip(), multiline)


def _block(doc: Document, block: Block) -> None:
    if block.type == "paragraph":
        _text_paragraph(doc, st.BODY, block.text, multiline=True)
    elif block.type == "subheading":
        _text_paragraph(doc, st.SUBHEADING, block.text)
    elif block.type == "quote":
        if not clean(block.text).strip():
            return
        para = _paragraph(doc, st.QUOTE)
        add_text(para, content.quote_text(block.text.strip()), multiline=True)
        speaker = clean(block.speaker).strip()
        if speaker:
            para.paragraph_format.space_after = Pt(0)
            para.paragraph_format.keep_with_next = True
            _text_paragraph(doc, st.SPEAKER, content.quote_attribution(speaker))
    elif block.type == "list":
        for item in block.items:
            _text_paragraph(doc, st.LIST, item, multiline=True)


def _body(doc: Document, draft: Draft, profile: Profile, notice: str = "") -> None:
    _text_paragraph(doc, st.SPEECH_NOTE, notice)  # e.g. 'Korrektur vom …' of a publication
    # page 1's embargo: a framed paragraph above the headline, as in the PDF
    _text_paragraph(doc, st.EMBARGO, content.embargo_line(draft, profile))
    _text_paragraph(doc, st.SPEECH_NOTE, content.speech_note(draft, profile))
    _text_paragraph(doc, st.HEADLINE, draft.headline)
    _text_paragraph(doc, st.SUBHEADLINE, draft.subheadline)
    _text_paragraph(doc, st.ANNOUNCEMENT, draft.announcement)
    for block in draft.body:
        _block(doc, block)
    links = [link for link in draft.further_information if clean(content.link_text(link)).strip()]
    if links:
        para = _paragraph(doc, st.FURTHER)
        add_text(para, content.further_information_label(profile) + " ")
        for i, link in enumerate(links):
            if i:
                para.add_run().add_break()
            add_hyperlink(para, content.link_text(link), link.url)
    social = [
        s for s in draft.social_media if clean(content.link_text(Link(s.text, s.url))).strip()
    ]
    if social:
        _text_paragraph(doc, st.SOCIAL_LABEL, content.social_media_label(profile))
        for item in social:
            para = _paragraph(doc, st.SOCIAL)
            network = clean(item.network).strip()
            if network:
                add_text(para, f"{network}: ")
            add_hyperlink(para, content.link_text(Link(item.text, item.url)), item.url)
    _text_paragraph(doc, st.CONTACT, draft.contact, multiline=True)
    _text_paragraph(doc, st.PHOTO, draft.photo_credits)
