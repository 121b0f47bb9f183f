"""The preview's case: the same draft exported again parses no paragraph markup again
(issue 12, point 8). A changed paragraph is parsed anew; the PDF is the same as ever."""

from __future__ import annotations

import copy
import re

import pytest
from reportlab.platypus import paraparser

from pressdesk.export.pdf import render
from pressdesk.model import Draft
from pressdesk.profile import Profile
from tests.test_export.pdfread import page_texts


def _without_stamps(data: bytes) -> bytes:
    return re.sub(rb"\(D:\d+[^)]*\)|<[0-9a-f]{32}>", b"", data)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = paraparser.ParaParser.parse

    def counted(self: paraparser.ParaParser, text: str, style: object) -> object:
        seen.append(text)
        return original(self, text, style)

    monkeypatch.setattr(paraparser.ParaParser, "parse", counted)
    return seen


def test_the_same_draft_again_parses_no_markup(
    profile: Profile, reference_draft: Draft, parses: list[str]
) -> None:
    first = render(reference_draft, profile, final=False).data
    parses.clear()
    second = render(reference_draft, profile, final=False).data
    assert parses == []  # links included: their marks are numbered per document
    assert _without_stamps(second) == _without_stamps(first)


def test_a_changed_paragraph_is_parsed_and_shown(
    profile: Profile, reference_draft: Draft, parses: list[str]
) -> None:
    render(reference_draft, profile, final=False)
    changed = copy.deepcopy(reference_draft)
    block = next(b for b in changed.body if b.type == "paragraph")
    block.text = "Geänderter Absatz mit neuem Wortlaut. " + block.text
    parses.clear()
    data = render(changed, profile, final=False).data
    assert len(parses) == 1 and "Geänderter Absatz" in parses[0]
    assert "Geänderter Absatz mit neuem Wortlaut." in " ".join(" ".join(page_texts(data)).split())


def test_the_same_draft_again_breaks_no_simple_paragraph_again(
    profile: Profile, reference_draft: Draft, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lines of one-font paragraphs are kept per (markup, style, width) (those with bold
    or links too since, see test_broken_kept.py). The file is the same, page turns included."""
    from reportlab.platypus import Paragraph

    kinds: list[int] = []
    original = Paragraph.breakLines

    def counted(self: Paragraph, width: object) -> object:
        bl = original(self, width)
        kinds.append(bl.kind)
        return bl

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    render(reference_draft, profile, final=False)  # fills the kept lines
    kinds.clear()
    first = render(reference_draft, profile, final=False).data
    assert 0 not in kinds  # every simple paragraph's lines were kept
    kinds.clear()
    longer = copy.deepcopy(reference_draft)
    longer.body = longer.body * 3  # the same paragraphs again, now over page turns
    data = render(longer, profile, final=False).data
    assert 0 not in kinds
    assert len(page_texts(data)) > len(page_texts(first))
    words = " ".join(" ".join(page_texts(data)).split())
    block = next(b for b in reference_draft.body if b.type == "paragraph")
    assert words.count(" ".join(block.text.split()[:6])) == 3
