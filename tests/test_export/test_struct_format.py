"""The structure tree is written by PressDesk's own formatter for speed (issue 12,
point 8): byte for byte what reportlab's PDFDictionary and PDFArray write."""

from __future__ import annotations

import copy
import re

import pytest
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary

from pressdesk.export.pdf import render, tagging
from pressdesk.model import Draft
from pressdesk.profile import Profile


def _without_stamps(data: bytes) -> bytes:
    return re.sub(rb"\(D:\d+[^)]*\)|<[0-9a-f]{32}>", b"", data)


@pytest.mark.parametrize("times", [1, 3])  # 3: elements with more than 10 kids
def test_the_structure_tree_is_written_as_reportlab_writes_it(
    profile: Profile, reference_draft: Draft, monkeypatch: pytest.MonkeyPatch, times: int
) -> None:
    draft = copy.deepcopy(reference_draft)
    draft.body = [copy.deepcopy(b) for _ in range(times) for b in draft.body]
    ours = render(draft, profile, final=True).data
    assert ours.count(b"/Type /StructElem") > 20
    monkeypatch.setattr(tagging, "_StructElem", PDFDictionary)
    monkeypatch.setattr(tagging, "_Kids", PDFArray)
    theirs = render(draft, profile, final=True).data
    assert _without_stamps(ours) == _without_stamps(theirs)
