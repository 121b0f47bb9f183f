"""Where page 1's headline and the press office block lie, read back from a PDF.

Glyphs in drawing order (pdfminer without layout analysis), with positions in points
from the page's bottom left corner: the headline's are bold in the headline role's
size; the press office block's lie in the side column below the header area.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pressdesk.export import layout
from pressdesk.profile import Profile

from .frames import Frames
from .test_inline_runs import _pages


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    bottom: float  # lowest glyph box edge (descenders)
    top: float


def _lines(chars: list[Any]) -> list[Line]:
    rows: dict[float, list[Any]] = {}
    for c in chars:
        rows.setdefault(round(c.y0 / 2) * 2, []).append(c)
    out = []
    for _, row in sorted(rows.items(), reverse=True):  # top to bottom
        out.append(
            Line(
                "".join(c.get_text() for c in row),
                min(c.x0 for c in row),
                max(c.x1 for c in row),
                min(c.y0 for c in row),
                max(c.y1 for c in row),
            )
        )
    return out


def page_one(data: bytes, profile: Profile) -> tuple[list[Line], list[Line]]:
    """Page 1's headline lines and press office block lines, each top to bottom."""
    f = Frames.of(profile)
    size = layout.role_styles(profile)[layout.HEADLINE].size
    page = next(iter(_pages(data)))
    chars = [c for c in page if hasattr(c, "fontname") and c.get_text().strip()]
    body = [c for c in chars if c.y1 < f.first_body_top + 1]
    headline = [c for c in body if "Bold" in c.fontname and abs(c.size - size) < 0.3]
    side = [c for c in body if c.x0 >= f.side_left - 1 and c not in headline]
    return _lines(headline), _lines(side)
