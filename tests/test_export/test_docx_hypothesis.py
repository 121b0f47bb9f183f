"""Generated drafts: every valid draft exports to DOCX, and no draft makes python-docx raise.

In process, without LibreOffice: the file is opened again with python-docx, every
XML part must parse, and the headline's words must be in the body.
"""

from __future__ import annotations

import io
import itertools
import zipfile

import docx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from pressdesk.export import ExportError
from pressdesk.export.docx import render_docx
from pressdesk.model import Block, Draft
from pressdesk.profile import load_profile
from pressdesk.validation import validate
from tests.strategies import any_drafts, drafts

PROFILE = load_profile("nrw")
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _valid(draft: Draft) -> bool:
    return not any(p.is_error for p in validate(draft))


def _check_package(data: bytes) -> docx.document.Document:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(z.read(name))
    return docx.Document(io.BytesIO(data))


@SLOW
@given(drafts().filter(_valid), st.booleans())
def test_every_valid_draft_exports(draft: Draft, final: bool) -> None:
    doc = _check_package(render_docx(draft, PROFILE, final=final))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert " ".join(draft.headline.split()) in " ".join(text.split())
    header = doc.sections[0].first_page_header
    assert PROFILE.label("draftMark") not in "\n".join(p.text for p in header.paragraphs)
    assert (b"PowerPlusWaterMarkObject" in etree.tostring(header._element)) is not final


@SLOW
@given(any_drafts())
@example(Draft(headline="\x1b", body=[Block(type="subheading", text="0")]))  # found by hypothesis
def test_any_draft_exports_or_says_why(draft: Draft) -> None:
    """Control characters, lone text in odd places, nonsense dates: never a traceback."""
    try:
        data = render_docx(draft, PROFILE, final=False)
    except ExportError as exc:
        assert str(exc)
    else:
        _check_package(data)


# a few words again and again: the division must go to the right one of them
WORD = st.sampled_from(["Kommunalen", "Integration", "verbessern", "Lehrkräfte"]) | st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzäöüß", min_size=4, max_size=14
)


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(WORD, min_size=1, max_size=30),
    picks=st.lists(st.tuples(st.integers(0, 29), st.integers(1, 13)), max_size=8),
)
def test_soft_hyphens_land_in_the_chosen_words_only(
    words: list[str], picks: list[tuple[int, int]]
) -> None:
    """Whatever the layout divided goes into that very word, every division of a word
    divided more than once (over three lines) included; the text stays the same."""
    from collections import Counter

    from docx.oxml.ns import qn

    from pressdesk.export.docx.hyphens import apply_divisions
    from pressdesk.export.pdf.linebreaks import Divisions

    doc = docx.Document()
    text = " ".join(words)
    doc.add_paragraph(text[: len(text) // 2])
    doc.add_paragraph(text[len(text) // 2 :])
    flow = " ".join(p.text for p in doc.paragraphs).split()
    seen: Counter[str] = Counter()
    occurrences = []
    for w in flow:
        occurrences.append((w, seen[w]))
        seen[w] += 1
    chosen: dict[int, set[int]] = {}
    for i, head in picks:
        chosen.setdefault(i % len(flow), set()).add(head)
    divisions = Divisions(
        body=[
            (occurrences[i][0], head, occurrences[i][1])
            for i, heads in sorted(chosen.items())
            for head in sorted(heads)
        ]
    )
    placed = apply_divisions(doc, divisions)
    marked = []
    for p in doc.element.body.iter(qn("w:p")):
        joined = "".join(
            "|" if el.tag == qn("w:softHyphen") else (el.text or "")
            for el in p.iter(qn("w:t"), qn("w:softHyphen"))
        )
        marked += joined.split()
    assert " ".join(marked).replace("|", "") == " ".join(flow)

    def divided(word: str, heads: set[int]) -> str:
        cuts = [0, *sorted(h for h in heads if 0 < h < len(word)), len(word)]
        return "|".join(word[a:b] for a, b in itertools.pairwise(cuts))

    want = [divided(w, chosen.get(i, set())) for i, w in enumerate(flow)]
    assert marked == want
    assert placed == sum(1 for i, hs in chosen.items() for h in hs if 0 < h < len(flow[i]))
