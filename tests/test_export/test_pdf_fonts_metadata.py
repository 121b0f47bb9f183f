"""Fonts, metadata, outline and links of the exported PDF, and German hyphenation."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf.generic import DictionaryObject, IndirectObject

from pressdesk.export.pdf import render_pdf
from pressdesk.export.pdf.fonts import clean_text, missing_glyphs, register_fonts
from pressdesk.export.pdf.hyphenation import SHY, prepare
from pressdesk.export.pdf.styles import make_styles
from pressdesk.model import Block, Draft, load_draft
from pressdesk.profile import Profile

from .pdfread import reader


def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _fonts(resources: Any, seen: set[int], out: list[DictionaryObject]) -> None:
    resources = _resolve(resources)
    if not resources:
        return
    for font in _resolve(resources.get("/Font", {})).values():
        out.append(_resolve(font))
    for xobj in _resolve(resources.get("/XObject", {})).values():
        x = _resolve(xobj)
        if id(x) not in seen and x.get("/Subtype") == "/Form":
            seen.add(id(x))
            _fonts(x.get("/Resources"), seen, out)


def all_fonts(data: bytes) -> list[DictionaryObject]:
    out: list[DictionaryObject] = []
    for page in reader(data).pages:
        _fonts(page.get("/Resources"), set(), out)
    return out


def test_only_embedded_subset_truetype_fonts(sample_path: Path, profile: Profile) -> None:
    data = render_pdf(load_draft(sample_path), profile, final=False)
    fonts = all_fonts(data)
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/TrueType", font
        assert re.fullmatch(r"/[A-Z]{6}\+Carlito.*", str(font["/BaseFont"])), font["/BaseFont"]
        assert "/FontFile2" in _resolve(font["/FontDescriptor"])
        assert "/ToUnicode" in font
    assert b"Helvetica" not in data
    assert b"/Type1" not in data


def test_every_embedded_subset_has_its_own_tag(reference_draft: Draft, profile: Profile) -> None:
    """ISO 32000-1 9.6.4: distinct subsets, distinct tags (reportlab gave all "AAAAAA+")."""
    draft = copy.deepcopy(reference_draft)
    many = "".join(chr(c) for c in range(0x100, 0x17F)) + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ"
    draft.body.insert(0, Block(type="quote", text=f"Zitat {many}", speaker="Jemand"))
    draft.body.insert(0, Block(type="paragraph", text=many * 2))
    data = render_pdf(draft, profile, final=False)
    names = {str(f["/BaseFont"]) for f in all_fonts(data)}
    tags = [n[1:7] for n in names]
    assert len(names) >= 4  # regular (two subsets), bold, italic
    assert len([n for n in names if n.endswith("+Carlito")]) >= 2
    assert all(re.fullmatch(r"[A-Z]{6}", t) for t in tags), names
    assert len(set(tags)) == len(tags), names
    descriptors = {str(_resolve(f["/FontDescriptor"])["/FontName"]) for f in all_fonts(data)}
    assert descriptors == names
    # the same draft gives the same tags (reproducible files)
    assert {str(f["/BaseFont"]) for f in all_fonts(render_pdf(draft, profile))} == names


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler) not installed")
def test_pdffonts_sees_no_unembedded_font(
    reference_draft: Draft, profile: Profile, tmp_path: Path
) -> None:
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(render_pdf(reference_draft, profile))
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        cols = row.split()
        assert "Helvetica" not in row
        assert cols[-5:-3] == ["yes", "yes"], row  # emb, sub


def test_metadata_for_the_web(reference_draft: Draft, profile: Profile) -> None:
    r = reader(render_pdf(reference_draft, profile, final=True))
    meta = r.metadata
    assert meta is not None
    assert meta.title == reference_draft.headline
    assert meta.author == "Staatskanzlei"
    assert meta.subject == "Presseinformation \u2013 L-Duisburg vom 18.07.2018"
    assert "L-Duisburg" in str(meta.get("/Keywords"))
    assert meta.creator == "PressDesk"
    root = r.trailer["/Root"]
    assert root["/Lang"] == "de-DE"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True


def test_outline_has_headline_and_every_subheading(
    reference_draft: Draft, profile: Profile
) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.body.insert(2, Block(type="subheading", text="Erster Abschnitt"))
    draft.body.append(Block(type="subheading", text="Zweiter <Abschnitt> & mehr"))
    draft.body.append(Block(type="paragraph", text="Letzter Absatz."))
    r = reader(render_pdf(draft, profile, final=True))
    outline = r.outline
    assert outline[0].title == draft.headline
    children = outline[1]
    assert [c.title for c in children] == ["Erster Abschnitt", "Zweiter <Abschnitt> & mehr"]
    pages = [r.get_destination_page_number(c) for c in children]
    assert pages == sorted(pages)


@pytest.mark.parametrize("headline", ["", "  ", "\x1b", "\x00\x07 "])
def test_subheadings_stand_first_when_the_headline_shows_nothing(
    reference_draft: Draft, profile: Profile, headline: str
) -> None:
    """A headline of control characters only sets nothing, so the subheadings are the
    outline's first level (found by the generated-draft test: reportlab refused a second
    level without a first)."""
    draft = copy.deepcopy(reference_draft)
    draft.headline = headline
    draft.body.insert(1, Block(type="subheading", text="Erster Abschnitt"))
    r = reader(render_pdf(draft, profile, final=True))
    assert [item.title for item in r.outline] == ["Erster Abschnitt"]


def test_links_are_clickable(reference_draft: Draft, profile: Profile) -> None:
    r = reader(render_pdf(reference_draft, profile, final=True))
    uris = [
        _resolve(a)["/A"]["/URI"]
        for page in r.pages
        for a in page.get("/Annots", [])
        if _resolve(a)["/Subtype"] == "/Link"
    ]
    expected = ["mailto:presse@stk.nrw.de", "https://www.land.nrw", "https://www.mkffi.nrw"]
    expected += [s.url for s in reference_draft.social_media]
    assert uris == expected


def test_words_ending_in_closing_quote_get_hyphenation_points() -> None:
    text = "Das müssen wir berücksichtigen“, erklärte sie. „Integrationsarbeit‘ bleibt“"
    out = prepare(text)
    assert "be\u00adrück\u00adsich\u00adti\u00adgen“," in out
    assert SHY in out.split()[-2]  # „Integrationsarbeit‘
    assert out.split()[-1] == "bleibt“"  # too short to hyphenate
    assert out.replace(SHY, "") == text
    assert prepare("ohne Anführung") == "ohne Anführung"


def test_quote_final_word_breaks_at_a_line_end(profile: Profile) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from pressdesk.export.pdf.flowables import Para

    fonts = register_fonts(profile)
    style = make_styles(profile, fonts).body
    text = "Das müssen wir stärker berücksichtigen“, erklärte sie."
    head = "Das müssen wir stärker berück"
    width = stringWidth(head + "-", style.fontName, style.fontSize) + 2
    p = Para(prepare(text), style)
    p.wrap(width, 1000)
    first = p.blPara.lines[0]
    words = first[1] if isinstance(first, tuple) else first.words
    assert "".join(str(w) for w in words).replace(SHY, "").endswith("berück-")


def test_missing_glyphs_are_reported_and_dropped(profile: Profile) -> None:
    fonts = register_fonts(profile)
    assert missing_glyphs("Grüße 😀 aus Köln\u2011Deutz", fonts) == ["😀"]
    assert clean_text("a\x00b\u0007c\n😀d\u202fe", fonts) == "abc d\u00a0e"


def test_export_does_not_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pressdesk.model import load_draft\n"
        "from pressdesk.paths import reference_sample\n"
        "from pressdesk.export.pdf import export_pdf\n"
        f"export_pdf(load_draft(reference_sample()), {str(tmp_path / 'x.pdf')!r})\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'PyQt', 'shiboken'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_hyphenation_patterns_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyphen

    from pressdesk.export.pdf import hyphenation

    cached = tmp_path / "de.marshal"
    monkeypatch.setattr(hyphenation, "_cache_file", lambda dic: cached)
    dic = Path(pyphen.LANGUAGES["de_DE"])
    parsed = hyphenation._load_patterns(dic)
    assert cached.is_file()
    again = hyphenation._load_patterns(dic)
    assert again.patterns == parsed.patterns and again.maxlen == parsed.maxlen
    word = "Integrationsstaatssekretärin"
    assert again.positions(word) == parsed.positions(word)
    cached.write_bytes(b"kaputt")
    assert hyphenation._load_patterns(dic).patterns == parsed.patterns


def test_draft_mark_outline_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, profile: Profile
) -> None:
    from pressdesk.export.pdf import outlines

    cached = tmp_path / "mark.marshal"
    monkeypatch.setattr(outlines, "_cache_file", lambda font, text: cached)
    outlines.text_outline.cache_clear()
    parsed = outlines.text_outline(profile.fonts.bold, "ENTWURF")
    assert cached.is_file() and len(parsed.segments) > 50
    outlines.text_outline.cache_clear()
    assert outlines.text_outline(profile.fonts.bold, "ENTWURF") == parsed  # from the file
    cached.write_bytes(b"kaputt")
    outlines.text_outline.cache_clear()
    assert outlines.text_outline(profile.fonts.bold, "ENTWURF") == parsed  # parsed again
    outlines.text_outline.cache_clear()
