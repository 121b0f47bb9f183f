"""Text as glyph outlines: the draft mark is a drawing, never text.

A mark drawn as text ends up in extraction, search and copy and paste ("heuti-F-gen").
:func:`text_outline` turns a string into the font's glyph outlines (TrueType
quadratic curves converted to cubic ones), in font units, once per string; the
page then fills the path. Nothing of it is text, so nothing can be extracted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

Segment = tuple[str, tuple[float, ...]]  # ("M"|"L"|"C"|"Z", coordinates)


@dataclass(frozen=True)
class Outline:
    """A string's glyph outlines in font units."""

    segments: tuple[Segment, ...]
    advance: float  # the string's width in font units
    units_per_em: int
    cap_height: float  # font units; for centring the mark vertically


def _cache_file(font_file: Path, text: str) -> Path:
    from pressdesk import cachefiles

    st = font_file.stat()
    key = f"{st.st_size}|{st.st_mtime_ns}"
    return cachefiles.cache_file("outlines", f"{font_file}|{text}", key, ".marshal")


@cache
def text_outline(font_file: Path, text: str) -> Outline:
    """The outline of ``text``; kept in the user's cache folder (fontTools is slow to load)."""
    import contextlib
    import marshal

    try:
        cached = _cache_file(font_file, text)
        segments, advance, upm, cap = marshal.loads(cached.read_bytes())
        return Outline(tuple((op, tuple(pts)) for op, pts in segments), advance, upm, cap)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    outline = _parse_outline(font_file, text)
    with contextlib.suppress(ValueError):
        from pressdesk import cachefiles

        data = ([list(seg) for seg in outline.segments], outline.advance, outline.units_per_em)
        cachefiles.keep(cached, marshal.dumps((*data, outline.cap_height)))
    return outline


def _parse_outline(font_file: Path, text: str) -> Outline:
    from fontTools.pens.basePen import BasePen
    from fontTools.ttLib import TTFont

    segments: list[Segment] = []

    class _Pen(BasePen):
        def __init__(self, glyphs: Any, dx: float) -> None:
            super().__init__(glyphs)
            self.dx = dx

        def _moveTo(self, p: tuple[float, float]) -> None:
            segments.append(("M", (p[0] + self.dx, p[1])))

        def _lineTo(self, p: tuple[float, float]) -> None:
            segments.append(("L", (p[0] + self.dx, p[1])))

        def _curveToOne(self, a: Any, b: Any, c: Any) -> None:
            dx = self.dx
            segments.append(("C", (a[0] + dx, a[1], b[0] + dx, b[1], c[0] + dx, c[1])))

        def _closePath(self) -> None:
            segments.append(("Z", ()))

    import logging

    logging.getLogger("fontTools.ttLib.tables._h_e_a_d").setLevel(logging.ERROR)
    with TTFont(str(font_file), lazy=True) as font:
        cmap = font.getBestCmap()
        glyphs = font.getGlyphSet()
        x = 0.0
        for ch in text:
            name = cmap.get(ord(ch))
            if name is None:
                continue
            glyphs[name].draw(_Pen(glyphs, x))
            x += glyphs[name].width
        os2 = font.get("OS/2")
        upm = font["head"].unitsPerEm
        cap = float(getattr(os2, "sCapHeight", 0) or upm * 0.7)
    return Outline(tuple(segments), x, upm, cap)


def draw_outline(canv: Any, outline: Outline, size: float) -> None:
    """Fill ``outline`` at ``size`` points, centred on the current origin."""
    scale = size / outline.units_per_em
    canv.saveState()
    canv.scale(scale, scale)
    canv.translate(-outline.advance / 2, -outline.cap_height / 2)
    path = canv.beginPath()
    for op, pts in outline.segments:
        if op == "M":
            path.moveTo(*pts)
        elif op == "L":
            path.lineTo(*pts)
        elif op == "C":
            path.curveTo(*pts)
        else:
            path.close()
    canv.drawPath(path, stroke=0, fill=1, fillMode=1)  # non-zero winding, as TrueType wants
    canv.restoreState()
