"""No word divided across a page turn, also a word over three or more lines (PDF).

A long compound or a long address at the bottom of page 1 goes whole to page 2: the
lines before it (and its own line up to it) stay on page 1, page 2 begins with the
word. Only a word taller than a whole page is divided at the turn.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from pressdesk.export.pdf import render
from pressdesk.model import Block, Draft, load_draft
from pressdesk.paths import reference_sample
from pressdesk.profile import Profile, load_profile
from tests.strategies import COMPOUND_PARTS

from .pdfread import body_text, body_words, missing_in_order, norm, page_texts
from .test_pdf_long_words import WIDE_COMPOUND
from .test_pdf_page_turn import body_lines, divided_page_turns

# one body line each (a forced line break after it): puts the long word on any line
FILLER = "Die Landesregierung fördert das Ehrenamt."
ADDRESS = "https://www.land.nrw/de/pressemitteilung/" + "/".join(
    ["landesregierung-foerdert-ehrenamt-und-integration"] * 4
)
# (name, word, lines it takes in the body column begun in the middle of a line)
WORDS = [
    ("kompositum-3", WIDE_COMPOUND[:150], 3),
    ("kompositum-4", WIDE_COMPOUND, 4),
    ("kompositum-5", WIDE_COMPOUND + WIDE_COMPOUND[:80], 5),
    ("adresse-3", ADDRESS[:170], 3),
    ("adresse-5", ADDRESS + "/index.html", 5),
]
PROFILE = load_profile("nrw")


def at_line(reference: Draft, line: int, word: str, before: int = 0) -> Draft:
    """The body: one paragraph whose line ``line`` (1-based) holds ``before`` short words
    and then ``word``; more text after it, for page 2."""
    draft = copy.deepcopy(reference)
    lines = [f"{FILLER} {i}" for i in range(1, line)]
    text = "\n".join([*lines, "Wir " * before + word + " und weitere Wörter folgen hier."])
    rest = "Die Landesregierung fördert das Ehrenamt in den Kommunen. " * 12
    draft.body = [Block(type="paragraph", text=text), Block(type="paragraph", text=rest)]
    return draft


@lru_cache(maxsize=1)
def page_one_lines() -> int:
    """How many lines of the body paragraph page 1 holds (the reference draft's page)."""
    draft = at_line(load_draft(reference_sample()), 60, "Ende")
    first = body_lines(render(draft, PROFILE, final=True).data, PROFILE)[0]
    return sum(1 for line in first if line.startswith(FILLER))


def assert_whole_at_the_turn(
    draft: Draft, word: str, profile: Profile, first: str | None = None, line: bool = False
) -> list[list[str]]:
    """The user's view: every character in order, "Seite i von N" true, and ``word`` on one
    page; if on page 2, page 2 begins with it and page 1 kept everything before it
    (``first``: the text of the block holding the word, if not the first paragraph;
    ``line``: the word's whole line may have moved with it)."""
    result = render(draft, profile, final=True)
    texts = page_texts(result.data)
    assert missing_in_order(body_text(texts, draft, profile), body_words(draft, profile)) == []
    for i, text in enumerate(texts, start=1):
        assert f"Seite {i} von {result.pages}" in text
    assert divided_page_turns(result.data, draft, profile) == []
    pages = body_lines(result.data, profile)
    first, second = norm("".join(pages[0])), norm("".join(pages[1]))
    assert norm(word) in first or norm(word) in second, "the word is divided at the turn"
    if norm(word) in second and not line:
        assert pages[1][0].startswith(word[:12]), pages[1][0]
        before = norm((first or draft.body[0].text).split(word)[0])
        assert first.endswith(before[-40:]), pages[0][-1]
        assert not re.search(r"[-/]$", pages[0][-1]), pages[0][-1]
    return pages


@pytest.mark.parametrize(("name", "word", "height"), WORDS, ids=[w[0] for w in WORDS])
@pytest.mark.parametrize("from_bottom", range(6))
def test_a_long_word_at_the_bottom_of_page_one_goes_whole_to_page_two(
    reference_draft: Draft, profile: Profile, name: str, word: str, height: int, from_bottom: int
) -> None:
    """The word begins on each of page 1's last six lines, at the line start and after a
    few words; it ran onto page 2 before (divided at the turn) from where it would."""
    line = page_one_lines() - from_bottom
    for before in (0, 3):
        draft = at_line(reference_draft, line, word, before)
        pages = assert_whole_at_the_turn(draft, word, profile)
        if from_bottom == 0:  # begun on page 1's last line: page 2 begins with it
            assert pages[1][0].startswith(word[:12])
            assert pages[0][-1].startswith(FILLER if before == 0 else "Wir")


@pytest.mark.parametrize("role", ["quote", "list"])
def test_a_long_word_in_a_quote_or_list_item_goes_whole_to_page_two(
    reference_draft: Draft, profile: Profile, role: str
) -> None:
    """The same in a quote and a list item (lines of their own, then the word)."""
    word = WIDE_COMPOUND
    for from_bottom in range(3):
        lines = [f"{FILLER} {i}" for i in range(1, page_one_lines() - from_bottom)]
        text = "\n".join([*lines, "Wir " + word + " und weitere Wörter folgen hier."])
        draft = copy.deepcopy(reference_draft)
        if role == "quote":
            block = Block(type="quote", text=text, speaker="Anna Muster")
        else:
            block = Block(type="list", items=[text, "zweiter Punkt"])
        draft.body = [block, *draft.body]
        pages = assert_whole_at_the_turn(draft, word, profile, first=text)
        assert pages[1][0].startswith(word[:12]), from_bottom


def test_a_word_taller_than_a_page_is_divided_at_the_turn(
    reference_draft: Draft, profile: Profile
) -> None:
    """No page could hold it whole: it is divided at the turn (no layout error, nothing
    lost), and page 1 stays full up to it."""
    word = (WIDE_COMPOUND * 20)[:4000]
    draft = at_line(reference_draft, page_one_lines() - 3, word, before=2)
    result = render(draft, profile, final=True)
    texts = page_texts(result.data)
    assert missing_in_order(body_text(texts, draft, profile), body_words(draft, profile)) == []
    pages = body_lines(result.data, profile)
    assert pages[0][-1].endswith("-")  # divided at the turn
    assert norm(pages[0][-1]) in norm(word)
    assert len(pages[0]) >= page_one_lines()


def test_an_export_after_an_edit_shows_the_edit(reference_draft: Draft, profile: Profile) -> None:
    """The kept lines and parses (.flowables) know the word kept whole: an edited word
    comes out edited, at the same place."""
    word = WIDE_COMPOUND
    line = page_one_lines() - 1
    assert_whole_at_the_turn(at_line(reference_draft, line, word, 3), word, profile)
    edited = word.replace("verordnung", "vereinbarung")
    pages = assert_whole_at_the_turn(at_line(reference_draft, line, edited, 3), edited, profile)
    assert pages[1][0].startswith(edited[:12])
    assert norm(edited) in norm("".join(pages[1]))


@hst.composite
def long_word(draw: hst.DrawFn) -> str:
    """A compound of real parts (hyphenation points) or an address, 120 to 400 characters."""
    if draw(hst.booleans()):
        parts = draw(hst.lists(hst.sampled_from(COMPOUND_PARTS), min_size=12, max_size=40))
        word = "".join(parts).capitalize()
    else:
        parts = draw(hst.lists(hst.sampled_from(COMPOUND_PARTS), min_size=12, max_size=40))
        word = "https://www.land.nrw/" + "/".join(parts)
    return word[:400] if len(word) >= 120 else word + "verwaltung" * 12


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(long_word(), hst.integers(0, 5), hst.integers(0, 6))
def test_generated_long_words_at_a_page_bottom_are_never_divided_at_the_turn(
    word: str, from_bottom: int, before: int
) -> None:
    draft = at_line(load_draft(reference_sample()), page_one_lines() - from_bottom, word, before)
    assert_whole_at_the_turn(draft, word, PROFILE)


def test_a_re_split_that_still_divides_a_word_at_the_turn_is_refused(
    reference_draft: Draft, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The twin (the paragraph again, the word marked to be kept whole) is checked once
    more: were reportlab allowed to cut the marked word at the line's edge (as it does for
    a word wider than the line), the twin's page would end inside it, without even a
    hyphen. That split is refused; the page ends before the word's line instead.

    Two checks refuse it: the twin's own split (it ends its page before a divided word,
    which changes its line count) and, after it, ``ends_inside_word`` on the twin's page;
    this test stays green with either one alone."""
    from pressdesk.export.pdf import flowables

    derive = flowables._with

    def edge_cut_allowed(style: object, **changes: object) -> object:
        changes.pop("splitLongWords", None)
        return derive(style, **changes) if changes else style

    monkeypatch.setattr(flowables, "_with", edge_cut_allowed)
    word = WIDE_COMPOUND
    draft = at_line(reference_draft, page_one_lines(), word, before=3)
    pages = assert_whole_at_the_turn(draft, word, profile, line=True)
    assert pages[1][0].startswith("Wir Wir Wir " + word[:12])  # the word's whole line moved


# (word, from the bottom, words before it): the twin keeps the line's head (a compound, an
# address), and the word begins its line (the whole line moves, page 1 ends short)
DOCX_CASES = [("kompositum-4", 0, 3), ("adresse-5", 1, 3), ("kompositum-5", 2, 0)]


def test_the_docx_turns_the_page_where_the_pdf_does(
    reference_draft: Draft, profile: Profile, tmp_path: Path
) -> None:
    """LibreOffice's pages of the DOCX against the PDF's: every line ends at the same word.
    The DOCX has optional hyphens for the word's divisions on page 2, so without a page
    break before it LibreOffice would fill page 1 and divide it there."""

    from pressdesk.export.docx import export_docx

    from .test_docx_render import SOFFICE, soffice_to_pdf

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    words = {name: word for name, word, _ in WORDS}
    pdfs, docs = {}, []
    for name, from_bottom, before in DOCX_CASES:
        draft = at_line(reference_draft, page_one_lines() - from_bottom, words[name], before)
        pdfs[name] = body_lines(render(draft, profile, final=True).data, profile)
        export_docx(draft, tmp_path / f"{name}.docx", profile=profile, final=True)
        docs.append(str(tmp_path / f"{name}.docx"))
    soffice_to_pdf(docs, tmp_path, profile.fonts.family)
    for name, pdf in pdfs.items():
        docx = body_lines((tmp_path / "pdf" / f"{name}.pdf").read_bytes(), profile)
        assert [[ln.split()[-1] for ln in page] for page in docx] == [
            [ln.split()[-1] for ln in page] for page in pdf
        ], name
        assert docx[1][0].startswith(words[name][:12]), name


@pytest.mark.parametrize("before", [0, 12, 24, 26, 30, 36])
def test_a_long_word_in_running_text_goes_whole_to_page_two(
    reference_draft: Draft, profile: Profile, before: int
) -> None:
    """A plain paragraph (one run, no line breaks: reportlab's simple lines) whose long
    compound comes after ``before`` short words, near the bottom of page 1."""
    word = WIDE_COMPOUND
    draft = copy.deepcopy(reference_draft)
    lead = "Die Landesregierung fördert das Ehrenamt in den Kommunen. " * 30
    text = lead + "Wir " * before + word + " und weitere Wörter folgen hier. " + lead
    draft.body = [Block(type="paragraph", text=text)]
    assert_whole_at_the_turn(draft, word, profile)
