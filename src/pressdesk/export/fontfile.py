"""The two things validation needs from a TrueType font file, read without fontTools.

Which characters the font has (its Unicode ``cmap``) and how wide each one is (``hmtx``
advances in font units, ``head`` units per em). fontTools takes longer to import than a
whole export of the reference release, so validation, which runs on every export and
keystroke, reads these few tables itself: a table directory, ``cmap`` subtables of
format 4 (BMP) and 12 (full Unicode), ``hhea`` and ``hmtx``. The subtable is chosen as
fontTools' ``getBestCmap`` chooses it (the tests hold the two to the same result).
"""

from __future__ import annotations

import struct
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# (platform, encoding) of the Unicode subtables, best first (as fontTools' getBestCmap).
_PREFERRED = ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))


class FontFileError(ValueError):
    """Not a TrueType/OpenType font PressDesk can read metrics from."""


@dataclass(frozen=True)
class FontMetrics:
    """Code point -> advance (font units), units per em, .notdef width, widest advance."""

    widths: dict[int, int]
    units_per_em: int
    notdef: int
    widest: int


def _tables(data: bytes) -> dict[bytes, tuple[int, int]]:
    if len(data) < 12:
        raise FontFileError("zu kurz für eine Schriftdatei")
    (count,) = struct.unpack_from(">H", data, 4)
    tables = {}
    for i in range(count):
        tag, _checksum, offset, length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
        tables[tag] = (offset, length)
    for tag in (b"cmap", b"head", b"hhea", b"hmtx"):
        if tag not in tables:
            raise FontFileError(f"keine Tabelle {tag.decode()}")
    return tables


def _format4(data: bytes, at: int) -> dict[int, int]:
    (seg2,) = struct.unpack_from(">H", data, at + 6)
    n = seg2 // 2
    ends = struct.unpack_from(f">{n}H", data, at + 14)
    starts = struct.unpack_from(f">{n}H", data, at + 16 + seg2)
    deltas = struct.unpack_from(f">{n}h", data, at + 16 + 2 * seg2)
    range_at = at + 16 + 3 * seg2
    offsets = struct.unpack_from(f">{n}H", data, range_at)
    cmap: dict[int, int] = {}
    for i in range(n - 1):  # the last segment only closes the table (0xFFFF)
        start, end, delta, offset = starts[i], ends[i], deltas[i], offsets[i]
        if offset == 0:
            gids = [(cp + delta) & 0xFFFF for cp in range(start, end + 1)]
        else:
            raw = struct.unpack_from(f">{end - start + 1}H", data, range_at + 2 * i + offset)
            gids = [(g + delta) & 0xFFFF if g else 0 for g in raw]
        # Later segments win; a missing glyph (0) does not erase an earlier mapping.
        cmap.update((cp, gid) for cp, gid in zip(range(start, end + 1), gids, strict=True) if gid)
    return cmap


def _format12(data: bytes, at: int) -> dict[int, int]:
    (groups,) = struct.unpack_from(">I", data, at + 12)
    cmap: dict[int, int] = {}
    for g in range(groups):
        start, end, gid = struct.unpack_from(">III", data, at + 16 + 12 * g)
        for cp in range(start, end + 1):
            cmap[cp] = gid + cp - start
    return cmap


def _best_cmap(data: bytes, cmap_at: int) -> dict[int, int]:
    (count,) = struct.unpack_from(">H", data, cmap_at + 2)
    subtables: dict[tuple[int, int], int] = {}
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap_at + 4 + 8 * i)
        subtables.setdefault((platform, encoding), cmap_at + offset)
    for key in _PREFERRED:
        at = subtables.get(key)
        if at is None:
            continue
        (fmt,) = struct.unpack_from(">H", data, at)
        if fmt == 4:
            return _format4(data, at)
        if fmt == 12:
            return _format12(data, at)
    raise FontFileError("keine Unicode-Zeichentabelle (cmap 4 oder 12)")


@cache
def font_metrics(font_file: Path) -> FontMetrics:
    """The Unicode coverage and advance widths of ``font_file`` (read once per file)."""
    data = Path(font_file).read_bytes()
    try:
        tables = _tables(data)
        (upm,) = struct.unpack_from(">H", data, tables[b"head"][0] + 18)
        (long_metrics,) = struct.unpack_from(">H", data, tables[b"hhea"][0] + 34)
        hmtx = array("H", data[tables[b"hmtx"][0] : tables[b"hmtx"][0] + 4 * long_metrics])
    except struct.error as exc:
        raise FontFileError(str(exc)) from None
    if struct.pack("=H", 1) != struct.pack(">H", 1):
        hmtx.byteswap()
    advances = hmtx[0::2]  # (advance, left side bearing) pairs
    last = advances[-1] if advances else 0
    cmap = _best_cmap(data, tables[b"cmap"][0])
    widths = {cp: advances[gid] if gid < len(advances) else last for cp, gid in cmap.items()}
    notdef = advances[0] if advances else 0
    return FontMetrics(widths, upm, notdef, max([notdef, *widths.values()]))
