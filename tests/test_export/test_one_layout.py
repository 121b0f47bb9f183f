"""One layout, two renderers (issue 12 point 1): the PDF and the DOCX set the same items.

The items of :func:`pressdesk.export.layout.release_layout` are read back out of both
files: from the PDF's structure tree (element type and text, in reading order) and from
the DOCX's paragraphs (Word paragraph style and text). Both must be the layout's items,
in its order, with its words, for every sample and for generated drafts with marks.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

import docx
import pikepdf
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings

from pressdesk.export import layout
from pressdesk.export.docx import render_docx
from pressdesk.export.docx import styles as ds
from pressdesk.export.docx.runs import clean, safe_url
from pressdesk.export.pdf import render_pdf
from pressdesk.export.pdf.fonts import clean_text, register_fonts
from pressdesk.model import Block, Draft, load_draft
from pressdesk.model.inline import Mark
from pressdesk.profile import Profile, load_profile
from pressdesk.publish.pdfua import PageMarks, page_marks, walk
from pressdesk.typography import NB_HYPHEN
from tests.strategies import drafts

from .pdfread import norm
from .test_inline_runs import _chars

PROFILE = load_profile("nrw")

# What a reader of each file can see of an item's role.
PDF_TAG = {layout.LIST_ITEM: "LBody"}
DOCX_ROLE = {
    ds.EMBARGO: layout.EMBARGO,
    ds.SPEECH_NOTE: layout.SPEECH,
    ds.HEADLINE: layout.HEADLINE,
    ds.SUBHEADLINE: layout.SUBHEADLINE,
    ds.ANNOUNCEMENT: layout.ANNOUNCEMENT,
    ds.BODY: layout.BODY,
    ds.SUBHEADING: layout.SUBHEADING,
    ds.QUOTE: layout.QUOTE,
    ds.SPEAKER: layout.SPEAKER,
    ds.LIST: layout.LIST_ITEM,
    ds.FURTHER: layout.FURTHER,
    ds.SOCIAL_LABEL: layout.SOCIAL_LABEL,
    ds.SOCIAL: layout.SOCIAL,
    ds.CONTACT: layout.CONTACT,
    ds.PHOTO: layout.PHOTO_CREDITS,
    ds.SIDEBAR: layout.SIDE,
    ds.SIDEBAR_ORG: layout.SIDE_ORGANISATION,
}


SIDE_ROLES = (layout.SIDE, layout.SIDE_ORGANISATION)


def reading_order(release: layout.ReleaseLayout) -> tuple[layout.Item, ...]:
    """The layout's items with the press office block where it is read: after the headline."""
    n = release.side_after
    return (*release.items[:n], *release.side, *release.items[n:])


def _tag(item: layout.Item) -> str:
    if item.role in SIDE_ROLES:
        return "Div/P"  # a P of the press office block's Div
    if item.kind == layout.HEADING:
        return "H1" if item.level == 0 else "H2"
    return PDF_TAG.get(item.role, "P")


def _drawable(text: str) -> str:
    """What the PDF can show of ``text``: the font's glyphs (validation warns of others)."""
    return clean_text(text, register_fonts(PROFILE))


def expected_pdf(items: tuple[layout.Item, ...]) -> list[tuple[str, str]]:
    """The layout's items as the PDF tags them: the social media lines are one P.

    The DOCX keeps characters the PDF's font cannot draw (validation warns of them).
    """
    out: list[tuple[str, str]] = []
    social = 0
    for item in items:
        if item.kind == layout.SOCIAL_GROUP and item.group == social:
            out[-1] = (out[-1][0], out[-1][1] + norm(_drawable(item.text)))
            continue
        social = item.group if item.kind == layout.SOCIAL_GROUP else 0
        shown = norm(_drawable(item.text))
        if shown or item.role in SIDE_ROLES:  # nothing the font can draw ("😀"): no element
            out.append((_tag(item), shown))
    return out


def pdf_items(data: bytes, release: layout.ReleaseLayout) -> list[tuple[str, str]]:
    """(tag, text) of each block element in the structure tree's reading order.

    The press office block's paragraphs are "Div/P". Page 1's header line and date
    come first in reading order; they are page furniture.
    """
    pdf = pikepdf.open(io.BytesIO(data))
    marks = page_marks(data)
    body: list[tuple[str, str]] = []
    for elem, _depth in walk(pdf):
        tag = str(elem.S)[1:]
        parent = str(elem.P.get("/S", ""))[1:]
        if parent == "Div":
            body.append(("Div/P", norm(_in_order(pdf, marks, elem))))
        elif tag in ("P", "H1", "H2", "LBody"):
            body.append((tag, norm(_in_order(pdf, marks, elem))))
    furniture = [norm(release.header), norm(release.date)][: 2 if release.date else 1]
    assert [text for _, text in body[: len(furniture)]] == furniture
    return body[len(furniture) :]


def _in_order(pdf: pikepdf.Pdf, marks: list[PageMarks], elem: pikepdf.Dictionary) -> str:
    """An element's text with its Link children's text where they stand (K order)."""
    index = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    parts = []
    kids = elem.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, int):
            parts.append(marks[index[elem.Pg.objgen]].text.get(int(kid), ""))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
            pg = kid.get("/Pg", elem.get("/Pg"))
            parts.append(marks[index[pg.objgen]].text.get(int(kid.MCID), ""))
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/S") == "/Link":
            parts.append(_in_order(pdf, marks, kid))
    return "".join(parts)


def docx_items(data: bytes) -> list[tuple[str, str]]:
    """(role, text) of each body paragraph by its Word style, in document order
    (the framed press office block's paragraphs included, where they stand)."""
    return [
        (DOCX_ROLE[par._p.style], norm(par.text))
        for par in docx.Document(io.BytesIO(data)).paragraphs
    ]


Styled = list[tuple[str, bool, bool, str]]  # character, bold, italic, link target


def docx_styled(data: bytes) -> list[Styled]:
    """Each body paragraph character by character with its run's format and link."""
    doc = docx.Document(io.BytesIO(data))
    out = []
    for par in doc.paragraphs:
        rels = par.part.rels
        chars: Styled = []
        for r in par._p.iter(qn("w:r")):
            parent = r.getparent()
            url = rels[parent.get(qn("r:id"))].target_ref if parent.tag == qn("w:hyperlink") else ""
            rpr = r.find(qn("w:rPr"))
            bold = rpr is not None and rpr.find(qn("w:b")) is not None
            italic = rpr is not None and rpr.find(qn("w:i")) is not None
            for child in r:
                if child.tag == qn("w:br") and child.get(qn("w:type")) == "page":
                    continue  # layout, not text: a long word the PDF moved to the next page
                text = {qn("w:br"): "\n", qn("w:tab"): "\t", qn("w:noBreakHyphen"): NB_HYPHEN}.get(
                    child.tag, child.text or "" if child.tag == qn("w:t") else ""
                )
                chars += [(ch, bold, italic, url) for ch in text]
        out.append(chars)
    return out


def expected_styled(item: layout.Item) -> Styled:
    return [
        (ch, run.strong, run.emphasis, safe_url(run.url) if run.url else "")
        for run in item.runs
        for ch in clean(run.text, multiline=True)
    ]


CUT = {
    (False, False): "",
    (True, False): "-Bold",
    (False, True): "-Italic",
    (True, True): "-BoldItalic",
}


def pdf_fonts(data: bytes) -> list[tuple[str, str]]:
    """Each glyph of the body column (all pages, in drawing order) with its font."""
    return [
        (g.get_text(), g.fontname.split("+")[-1]) for _, g in _chars(data) if norm(g.get_text())
    ]


def expected_fonts(release: layout.ReleaseLayout) -> list[tuple[str, str]]:
    """The body items' glyphs in the cut their role and runs ask for."""
    out = []
    for item in release.items:
        role = release.roles[item.role]
        if item.role == layout.LIST_ITEM and norm(_drawable(item.text)):
            out.append(("\u2022", "Carlito"))  # the bullet (none for an item like "😀")
        for run in item.runs:
            cut = CUT[(role.bold or run.strong, role.italic or run.emphasis)]
            out += [(ch, f"Carlito{cut}") for ch in _drawable(run.text) if norm(ch)]
    return out


def assert_one_layout(draft: Draft, profile: Profile) -> None:
    release = layout.release_layout(draft, profile)
    # reading order: header, headline, press office block, announcement, body …
    order = reading_order(release)
    pdf = render_pdf(draft, profile)
    assert pdf_fonts(pdf) == expected_fonts(release)
    data = render_docx(draft, profile)
    shown = [item for item in order if item.role not in SIDE_ROLES or clean(item.text).strip()]
    assert docx_items(data) == [(item.role, norm(item.text)) for item in shown]
    # bold, italic and links character by character, as the layout's runs say
    styled = [expected_styled(item) for item in order]
    assert docx_styled(data) == [chars for chars in styled if "".join(c[0] for c in chars).strip()]
    assert pdf_items(pdf, release) == expected_pdf(order)


def test_samples_set_the_same_items_in_both_formats(sample_path: Path, profile: Profile) -> None:
    draft = load_draft(sample_path)
    release = layout.release_layout(draft, profile)
    assert len(release.items) >= 5
    assert_one_layout(draft, profile)


def test_text_that_spells_pdf_operators_keeps_its_tags(
    reference_draft: Draft, profile: Profile
) -> None:
    """A release about the BTHG: "BT" in the text is no second text object.

    The tagger once counted "BT" in the drawn code, strings included: the bullet of
    such a list item was read as part of the item's body, and a link in such a
    paragraph lost its own Link tag.
    """
    draft = copy.deepcopy(reference_draft)
    text = "Das Bundesteilhabegesetz (BTHG) gilt, Details unter www.land.nrw ab heute."
    start = text.index("www.land.nrw")
    draft.body = [
        Block(
            type="paragraph",
            text=text,
            marks=[Mark(start=start, end=start + 12, kind="link", url="https://www.land.nrw")],
        ),
        Block(type="list", items=["Das BTHG stärkt die Teilhabe", "ET und BT im Text"]),
        *draft.body,
    ]
    assert_one_layout(draft, profile)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts(max_blocks=5))
def test_generated_drafts_set_the_same_items_in_both_formats(draft: Draft) -> None:
    assert_one_layout(draft, PROFILE)


def test_items_carry_roles_keep_rules_geometry_and_metadata(
    reference_draft: Draft, profile: Profile
) -> None:
    release = layout.release_layout(reference_draft, profile)
    roles = [item.role for item in release.items]
    assert roles[:2] == [layout.HEADLINE, layout.ANNOUNCEMENT]
    assert roles[-1] == layout.CONTACT
    headline = release.items[0]
    assert headline.kind == layout.HEADING and headline.keep_with_next
    assert not headline.hyphenate  # never a divided headline
    assert release.metadata.title == reference_draft.headline
    assert release.metadata.subject == "Presseinformation – L-Duisburg vom 18.07.2018"
    assert release.metadata.language == "de-DE"
    g = release.geometry
    assert (g.width, g.height) == (210.0, 297.0)
    assert g.margin_left + g.body_width < g.side_x


def test_press_office_block_is_read_after_the_headline(
    reference_draft: Draft, profile: Profile
) -> None:
    """Reading order as in the original: header, headline, press office block,
    announcement line, body – in the PDF's structure tree and the DOCX's paragraphs."""
    release = layout.release_layout(reference_draft, profile)
    assert release.side_after == 1  # after the headline
    headline = norm(reference_draft.headline)
    announcement = norm(reference_draft.announcement)
    side = [norm(item.text) for item in release.side]
    tree = pdf_items(render_pdf(reference_draft, profile), release)
    assert tree[: len(side) + 2] == [
        ("H1", headline),
        *[("Div/P", text) for text in side],
        ("P", announcement),
    ]
    paragraphs = docx_items(render_docx(reference_draft, profile))
    assert [text for _, text in paragraphs[: len(side) + 2]] == [headline, *side, announcement]
    assert paragraphs[1] == (layout.SIDE_ORGANISATION, "Staatskanzlei")
