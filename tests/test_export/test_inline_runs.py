"""Bold, italic and links inside running text (issue 14 point 10), read back from the
PDF (fonts per glyph, link annotations, structure tree) and from the DOCX (runs, hyperlinks)."""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator
from typing import Any

import docx
import pikepdf
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfminer.layout import LTChar

from pressdesk.export import layout
from pressdesk.export.docx import render_docx
from pressdesk.export.pdf import render_pdf
from pressdesk.model import Block, Draft
from pressdesk.model.inline import Mark, normalize_marks
from pressdesk.profile import Profile, load_profile
from pressdesk.publish.pdfua import content_refs, matterhorn_failures, page_marks, walk
from pressdesk.typography import NB_HYPHEN, NBSP
from tests.pdffonts import chars

from .pdfread import missing_in_order, norm, page_texts

URL = "https://www.mkffi.nrw/integration?thema=kommunal&seite=2"
COUNT = (
    "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn "
    "fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig einundzwanzig zweiundzwanzig."
)


def _pages(data: bytes) -> Iterator[Any]:
    """Each page's glyphs in drawing order (no layout analysis: it may regroup the
    headline that reaches over the side column)."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    for page in PDFPage.get_pages(io.BytesIO(data)):
        interpreter.process_page(page)
        yield device.get_result()


def _chars(data: bytes) -> Iterator[tuple[int, LTChar]]:
    profile = load_profile("nrw")
    g = layout.page_geometry(profile)
    headline = layout.role_styles(profile)[layout.HEADLINE]
    pt = 72 / 25.4
    right = (g.margin_left + g.body_width) * pt + 1
    wide = (g.margin_left + g.line_width(headline)) * pt + 1  # page 1's headline
    for n, page in enumerate(_pages(data)):
        top = (g.height - g.margin_top - (g.running_header if n else g.header)) * pt
        for ch in chars(page):
            is_headline = not n and "Bold" in ch.fontname and abs(ch.size - headline.size) < 0.1
            # the body column (and the headline over the side column): no header, no side block
            if ch.y1 < top + 1 and (ch.x1 < right or (is_headline and ch.x1 < wide)):
                yield n, ch


def _located(data: bytes, text: str) -> list[tuple[int, LTChar]]:
    """The glyphs that draw ``text`` (its first occurrence; spaces and hyphens left out)."""
    glyphs = [(n, c) for n, c in _chars(data) if norm(c.get_text())]
    shown = "".join(c.get_text() for _, c in glyphs)
    want = norm(text)
    at = shown.find(want)
    assert at >= 0, f"{want!r} not on the pages"
    return glyphs[at : at + len(want)]


def _annotations(data: bytes, url: str) -> list[tuple[int, list[float], str]]:
    pdf = pikepdf.open(io.BytesIO(data))
    out = []
    for n, page in enumerate(pdf.pages):
        for annot in page.get("/Annots", []):
            action = annot.get("/A")
            if action is not None and str(action.get("/URI", "")) == url:
                out.append((n, [float(x) for x in annot.Rect], str(annot.get("/Contents", ""))))
    return out


def _inside(glyph: LTChar, rect: list[float]) -> bool:
    x = (glyph.x0 + glyph.x1) / 2
    y = (glyph.y0 + glyph.y1) / 2
    return rect[0] <= x <= rect[2] and rect[1] <= y <= rect[3]


def _covered(data: bytes, text: str, url: str) -> list[bool]:
    """For each glyph of ``text``: whether a link annotation to ``url`` lies over it."""
    annots = _annotations(data, url)
    return [
        any(n == page and _inside(g, rect) for page, rect, _ in annots)
        for n, g in _located(data, text)
    ]


def _draft(reference: Draft, *blocks: Block) -> Draft:
    draft = copy.deepcopy(reference)
    draft.body = list(blocks)
    return draft


def _mark(text: str, part: str, kind: str, url: str = "") -> Mark:
    start = text.index(part)
    return Mark(start, start + len(part), kind, url)  # type: ignore[arg-type]


def _link_elements(data: bytes) -> list[tuple[str, int, str, str]]:
    """Each Link element: its text (all pages), OBJR count, /Alt, parent's tag."""
    pdf = pikepdf.open(io.BytesIO(data))
    marks = page_marks(data)
    out = []
    for elem, _ in walk(pdf):
        if elem.S != "/Link":
            continue
        text = "".join(marks[page].text.get(mcid, "") for page, mcid in content_refs(pdf, elem))
        objr = sum(
            1 for k in elem.K if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
        )
        out.append((text, objr, str(elem.get("/Alt", "")), str(elem.P.S)))
    return out


SENTENCE = (
    "Integrationsstaatssekretärin Serap Güler lobte die Arbeit der Kommunalen "
    "Integrationszentren in Nordrhein-Westfalen und ihre Angebote für Familien."
)


def test_bold_and_italic_words_are_set_in_the_bold_and_italic_cuts(
    reference_draft: Draft, profile: Profile
) -> None:
    text = SENTENCE
    marks = [
        _mark(text, "Serap Güler", "strong"),
        _mark(text, "Kommunalen", "emphasis"),
        _mark(text, "Nordrhein-Westfalen", "strong"),
        _mark(text, "Nordrhein-Westfalen", "emphasis"),
    ]
    data = render_pdf(_draft(reference_draft, Block(text=text, marks=marks)), profile)
    fonts = {
        part: {g.fontname.split("+")[-1] for _, g in _located(data, part)}
        for part in (
            "Serap Güler",
            "Kommunalen",
            "Nordrhein-Westfalen",
            "lobte die Arbeit der",
            "Angebote",
        )
    }
    assert fonts["Serap Güler"] == {"Carlito-Bold"}
    assert fonts["Kommunalen"] == {"Carlito-Italic"}
    assert fonts["Nordrhein-Westfalen"] == {"Carlito-BoldItalic"}
    assert fonts["lobte die Arbeit der"] == fonts["Angebote"] == {"Carlito"}
    # every word, in order, and only once
    assert missing_in_order("".join(page_texts(data)), text.split()) == []


def test_link_annotation_covers_exactly_the_linked_words_over_two_lines(
    reference_draft: Draft, profile: Profile
) -> None:
    linked = "sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn"
    draft = _draft(reference_draft, Block(text=COUNT, marks=[_mark(COUNT, linked, "link", URL)]))
    data = render_pdf(draft, profile)
    annots = _annotations(data, URL)
    assert len({round(rect[1]) for _, rect, _ in annots}) == 2  # one rectangle per line
    assert all(_covered(data, linked, URL))
    assert not any(_covered(data, "Eins zwei drei vier fünf sechs", URL))
    assert not any(_covered(data, "achtzehn neunzehn", URL))
    assert all(URL in contents for _, _, contents in annots)  # /Contents names the target


def test_link_ending_inside_a_word_divided_at_the_line_end(
    reference_draft: Draft, profile: Profile
) -> None:
    # "vie|rzehn": the link ends inside the word the line break divides ("vier-zehn");
    # reportlab alone would shrink the annotation to nothing at the line end
    linked = COUNT[COUNT.index("fünf") : COUNT.index("vierzehn") + 3]
    draft = _draft(reference_draft, Block(text=COUNT, marks=[_mark(COUNT, linked, "link", URL)]))
    data = render_pdf(draft, profile)
    lines = [ln for t in page_texts(data) for ln in t.splitlines()]
    assert any(ln.rstrip().endswith("vier-") for ln in lines)  # the case this test is about
    assert all(_covered(data, linked, URL))
    assert not any(_covered(data, "zehn fünfzehn", URL)[1:])


def test_link_is_tagged_with_its_text_and_annotation(
    reference_draft: Draft, profile: Profile
) -> None:
    text = SENTENCE
    part = "Kommunalen Integrationszentren"
    marks = [_mark(text, part, "link", URL), _mark(text, "Integrationszentren", "strong")]
    draft = _draft(reference_draft, Block(type="quote", text=text, speaker="Anna", marks=marks))
    data = render_pdf(draft, profile)
    inline = [e for e in _link_elements(data) if norm(e[0]) == norm(part)]
    assert len(inline) == 1, _link_elements(data)  # one Link for the link, bold part and all
    _, objr, alt, parent = inline[0]
    assert objr >= 1 and URL in alt and part in alt
    assert parent == "/P"  # inside the quote's paragraph
    assert matterhorn_failures(data) == []


def test_link_over_a_page_turn_keeps_its_text_and_annotations(
    reference_draft: Draft, profile: Profile
) -> None:
    text = " ".join(f"Satz {i} der langen Mitteilung mit vielen Worten." for i in range(160))
    plain = render_pdf(_draft(reference_draft, Block(text=text)), profile)
    turn = int(page_texts(plain)[0].split("Satz ")[-1].split()[0])  # last one on page 1
    part = text[text.index(f"Satz {turn - 3} ") : text.index(f"Satz {turn + 3} ")]
    draft = _draft(reference_draft, Block(text=text, marks=[_mark(text, part, "link", URL)]))
    data = render_pdf(draft, profile)
    annots = _annotations(data, URL)
    pages = {n for n, _, _ in annots}
    assert len(pages) == 2, annots  # the link runs over the page turn
    assert all(_covered(data, part, URL))
    ((shown, objr, _, _),) = [e for e in _link_elements(data) if URL in e[2]]
    assert norm(shown) == norm(part)  # both pages' words in the one Link element
    assert objr == len(annots)
    assert matterhorn_failures(data) == []


def test_markup_characters_in_runs_survive(reference_draft: Draft, profile: Profile) -> None:
    text = 'Regel: a < b & c > d, nicht <b>fett</b> & "x"; Preis 5 € <i>'
    marks = [Mark(0, 6, "strong"), _mark(text, "<b>fett</b>", "link", "https://a.de/?x=1&y=<2>")]
    draft = _draft(reference_draft, Block(text=text, marks=marks))
    data = render_pdf(draft, profile)
    assert norm(text) in norm("".join(page_texts(data)))
    assert len(_annotations(data, "https://a.de/?x=1&y=<2>")) == 1
    doc = docx.Document(io.BytesIO(render_docx(draft, profile)))
    assert text in [p.text for p in doc.paragraphs]


def test_phone_number_glued_across_runs_and_quote_marks_outside(profile: Profile) -> None:
    text = "Rufen Sie 0211 837-1134 an."
    marks = [_mark(text, "837", "strong"), Mark(0, len(text), "emphasis")]
    draft = Draft()
    draft.body = [Block(type="quote", text=text, marks=marks)]
    (item,) = layout.release_layout(draft, profile).items
    assert item.runs[0].text == "\u201e" and item.runs[-1].text == "\u201c"
    assert item.runs[0].plain and item.runs[-1].plain  # not italic: outside the text
    assert f"0211{NBSP}837{NB_HYPHEN}1134" in item.text
    assert [r.text for r in item.runs if r.strong] == ["837"]


def _docx_runs(par: Any) -> list[tuple[str, bool, bool, str]]:
    """(text, bold, italic, hyperlink target) of each run, hyperlinks included."""
    out = []
    rels = par.part.rels
    for r in par._p.iter(qn("w:r")):
        link = r.getparent()
        target = ""
        if link.tag == qn("w:hyperlink"):
            rel = rels[link.get(qn("r:id"))]
            assert rel.is_external
            target = rel.target_ref
        rpr = r.find(qn("w:rPr"))
        bold = rpr is not None and rpr.find(qn("w:b")) is not None
        italic = rpr is not None and rpr.find(qn("w:i")) is not None
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        text += "-" * len(r.findall(qn("w:noBreakHyphen")))
        out.append((text, bold, italic, target))
    return out


def test_docx_has_bold_italic_runs_and_a_real_hyperlink(
    reference_draft: Draft, profile: Profile
) -> None:
    text = SENTENCE
    marks = [
        _mark(text, "Serap Güler", "strong"),
        _mark(text, "Kommunalen", "emphasis"),
        _mark(text, "Kommunalen Integrationszentren", "link", URL),
    ]
    data = render_docx(_draft(reference_draft, Block(text=text, marks=marks)), profile)
    doc = docx.Document(io.BytesIO(data))
    (par,) = [p for p in doc.paragraphs if p.text.startswith("Integrationsstaatssekretärin")]
    assert par.text == text  # every word, in order
    runs = _docx_runs(par)
    assert [r[0] for r in runs if r[1]] == ["Serap Güler"]
    assert [r[0] for r in runs if r[2]] == ["Kommunalen"]
    assert "".join(r[0] for r in runs if r[3] == URL) == "Kommunalen Integrationszentren"
    links = par._p.findall(qn("w:hyperlink"))
    assert len(links) == 1  # one hyperlink, whatever formats it holds
    styles = {r.find(qn("w:rPr")).find(qn("w:rStyle")).get(qn("w:val")) for r in links[0]}
    assert styles == {"Hyperlink"}
    assert b"HYPERLINK" not in data  # not a field


@pytest.mark.parametrize("kind", ["paragraph", "quote"])
def test_marks_of_both_formatted_block_types_reach_both_formats(
    reference_draft: Draft, profile: Profile, kind: str
) -> None:
    text = "Der Landtag hat das Gesetz beschlossen."
    block = Block(type=kind, text=text, marks=[_mark(text, "Gesetz", "strong")])  # type: ignore[arg-type]
    draft = _draft(reference_draft, block)
    pdf = render_pdf(draft, profile)
    assert {g.fontname.split("+")[-1] for _, g in _located(pdf, "Gesetz")} <= {
        "Carlito-Bold",
        "Carlito-BoldItalic",
    }
    doc = docx.Document(io.BytesIO(render_docx(draft, profile)))
    runs = [r for p in doc.paragraphs for r in _docx_runs(p)]
    assert ("Gesetz", True) in [(r[0], r[1]) for r in runs]


LONG = (
    "Die Landesregierung fördert Integrationszentren, Landesintegrationsräte und "
    "Integrationsbeauftragte in Nordrhein-Westfalen; Stiftungsmittelverwaltungen und "
    "Kommunalverwaltungen arbeiten mit Bildungseinrichtungen, Wohlfahrtsverbänden und "
    "Migrantenselbstorganisationen zusammen, damit Neuzugewanderte schnell ankommen. "
) * 3


@st.composite
def _marked(draw: st.DrawFn) -> list[Mark]:
    marks: list[Mark] = []
    taken: list[tuple[int, int]] = []
    for n in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(LONG) - 2))
        end = draw(st.integers(start + 1, min(len(LONG), start + 160)))
        if not LONG[start:end].strip() or any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        marks.append(Mark(start, end, "link", f"https://example.org/{n}"))
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, len(LONG) - 2))
        end = draw(st.integers(start + 1, len(LONG)))
        marks.append(Mark(start, end, draw(st.sampled_from(["strong", "emphasis"]))))
    return normalize_marks(marks)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_marked())
def test_generated_links_are_covered_exactly_by_their_annotations(marks: list[Mark]) -> None:
    profile = load_profile("nrw")
    draft = Draft(headline="Links im Text")
    draft.body = [Block(text=LONG, marks=marks)]
    data = render_pdf(draft, profile)
    glyphs = _located(data, LONG)
    links = [m for m in marks if m.kind == "link"]
    annots = {m.url: _annotations(data, m.url) for m in links}
    assert all(annots.values())
    for pos, (page, glyph) in zip(_glyph_offsets(LONG), glyphs, strict=True):
        inside = [m for m in links if m.start <= pos < m.end]
        over = {
            url
            for url, rects in annots.items()
            for n, r, _ in rects
            if n == page and _inside(glyph, r)
        }
        assert over == {m.url for m in inside}, (LONG[pos], pos, over, inside)
    shown = {norm(t) for t, _, alt, _ in _link_elements(data) if "example.org" in alt}
    assert shown == {norm(LONG[m.start : m.end]) for m in links}


def _glyph_offsets(text: str) -> list[int]:
    """The offset in ``text`` of each character :func:`norm` keeps."""
    return [i for i, ch in enumerate(text) if norm(ch)]
