"""A draft and a profile become a python-docx document in the official layout.

The split follows the PDF exporter: page furniture lives in the section's headers
(page 1: release header, date, "Seite 1 von N" and the press office block in a
frame in the right-hand column; later pages: a running header), the content is a
plain sequence of styled paragraphs in the body: the items of the one layout
(:func:`pressdesk.export.layout.release_layout`), each in its role's Word style, its
runs bold, italic or hyperlinks (:func:`.runs.add_runs`). The body column is as wide on
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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

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
    add_runs,
    add_text,
    clean,
    set_bottom_rule,
    set_frame,
)
from pressdesk.export.docx.watermark import add_watermark
from pressdesk.export.pdf.linebreaks import Divisions
from pressdesk.model.draft import Draft
from pressdesk.profile.profile import Profile

if TYPE_CHECKING:
    from pressdesk.export.pdf.document import OneLayout

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
    """The one layout's page (:func:`pressdesk.export.layout.page_geometry`)."""
    page = layout.page_geometry(profile)
    if not page.width:
        raise ExportError(
            f"Das Papierformat „{page.size}“ des Profils kennt der DOCX-Export nicht."
        )
    if page.body_width < 40:
        raise ExportError(
            "Die Ränder und die Seitenspalte des Profils lassen keinen Platz für Text."
        )
    return Geometry(
        width=page.width,
        height=page.height,
        body_width=page.body_width,
        full_width=page.width - page.margin_left - page.margin_right,
        sidebar_x=page.side_x,
        sidebar_y=page.margin_top + page.header,
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
    one = one_layout(draft, profile, final, notice)
    _first_page_header(section.first_page_header, draft, profile, final, one.pages)
    _running_header(section.header, draft, profile, final, one.pages)
    release = layout.release_layout(draft, profile, notice)
    # reading order: headline, press office block, announcement, body …
    _body(doc, release.items[: release.side_after])
    _side_block(doc, release, profile, geo, one.side_top)
    _body(doc, release.items[release.side_after :])
    apply_divisions(doc, one.divisions)
    return doc


def one_layout(draft: Draft, profile: Profile, final: bool, notice: str = "") -> OneLayout:
    """The page count, the divided words and the side block's top of the one layout
    (the PDF's).

    The page count is the fields' stored result: Word and LibreOffice recompute
    PAGE and NUMPAGES, previews, indexers and python-docx show the stored results.
    The divided words become the DOCX's only hyphenation points (:mod:`.hyphens`).
    The press office block starts where the PDF's does: below the headline, which
    reaches over the side column.
    """
    from pressdesk.export.pdf.document import OneLayout, layout_divisions

    try:
        return layout_divisions(draft, profile, final, notice)
    except ExportError:
        page = profile.page
        return OneLayout(1, Divisions(), page.margin_top + page.header_height)


def page_count(draft: Draft, profile: Profile, final: bool, notice: str = "") -> int:
    """The page count of the one layout (the PDF's), for the fields' stored results."""
    return one_layout(draft, profile, final, notice).pages


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

    def pad_to(self, height_mm: float, taken: float = 0.0) -> None:
        """Word and LibreOffice start the body below a header taller than the top margin.

        ``taken``: points the header needs beyond its lines (a rule and its distance).
        """
        missing = height_mm * PT_PER_MM - self.leading - taken
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
    # the rule at the PDF's depth: its distance below the header's text (at most 31 pt)
    depth = layout.running_rule_depth(profile, len(flow.paragraphs))
    gap = float(min(31, max(0, round(depth - flow.leading))))  # whole points in w:space
    set_bottom_rule(flow.paragraphs[-1], fur.rule_color, fur.rule_width, gap)
    flow.pad_to(profile.page.running_header_height, taken=gap + fur.rule_width)


def _side_block(
    doc: Document, release: layout.ReleaseLayout, profile: Profile, geo: Geometry, top: float
) -> None:
    """The press office block: framed paragraphs right after the headline.

    The frame is anchored to the page, so it sits in the right-hand column of page 1
    whatever follows, ``top`` mm below the paper's top edge: where the PDF's block
    starts, below the headline that reaches over the side column. (LibreOffice ignores
    frames in headers, so it cannot live there.)
    """
    for line in release.side:
        if not clean(line.text).strip():
            continue
        para = _paragraph(doc, STYLE_OF[line.role])
        set_frame(para, geo.sidebar_x, top, profile.page.sidebar_width)
        add_runs(para, line.runs)


# The Word paragraph style of each role of the one layout's items.
STYLE_OF = {
    layout.EMBARGO: st.EMBARGO,
    layout.SPEECH: st.SPEECH_NOTE,
    layout.HEADLINE: st.HEADLINE,
    layout.SUBHEADLINE: st.SUBHEADLINE,
    layout.ANNOUNCEMENT: st.ANNOUNCEMENT,
    layout.BODY: st.BODY,
    layout.SUBHEADING: st.SUBHEADING,
    layout.QUOTE: st.QUOTE,
    layout.SPEAKER: st.SPEAKER,
    layout.LIST_ITEM: st.LIST,
    layout.FURTHER: st.FURTHER,
    layout.SOCIAL_LABEL: st.SOCIAL_LABEL,
    layout.SOCIAL: st.SOCIAL,
    layout.CONTACT: st.CONTACT,
    layout.PHOTO_CREDITS: st.PHOTO,
    layout.SIDE: st.SIDEBAR,
    layout.SIDE_ORGANISATION: st.SIDEBAR_ORG,
}


def _body(doc: Document, items: Sequence[layout.Item]) -> None:
    """Every item of the one layout as a paragraph in its role's style."""
    for item in items:
        if not clean(item.text).strip():
            continue
        para = _paragraph(doc, STYLE_OF[item.role])
        add_runs(para, item.runs)
        if not item.space_after:
            para.paragraph_format.space_after = Pt(0)
        if item.keep_with_next and item.kind == layout.QUOTE_GROUP:
            para.paragraph_format.keep_with_next = True
