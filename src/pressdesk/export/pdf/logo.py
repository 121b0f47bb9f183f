"""The profile's logo on page 1: a PNG (or JPEG) as an image, an SVG as vector paths.

An SVG is checked again (:func:`pressdesk.profile.svg.check_svg_logo`: the file may
have changed since the profile was saved) and converted by svglib into a reportlab
``Drawing`` from exactly the checked bytes, then drawn scaled to the profile's width.
"""

from __future__ import annotations

import copy
import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from pressdesk.export import ExportError
from pressdesk.profile.profile import Logo, ProfileError


@lru_cache(maxsize=4)
def _svg_drawing(path: str, mtime_ns: int, size: int) -> Any:
    """svglib's drawing of the checked SVG (cached per file version)."""
    from svglib.svglib import svg2rlg

    from pressdesk.profile.svg import check_svg_logo

    checked = check_svg_logo(path)
    drawing = svg2rlg(io.BytesIO(checked.data))
    if drawing is None or not drawing.width or not drawing.height:
        raise ProfileError(f"Das Logo {Path(path).name} lässt sich nicht zeichnen.")
    return drawing


def svg_drawing(path: Path) -> Any:
    """The logo at ``path`` as a reportlab ``Drawing``; German ExportError if it cannot be."""
    try:
        st = path.stat()
        return _svg_drawing(str(path), st.st_mtime_ns, st.st_size)
    except OSError as exc:
        raise ExportError(
            f"Das Logo des Profils kann nicht gelesen werden: {path} ({exc})."
        ) from None
    except ProfileError as exc:
        raise ExportError(str(exc)) from None


def prepare_logo(logo: Logo | None) -> None:
    """Import and convert an SVG logo now, in the calling (UI) thread, so that a render in
    a worker thread imports nothing (see pressdesk.ui.workers); ExportError if broken."""
    if logo is not None and logo.path.suffix.lower() == ".svg":
        from reportlab.graphics import renderPDF  # noqa: F401

        svg_drawing(logo.path)


def draw_logo(
    canv: Canvas, logo: Logo, page_height: float, font: str
) -> tuple[float, float, float, float]:
    """Draw ``logo`` at its place; return its box (x, y, width, height) in points.

    ``font`` (one of the profile's embedded fonts) is the drawing's initial font:
    reportlab sets one at the start of every drawing, by default Helvetica, which
    would end up in the PDF without being embedded (PDF/UA).
    """
    w = logo.width * mm
    if logo.path.suffix.lower() == ".svg":
        from reportlab.graphics import renderPDF

        drawing = copy.copy(svg_drawing(logo.path))  # the cached one is shared by threads
        drawing.initialFontName = font
        scale = w / drawing.width
        h = drawing.height * scale
        x, y = logo.x * mm, page_height - logo.y * mm - h
        canv.saveState()
        canv.translate(x, y)
        canv.scale(scale, scale)
        renderPDF.draw(drawing, canv, 0, 0)
        canv.restoreState()
        return x, y, w, h
    from reportlab.lib.utils import ImageReader

    try:
        img = ImageReader(str(logo.path))
        iw, ih = img.getSize()
    except Exception as exc:  # PIL raises many kinds for a broken image
        raise ExportError(
            f"Das Logo des Profils kann nicht gelesen werden: {logo.path} ({exc})."
        ) from None
    h = w * ih / iw
    x, y = logo.x * mm, page_height - logo.y * mm - h
    canv.drawImage(img, x, y, w, h, mask="auto")
    return x, y, w, h
