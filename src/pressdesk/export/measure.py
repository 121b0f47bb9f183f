"""Text widths from the profile's font files, without reportlab (for validation).

Advance widths straight from the font's ``hmtx`` table, read once per font file
(:mod:`pressdesk.export.fontfile`, without fontTools). No kerning: the exporters set
Carlito without kerning as well.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pressdesk.export.fontfile import font_metrics

MM = 72 / 25.4
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f\u2007\u2060]+")  # not the non-breaking ones


def _advances(font_file: Path) -> tuple[dict[int, int], int, int, int]:
    """Code point -> advance (font units), units per em, .notdef width, widest advance."""
    m = font_metrics(font_file)
    return m.widths, m.units_per_em, m.notdef, m.widest


def text_width(text: str, font_file: Path, size: float) -> float:
    """Width of ``text`` set in ``font_file`` at ``size`` points, in points."""
    widths, upm, notdef, _ = _advances(font_file)
    return sum(widths.get(ord(ch), notdef) for ch in text) * size / upm


@lru_cache(maxsize=4096)
def too_wide(text: str, font_file: Path, size: float, width_mm: float) -> list[str]:
    """The words of ``text`` (split at breaking spaces) wider than ``width_mm``.

    Cached (validation runs on every keystroke, most fields unchanged); words too short
    to be that wide even in the font's widest glyph are not measured.
    """
    limit = width_mm * MM
    _, upm, _, widest = _advances(font_file)
    shortest = int(limit * upm / (widest * size))  # no word of this length can be too wide
    return [
        w
        for w in _BREAKING_SPACE.split(text)
        if len(w) > shortest and text_width(w, font_file, size) > limit
    ]
