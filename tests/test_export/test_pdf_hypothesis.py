"""Generated drafts: every draft that validates exports, and nothing ever raises a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressdesk.export import ExportError
from pressdesk.export.pdf import render
from pressdesk.model import Draft
from pressdesk.profile import load_profile
from pressdesk.validation import validate
from tests.strategies import any_drafts, drafts

from .pdfread import missing_in_order, norm, page_texts

PROFILE = load_profile("nrw")
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _valid(draft: Draft) -> bool:
    return not any(p.is_error for p in validate(draft))


@SLOW
@given(drafts().filter(_valid), st.booleans())
def test_every_valid_draft_exports(draft: Draft, final: bool) -> None:
    result = render(draft, PROFILE, final=final)
    texts = page_texts(result.data)
    assert len(texts) == result.pages >= 1
    for i, text in enumerate(texts, start=1):
        assert f"Seite {i} von {result.pages}" in text
    # The headline, markup characters and all, is there as text.
    headline = "".join(ch for ch in draft.headline if ord(ch) < 0x10000 and ch != "😀")
    assert missing_in_order("".join(texts), headline.split()) == []
    if "<" in draft.headline or "&" in draft.headline:
        assert norm(headline) in norm("".join(texts))


@settings(max_examples=40, deadline=None)
@given(any_drafts())
def test_any_draft_exports_or_says_why(draft: Draft) -> None:
    try:
        result = render(draft, PROFILE, final=False)
    except ExportError as exc:
        assert str(exc)
    else:
        assert result.pages >= 1
