"""Tagged PDF (PDF/UA-1): structure read back with pikepdf and pdfminer."""

from __future__ import annotations

import copy
import io
import itertools
import re
from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings

from pressdesk.export.pdf import render_pdf
from pressdesk.model import Block, Draft, load_draft
from pressdesk.model.draft import Link
from pressdesk.profile import Profile, load_profile
from pressdesk.validation import validate
from tests.strategies import drafts

from .pdfread import expected_words, missing_in_order, norm, page_texts, watermark_path_ops
from .pdfua import matterhorn_failures, page_marks, text_in_structure_order, walk


def _open(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


def test_samples_pass_the_machine_checks(sample_path: Path, profile: Profile) -> None:
    for final in (False, True):
        data = render_pdf(load_draft(sample_path), profile, final=final)
        assert matterhorn_failures(data) == []


def test_the_checker_fails_untagged_and_broken_files(
    reference_draft: Draft, profile: Profile
) -> None:
    untagged = matterhorn_failures(render_pdf(reference_draft, profile, tagged=False))
    assert any(f.startswith("01-005") for f in untagged)
    assert "06-002: kein pdfuaid:part 1" in untagged

    pdf = _open(render_pdf(reference_draft, profile))
    del pdf.Root.ViewerPreferences["/DisplayDocTitle"]
    annot = pdf.pages[0].Annots[0]
    del annot["/Contents"]
    buf = io.BytesIO()
    pdf.save(buf)
    broken = matterhorn_failures(buf.getvalue())
    assert "07-001: DisplayDocTitle fehlt" in broken
    assert "28-004: Seite 1: Link-Annotation ohne /Contents" in broken


def test_untagged_option_writes_no_structure(reference_draft: Draft, profile: Profile) -> None:
    pdf = _open(render_pdf(reference_draft, profile, tagged=False))
    assert "/StructTreeRoot" not in pdf.Root


def test_catalog_metadata_and_language(reference_draft: Draft, profile: Profile) -> None:
    pdf = _open(render_pdf(reference_draft, profile))
    root = pdf.Root
    assert bool(root.MarkInfo.Marked) is True
    assert str(root.Lang) == "de-DE"
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    xmp = root.Metadata.read_bytes().decode("utf-8")
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert f">{reference_draft.headline}</rdf:li>" in xmp
    with pdf.open_metadata() as meta:
        assert meta["dc:title"] == reference_draft.headline
        assert meta["pdfuaid:part"] == "1"
    assert all(page.obj.Tabs == "/S" for page in pdf.pages)


def _roles(draft: Draft, profile: Profile) -> list[str]:
    pdf = _open(render_pdf(draft, profile))
    return [str(e.S)[1:] for e, depth in walk(pdf) if depth == 1]


def test_tree_order_follows_the_draft(profile: Profile) -> None:
    from pressdesk.paths import samples_dir

    draft = load_draft(samples_dir() / "sperrfrist-mit-liste-2026-03-12.pressdesk")
    assert _roles(draft, profile) == [
        "P",  # Pressemitteilung – Nr. 157/2026
        "P",  # date
        "P",  # Sperrfrist
        "H1",
        "Div",  # press office block: below the headline, read right after it
        "P",  # subheadline
        "P",  # announcement
        "P",
        "BlockQuote",
        "H2",
        "P",
        "L",
        "P",
        "P",  # Weitere Informationen
        "P",  # Folgen Sie uns im Netz
        "P",  # contact
        "P",  # photo credits
    ]
    pdf = _open(render_pdf(draft, profile))
    deep = [(str(e.S)[1:], d) for e, d in walk(pdf)]
    lst = deep.index(("L", 1))
    assert deep[lst + 1 : lst + 5] == [("LI", 2), ("Lbl", 3), ("LBody", 3), ("LI", 2)]


def test_links_are_in_the_tree(reference_draft: Draft, profile: Profile) -> None:
    pdf = _open(render_pdf(reference_draft, profile))
    links = [e for e, _ in walk(pdf) if e.S == "/Link"]
    urls = [
        str(k.Obj.A.URI)
        for e in links
        for k in e.K
        if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
    ]
    assert urls[:3] == ["mailto:presse@stk.nrw.de", "https://www.land.nrw", "https://www.mkffi.nrw"]
    assert all(str(e.get("/Alt", "")) for e in links)
    annots = [a for page in pdf.pages for a in page.get("/Annots", [])]
    assert len(annots) == len(urls)


def test_running_headers_page_numbers_and_mark_are_artifacts(
    reference_draft: Draft, profile: Profile
) -> None:
    data = render_pdf(reference_draft, profile, final=False)
    marks = page_marks(data)
    assert len(marks) == 2
    assert all(n > 50 for n in watermark_path_ops(data))  # the mark, in a Watermark artifact
    for i, m in enumerate(marks, start=1):
        assert "ENTWURF" not in m.artifact_text  # drawn as outlines, not text
        assert f"Seite {i} von 2" in m.artifact_text
        assert "Seite" not in "".join(m.text.values())
        assert m.unmarked_text == ""
    assert "Presseinformation – L-Duisburg" in marks[1].artifact_text


def test_structure_order_reads_the_release_without_furniture(
    sample_path: Path, profile: Profile
) -> None:
    draft = load_draft(sample_path)
    data = render_pdf(draft, profile, final=False)
    text = text_in_structure_order(_open(data), data)
    assert missing_in_order(text, expected_words(draft, profile)) == []
    assert "Seite" not in text and "ENTWURF" not in text
    assert norm(text).startswith(norm(f"{draft.header.kind}"))
    assert norm(text).endswith(norm(draft.photo_credits or draft.contact))


def test_long_document_keeps_every_mcid_mapped(reference_draft: Draft, profile: Profile) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.body = [copy.deepcopy(b) for _ in range(6) for b in reference_draft.body]
    draft.body.insert(3, Block(type="subheading", text="Zwischenüberschrift"))
    data = render_pdf(draft, profile)
    assert len(_open(data).pages) >= 5
    assert matterhorn_failures(data) == []


PROFILE = load_profile("nrw")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts().filter(lambda d: not any(p.is_error for p in validate(d))))
def test_generated_drafts_stay_conformant(draft: Draft) -> None:
    data = render_pdf(draft, PROFILE, final=False)
    assert matterhorn_failures(data) == []


@pytest.mark.parametrize("tagged", [True, False])
def test_tagged_and_untagged_show_the_same_text(
    reference_draft: Draft, profile: Profile, tagged: bool
) -> None:
    from .pdfread import body_text

    texts = page_texts(render_pdf(reference_draft, profile, final=True, tagged=tagged))
    text = body_text(texts, reference_draft, profile)
    assert missing_in_order(text, expected_words(reference_draft, profile)) == []


def test_line_breaks_keep_words_apart_for_screen_readers(
    sample_path: Path, profile: Profile
) -> None:
    draft = load_draft(sample_path)
    data = render_pdf(draft, profile, final=True)
    text = text_in_structure_order(_open(data), data)
    sources = [
        draft.contact,
        *(b.text for b in draft.body),
        *(i for b in draft.body for i in b.items),
    ]
    glued = [
        a + b
        for source in sources
        for a, b in zip(source.split(), source.split()[1:], strict=False)
        if re.search(rf"(?<!\w){re.escape(a + b)}(?!\w)", text) and a + b not in source
    ]
    assert glued == []


def _logo_profile(tmp_path: Path, profile: Profile, image: bytes | None = None) -> Profile:
    from PIL import Image

    from pressdesk.profile.profile import profile_from_dict

    logo = tmp_path / "logo.png"
    if image is None:
        Image.new("RGB", (300, 100), (20, 80, 160)).save(logo)
    else:
        logo.write_bytes(image)
    raw = copy.deepcopy(profile.raw)
    raw["logo"] = {"path": str(logo), "x": 25, "y": 6, "width": 40, "alt": "Landeswappen NRW"}
    return profile_from_dict(raw)


def test_logo_is_a_figure_with_alternate_text(
    reference_draft: Draft, profile: Profile, tmp_path: Path
) -> None:
    data = render_pdf(reference_draft, _logo_profile(tmp_path, profile))
    pdf = _open(data)
    figures = [e for e, _ in walk(pdf) if e.S == "/Figure"]
    assert [str(f.Alt) for f in figures] == ["Landeswappen NRW"]
    images = [x for x in pdf.pages[0].Resources.XObject.values() if x.get("/Subtype") == "/Image"]
    assert len(images) == 1
    assert matterhorn_failures(data) == []
    # The header line moves below a logo that reaches into it.
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTFigure, LTTextContainer

    page = next(iter(extract_pages(io.BytesIO(data))))
    figure = next(o for o in page if isinstance(o, LTFigure))
    header = next(
        o for o in page if isinstance(o, LTTextContainer) and "Presseinformation" in o.get_text()
    )
    assert header.y1 <= figure.y0 + 0.5


def test_broken_logo_is_a_german_error(
    reference_draft: Draft, profile: Profile, tmp_path: Path
) -> None:
    from pressdesk.export import ExportError

    with pytest.raises(ExportError, match="Logo"):
        render_pdf(reference_draft, _logo_profile(tmp_path, profile, b"kein Bild"))


def test_link_elements_hold_their_text(reference_draft: Draft, profile: Profile) -> None:
    data = render_pdf(reference_draft, profile, final=True)
    pdf = _open(data)
    marks = page_marks(data)
    index = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
    texts = []
    for elem, _ in walk(pdf):
        if elem.S == "/Link":
            mcids = [int(k) for k in elem.K if isinstance(k, int)]
            texts.append("".join(marks[index[elem.Pg.objgen]].text[m] for m in mcids).strip())
    assert texts[:3] == ["presse@stk.nrw.de", "www.land.nrw", "www.mkffi.nrw"]
    assert texts[3:] == [s.text for s in reference_draft.social_media]
    text = text_in_structure_order(pdf, data)
    assert "Weitere Informationen: www.mkffi.nrw" in text
    assert "Twitter: @chancenrw" in text


SHY = "\u00ad"
_SENTENCE = (
    "die Kommunalen Integrationszentren in Nordrhein-Westfalen arbeiten mit Bündnis 90/Die "
    "Grünen, den Stiftungs- und Drittmitteln und den Integrationsbeauftragten zusammen."
)
LINK_TEXT = (
    "Integrationszentren, Integrationsbeauftragte, Landesintegrationsrat und "
    "Stiftungsmittelverwaltung in Nordrhein-Westfalen"
)
HYPHENATED = [
    f"Seit dem Jahr 2012 gilt: {_SENTENCE} Auch {_SENTENCE}",
    f"Wie schon seit dem Jahr 2012 {_SENTENCE} Auch {_SENTENCE}",
]


def _paragraphs(data: bytes) -> list[str]:
    """Structure-order text per element, whitespace collapsed (soft hyphens kept)."""
    text = text_in_structure_order(_open(data), data)
    return [" ".join(line.split()) for line in text.split("\n")]


def test_hyphenated_words_read_whole_in_structure_order(
    reference_draft: Draft, profile: Profile
) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.body = [Block(type="paragraph", text=t) for t in HYPHENATED]
    # a link among other text (frag lines, not simple lines): hyphenated inside the Link
    draft.further_information = [Link(LINK_TEXT, "https://www.mkffi.nrw/integration")]
    data = render_pdf(draft, profile, final=True)
    # On the page: hyphens added by line breaking, and real hyphens at line ends.
    visible = [line.rstrip() for text in page_texts(data) for line in text.splitlines()]
    ends = [line for line in visible if line.endswith("-")]
    assert any(line.endswith(" Nordrhein-") for line in ends)  # breaks after its hyphen
    assert any(line.endswith(" Stiftungs-") for line in ends)  # a space follows
    added = [line for line in ends if not line.endswith(("Nordrhein-", "Stiftungs-"))]
    assert len(added) >= 3, ends
    # In structure order: every word whole, the break hyphens are soft hyphens
    # (ISO 32000-1, 14.8.2.2.3), which a screen reader does not speak.
    paras = _paragraphs(data)
    for source in HYPHENATED:
        shown = next(p for p in paras if p.replace(SHY, "").startswith(source[:30]))
        assert shown.replace(SHY, "") == source
        assert "Nordrhein-Westfalen" in shown and "Bündnis 90/Die Grünen" in shown
    breaks = re.findall(rf"\w+{SHY}\w+", "\n".join(paras))
    assert len(breaks) >= len(added), breaks
    further = next(p for p in paras if p.startswith("Weitere Informationen"))
    assert SHY in further and further.replace(SHY, "") == f"Weitere Informationen: {LINK_TEXT}"
    assert matterhorn_failures(data) == []


def test_word_hyphenated_at_a_line_end_reads_whole(
    reference_draft: Draft, profile: Profile
) -> None:
    data = render_pdf(reference_draft, profile, final=True)
    pages = [[line.rstrip() for line in t.splitlines() if line.strip()] for t in page_texts(data)]
    assert not pages[0][-1].endswith("-")  # never divided over the page turn (issue 12)
    source = " ".join(b.text for b in reference_draft.body)
    lines = pages[1]
    divided = [
        (a.split()[-1][:-1], b.split()[0])
        for a, b in itertools.pairwise(lines)
        if re.search(r"\w\w-$", a) and f"{a.split()[-1][:-1]}{b.split()[0]}" in source
    ]
    assert divided, lines
    text = " ".join(_paragraphs(data))
    for head, tail in divided:
        assert f"{head}{SHY}{tail}" in text


def test_sample_paragraphs_read_back_as_written(sample_path: Path, profile: Profile) -> None:
    draft = load_draft(sample_path)
    data = render_pdf(draft, profile, final=True)
    text = " ".join(_paragraphs(data)).replace(SHY, "")
    blocks = [b.text for b in draft.body if b.type in ("paragraph", "subheading")]
    blocks += [i for b in draft.body for i in b.items]
    for source in [draft.headline, draft.announcement, *blocks]:
        assert " ".join(source.split()) in text
