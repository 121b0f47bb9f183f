"""Bold, italic and links in list items (a "Weitere Informationen" list with a link),
read back from the PDF (fonts, link annotations, tagged Link inside the list item),
the DOCX (runs, w:hyperlink) and the HTML page."""

from __future__ import annotations

import io

import docx
import pikepdf
from docx.oxml.ns import qn

from pressdesk.export.docx import render_docx
from pressdesk.export.pdf import render_pdf
from pressdesk.model import Block, Draft
from pressdesk.profile import Profile
from pressdesk.publish.pdfua import matterhorn_failures, walk

from .pdfread import norm, page_texts
from .test_inline_runs import _covered, _docx_runs, _draft, _link_elements, _located, _mark

URL = "https://www.mkffi.nrw/integration"
ITEMS = [
    "Förderrichtlinie im Wortlaut: Programmseite des Ministeriums",
    "Beratung vor Ort in allen Kommunalen Integrationszentren",
]


def _list_draft(reference: Draft) -> Draft:
    marks = [
        [
            _mark(ITEMS[0], "Förderrichtlinie", "strong"),
            _mark(ITEMS[0], "Programmseite", "link", URL),
        ],
        [_mark(ITEMS[1], "allen", "emphasis")],
    ]
    lead = Block(text="Weitere Informationen zum Programm:")
    return _draft(reference, lead, Block(type="list", items=list(ITEMS), item_marks=marks))


def test_list_item_marks_reach_the_pdf(reference_draft: Draft, profile: Profile) -> None:
    data = render_pdf(_list_draft(reference_draft), profile)
    text = norm("".join(page_texts(data)))
    assert all(norm(item) in text for item in ITEMS)
    fonts = {
        part: {g.fontname.split("+")[-1] for _, g in _located(data, part)}
        for part in ("Förderrichtlinie", "allen", "Beratung vor Ort in")
    }
    assert fonts == {
        "Förderrichtlinie": {"Carlito-Bold"},
        "allen": {"Carlito-Italic"},
        "Beratung vor Ort in": {"Carlito"},
    }
    assert all(_covered(data, "Programmseite", URL))  # clickable exactly over its word
    assert not any(_covered(data, "des Ministeriums", URL))
    (link,) = [e for e in _link_elements(data) if URL in e[2]]
    shown, objr, alt, _parent = link
    assert norm(shown) == norm("Programmseite") and objr == 1 and "Programmseite" in alt
    pdf = pikepdf.open(io.BytesIO(data))
    parents = set()
    for elem, _ in walk(pdf):
        if elem.S == "/Link":
            node = elem.P
            while "/P" in node and node.S not in ("/LI", "/Document"):
                node = node.P
            parents.add(str(node.S))
    assert "/LI" in parents  # the link is tagged inside its list item
    assert matterhorn_failures(data) == []


def test_list_item_marks_reach_the_docx(reference_draft: Draft, profile: Profile) -> None:
    data = render_docx(_list_draft(reference_draft), profile)
    doc = docx.Document(io.BytesIO(data))
    (first,) = [p for p in doc.paragraphs if p.text.startswith("Förderrichtlinie")]
    (second,) = [p for p in doc.paragraphs if p.text.startswith("Beratung")]
    assert first.text == ITEMS[0] and second.text == ITEMS[1]
    runs = _docx_runs(first)
    assert [r[0] for r in runs if r[1]] == ["Förderrichtlinie"]
    assert "".join(r[0] for r in runs if r[3] == URL) == "Programmseite"
    assert len(first._p.findall(qn("w:hyperlink"))) == 1
    assert [r[0] for r in _docx_runs(second) if r[2]] == ["allen"]


def test_unformatted_list_items_are_set_as_before(reference_draft: Draft, profile: Profile) -> None:
    draft = _list_draft(reference_draft)
    draft.body[1].item_marks = []
    data = render_pdf(draft, profile)
    fonts = {g.fontname.split("+")[-1] for _, g in _located(data, ITEMS[0])}
    assert fonts == {"Carlito"}
    assert not any(_covered(data, "Programmseite", URL))
