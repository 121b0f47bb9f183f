"""Kept line breaks of paragraphs with bold, italic or links (issue 12, point 8).

The preview exports the same draft again after every pause; a paragraph whose markup,
style and width are unchanged reuses its lines (and the fragments reportlab leaves on
it, ``rlcompat.BREAK_STATE``). A change of text, a mark or the profile's type size
must show in the very next export; the same draft gives the same file every time.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pikepdf
import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer
from reportlab.platypus import Paragraph

from pressdesk.export.pdf import render
from pressdesk.model import Block, Draft
from pressdesk.model.inline import Mark
from pressdesk.profile import Profile

from .pdfread import page_texts

TEXT = (
    "Die Ministerin eröffnet das Kommunale Integrationszentrum in Bielefeld und stellt "
    "das Förderprogramm für Sprachkurse vor; Anmeldungen nimmt das Zentrum ab sofort an."
)
URL = "https://www.mkffi.nrw/integration/sprachkurse"
OTHER_URL = "https://www.mkffi.nrw/integration/anmeldung"


def _mark(part: str, kind: str, url: str = "", text: str = TEXT) -> Mark:
    start = text.index(part)
    return Mark(start, start + len(part), kind, url)  # type: ignore[arg-type]


def _draft(reference: Draft, block: Block) -> Draft:
    draft = copy.deepcopy(reference)
    draft.body = [block, *draft.body]  # over the page turn as in the reference
    return draft


def _marked(reference: Draft) -> Draft:
    marks = [_mark("Kommunale Integrationszentrum", "strong"), _mark("Förderprogramm", "link", URL)]
    return _draft(reference, Block(text=TEXT, marks=marks))


def _without_stamps(data: bytes) -> bytes:
    return re.sub(rb"\(D:\d+[^)]*\)|<[0-9a-f]{32}>", b"", data)


def _chars(data: bytes) -> Iterator[LTChar]:
    def walk(item: Any) -> Iterator[LTChar]:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            for child in item:
                yield from walk(child)

    for page in extract_pages(io.BytesIO(data)):
        yield from walk(page)


def _bold_words(data: bytes) -> str:
    return "".join(c.get_text() for c in _chars(data) if "Bold" in c.fontname)


def _uris(data: bytes) -> list[str]:
    pdf = pikepdf.open(io.BytesIO(data))
    return [
        str(a.A.URI)
        for page in pdf.pages
        for a in page.get("/Annots", [])
        if "/A" in a and "/URI" in a.A
    ]


@pytest.fixture
def broken(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The markup of each whole paragraph (made by ``para()``) reportlab breaks anew."""
    seen: list[str] = []
    original = Paragraph.breakLines

    def counted(self: Paragraph, width: object) -> object:
        parsed = getattr(self, "_pd_parsed", None)
        if parsed is not None:
            seen.append(parsed[0])
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    return seen


def test_the_same_draft_again_breaks_no_paragraph_again(
    profile: Profile, reference_draft: Draft, broken: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pressdesk.export.pdf import flowables

    monkeypatch.setattr(flowables, "_broken", flowables.OrderedDict())  # nothing kept yet
    draft = _marked(reference_draft)
    first = render(draft, profile, final=False).data
    assert any("Förderprogramm" in m and "<a " in m for m in broken)
    broken.clear()
    second = render(draft, profile, final=False).data
    assert broken == []  # bold and links included
    assert _without_stamps(second) == _without_stamps(first)
    assert len(page_texts(second)) == len(page_texts(first)) == 2
    assert "Kommunale Integrationszentrum" in _bold_words(second)
    assert URL in _uris(second)


def _longer(reference: Draft, times: int) -> Draft:
    draft = _marked(reference)
    draft.body = [copy.deepcopy(b) for _ in range(times) for b in draft.body]
    return draft


def test_the_same_draft_again_breaks_nothing_at_its_page_turns(
    profile: Profile, reference_draft: Draft, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parts of a paragraph split at a page turn (and the paragraph set again with
    the divided word kept whole) follow from its kept lines: none is broken anew."""
    draft = _longer(reference_draft, 3)
    first = render(draft, profile, final=True).data
    calls: list[object] = []
    original = Paragraph.breakLines

    def counted(self: Paragraph, width: object) -> object:
        calls.append(self)
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    second = render(draft, profile, final=True).data
    assert calls == []
    assert _without_stamps(second) == _without_stamps(first)
    assert len(page_texts(second)) >= 4


@pytest.mark.parametrize("times", [1, 3, 8])  # 8: a 13-page release
def test_kept_lines_give_the_same_file_as_fresh_ones(
    profile: Profile, reference_draft: Draft, monkeypatch: pytest.MonkeyPatch, times: int
) -> None:
    from pressdesk.export.pdf import flowables

    draft = _longer(reference_draft, times)
    render(draft, profile, final=True)
    kept = render(draft, profile, final=True).data  # every paragraph's lines reused
    monkeypatch.setattr(flowables, "_broken", flowables.OrderedDict())
    monkeypatch.setattr(flowables, "_keep_broken", lambda *args: None)
    fresh = render(draft, profile, final=True).data  # every paragraph broken anew
    assert _without_stamps(kept) == _without_stamps(fresh)


def test_a_changed_text_or_mark_shows_in_the_next_export(
    profile: Profile, reference_draft: Draft
) -> None:
    draft = _marked(reference_draft)
    render(draft, profile, final=False)
    render(draft, profile, final=False)

    retexted = copy.deepcopy(draft)  # the same marks, one word changed before them
    retexted.body[0].text = TEXT.replace("eröffnet", "besucht ")
    data = render(retexted, profile, final=False).data
    assert "Ministerin besucht das" in " ".join(" ".join(page_texts(data)).split())

    remarked = copy.deepcopy(draft)  # bold moved, link to another address
    remarked.body[0].marks = [
        _mark("Sprachkurse", "strong"),
        _mark("Förderprogramm", "link", OTHER_URL),
    ]
    data = render(remarked, profile, final=False).data
    assert "Sprachkurse" in _bold_words(data)
    assert "Kommunale Integrationszentrum" not in _bold_words(data)
    uris = _uris(data)
    assert OTHER_URL in uris and URL not in uris


def test_a_changed_type_size_shows_in_the_next_export(
    profile: Profile, reference_draft: Draft
) -> None:
    draft = _marked(reference_draft)
    render(draft, profile, final=False)
    raw = copy.deepcopy(profile.raw)
    raw["roles"]["body"]["size"] += 2  # the body's type size, as the profile gives it
    bigger = dataclasses.replace(profile, raw=raw)
    data = render(draft, bigger, final=False).data
    sizes = Counter(round(c.size, 1) for c in _chars(data))
    assert sizes.most_common(1)[0][0] == round(raw["roles"]["body"]["size"], 1)
    assert "Förderprogramm" in " ".join(page_texts(data))
