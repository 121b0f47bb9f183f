"""The profile's TrueType fonts, registered with reportlab and embedded as subsets.

reportlab embeds a TrueType font as a subset of the glyphs actually used, so a
PDF carries only what it needs. The exporter uses nothing but these fonts (the
document's initial font included), so no base-14 Helvetica ends up in the file.

:func:`clean_text` drops what the font cannot draw: control characters (which
validation rejects anyway) and characters without a glyph (which validation
reports as a warning); the PDF never shows a black box instead.
"""

from __future__ import annotations

import marshal
import re
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from pressdesk import cachefiles
from pressdesk.export import ExportError
from pressdesk.export.pdf import rlcompat
from pressdesk.export.pdf.rlcompat import TaggedTTFont
from pressdesk.profile.profile import Profile

# Characters a font often lacks but that have a plain stand-in with the same meaning.
_STAND_INS = {
    "\u2011": "-",  # non-breaking hyphen
    "\u202f": "\u00a0",  # narrow no-break space (reportlab would break at it)
    "\u2009": " ",  # thin space
    "\u200b": "",  # zero width space
    "\ufeff": "",
}
# Unicode's control characters (category Cc) and surrogates (Cs), exactly.
_UNENCODABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# Every field is one paragraph: line breaks and tabs become spaces.
_TRANSLATE = str.maketrans({**_STAND_INS, "\n": " ", "\r": " ", "\t": " "})


@dataclass(frozen=True)
class FontNames:
    """reportlab names of the four styles of the profile's family."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    coverage: frozenset[int]
    drawable: frozenset[str]


def _unreadable(path: Path) -> Callable[[Exception], Exception]:
    def error(exc: Exception) -> Exception:
        return ExportError(f"Die Schrift „{path.name}“ kann nicht geladen werden ({exc}).")

    return error


def _register(name: str, path: Path) -> TTFont:
    try:
        font = TaggedTTFont(name, str(path))
    except (OSError, TTFError) as exc:
        raise _unreadable(path)(exc) from None
    pdfmetrics.registerFont(font)
    return font


# Which characters all four styles have is kept in the user's cache folder, named after
# the font files (path, size, time) and reportlab's version: with it, the italic styles
# need not be read before a paragraph uses them (rlcompat.LazyTTFont).
def _coverage_file(paths: list[Path]) -> Path:
    from reportlab import Version

    parts = [Version]
    for path in paths:
        st = path.stat()
        parts.append(f"{st.st_size}|{st.st_mtime_ns}")
    source = "\n".join(str(path) for path in paths)
    return cachefiles.cache_file("fonts", source, "\n".join(parts), ".coverage.marshal")


def _kept_coverage(paths: list[Path]) -> tuple[Path | None, set[int] | None]:
    try:
        cached = _coverage_file(paths)
    except OSError:
        return None, None
    try:
        codes = marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return cached, None
    if isinstance(codes, list) and codes and all(type(c) is int for c in codes):
        return cached, set(codes)
    return cached, None


# A parsed font file's tables (rlcompat item 10) are kept there too, named after the
# file (path, size, time) and reportlab's version: a later process need not parse them.
_FACE_KEYS = ("unitsPerEm", "charWidths", "charToGlyph", "table", "filename")


def _face_file(filename: str) -> Path:
    from reportlab import Version

    st = Path(filename).stat()
    key = f"{Version}|{st.st_size}|{st.st_mtime_ns}"
    return cachefiles.cache_file("fonts", filename, key, ".face.marshal")


def _face_cache(
    filename: str,
) -> tuple[dict[str, Any] | None, Callable[[dict[str, Any]], None]]:
    """The kept state of ``filename``'s parsed face (or None) and how to keep a new one."""
    try:
        cached: Path | None = _face_file(filename)
    except OSError:
        cached = None

    def keep(state: dict[str, Any]) -> None:
        if cached is not None:
            cachefiles.keep(cached, marshal.dumps(state))

    if cached is None:
        return None, keep
    try:
        state = marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None, keep
    if not isinstance(state, dict) or any(k not in state for k in _FACE_KEYS):
        return None, keep
    if state["filename"] != filename:
        return None, keep
    return state, keep


rlcompat.face_cache = _face_cache


def _keep_coverage(cached: Path | None, coverage: set[int]) -> None:
    if cached is None:
        return
    cachefiles.keep(cached, marshal.dumps(sorted(coverage)))


@cache
def _register_family(
    family: str, regular: Path, bold: Path, italic: Path, bold_italic: Path
) -> FontNames:
    tag = f"{zlib.crc32(str(regular).encode()):08x}"
    names = {
        "regular": f"{family}-{tag}",
        "bold": f"{family}-Bold-{tag}",
        "italic": f"{family}-Italic-{tag}",
        "bold_italic": f"{family}-BoldItalic-{tag}",
    }
    paths = {"regular": regular, "bold": bold, "italic": italic, "bold_italic": bold_italic}
    cached, coverage = _kept_coverage(list(paths.values()))
    if coverage is not None:
        for style in ("regular", "bold"):
            _register(names[style], paths[style])
        for style in ("italic", "bold_italic"):
            path = paths[style]
            if list(paths.values()).count(path) == 1:  # a shared file: one font, read now
                rlcompat.register_lazy(
                    rlcompat.LazyTTFont(names[style], str(path), _unreadable(path))
                )
            else:
                _register(names[style], path)
    else:
        for style, name in names.items():
            font = _register(name, paths[style])
            chars = set(font.face.charToGlyph)
            coverage = chars if coverage is None else coverage & chars
        _keep_coverage(cached, coverage or set())
    fam = names["regular"]
    addMapping(fam, 0, 0, names["regular"])
    addMapping(fam, 1, 0, names["bold"])
    addMapping(fam, 0, 1, names["italic"])
    addMapping(fam, 1, 1, names["bold_italic"])
    cov = frozenset(coverage or ())
    # A soft hyphen is never drawn as such: reportlab breaks there or leaves it out.
    drawable = frozenset(
        chr(c) for c in cov if unicodedata.category(chr(c)) not in ("Cc", "Cs", "Co")
    ) | {"\u00ad"}
    return FontNames(coverage=cov, drawable=drawable, **names)


def register_fonts(profile: Profile) -> FontNames:
    """Register the profile's fonts once per process; return their reportlab names."""
    f = profile.fonts
    return _register_family(f.family, f.regular, f.bold, f.italic, f.bold_italic)


def missing_glyphs(text: str, fonts: FontNames) -> list[str]:
    """Characters of ``text`` the font cannot draw (after stand-ins), in order, once each."""
    seen: dict[str, None] = {}
    for ch in text:
        ch = _STAND_INS.get(ch, ch)
        if ch and ch not in "\n\t\u00ad" and ord(ch) not in fonts.coverage:
            seen.setdefault(ch)
    return list(seen)


def clean_text(text: str, fonts: FontNames) -> str:
    """``text`` with stand-ins applied and everything undrawable removed.

    Line breaks and tabs become spaces: every field is one paragraph.
    """
    text = text.translate(_TRANSLATE)
    bad = set(text).difference(fonts.drawable)
    bad.discard(" ")
    if bad:
        text = "".join(ch for ch in text if ch not in bad)
    return text


def pdf_string(text: str) -> str:
    """Text for a PDF string object (metadata, bookmarks, alternative texts).

    Without control characters and lone surrogates, which no PDF encoding can hold.
    """
    return _UNENCODABLE.sub("", text).strip()
