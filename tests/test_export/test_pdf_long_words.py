"""A word wider than its column: divided with a hyphen where it may be, never cut mid-line.

A word that begins in the middle of a line is hyphenated there at a proper division
point (if one fits) or moves whole to the next line and is divided there; it is
broken at the column edge (with a hyphen, or without one for a word that has no
division point) only on a line it begins. Headlines are never hyphenated: a long word
moves to a line of its own and is divided only if it alone is wider than that line.
Every character of the paragraph stays in the PDF, in order, in every role. The
glyph-in-frame invariant is checked for every PDF here too (``conftest.py``).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from pressdesk.export.pdf import render_pdf
from pressdesk.export.pdf.hyphenation import hyphenator
from pressdesk.model import Block, Draft, load_draft
from pressdesk.model.inline import Mark
from pressdesk.paths import reference_sample
from pressdesk.profile import Profile, load_profile
from tests.strategies import long_words

from .frames import Frames
from .pdfread import missing_in_order, norm, page_texts
from .test_pdf_frames import _lines

DATA = Path(__file__).resolve().parents[1] / "data"

# A compound wider than the body column (German has them in laws' names).
WIDE_COMPOUND = (
    "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnungsänderungs"
    "gesetzentwurfsberatungsausschusssitzungsprotokollführungsbeauftragtenstellvertretung"
)
# narrower than the body column, wider than the press office block
SIDE_COMPOUND = "Landesintegrationsbeauftragtenstabsstellenkoordinationsreferatsleitung"

ROLES = ["body", "quote", "item", "side", "headline"]


def _heads(word: str) -> set[str]:
    """The heads a proper division (German hyphenation) of ``word`` leaves on the line."""
    return {h for h, _ in hyphenator()(word)}


def place(draft: Draft, role: str, text: str, formatted: bool = False) -> Draft:
    """``draft`` with ``text`` as the paragraph of ``role`` (first in the body column)."""
    draft = copy.deepcopy(draft)
    # a bold word makes reportlab break the lines another way (frag words)
    marks = [Mark(start=0, end=3, kind="strong")] if formatted else []
    if role == "body":
        draft.body = [Block(type="paragraph", text=text, marks=marks), *draft.body]
    elif role == "quote":
        block = Block(type="quote", text=text, speaker="Anna Muster", marks=marks)
        draft.body = [block, *draft.body]
    elif role == "item":
        block = Block(type="list", items=[text, "zweiter Punkt"], item_marks=[marks, []])
        draft.body = [block, *draft.body]
    elif role == "side":
        draft.press_office.unit = text
    else:
        draft.headline = text
    return draft


def shown(role: str, text: str) -> str:
    """``text`` as the paragraph of ``role`` shows it: a quote in quotation marks, a list
    item after its bullet."""
    return {"quote": f"\u201e{text}\u201c", "item": f"\u2022 {text}"}.get(role, text)


def paragraph_lines(data: bytes, profile: Profile, role: str, text: str) -> list[str]:
    """The lines of page 1 that together are ``text`` (whitespace and hyphens aside).

    ``text`` as shown (:func:`shown`). Empty when no run of consecutive lines spells
    it: a character lost or moved.
    """
    f = Frames.of(profile)
    if role == "side":
        lines = [t for x0, _, t in _lines(data) if x0 >= f.side_left - 0.5 and t]
    else:
        lines = [t for x0, _, t in _lines(data) if x0 < f.body_right and t]
    want = norm(text)
    for start in range(len(lines)):
        got = ""
        for end in range(start, len(lines)):
            got += norm(lines[end])
            if not want.startswith(got):
                break
            if got == want:
                return lines[start : end + 1]
    return []


def divisions(lines: list[str], text: str) -> list[tuple[str, str, str]]:
    """(line, head, word) for every line that ends inside a word of ``text``.

    ``head`` is what the line holds of the word (its added hyphen removed).
    """
    plain = [i for i, ch in enumerate(text) if norm(ch)]  # norm(text)[k] is text[plain[k]]
    out, pos = [], 0
    for line in lines[:-1]:
        pos += len(norm(line))
        before, after = plain[pos - 1], plain[pos]
        if any(ch.isspace() for ch in text[before + 1 : after]):
            continue  # the line ends between two words
        start = max(text.rfind(" ", 0, after), text.rfind("\n", 0, after)) + 1
        end = min(i for i in (text.find(" ", after), len(text)) if i >= 0)
        word = text[start:end]
        head = line.split()[-1].removesuffix("-").removesuffix("\u00ad")
        out.append((line, head, word))
    return out


def assert_divided_properly(lines: list[str], text: str, headline: bool = False) -> None:
    assert lines, f"not every character of the paragraph is on page 1, in order: {text!r}"
    for line, head, word in divisions(lines, text):
        own_hyphen = line.endswith("-") and head + "-" in word  # "Nordrhein-⏎Westfalen"
        begins_line = len(line.split()) == 1
        # cut without a hyphen: only a word that has no division point (digits), at the
        # column edge on a line of its own
        letters = all(part.isalpha() for part in word.strip(".,:;!?\u201e\u201c").split("-"))
        cut = begins_line and not letters
        assert line[-1] in "-\u00ad" or own_hyphen or cut, f"cut without hyphen: {line!r}"
        if headline:  # divided only on a line of its own
            assert begins_line, f"headline divided in the middle of a line: {line!r}"
        elif not begins_line and not own_hyphen:
            # begun in the middle of the line: a proper division point, else moved on
            assert head in _heads(word.strip(".,:;!?")), f"not a division point: {line!r}"


# (role, length of the word): where reportlab cut the word at the edge of the line it
# began in ("… und die Gr|undstücks…", "…verordnung|sänderungs…") or divided it there
# at no division point ("… und die Grun-|dstücks…"); the press office block's words
# are cut from SIDE_COMPOUND, the others' from WIDE_COMPOUND
WIDTHS = [
    *[("body", n) for n in (100, 121, 122, 123, 150)],
    *[("quote", n) for n in (108, 110, 112)],
    *[("item", n) for n in (112, 114, 116)],
    *[("side", n) for n in (55, 56, 58)],
    *[("headline", n) for n in (100, 150)],
]


# bold only where a draft can format (not in the press office block and the headline)
CASES = [
    pytest.param(role, length, formatted, id=f"{role}-{length}-{'bold' if formatted else 'plain'}")
    for role, length in WIDTHS
    for formatted in ((False,) if role in ("side", "headline") else (False, True))
]


@pytest.mark.parametrize(("role", "length", "formatted"), CASES)
def test_a_word_wider_than_the_column_is_divided_with_a_hyphen(
    reference_draft: Draft, profile: Profile, role: str, length: int, formatted: bool
) -> None:
    word = (SIDE_COMPOUND if role == "side" else WIDE_COMPOUND)[:length]
    between = f"Die {word} und die {word} bleiben."
    text = f"Landtag berät {word}" if role == "headline" else between
    draft = place(reference_draft, role, text, formatted)
    text = shown(role, text)
    lines = paragraph_lines(render_pdf(draft, profile, final=True), profile, role, text)
    assert_divided_properly(lines, text, headline=role == "headline")
    assert any(line[-1] in "-\u00ad" for line in lines)  # it was divided


@pytest.mark.parametrize("role", ["body", "item", "side"])
def test_a_compound_with_its_own_hyphen_is_hyphenated_too(
    reference_draft: Draft, profile: Profile, role: str
) -> None:
    """Its first part alone wider than the column: divided at hyphenation points, not
    cut at the column edge without a hyphen ("…verordnung|sänderungs…-Protokoll")."""
    word = f"{WIDE_COMPOUND[:115]}-Protokoll"
    text = f"Die {word} und die {word} bleiben."
    draft = place(reference_draft, role, text)
    text = shown(role, text)
    lines = paragraph_lines(render_pdf(draft, profile, final=True), profile, role, text)
    assert_divided_properly(lines, text)


def test_a_headline_word_that_fits_a_line_moves_to_the_next_one_whole(
    reference_draft: Draft, profile: Profile
) -> None:
    word = WIDE_COMPOUND[:60]
    text = f"Landtag berät heute und morgen über das {word}"
    draft = place(reference_draft, "headline", text)
    lines = paragraph_lines(render_pdf(draft, profile, final=True), profile, "headline", text)
    assert lines and lines[-1] == word, lines
    assert not any(line.endswith("-") for line in lines)


@pytest.mark.parametrize("length", [121, 123, len(WIDE_COMPOUND)])
def test_the_repro_paragraph_keeps_every_character(
    reference_draft: Draft, profile: Profile, tmp_path: Path, length: int
) -> None:
    """The issue's paragraph, read back as a user copies it (pdftotext, hyphens removed)."""
    import shutil
    import subprocess

    w = WIDE_COMPOUND[:length]
    text = f"Die {w} und die {w} bleiben. Auch die Landesregierung und die {w} prüfen."
    draft = place(reference_draft, "body", text)
    data = render_pdf(draft, profile, final=True)
    assert_divided_properly(paragraph_lines(data, profile, "body", text), text)
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(data)
    out = subprocess.run([exe, str(pdf), "-"], check=True, capture_output=True, text=True)
    assert norm(text) in norm(out.stdout)


def test_generated_draft_that_lost_text_at_a_page_turn_exports_whole(profile: Profile) -> None:
    """A generated draft the first attempt at this lost text with (long words in list
    items and quotes, with links and bold, over a page turn)."""
    from .pdfread import body_text, body_words
    from .test_one_layout import assert_one_layout

    draft = load_draft(DATA / "long-words-regression.pressdesk")
    words = [w.replace("\U0001f600", "") for w in body_words(draft, profile)]  # no emoji font
    for final in (True, False):
        data = render_pdf(draft, profile, final=final)
        text = body_text(page_texts(data), draft, profile)
        assert missing_in_order(text, words) == []
    assert_one_layout(draft, profile)


PROFILE = load_profile("nrw")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    hst.lists(long_words(), min_size=1, max_size=3),
    hst.sampled_from(ROLES),
    hst.booleans(),
)
def test_generated_long_words_keep_every_character_in_order(
    words: list[str], role: str, formatted: bool
) -> None:
    draft = load_draft(reference_sample())
    if role == "headline":
        text = "Landtag berät " + " und ".join(words)
        formatted = False
    elif role == "side":
        text = "Pressestelle " + " ".join(w[:90] for w in words)
        formatted = False
    else:
        text = "Die " + " und die ".join(words) + " bleiben."
    draft = place(draft, role, text, formatted)
    text = shown(role, text)
    data = render_pdf(draft, PROFILE, final=True)
    assert norm(text) in norm("".join(page_texts(data)))
    lines = paragraph_lines(data, PROFILE, role, text)
    if lines or role != "headline":  # a long headline may run onto page 2
        assert_divided_properly(lines, text, headline=role == "headline")


def test_the_column_edge_is_offered_only_on_a_line_the_token_begins() -> None:
    from pressdesk.export import breaks

    token = "ab1234567890cd/efgh"
    at_start = breaks.split_pairs(token, wider_than_column=True) or []
    mid_line = breaks.split_pairs(token, wider_than_column=True, line_start=False) or []
    assert mid_line == [("ab1234567890cd/", "efgh")]  # its own place only
    assert len(at_start) > 10 and at_start[0] == mid_line[0]
    assert breaks.split_pairs("1234567890" * 3, True, line_start=False) is None
    # a word reportlab hyphenates is left to hyphenation; other scripts break at the edge
    assert breaks.split_pairs("Grundstücksverkehrsgenehmigung", True) is None
    assert breaks.split_pairs("Grundstücksverkehrsgenehmigung-Protokoll", True) is None
    assert breaks.split_pairs("Ελληνικάγράμματα" * 3, True)
