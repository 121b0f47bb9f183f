"""A font file's tables are parsed once, then kept in the cache folder (issue 12, point 8).

Parsing a TrueType file's tables (``TTFontFile.extractInfo``) is about 20 ms per style in
every export process. The parsed face is kept as plain data (rlcompat item 10); a later
process rebuilds it from there. The PDF is the same; a damaged cache is parsed again.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import ttfonts

from pressdesk.export.pdf import rlcompat
from tests.conftest import REPO
from tests.test_export.test_lazy_fonts import run_probe

FONT = REPO / "resources" / "fonts" / "carlito" / "Carlito-Bold.ttf"

_PROBE = """
import hashlib, json, re, sys
from reportlab.pdfbase import ttfonts
parsed = []
_orig = ttfonts.TTFontFile.extractInfo
def counted(self, *a, **k):
    parsed.append(self.filename)
    return _orig(self, *a, **k)
ttfonts.TTFontFile.extractInfo = counted
from pressdesk.export.pdf import render
from pressdesk.model import load_draft
data = render(load_draft(sys.argv[1]), final=False).data
data = re.sub(rb"\\(D:\\d+[^)]*\\)|<[0-9a-f]{32}>", b"", data)
print(json.dumps({"parsed": len(parsed), "pdf": hashlib.sha256(data).hexdigest()}))
"""


def _export(cache: Path) -> dict[str, object]:
    return run_probe(_PROBE, cache)


def test_a_second_process_parses_no_font_file(tmp_path: Path) -> None:
    first = _export(tmp_path)  # an empty cache folder: every style is parsed
    assert first["parsed"] == 4
    assert len(list((tmp_path / "pressdesk" / "fonts").glob("*.face.marshal"))) == 4
    again = _export(tmp_path)
    assert again["parsed"] == 0
    assert again["pdf"] == first["pdf"]  # the same file, byte for byte (but its dates)


def test_a_damaged_face_cache_is_parsed_again(tmp_path: Path) -> None:
    first = _export(tmp_path)
    faces = sorted((tmp_path / "pressdesk" / "fonts").glob("*.face.marshal"))
    assert len(faces) == 4
    for face in faces[:2]:
        face.write_bytes(b"\x00garbage")
    for face in faces[2:]:
        face.write_bytes(face.read_bytes()[:100])  # cut short
    again = _export(tmp_path)
    assert again["parsed"] == 2  # regular and bold (italics are read only when used)
    assert again["pdf"] == first["pdf"]


def test_a_rebuilt_face_is_the_parsed_face_attribute_by_attribute() -> None:
    """The fence of rlcompat item 10: every attribute reportlab's parse sets comes back."""
    parsed = ttfonts.TTFontFace(str(FONT))
    state = rlcompat.face_state(parsed)
    assert state is not None, "a face attribute is no longer plain data"
    rebuilt = rlcompat.face_from_state(str(FONT), state)
    want, got = vars(parsed), vars(rebuilt)
    assert sorted(got) == sorted(want)
    for key, value in want.items():
        if key == "_pdfScale":
            assert [got[key](v) for v in (0, 1, 506.8, 2048)] == [
                value(v) for v in (0, 1, 506.8, 2048)
            ]
            continue
        assert type(got[key]) is type(value), key
        assert got[key] == value, key
        if isinstance(value, ttfonts.TTFNameBytes):
            assert got[key].ustr == value.ustr, key


def test_a_font_built_from_the_cache_is_reportlabs_font(tmp_path: Path) -> None:
    """TTFont.__init__'s own attributes, set without parsing, as reportlab sets them."""
    state = rlcompat.face_state(ttfonts.TTFontFace(str(FONT)))
    saved = rlcompat.face_cache
    rlcompat.face_cache = lambda filename: (state, lambda s: None)
    try:
        ours = rlcompat.TaggedTTFont("PdCacheProbe", str(FONT))
    finally:
        rlcompat.face_cache = saved
    theirs = ttfonts.TTFont("PdCacheProbe", str(FONT))
    assert sorted(vars(ours)) == sorted(vars(theirs))
    for key in ("fontName", "_asciiReadable", "_shapable"):
        assert getattr(ours, key) == getattr(theirs, key), key
    assert type(ours.encoding) is type(theirs.encoding)
    text = "Ministerin für Kinder, Jugend, Familie – „Integration“"
    assert ours.stringWidth(text, 11) == theirs.stringWidth(text, 11)

    class Doc:  # what splitString keeps its per-document state for
        pass

    assert ours.splitString(text, Doc()) == theirs.splitString(text, Doc())
