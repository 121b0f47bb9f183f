"""The DOCX exporter, opened with python-docx: styles, fields, language, properties, links."""

from __future__ import annotations

import copy
import io
import itertools
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from pressdesk.export import ExportError, content, layout
from pressdesk.export.docx import export_docx, render_docx
from pressdesk.export.docx import styles as st
from pressdesk.export.docx.fields import field_instructions
from pressdesk.model import Block, Draft, Embargo, load_draft
from pressdesk.paths import reference_sample
from pressdesk.profile import Profile


def open_docx(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


VML = "urn:schemas-microsoft-com:vml"


def watermarks(doc: Document) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Per header (first page, later pages): each watermark shape's text, style and fill."""

    def of(header: object) -> list[dict[str, str]]:
        out = []
        for shape in header._element.iter(f"{{{VML}}}shape"):  # type: ignore[attr-defined]
            path = shape.find(f"{{{VML}}}textpath")
            fill = shape.find(f"{{{VML}}}fill")
            out.append(
                {
                    "text": path.get("string") if path is not None else "",
                    "style": shape.get("style", ""),
                    "color": shape.get("fillcolor", ""),
                    "opacity": fill.get("opacity", "") if fill is not None else "",
                }
            )
        return out

    section = doc.sections[0]
    return of(section.first_page_header), of(section.header)


def header_texts(doc: Document) -> tuple[str, str]:
    section = doc.sections[0]
    first = "\n".join(p.text for p in section.first_page_header.paragraphs)
    later = "\n".join(p.text for p in section.header.paragraphs)
    return first, later


@pytest.fixture
def sample_doc(sample_path: Path, profile: Profile) -> tuple[Draft, Document]:
    draft = load_draft(sample_path)
    return draft, open_docx(render_docx(draft, profile, final=True))


@pytest.fixture
def list_draft() -> Draft:
    from pressdesk.paths import samples_dir

    return load_draft(samples_dir() / "sperrfrist-mit-liste-2026-03-12.pressdesk")


def test_every_block_has_its_named_style(list_draft: Draft, profile: Profile) -> None:
    doc = open_docx(render_docx(list_draft, profile, final=True))
    by_text = {p.text.replace("\xa0", " "): p.style.name for p in doc.paragraphs}
    assert by_text[list_draft.headline] == "PD Überschrift"
    assert by_text[list_draft.subheadline] == "PD Unterzeile"
    assert by_text[list_draft.announcement] == "PD Ankündigung"
    assert by_text[list_draft.body[0].text] == "PD Text"
    assert by_text[content.quote_text(list_draft.body[1].text)] == "PD Zitat"
    assert by_text[content.quote_attribution(list_draft.body[1].speaker)] == "PD Zitat Quelle"
    assert by_text[list_draft.body[2].text] == "PD Zwischenüberschrift"
    for item in list_draft.body[4].items:
        assert by_text[item] == "PD Aufzählung"
    assert by_text[list_draft.contact] == "PD Kontakt"
    assert by_text[list_draft.photo_credits] == "PD Bildnachweis"
    assert by_text[content.social_media_label(profile)] == "PD Netz Überschrift"
    further = [t for t in by_text if t.startswith(content.further_information_label(profile))]
    assert [by_text[t] for t in further] == ["PD Weitere Informationen"]
    # Every paragraph in the body uses one of PressDesk's styles, none is left "Normal".
    assert {p.style.style_id for p in doc.paragraphs} <= set(st.NAMES)


def test_styles_follow_the_profile(profile: Profile) -> None:
    doc = open_docx(render_docx(load_draft_reference(), profile, final=True))
    styles = {s.style_id: s for s in doc.styles}
    for spec in st.paragraph_specs(profile):
        style = styles[spec.style_id]
        assert style.name == spec.name
        assert style.font.name == profile.fonts.docx_name
        assert style.font.size == Pt(spec.size)
        leading = layout.role_styles(profile)[st.ROLE_OF[spec.style_id]].leading
        assert style.paragraph_format.line_spacing.pt == pytest.approx(leading, abs=0.1)
    headline = styles[st.HEADLINE]
    assert headline.font.bold and headline.paragraph_format.keep_with_next
    assert headline.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"
    assert styles[st.SUBHEADING].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "1"
    assert styles[st.LIST].element.pPr.find(qn("w:numPr")) is not None
    link = styles[st.HYPERLINK]
    assert str(link.font.color.rgb) == profile.colors.link.lstrip("#").upper()


def load_draft_reference() -> Draft:
    from pressdesk.paths import reference_sample

    return load_draft(reference_sample())


def test_german_everywhere(reference_draft: Draft, profile: Profile) -> None:
    data = render_docx(reference_draft, profile, final=True)
    doc = open_docx(data)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "de-DE"
    fonts = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == profile.fonts.docx_name
    assert fonts.get(qn("w:asciiTheme")) is None
    for style_id in st.NAMES:
        style = next(s for s in doc.styles if s.style_id == style_id)
        if style.type == 1:  # paragraph styles carry the language themselves
            assert style.element.rPr.find(qn("w:lang")).get(qn("w:val")) == "de-DE"
    settings = doc.settings.element
    # no automatic hyphenation: words are divided only where the layout divided them
    assert settings.find(qn("w:autoHyphenation")).get(qn("w:val")) == "false"
    assert settings.find(qn("w:proofState")) is None
    assert settings.find(qn("w:themeFontLang")).get(qn("w:val")) == "de-DE"
    assert doc.core_properties.language == "de-DE"


def test_core_properties(reference_draft: Draft, profile: Profile) -> None:
    props = open_docx(render_docx(reference_draft, profile, final=True)).core_properties
    assert props.title == reference_draft.headline
    assert props.author == "Staatskanzlei"
    assert props.subject == content.subject(reference_draft)  # as the PDF's
    assert props.subject == "Presseinformation – L-Duisburg vom 18.07.2018"
    assert "L-Duisburg" in props.keywords and "Presseinformation" in props.keywords
    assert props.comments == ""
    assert props.last_modified_by == "PressDesk"


def test_no_trace_of_the_template(reference_draft: Draft, profile: Profile) -> None:
    data = render_docx(reference_draft, profile, final=True)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert not any("thumbnail" in n or "stylesWithEffects" in n for n in names)
        for name in names:
            raw = z.read(name)
            if name.endswith((".xml", ".rels")):
                etree.fromstring(raw)  # every part is well-formed XML
                assert b"python-docx" not in raw, name
                assert b"Macintosh" not in raw, name


def test_page_label_fields_in_both_headers(reference_draft: Draft, profile: Profile) -> None:
    doc = open_docx(render_docx(reference_draft, profile, final=True))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    for header in (section.first_page_header, section.header):
        assert not header.is_linked_to_previous
        assert field_instructions(header._element) == ["PAGE", "NUMPAGES"]
    first, later = header_texts(doc)
    # The stored field results: what a reader sees before Word lays out the pages.
    assert "Seite 1 von 2" in first and "Seite 2 von 2" in later
    assert content.header_line(reference_draft) in first
    assert content.date_line(reference_draft) in first
    assert content.header_line(reference_draft) in later


def test_stored_page_count_is_the_true_one(reference_draft: Draft, profile: Profile) -> None:
    """A 13-page release says "von 13" before any layout, like its PDF (not "von 1")."""
    from pressdesk.export.pdf import render

    long = copy.deepcopy(reference_draft)
    long.body = [copy.deepcopy(b) for _ in range(10) for b in reference_draft.body]
    pages = render(long, profile, final=False).pages
    assert pages >= 10
    first, later = header_texts(open_docx(render_docx(long, profile, final=False)))
    assert f"Seite 1 von {pages}" in first and f"Seite 2 von {pages}" in later
    short = copy.deepcopy(reference_draft)
    short.body = short.body[:1]
    first, _ = header_texts(open_docx(render_docx(short, profile, final=True)))
    assert "Seite 1 von 1" in first


def test_german_number_settings(reference_draft: Draft, profile: Profile) -> None:
    doc = open_docx(render_docx(reference_draft, profile, final=True))
    settings = doc.settings.element
    assert settings.find(qn("w:decimalSymbol")).get(qn("w:val")) == ","
    assert settings.find(qn("w:listSeparator")).get(qn("w:val")) == ";"


def test_body_has_no_fields_and_no_empty_paragraphs(sample_doc: tuple[Draft, Document]) -> None:
    _, doc = sample_doc
    assert field_instructions(doc.element.body) == []
    section = doc.sections[0]
    for part in (doc, section.first_page_header, section.header):
        assert all(p.text.strip() for p in part.paragraphs)


def test_side_block_is_a_frame_in_the_right_column(
    reference_draft: Draft, profile: Profile
) -> None:
    doc = open_docx(render_docx(reference_draft, profile, final=True))
    framed = [p for p in doc.paragraphs if p._p.pPr.find(qn("w:framePr")) is not None]
    lines = content.side_block(reference_draft, profile)
    assert [p.text for p in framed] == [line.text.replace("\u2011", "-") for line in lines]
    # right after the headline, in reading order
    assert doc.paragraphs[0].text == reference_draft.headline
    assert [p.text for p in doc.paragraphs[1 : len(framed) + 1]] == [p.text for p in framed]
    frame = framed[0]._p.pPr.find(qn("w:framePr"))
    page = profile.page
    x_mm = int(frame.get(qn("w:x"))) / 1440 * 25.4
    assert abs(x_mm - (210 - page.margin_right - page.sidebar_width)) < 0.2
    assert frame.get(qn("w:hAnchor")) == "page"
    # below the one-line headline: header area, headline leading and space after
    y_mm = int(frame.get(qn("w:y"))) / 1440 * 25.4
    headline = profile.raw["roles"]["headline"]
    below = page.margin_top + page.header_height
    below += (headline["leading"] + headline["spaceAfter"]) * 25.4 / 72
    assert y_mm == pytest.approx(below, abs=0.3)
    # The body column leaves the side column free on every page.
    section = doc.sections[0]
    right_mm = section.right_margin.mm
    assert right_mm == pytest.approx(
        page.margin_right + page.sidebar_width + page.sidebar_gap, abs=0.2
    )


def _hyperlinks(doc: Document, part: object) -> dict[str, str]:
    return dict(_hyperlink_list(part))


def _hyperlink_list(part: object) -> list[tuple[str, str]]:
    out = []
    rels = part.rels  # type: ignore[attr-defined]
    element = part.element  # type: ignore[attr-defined]
    for link in element.iter(qn("w:hyperlink")):
        text = "".join(t.text or "" for t in link.iter(qn("w:t")))
        out.append((text, rels[link.get(qn("r:id"))].target_ref))
    return out


def test_links_are_real_hyperlinks(reference_draft: Draft, profile: Profile) -> None:
    doc = open_docx(render_docx(reference_draft, profile, final=True))
    links = _hyperlinks(doc, doc.part)
    assert links["www.mkffi.nrw"] == "https://www.mkffi.nrw"
    assert links["@chancenrw"] == "https://twitter.com/chancenrw"
    assert links["presse@stk.nrw.de"] == "mailto:presse@stk.nrw.de"
    assert links["www.land.nrw"] == "https://www.land.nrw"
    social = [(s.text, s.url) for s in reference_draft.social_media]
    assert [pair for pair in _hyperlink_list(doc.part) if pair in social] == social


def test_draft_mark_on_every_page_unless_final(reference_draft: Draft, profile: Profile) -> None:
    draft_doc = open_docx(render_docx(reference_draft, profile, final=False))
    mark = profile.label("draftMark")
    first, later = watermarks(draft_doc)
    for shapes in (first, later):  # a watermark shape behind every page ...
        assert [w["text"] for w in shapes] == [mark]
        style = shapes[0]["style"]
        assert f"rotation:{360 - profile.draft_mark.angle:g}" in style
        assert "mso-position-horizontal:center" in style and "relative:page" in style
        assert shapes[0]["color"] == profile.colors.draft_mark
        assert shapes[0]["opacity"] == f"{profile.draft_mark.opacity:g}"
    # ... and never text
    assert all(mark not in t for t in header_texts(draft_doc))
    assert all(mark not in p.text for p in draft_doc.paragraphs)
    final_doc = open_docx(render_docx(reference_draft, profile, final=True))
    assert watermarks(final_doc) == ([], [])
    assert all(mark not in t for t in header_texts(final_doc))


def test_embargo_framed_on_page_one_and_in_the_running_header(
    list_draft: Draft, profile: Profile
) -> None:
    """As in the PDF: a framed paragraph above the headline, a bold line on later pages."""
    doc = open_docx(render_docx(list_draft, profile, final=True))
    line = content.embargo_line(list_draft, profile)
    first, later = header_texts(doc)
    assert line in later and line not in first
    framed = [p for p in doc.paragraphs if p.style.style_id == st.EMBARGO]
    assert [p.text for p in framed] == [line]
    body = [p for p in doc.paragraphs if p._p.pPr.find(qn("w:framePr")) is None]
    assert body[0].text == line and body[1].text == list_draft.headline
    borders = doc.styles.element.get_by_id(st.EMBARGO).pPr.find(qn("w:pBdr"))
    assert {child.tag.split("}")[1] for child in borders} == {"top", "left", "bottom", "right"}


def test_speech_note_for_a_speech(reference_draft: Draft, profile: Profile) -> None:
    speech = copy.deepcopy(reference_draft)
    speech.header.kind = "Rede"
    speech.header.embargo = Embargo(date=speech.header.date, at_speech_start=True)
    doc = open_docx(render_docx(speech, profile, final=True))
    notes = [p for p in doc.paragraphs if p.style.style_id == st.SPEECH_NOTE]
    assert [p.text for p in notes] == [profile.label("speech")]
    _, later = header_texts(doc)
    assert "Redebeginn" in later
    assert [p.text for p in doc.paragraphs if p.style.style_id == st.EMBARGO] == [
        content.embargo_line(speech, profile)
    ]


def test_line_breaks_and_forbidden_characters(reference_draft: Draft, profile: Profile) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.headline = "Kopf\x00zeile\x07 mit\x1b Steuer\ud800zeichen\ufffe"
    draft.body.insert(0, Block(type="paragraph", text="Erste Zeile\nzweite Zeile\x0c"))
    draft.body.insert(1, Block(type="quote", text="Zitat\x01", speaker="Sprecher\x02"))
    draft.press_office.organisation = "Amt\x03"
    draft.further_information[0].url = "https://example.org/mit leerzeichen"
    doc = open_docx(render_docx(draft, profile, final=True))
    texts = [p.text for p in doc.paragraphs]
    assert "Kopfzeile mit Steuerzeichen" in texts
    assert "Erste Zeile\nzweite Zeile" in texts
    assert content.quote_text("Zitat") in texts
    assert "Amt" in texts
    assert _hyperlinks(doc, doc.part)["www.mkffi.nrw"] == "https://example.org/mit%20leerzeichen"


def test_empty_optional_blocks_leave_nothing(reference_draft: Draft, profile: Profile) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.announcement = ""
    draft.further_information = []
    draft.social_media = []
    draft.body.append(Block(type="paragraph", text="   "))
    draft.body.append(Block(type="list", items=["", " "]))
    draft.body.append(Block(type="quote", text="", speaker="Niemand"))
    doc = open_docx(render_docx(draft, profile, final=True))
    texts = [p.text for p in doc.paragraphs]
    assert all(t.strip() for t in texts)
    assert not any(content.further_information_label(profile) in t for t in texts)
    assert content.social_media_label(profile) not in texts
    assert not any("Niemand" in t for t in texts)


def test_export_writes_the_file_atomically(
    reference_draft: Draft, profile: Profile, tmp_path: Path
) -> None:
    target = tmp_path / "mitteilung.docx"
    target.write_bytes(b"alt")
    export_docx(reference_draft, target, profile=profile, final=False)
    assert zipfile.is_zipfile(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mitteilung.docx"]


def test_export_errors_are_german(reference_draft: Draft, profile: Profile, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Ordner"):
        export_docx(reference_draft, tmp_path / "fehlt" / "x.docx", profile=profile)
    with pytest.raises(ExportError, match="Ordner"):
        export_docx(reference_draft, tmp_path, profile=profile)


def test_font_table_names_only_the_house_font(reference_draft: Draft, profile: Profile) -> None:
    """Word substitutes by PANOSE where the house font is missing (Carlito: Calibri's)."""
    data = render_docx(reference_draft, profile, final=True)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        table = etree.fromstring(z.read("word/fontTable.xml"))
    fonts = table.findall(qn("w:font"))
    assert [f.get(qn("w:name")) for f in fonts] == [profile.fonts.docx_name]
    assert fonts[0].find(qn("w:panose1")).get(qn("w:val")) == "020F0502020204030204"


def test_header_date_is_not_bold(reference_draft: Draft, profile: Profile) -> None:
    doc = open_docx(render_docx(reference_draft, profile, final=True))
    para = doc.sections[0].first_page_header.paragraphs[0]
    date_runs = [r for r in para.runs if r.text == content.date_line(reference_draft)]
    assert [r.style.name for r in date_runs] == ["PD Kopf Datum"]
    assert date_runs[0].style.font.bold is False


def _profile_with(profile: Profile, **page: object) -> Profile:
    from pressdesk.profile.profile import profile_from_dict

    raw = copy.deepcopy(profile.raw)
    raw["page"].update(page)
    return profile_from_dict(raw)


def test_letter_paper_from_the_profile(reference_draft: Draft, profile: Profile) -> None:
    letter = _profile_with(profile, size="Letter")
    section = open_docx(render_docx(reference_draft, letter, final=True)).sections[0]
    assert section.page_width.mm == pytest.approx(215.9, abs=0.1)
    assert section.page_height.mm == pytest.approx(279.4, abs=0.1)


def test_profile_without_room_for_text_is_refused(reference_draft: Draft, profile: Profile) -> None:
    cramped = _profile_with(profile, sidebarWidth=150)
    with pytest.raises(ExportError, match="Platz"):
        render_docx(reference_draft, cramped, final=True)


def test_logo_floats_where_the_profile_puts_it(
    reference_draft: Draft, profile: Profile, tmp_path: Path
) -> None:
    from PIL import Image

    from pressdesk.profile.profile import profile_from_dict

    Image.new("RGB", (300, 100), (20, 80, 160)).save(tmp_path / "logo.png")
    raw = copy.deepcopy(profile.raw)
    raw["logo"] = {
        "path": str(tmp_path / "logo.png"),
        "x": 25,
        "y": 5,
        "width": 30,
        "alt": "Wappen",
    }
    doc = open_docx(render_docx(reference_draft, profile_from_dict(raw), final=True))
    header = doc.sections[0].first_page_header._element
    anchors = header.xpath(".//wp:anchor")
    assert len(anchors) == 1 and not header.xpath(".//wp:inline")
    anchor = anchors[0]
    assert anchor.xpath("./wp:docPr")[0].get("descr") == "Wappen"
    x, y = (
        int(v)
        for v in anchor.xpath(
            "./wp:positionH/wp:posOffset/text() | ./wp:positionV/wp:posOffset/text()"
        )
    )
    assert (x, y) == (int(Mm(25)), int(Mm(5)))
    assert int(anchor.xpath("./wp:extent")[0].get("cx")) == int(Mm(30))
    assert not doc.sections[0].header._element.xpath(".//wp:anchor")  # page 1 only


def test_unreadable_logo_is_a_german_error(
    reference_draft: Draft, profile: Profile, tmp_path: Path
) -> None:
    from pressdesk.profile.profile import profile_from_dict

    (tmp_path / "logo.png").write_bytes(b"kein Bild")
    raw = copy.deepcopy(profile.raw)
    raw["logo"] = {
        "path": str(tmp_path / "logo.png"),
        "x": 25,
        "y": 5,
        "width": 30,
        "alt": "Wappen",
    }
    with pytest.raises(ExportError, match="Logo"):
        render_docx(reference_draft, profile_from_dict(raw), final=True)


def test_paragraph_properties_in_schema_order(list_draft: Draft, profile: Profile) -> None:
    """Word calls a file with out-of-order pPr children damaged; LibreOffice does not care."""
    from pressdesk.export.docx.oxml import PPR_ORDER

    rank = {qn(f"w:{name}"): i for i, name in enumerate(PPR_ORDER)}
    speech = copy.deepcopy(list_draft)
    speech.header.kind = "Rede"
    doc = open_docx(render_docx(speech, profile, final=False))
    section = doc.sections[0]
    parts = [doc.element, doc.styles.element, section.first_page_header._element]
    parts.append(section.header._element)
    for part in parts:
        for ppr in part.iter(qn("w:pPr")):
            tags = [child.tag for child in ppr]
            assert all(t in rank for t in tags), tags
            assert tags == sorted(tags, key=rank.__getitem__), tags


def _soft_hyphenated_words(doc: docx.document.Document) -> list[str]:
    """Every word of the body with a w:softHyphen, as "head|tail", in reading order."""
    words = []
    for p in doc.element.body.iter(qn("w:p")):
        text = "".join(
            "|" if el.tag == qn("w:softHyphen") else (el.text or "")
            for el in p.iter(qn("w:t"), qn("w:softHyphen"))
        )
        words += [w for w in text.split() if "|" in w]
    return words


def test_words_divided_only_where_the_pdf_divides_them(
    reference_draft: Draft, profile: Profile
) -> None:
    """The DOCX's optional hyphens are the PDF's divisions, each in its own word."""
    from pressdesk.export.pdf import render

    from .test_pdf_page_turn import body_lines

    lines = [
        ln
        for page in body_lines(render(reference_draft, profile, True).data, profile)
        for ln in page
    ]
    expected = [
        f"{a.split()[-1][:-1]}|{b.split()[0]}"
        for a, b in itertools.pairwise(lines)
        if re.search(r"\w\w-$", a)
    ]
    doc = open_docx(render_docx(reference_draft, profile, final=True))
    assert len(expected) >= 10
    assert _soft_hyphenated_words(doc) == expected
    # the text itself is unchanged (what indexers and python-docx read)
    texts = [p.text for p in doc.paragraphs]
    for block in reference_draft.body:
        assert block.text in texts


def divided_words(lines: list[str]) -> list[str]:
    """Each word the lines divide with an added hyphen, as "head|middle|tail"."""
    out: list[str] = []
    carry = ""
    for line in lines:
        words = line.split()
        if carry and words:
            if len(words) == 1 and re.search(r"\w\w-$", words[0]):
                carry += words[0][:-1] + "|"  # still going on
                continue
            out.append(carry + words[0])
        carry = words[-1][:-1] + "|" if re.search(r"\w\w-$", line) else ""
    return out


def test_word_over_three_lines_gets_every_division(profile: Profile) -> None:
    """A compound the PDF divides twice is divided at both places in the DOCX too, in the
    body column and in the side block."""
    from pressdesk.export.pdf import render

    from .test_docx_render import LONG_UNIT, LONG_WORD, long_words, side_lines
    from .test_pdf_page_turn import body_lines

    draft = long_words(load_draft(reference_sample()))
    data = render(draft, profile, True).data
    body = divided_words([ln for page in body_lines(data, profile) for ln in page])
    side = divided_words(side_lines(data, profile))
    for found, word in ((body, LONG_WORD), (side, LONG_UNIT.split()[-1])):
        assert [w.count("|") for w in found if w.replace("|", "") == word] == [2], found
    doc = open_docx(render_docx(draft, profile, final=True))
    assert _soft_hyphenated_words(doc) == side + body
