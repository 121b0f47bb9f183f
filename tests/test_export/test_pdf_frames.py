"""Nothing outside its column, ever: long addresses, URLs and words wrap inside their frame.

Every PDF the export tests make is checked by ``conftest.py`` (every glyph inside
its frame and on the paper, :mod:`.frames`); the tests here make the drafts that
used to lose text off the page and read the lines back.
"""

from __future__ import annotations

import copy
import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer, LTTextLineHorizontal
from reportlab.lib.units import mm

from pressdesk.export import breaks
from pressdesk.export.pdf import render_pdf
from pressdesk.model import Block, Draft
from pressdesk.profile import Profile, load_profile
from pressdesk.validation import validate

from .frames import Frames, check_pdf, misplaced_glyphs
from .pdfread import norm, page_texts

EMAILS = {
    36: "pressestelle.integration@mkjfgfi.nrw",
    45: "pressestelle.kommunales.integration@mkjfgf.de",
    53: "pressestelle.kommunales.integrationszentrum@mkjfgf.de",
}
LONG_URL = (
    "https://www.land.nrw/de/pressemitteilung/sehr-langer-pfad-zur-pressemitteilung-"
    "ueber-kommunale-integrationszentren-2018-07-18-1234567"
)


def _lines(data: bytes, page: int = 0) -> list[tuple[float, float, str]]:
    """(x0, x1, text) of each text line of one page."""
    layout = list(extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.1)))[page]
    return [
        (line.x0, line.x1, line.get_text().strip())
        for box in layout
        if isinstance(box, LTTextContainer)
        for line in box
        if isinstance(line, LTTextLineHorizontal)
    ]


def test_the_invariant_can_fail(profile: Profile) -> None:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(210 * mm, 297 * mm))
    c.setFont("Helvetica", 10)
    c.drawString(30 * mm, 100 * mm, "inside")
    c.drawString(120 * mm, 120 * mm, "from the body column into the press office column")
    c.drawString(160 * mm, 140 * mm, "off the paper at the right edge")
    c.drawString(30 * mm, 5 * mm, "low")
    c.save()
    bad = misplaced_glyphs(buf.getvalue(), profile)
    assert any("out of the body column" in b for b in bad)
    assert any("outside the margins" in b or "off the paper" in b for b in bad)
    assert any("below the bottom margin" in b for b in bad)
    assert not any(f"'{ch}'" in b and "283.5" in b for b in bad for ch in "inside")


@pytest.mark.parametrize("length", sorted(EMAILS))
def test_long_email_wraps_inside_the_press_office_block(
    reference_draft: Draft, profile: Profile, length: int
) -> None:
    address = EMAILS[length]
    assert len(address) == length
    draft = copy.deepcopy(reference_draft)
    draft.press_office.email = address
    data = render_pdf(draft, profile, final=True)
    f = Frames.of(profile)
    side = [(x0, x1, t) for x0, x1, t in _lines(data) if x0 >= f.side_left - 0.5]
    assert side and max(x1 for _, x1, _ in side) <= f.side_right + 0.6
    # every character of the address is there, in order, broken only after @ . -
    pieces = [t for _, _, t in side if t and t in address]
    assert "".join(pieces) == address
    assert all(p[-1] in "@.-" for p in pieces[:-1]), pieces
    assert len(pieces) >= (2 if length > 36 else 1)


def test_long_url_in_body_breaks_after_separators_not_inside_a_number(
    reference_draft: Draft, profile: Profile
) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.body = [Block(type="paragraph", text=f"Die Mitteilung steht unter {LONG_URL} bereit.")]
    data = render_pdf(draft, profile, final=True)
    f = Frames.of(profile)
    body = [t for x0, _, t in _lines(data) if x0 < f.body_right and t]
    start = next(i for i, t in enumerate(body) if "https://" in t)
    pieces = [body[start].split()[-1]]
    while not LONG_URL.endswith(pieces[-1]):
        pieces.append(body[start + len(pieces)].split()[0])
    assert "".join(pieces) == LONG_URL
    assert len(pieces) >= 2 and all(p[-1] in "/-.?&=@" for p in pieces[:-1]), pieces
    text = "\n".join(page_texts(data))
    assert "1234567" in text  # the number is whole


def test_long_compound_in_headline_is_hyphenated_only_when_no_line_holds_it(
    reference_draft: Draft, profile: Profile
) -> None:
    draft = copy.deepcopy(reference_draft)
    word = "Kommunalaufgabenübertragungsgesetzesänderungsgesetz"
    draft.headline = f"Landtag beschließt das neue {word}{word}{word}"
    lines = [t for _, _, t in _lines(render_pdf(draft, profile, final=True))]
    head = [t for t in lines if norm(t) and norm(t) in norm(f"{word}{word}{word}")]
    assert len(head) >= 2
    assert all(t.endswith("-") for t in head[:-1]), head
    # a headline whose words all fit a line is never hyphenated (it reaches over the side
    # column: this one needs two lines even so)
    draft.headline = (
        "Kommunales Integrationszentrum Duisburg erhält zusätzliche Landesmittel "
        "für Sprachförderung und Elternarbeit"
    )
    lines = [t for _, _, t in _lines(render_pdf(draft, profile, final=True))]
    hl = [t for t in lines if t and norm(t) in norm(draft.headline)]
    assert len(hl) >= 2 and not any(t.endswith("-") for t in hl), hl


def test_long_word_and_url_in_the_side_block_and_closing_stay_on_paper(
    reference_draft: Draft, profile: Profile
) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.press_office.organisation = "Ministerium für Kinder, Familie, Flüchtlinge und Integration"
    draft.press_office.unit = "Landesintegrationszentrumsverwaltungsabteilung"
    draft.press_office.website.text = LONG_URL.removeprefix("https://")
    draft.press_office.website.url = LONG_URL
    draft.further_information[0].url = LONG_URL
    draft.further_information[0].text = ""
    data = render_pdf(draft, profile, final=False)
    assert check_pdf(data, profile) == []
    text = norm("".join(page_texts(data)))
    assert norm(LONG_URL.removeprefix("https://")) in text
    assert norm("Landesintegrationszentrumsverwaltungsabteilung") in text


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("www.land.nrw/de/a?b=1&c=2", ["www.", "land.", "nrw/", "de/", "a?", "b=", "1&", "c="]),
        ("presse@stk.nrw.de", ["presse@", "stk.", "nrw."]),
        ("https://www.land.nrw", ["https://www.", "land."]),
    ],
)
def test_address_break_points(token: str, expected: list[str]) -> None:
    heads = [token[:i] for i in sorted(breaks.address_breaks(token))]
    assert [h[len(heads[i - 1]) :] if i else h for i, h in enumerate(heads)] == expected


def test_phone_numbers_and_words_are_not_addresses() -> None:
    assert not breaks.is_address("0211\u00a0/\u00a0837-1134")
    assert breaks.split_pairs("0211\u00a0837-1134", wider_than_column=False) is None
    assert breaks.split_pairs("Integrationszentrum", wider_than_column=True) is None
    assert breaks.is_address("presse@stk.nrw.de") and breaks.is_address("land.nrw/presse")
    pairs = breaks.split_pairs("ab12345678cd", wider_than_column=True) or []
    assert pairs[0] == ("ab12345678c", "d")
    assert ("ab12", "345678cd") not in pairs[:3]  # between two digits only as a last resort


PROFILE = load_profile("nrw")
LONG_TOKENS = hst.sampled_from(
    [
        *EMAILS.values(),
        LONG_URL,
        "www.example.org/" + "x" * 120,
        "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenhersteller",
        "0211\u00a0837-1134",
        "a" * 300,
        "1234567890" * 12,
    ]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    hst.lists(LONG_TOKENS, min_size=1, max_size=4).map(" ".join),
    hst.sampled_from(["email", "organisation", "headline", "body", "item", "quote", "speaker"]),
    hst.booleans(),
)
def test_long_tokens_anywhere_stay_inside_their_frame(text: str, where: str, final: bool) -> None:
    from pressdesk.model import load_draft
    from pressdesk.paths import reference_sample

    draft = load_draft(reference_sample())
    if where in ("email", "organisation"):
        setattr(draft.press_office, where, text)
    elif where == "headline":
        draft.headline = text
    elif where == "body":
        draft.body[0].text = f"Vorher {text} nachher"
    elif where == "item":
        draft.body.insert(1, Block(type="list", items=[text, "zweiter Punkt"]))
    else:
        draft.body.insert(1, Block(type="quote", text=text, speaker=text))
    data = render_pdf(draft, PROFILE, final=final)
    assert check_pdf(data, PROFILE) == []
    shown = norm("".join(page_texts(data)))
    for token in text.split():
        assert norm(token) in shown


def test_validation_warns_where_the_layout_must_force_a_break(
    reference_draft: Draft, profile: Profile
) -> None:
    draft = copy.deepcopy(reference_draft)
    assert not [p for p in validate(draft, profile) if "passt nicht" in p.text]
    draft.press_office.email = EMAILS[45]
    warned = [p for p in validate(draft, profile) if "passt nicht" in p.text]
    assert [(p.path, p.severity) for p in warned] == [("pressOffice.email", "warning")]
    assert "E-Mail-Adresse passt nicht in eine Zeile des Absenderblocks" in warned[0].text
    draft.press_office.email = reference_draft.press_office.email
    draft.body[0].text = f"Siehe {'x' * 40}{LONG_URL}"
    warned = [p for p in validate(draft, profile) if "passt nicht" in p.text]
    assert [p.path for p in warned] == ["body[0].text"]


def test_validation_measures_the_headline_at_its_own_width(
    reference_draft: Draft, profile: Profile
) -> None:
    """The headline reaches over the side column: a word that fits there is no warning
    (in the PDF it stays whole on one line); a word wider than that is."""
    word = "Kommunalaufgabenübertragungsgesetzesänderungsgesetz"  # 51 letters, ~140 mm
    draft = copy.deepcopy(reference_draft)
    draft.headline = f"Landtag beschließt das {word}"
    assert not [p for p in validate(draft, profile) if "passt nicht" in p.text]
    lines = [t for _, _, t in _lines(render_pdf(draft, profile, final=True))]
    assert word in lines
    draft.headline = f"Landtag beschließt das {word}{word[:20]}"
    warned = [p for p in validate(draft, profile) if "passt nicht" in p.text]
    assert [(p.path, p.severity) for p in warned] == [("headline", "warning")]


@pytest.mark.parametrize(
    ("written", "glued"),
    [
        ("Telefon 0211 / 837-1134.", "Telefon 0211\u00a0/\u00a0837\u20111134."),
        ("Telefon 0211 837-2417", "Telefon 0211\u00a0837\u20112417"),
        ("+49 211 837-1134", "+49\u00a0211\u00a0837\u20111134"),
        ("(0211) 837-1134", "(0211)\u00a0837\u20111134"),
        ("im Jahr 2018 rund 39,4 Millionen", "im Jahr 2018 rund 39,4 Millionen"),
        ("am 2018-07-18 in Raum 2-17", "am 2018-07-18 in Raum 2-17"),
    ],
)
def test_phone_numbers_are_glued(written: str, glued: str) -> None:
    from pressdesk.typography import keep_phone_numbers

    assert keep_phone_numbers(written) == glued


def test_phone_number_never_breaks_inside_in_the_pdf(
    reference_draft: Draft, profile: Profile
) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.body = [
        Block(
            type="paragraph",
            text=f"{'Wir sind für Sie da. ' * 2}{'x' * k} Telefon 0211 / 837-1134 ok.",
        )
        for k in range(0, 40, 2)
    ]
    lines = [
        ln
        for page in page_texts(render_pdf(draft, profile, final=True))
        for ln in page.splitlines()
    ]
    assert len([ln for ln in lines if re.search(r"0211\s*/\s*837-1134", ln)]) == 20
    # the test can tell: some of the numbers really sit at a line end
    assert any(ln.rstrip().endswith("837-1134") for ln in lines)


def test_lone_surrogates_and_control_characters_never_crash_the_pdf(
    reference_draft: Draft, profile: Profile
) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.headline = "Kopf\x00zeile\x07 mit\x1b Steuer\ud800zeichen\ufffe"
    draft.body.insert(0, Block(type="subheading", text="Zwischen\udc00titel"))
    draft.press_office.organisation = "Amt\ud83d"
    data = render_pdf(draft, profile, final=True)
    text = norm("".join(page_texts(data)))
    assert "Kopfzeile" in text and "Steuerzeichen" in text and "Zwischentitel" in text
