"""Bold, italic and links of the running text in what is published: the web page, the
CMS record, and preflight's check that every link of the approved text is clickable
in the PDF."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path
from typing import Any

import html5lib
import pikepdf

from pressdesk.export.pdf import render_pdf
from pressdesk.model import Draft, Mark, load_draft
from pressdesk.profile import Profile
from pressdesk.publish.htmlpage import render_html
from pressdesk.publish.package import publish_release
from pressdesk.publish.preflight import preflight_html, preflight_pdf
from tests.pdffonts import fonts_of

from .conftest import NOW, approve

DATA = Path(__file__).resolve().parents[1] / "data"
KI_URL = "https://www.kommunale-integrationszentren-nrw.de/"


def formatted() -> Draft:
    return load_draft(DATA / "formatted-v2.pressdesk")


def _parse(html: bytes) -> Any:
    return html5lib.parse(html, namespaceHTMLElements=False)


def _text(elem: Any) -> str:
    return " ".join("".join(elem.itertext()).split())


def test_the_page_sets_bold_italic_and_links(profile: Profile) -> None:
    draft = formatted()
    html = render_html(draft, profile)
    doc = _parse(html)
    paragraphs = doc.findall(".//article/p")
    first = next(p for p in paragraphs if _text(p).startswith("Integrationsstaatssekretärin"))
    assert [_text(s) for s in first.iter("strong")] == ["Serap Güler"]
    assert _text(first) == draft.body[0].text  # the words are the same, only marked up
    second = next(p for p in paragraphs if _text(p).startswith("Nordrhein-Westfalen ist"))
    [link] = second.findall("a")
    assert (link.get("href"), _text(link)) == (KI_URL, "Kommunale Integrationszentren")
    assert [_text(e) for e in second.iter("em")] == ["Einwanderungsgeschichte"]
    both = [s for s in doc.iter("strong") if s.find("em") is not None]
    assert [_text(s) for s in both] == ["Verantwortungsgemeinschaft"]
    assert preflight_html(html, draft, profile) == []


def test_a_link_with_bold_inside_stays_one_link_and_quotes_are_formatted(
    profile: Profile,
) -> None:
    draft = formatted()
    quote = draft.body[3]
    quote.type, quote.speaker = "quote", "Serap Güler"
    quote.text = " Integration gelingt vor Ort. "
    quote.marks = [Mark(1, 12, "link", KI_URL), Mark(4, 12, "strong"), Mark(13, 20, "emphasis")]
    doc = _parse(render_html(draft, profile))
    blockquote = doc.find(".//figure/blockquote")
    assert _text(blockquote) == "„Integration gelingt vor Ort.“"
    [link] = blockquote.iter("a")
    assert (link.get("href"), _text(link)) == (KI_URL, "Integration")
    assert [_text(s) for s in link.iter("strong")] == ["egration"]
    # The quote is italic as in the PDF; italic inside it shows nothing there either.
    assert blockquote.get("class") == "italic"
    assert list(blockquote.iter("em")) == []


def test_markup_and_unsafe_targets_in_formatted_text_stay_text(profile: Profile) -> None:
    draft = formatted()
    block = draft.body[0]
    block.text = 'Klicken <script>alert("x")</script> & hier'
    block.marks = [Mark(0, 7, "link", "javascript:alert(1)"), Mark(8, 16, "strong")]
    html = render_html(draft, profile)
    doc = _parse(html)
    assert doc.findall(".//script") == []
    assert all(not a.get("href", "").startswith("javascript") for a in doc.iter("a"))
    assert "Klicken" in _text(doc.find(".//article"))
    assert "<strong>&lt;script&gt;</strong>" in html.decode()
    assert preflight_html(html, draft, profile) == []


def test_the_cms_record_carries_each_block_as_text_and_html(site: Path, profile: Profile) -> None:
    draft = formatted()
    for block in draft.body:  # no links: publishable with any PDF exporter
        block.marks = [m for m in block.marks if m.kind != "link"]
    result = publish_release(draft, approve(draft, "L-Duisburg"), site, now=NOW)
    record = json.loads(result.files["json"].read_text("utf-8"))
    body = record["body"]
    assert [b["type"] for b in body] == [b.type for b in draft.body]
    assert body[0]["text"] == draft.body[0].text
    assert body[0]["html"].startswith(
        "<p>Integrationsstaatssekretärin <strong>Serap Güler</strong>"
    )
    assert "<strong><em>Verantwortungsgemeinschaft</em></strong>" in body[4]["html"]
    assert "mit <em>Einwanderungsgeschichte</em>" in body[1]["html"]


def test_an_unformatted_cms_record_has_plain_html_blocks(site: Path) -> None:
    draft = load_draft(DATA / "unformatted-v1.pressdesk")
    draft.body[2].type, draft.body[2].speaker = "quote", "Serap Güler"
    draft.body[3].type, draft.body[3].items = "list", ["Beratung & Begleitung", "<Konzepte>"]
    result = publish_release(draft, approve(draft, "L-Duisburg"), site, now=NOW)
    body = json.loads(result.files["json"].read_text("utf-8"))["body"]
    assert body[2]["html"].startswith('<figure>\n<blockquote class="italic"><p>„')
    assert body[2]["attribution"] == "– Serap Güler"
    assert body[3] == {
        "type": "list",
        "items": ["Beratung & Begleitung", "<Konzepte>"],
        "html": "<ul>\n<li>Beratung &amp; Begleitung</li>\n<li>&lt;Konzepte&gt;</li>\n</ul>",
    }
    assert "<" not in body[0]["html"][3:-4]


# -- preflight: every link of the approved text is a link annotation in the PDF ----------


def _link_reasons(data: bytes, draft: Draft, profile: Profile) -> list[str]:
    return [r for r in preflight_pdf(data, draft, profile) if r.startswith("PDF: der Link")]


def _with_annotations(data: bytes, keep: bool, add: tuple[str, ...] = ()) -> bytes:
    """The PDF with its link annotations to ``KI_URL`` removed (``keep`` False) and one link
    annotation added per address in ``add`` (on page 1)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            annots = page.obj.get("/Annots")
            if annots is None or keep:
                continue
            kept = [a for a in annots if not ("/A" in a and str(a.A.get("/URI", "")) == KI_URL)]
            page.obj.Annots = pikepdf.Array(kept)
        first = pdf.pages[0].obj
        if "/Annots" not in first:
            first.Annots = pikepdf.Array()
        for url in add:
            action = pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(url))
            annot = pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Link,
                Rect=pikepdf.Array([100, 100, 200, 112]),
                Border=pikepdf.Array([0, 0, 0]),
                A=action,
            )
            first.Annots.append(pdf.make_indirect(annot))
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def test_preflight_finds_a_link_that_is_not_clickable_in_the_pdf(profile: Profile) -> None:
    draft = formatted()
    data = render_pdf(draft, profile, final=True)
    without = _with_annotations(data, keep=False)
    assert _link_reasons(without, draft, profile) == [
        "PDF: der Link „Kommunale Integrationszentren“ auf "
        "https://www.kommunale-integrationszentren-nrw.de/ ist nicht anklickbar "
        "(keine Link-Annotation mit dieser Adresse)."
    ]
    elsewhere = _with_annotations(data, keep=False, add=("https://www.land.nrw/",))
    assert len(_link_reasons(elsewhere, draft, profile)) == 1
    clickable = _with_annotations(data, keep=False, add=(KI_URL,))
    assert _link_reasons(clickable, draft, profile) == []
    # two links to the same address need two annotations
    text = draft.body[5].text
    start = text.index("Integrationszentren")
    draft.body[5].marks = [Mark(start, start + len("Integrationszentren"), "link", KI_URL)]
    assert len(_link_reasons(clickable, draft, profile)) == 1
    both = _with_annotations(data, keep=False, add=(KI_URL, KI_URL))
    assert _link_reasons(both, draft, profile) == []


def test_a_formatted_release_with_links_is_published(site: Path) -> None:
    draft = formatted()
    result = publish_release(draft, approve(draft, "L-Duisburg"), site, now=NOW)
    with pikepdf.open(result.files["pdf"]) as pdf:
        uris = [
            str(a.A.URI)
            for page in pdf.pages
            for a in page.obj.get("/Annots", [])
            if "/A" in a and "/URI" in a.A
        ]
    assert KI_URL in uris
    html = result.files["html"].read_text("utf-8")
    assert f'<a href="{KI_URL}">Kommunale Integrationszentren</a>' in html


def _quoted(quote_role: dict[str, Any], profile: Profile) -> tuple[Draft, Profile]:
    """The formatted sample with a quote holding bold and italic words; the profile with
    ``quote_role`` as its role "quote"."""
    draft = formatted()
    quote = draft.body[3]
    quote.type, quote.speaker = "quote", "Serap Güler"
    quote.text = "Zusammenhalt wachsezart vor Ort, mit allen Mitmachenden."
    quote.marks = [Mark(0, 12, "strong"), Mark(13, 23, "emphasis")]
    raw = json.loads(json.dumps(profile.raw))
    raw["roles"]["quote"] = {**raw["roles"]["quote"], **quote_role}
    return draft, dataclasses.replace(profile, raw=raw)


def test_a_quote_on_the_page_is_set_as_the_profile_sets_it_in_the_pdf(profile: Profile) -> None:
    """The house style sets quotes in italic: the PDF shows the italic word like its
    neighbours (and bold as bold italic); so does the page: the whole quote italic, no
    ``<em>`` that a screen reader or another style sheet would stress."""
    draft, house = _quoted({}, profile)
    assert house.raw["roles"]["quote"]["italic"] is True
    pdf = render_pdf(draft, house)
    assert fonts_of(pdf, "wachsezart") == fonts_of(pdf, "Mitmachenden") == {"Carlito-Italic"}
    assert fonts_of(pdf, "Zusammenhalt") == {"Carlito-BoldItalic"}
    html = render_html(draft, house)
    blockquote = _parse(html).find(".//figure/blockquote")
    assert blockquote.get("class") == "italic"
    assert "blockquote.italic { font-style: italic; }" in html.decode()
    assert list(blockquote.iter("em")) == []
    assert [_text(s) for s in blockquote.iter("strong")] == ["Zusammenhalt"]
    assert _text(blockquote) == "„Zusammenhalt wachsezart vor Ort, mit allen Mitmachenden.“"
    assert preflight_html(html, draft, house) == []
    # The profile decides: with upright quotes the italic word shows, in both.
    draft, upright = _quoted({"italic": False}, profile)
    pdf = render_pdf(draft, upright)
    assert fonts_of(pdf, "wachsezart") == {"Carlito-Italic"}
    assert fonts_of(pdf, "Mitmachenden") == {"Carlito"}
    blockquote = _parse(render_html(draft, upright)).find(".//figure/blockquote")
    assert blockquote.get("class") is None
    assert [_text(e) for e in blockquote.iter("em")] == ["wachsezart"]
