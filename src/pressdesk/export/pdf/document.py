"""Page templates and page furniture: the profile becomes pages, the draft flows in.

Page 1 has the header area (header line, date, 'Seite 1 von N', optional logo)
and the press office block in the right-hand column; later pages have a running
header (header line, 'Seite i von N', the embargo again if there is one). The
body column keeps one width on every page. Furniture is drawn in the templates'
``onPage`` callbacks; 'Seite i von N' is placed there too and filled in when the
canvas is saved (:mod:`.numbering`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

from pressdesk.export import ExportError, layout
from pressdesk.export.pdf import rlcompat
from pressdesk.export.pdf import structure as st
from pressdesk.export.pdf.flowables import Layout, Para, build_layout
from pressdesk.export.pdf.fonts import FontNames, pdf_string, register_fonts
from pressdesk.export.pdf.linebreaks import Divisions, flow, recording
from pressdesk.export.pdf.numbering import PageLabelCanvas, place_page_label
from pressdesk.export.pdf.outlines import draw_outline, text_outline
from pressdesk.export.pdf.styles import Styles, make_styles
from pressdesk.model.draft import Draft
from pressdesk.profile.profile import Profile

OPEN_OUTLINE_FROM_PAGES = 3


@dataclass(frozen=True)
class Geometry:
    """The profile's page geometry in points."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    body_width: float
    side_x: float
    side_width: float
    header: float
    running_header: float

    @classmethod
    def of(cls, profile: Profile) -> Geometry:
        """The one layout's page (:func:`pressdesk.export.layout.page_geometry`) in points."""
        pg = layout.page_geometry(profile)
        if not pg.width:
            raise ExportError(f"Das Seitenformat „{pg.size}“ des Profils ist unbekannt.")
        body_w = pg.body_width * mm
        return cls(
            width=pg.width * mm,
            height=pg.height * mm,
            left=pg.margin_left * mm,
            right=(pg.width - pg.margin_right) * mm,
            top=(pg.height - pg.margin_top) * mm,
            bottom=pg.margin_bottom * mm,
            body_width=body_w,
            side_x=pg.side_x * mm,
            side_width=pg.side_width * mm,
            header=pg.header * mm,
            running_header=pg.running_header * mm,
        )


class ReleaseDocument(BaseDocTemplate):
    """One press release: templates 'first' and 'later' with their furniture."""

    def __init__(
        self,
        out: Any,
        draft: Draft,
        profile: Profile,
        layout: Layout,
        styles: Styles,
        fonts: FontNames,
        final: bool,
    ) -> None:
        self.geo = g = Geometry.of(profile)
        self.draft, self.profile, self.layout = draft, profile, layout
        self.styles, self.fonts, self.final = styles, fonts, final
        meta = layout.metadata
        assert meta is not None
        super().__init__(
            out,
            pagesize=(g.width, g.height),
            leftMargin=g.left,
            rightMargin=g.width - g.right,
            topMargin=g.height - g.top,
            bottomMargin=g.bottom,
            title=_meta(meta.title),
            author=_meta(meta.author) or profile.name,
            subject=_meta(meta.subject),
            keywords=[_meta(k) for k in meta.keywords if _meta(k)],
            creator="PressDesk",
            lang=meta.language,
            displayDocTitle=1,
            initialFontName=fonts.regular,
            initialFontSize=profile.sizes.body,
        )
        first = Frame(
            g.left, g.bottom, g.body_width, g.top - g.header - g.bottom, 0, 0, 0, 0, id="first"
        )
        later_h = g.top - g.running_header - g.bottom
        later = Frame(g.left, g.bottom, g.body_width, later_h, 0, 0, 0, 0, id="later")
        self.addPageTemplates(
            [
                PageTemplate(
                    "first", [first], onPage=self._first_page, autoNextPageTemplate="later"
                ),
                PageTemplate("later", [later], onPage=self._later_page),
            ]
        )

    # -- furniture ---------------------------------------------------------------------------

    def _draft_mark(self, canv: Canvas) -> None:
        """ENTWURF as filled glyph outlines (never text: extraction never sees it)."""
        if self.final:
            return
        g, mark = self.geo, self.profile.draft_mark
        outline = text_outline(self.profile.fonts.bold, self.profile.label("draftMark"))
        with st.artifact(canv, "Watermark"):
            canv.saveState()
            canv.setFillColor(self.styles.draft_color)
            canv.setFillAlpha(mark.opacity)
            canv.translate(g.width / 2, g.height / 2)
            canv.rotate(mark.angle)
            draw_outline(canv, outline, mark.size)
            canv.restoreState()

    def _page_label(self, canv: Canvas, baseline: float) -> None:
        with st.artifact(canv, "Pagination"):
            place_page_label(canv, self.geo.right, baseline)

    def _first_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        g, lay = self.geo, self.layout
        self._draft_mark(canv)
        head_top = g.top
        if self.profile.logo is not None:
            logo_bottom, logo_right = self._logo(canv)
            if logo_right > g.left and logo_bottom < head_top:  # header line below the logo
                head_top = max(logo_bottom - 2 * mm, g.top - g.header + lay.header.style.leading)
        _, h = lay.header.wrap(g.body_width, g.header)
        with flow(""):
            lay.header.drawOn(canv, g.left, head_top - h)
        size = self.profile.sizes.small
        y = g.top - size
        if lay.date is not None:
            with st.marked(canv, lay.date.node):
                canv.setFont(self.fonts.regular, size)
                canv.setFillColor(self.styles.body.textColor)
                canv.drawRightString(g.right, y, lay.date.text)
            y -= size * 1.4
        self._page_label(canv, y)
        # the press office block is drawn by the story, below the headline (SideBlock)

    def _logo(self, canv: Canvas) -> tuple[float, float]:
        """Draw the logo where the profile puts it; return its bottom and right edge."""
        from pressdesk.export.pdf.logo import draw_logo

        logo = self.profile.logo
        assert logo is not None
        with st.marked(canv, self.layout.logo):
            x, y, w, _ = draw_logo(canv, logo, self.geo.height, self.fonts.regular)
        return y, x + w

    def _later_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        g, s = self.geo, self.styles
        self._draft_mark(canv)
        size = s.running_header.fontSize
        y = g.top - size
        lines = 1
        with st.artifact(canv, "Header"):
            canv.setFillColor(s.body.textColor)
            canv.setFont(self.fonts.regular, size)
            canv.drawString(g.left, y, self.layout.running_header)
            if self.layout.running_embargo:
                y -= s.running_header.leading
                lines += 1
                canv.setFont(self.fonts.bold, size)
                canv.drawString(g.left, y, self.layout.running_embargo)
            canv.setStrokeColor(s.rule_color)
            canv.setLineWidth(s.rule_width)
            rule_y = g.top - layout.running_rule_depth(self.profile, lines)
            canv.line(g.left, rule_y, g.right, rule_y)
        self._page_label(canv, g.top - size)


_meta = pdf_string


def _on_total(counted: list[int], canv: Canvas, total: int) -> None:
    counted.append(total)
    if total >= OPEN_OUTLINE_FROM_PAGES:
        canv.showOutline()


def build_pdf(
    draft: Draft, profile: Profile, final: bool, tagged: bool = True, notice: str = ""
) -> tuple[bytes, int, st.Node]:
    """Lay out ``draft``; return the PDF bytes, the page count and the structure tree."""
    data, pages, root, _ = _build(draft, profile, final, tagged, notice)
    return data, pages, root


def _build(
    draft: Draft, profile: Profile, final: bool, tagged: bool, notice: str
) -> tuple[bytes, int, st.Node, Layout]:
    from reportlab.platypus.doctemplate import LayoutError

    fonts = register_fonts(profile)
    styles = make_styles(profile, fonts)
    layout = build_layout(draft, profile, styles, fonts, notice)
    buf = io.BytesIO()
    doc = ReleaseDocument(buf, draft, profile, layout, styles, fonts, final)
    counted: list[int] = []
    canvas_args: dict[str, Any] = {
        "label": profile.page_label,
        "font": fonts.regular,
        "size": profile.sizes.small,
        "color": styles.body.textColor,
        "on_total": partial(_on_total, counted),
    }
    if tagged:
        from pressdesk.export.pdf.tagging import TaggedCanvas, Tagger

        info = {
            "title": doc.title,
            "author": doc.author,
            "subject": doc.subject,
            "keywords": ", ".join(doc.keywords),
            "creator": doc.creator,
            "lang": doc.lang,
        }
        maker: Any = partial(
            TaggedCanvas, tagger=Tagger(layout.root, info), pdfVersion=(1, 7), **canvas_args
        )
    else:
        maker = partial(PageLabelCanvas, **canvas_args)
    story = [NextPageTemplate("later"), *layout.story]
    try:
        with rlcompat.binary_streams():
            doc.build(story, canvasmaker=maker)
    except LayoutError as exc:
        raise ExportError(
            f"Der Entwurf lässt sich nicht setzen: ein Block ist größer als eine Seite ({exc})."
        ) from None
    return buf.getvalue(), counted[-1], layout.root, layout


__all__ = ["Geometry", "OneLayout", "Para", "ReleaseDocument", "build_pdf", "layout_divisions"]


@dataclass(frozen=True)
class OneLayout:
    """What the DOCX takes over from the PDF's layout."""

    pages: int
    divisions: Divisions  # the words the layout divided (see .linebreaks)
    side_top: float  # page 1's press office block: its top, mm from the paper's top edge


def layout_divisions(draft: Draft, profile: Profile, final: bool, notice: str = "") -> OneLayout:
    """The page count, the divided words and where the press office block starts."""
    divisions = Divisions()
    with recording(divisions):
        _, pages, _, lay = _build(draft, profile, final, tagged=False, notice=notice)
    geo = Geometry.of(profile)
    block = lay.side_block
    top = geo.top - geo.header if block is None or block.top is None else block.top
    return OneLayout(pages, divisions, (geo.height - top) / mm)
