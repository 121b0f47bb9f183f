"""Typography of the page turn: no word is divided across a page turn (PDF)."""

from __future__ import annotations

import copy
import io
import itertools
from collections.abc import Callable

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer, LTTextLineHorizontal

from pressdesk.export.pdf import render
from pressdesk.model import Draft
from pressdesk.profile import Profile

from .frames import Frames
from .pdfread import body_words


def text_lines(data: bytes, keep: Callable[[LTTextLineHorizontal, int], bool]) -> list[list[str]]:
    """Per page, the text lines for which ``keep(line, page number)`` holds, top to bottom."""
    pages = []
    for layout in extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.1)):
        lines = [
            line
            for box in layout
            if isinstance(box, LTTextContainer)
            for line in box
            if isinstance(line, LTTextLineHorizontal)
            and line.get_text().strip()
            and keep(line, layout.pageid)
        ]
        lines.sort(key=lambda ln: -ln.y0)
        pages.append([ln.get_text().strip() for ln in lines])
    return pages


def body_lines(data: bytes, profile: Profile) -> list[list[str]]:
    """Per page, the text lines of the body column, top to bottom."""
    f = Frames.of(profile)

    def in_body(line: LTTextLineHorizontal, page: int) -> bool:
        top = f.first_body_top if page == 1 else f.later_body_top
        return line.x0 < f.body_right and line.y1 < top

    return text_lines(data, in_body)


def divided_page_turns(data: bytes, draft: Draft, profile: Profile) -> list[str]:
    """'Kom-|munalen' for each page turn inside a word (empty: none)."""
    words = set(body_words(draft, profile))
    pages = body_lines(data, profile)
    bad = []
    for page, nxt in itertools.pairwise(pages):
        if not page or not nxt:
            continue
        last, first = page[-1].split()[-1], nxt[0].split()[0]
        if last not in words:
            bad.append(f"{last}|{first}")
    return bad


def _long(reference: Draft, times: int) -> Draft:
    draft = copy.deepcopy(reference)
    draft.body = [copy.deepcopy(b) for _ in range(times) for b in reference.body]
    return draft


def test_the_check_sees_a_divided_word(reference_draft: Draft, profile: Profile) -> None:
    data = render(reference_draft, profile, final=True).data
    draft = copy.deepcopy(reference_draft)
    assert divided_page_turns(data, draft, profile) == []
    # the same PDF judged against a draft without the last word of page 1
    last = body_lines(data, profile)[0][-1].split()[-1]
    for block in draft.body:
        block.text = block.text.replace(f" {last} ", f" {last}X ")
    draft.contact = draft.contact.replace(f" {last} ", f" {last}X ")
    assert divided_page_turns(data, draft, profile) == [
        f"{last}|{body_lines(data, profile)[1][0].split()[0]}"
    ]


def test_no_word_divided_across_a_page_turn(reference_draft: Draft, profile: Profile) -> None:
    turns = 0
    for times in (1, 3, 10):
        draft = _long(reference_draft, times)
        result = render(draft, profile, final=False)
        turns += result.pages - 1
        assert divided_page_turns(result.data, draft, profile) == [], times
    assert turns >= 15


def compound_at_a_page_turn(reference: Draft) -> Draft:
    """A paragraph whose page 1 ends at "Nordrhein-" (a compound's own hyphen)."""
    from pressdesk.model import Block

    draft = copy.deepcopy(reference)
    # the lead-in puts the page turn where LibreOffice's lines agree with the PDF's (its
    # "tf" ligature lets a line of nothing but "Nordrhein-Westfalen" hold one more)
    text = "Wir " * 3 + "Nordrhein-Westfalen " * 150
    draft.body = [Block(type="paragraph", text=text), *draft.body]
    return draft


def test_compound_kept_whole_at_a_page_turn(reference_draft: Draft, profile: Profile) -> None:
    """Every line of the paragraph ends in "Nordrhein-": ending the page earlier does not help;
    the compound goes to the next page whole and page 1 stays full."""
    draft = compound_at_a_page_turn(reference_draft)
    data = render(draft, profile, final=True).data
    assert divided_page_turns(data, draft, profile) == []
    pages = body_lines(data, profile)
    assert pages[0][-1].endswith("Nordrhein-Westfalen")
    assert pages[1][0].startswith("Nordrhein-Westfalen")
    full = body_lines(render(reference_draft, profile, final=True).data, profile)
    assert len(pages[0]) >= len(full[0])  # no lines given away
