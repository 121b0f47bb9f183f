"""The glyph-inside-frame invariant: every glyph of a PDF lies in its frame and on the paper.

The frames are computed here from the profile's page numbers (millimetres), not
taken from the exporter: the header area spans the type area (left to right
margin), below it page 1 has the body column and the press office column, later
pages only the body column; nothing lies below the bottom margin. Page 1's headline
(its size, bold) may reach right of the body column by the headline role's
``extendRight``, over the side column (the press office block starts below it).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTPage

from pressdesk.profile import Profile

MM = 72 / 25.4
TOLERANCE = 0.6  # points: rounding, and a glyph's side bearing
PAPER = {"A4": (210 * MM, 297 * MM), "A5": (148 * MM, 210 * MM), "LETTER": (612.0, 792.0)}


@dataclass(frozen=True)
class Frames:
    width: float
    height: float
    left: float
    right: float
    bottom: float
    body_right: float
    side_left: float
    side_right: float
    first_body_top: float  # below it: body and side column (page 1)
    later_body_top: float  # below it: body column (pages 2+)
    # page 1's headline (its size, bold) may reach this far: over the gap and side column
    headline_right: float
    headline_size: float

    @classmethod
    def of(cls, profile: Profile) -> Frames:
        pg = profile.page
        w, h = PAPER[pg.size.upper()]
        left, right = pg.margin_left * MM, w - pg.margin_right * MM
        side_left = right - pg.sidebar_width * MM
        top = h - pg.margin_top * MM
        body_right = side_left - pg.sidebar_gap * MM
        role = (profile.raw.get("roles") or {}).get("headline", {})
        extend = float(role.get("extendRight", 0)) * MM
        return cls(
            width=w,
            height=h,
            left=left,
            right=right,
            bottom=pg.margin_bottom * MM,
            body_right=body_right,
            side_left=side_left,
            side_right=right,
            first_body_top=top - pg.header_height * MM,
            later_body_top=top - pg.running_header_height * MM,
            headline_right=min(body_right + extend, right),
            headline_size=float(role.get("size", profile.sizes.headline)),
        )


def _chars(obj: object) -> list[LTChar]:
    if isinstance(obj, LTChar):
        return [obj]
    out: list[LTChar] = []
    for child in getattr(obj, "_objs", []) or []:
        out += _chars(child)
    return out


def misplaced_glyphs(data: bytes, profile: Profile, pages: list[int] | None = None) -> list[str]:
    """Every glyph outside its frame, as "page 1: 'x' at (x0, y0, x1, y1): why" (empty: none)."""
    f = Frames.of(profile)
    t = TOLERANCE
    bad: list[str] = []
    layouts = extract_pages(io.BytesIO(data), page_numbers=pages)
    for layout in layouts:
        assert isinstance(layout, LTPage)
        page = layout.pageid
        for c in _chars(layout):
            text = c.get_text()
            if not text.strip():
                continue  # spaces draw nothing
            where = f"page {page}: {text!r} at ({c.x0:.1f}, {c.y0:.1f}, {c.x1:.1f}, {c.y1:.1f})"
            if c.x0 < -t or c.y0 < -t or c.x1 > f.width + t or c.y1 > f.height + t:
                bad.append(f"{where}: off the paper")
                continue
            if c.x0 < f.left - t or c.x1 > f.right + t:
                bad.append(f"{where}: outside the margins")
                continue
            if c.y0 < f.bottom - t:
                bad.append(f"{where}: below the bottom margin")
                continue
            baseline = c.y0 - c.descent if hasattr(c, "descent") else c.y0
            body_top = f.first_body_top if page == 1 else f.later_body_top
            if baseline >= body_top:
                continue  # header area: the whole type area
            headline = page == 1 and "Bold" in c.fontname and abs(c.size - f.headline_size) < 0.1
            if headline and c.x1 <= f.headline_right + t:
                continue  # the headline reaches over the side column
            if page == 1 and c.x0 >= f.side_left - t:
                if c.x1 > f.side_right + t:
                    bad.append(f"{where}: out of the press office column")
            elif c.x1 > f.body_right + t:
                bad.append(f"{where}: out of the body column")
    return bad


def check_pdf(data: bytes, profile: Profile, max_pages: int = 24) -> list[str]:
    """:func:`misplaced_glyphs` over a whole PDF; a long one: its first and last pages."""
    from pypdf import PdfReader

    n = len(PdfReader(io.BytesIO(data)).pages)
    pages = None if n <= max_pages else [*range(max_pages // 2), *range(n - max_pages // 2, n)]
    return misplaced_glyphs(data, profile, pages)
