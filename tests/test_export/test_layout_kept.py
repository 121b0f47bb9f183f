"""What the layout keeps between exports in one process (issue 12, point 8): role
styles per profile and each run's cleaned markup. Kept results are never stale: a
changed profile or text shows in the very next export."""

from __future__ import annotations

import copy
import dataclasses
import io
from collections import Counter
from typing import Any

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer

from pressdesk.export import layout
from pressdesk.export.pdf import flowables, render
from pressdesk.model import Draft
from pressdesk.profile import Profile

from .pdfread import page_texts


def _sizes(data: bytes) -> Counter[float]:
    def walk(item: Any) -> Any:
        if isinstance(item, LTChar):
            yield round(item.size, 1)
        elif isinstance(item, LTContainer):
            for child in item:
                yield from walk(child)

    return Counter(s for page in extract_pages(io.BytesIO(data)) for s in walk(page))


def test_role_styles_are_made_once_per_profile(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[object] = []
    original = layout.default_roles
    monkeypatch.setattr(layout, "default_roles", lambda p: made.append(p) or original(p))
    fresh = dataclasses.replace(profile, raw=copy.deepcopy(profile.raw))
    fresh.raw.setdefault("roles", {}).setdefault("body", {})["size"] = 10.25  # never seen
    first = layout.role_styles(fresh)
    second = layout.role_styles(fresh)
    assert len(made) == 1 and first == second and first is not second
    assert second[layout.BODY].size == 10.25


def test_a_changed_profile_gets_its_new_styles(profile: Profile, reference_draft: Draft) -> None:
    before = render(reference_draft, profile, final=True).data
    assert _sizes(before).most_common(1)[0][0] == 11
    raw = copy.deepcopy(profile.raw)
    raw["roles"]["body"]["size"] = 12
    after = render(reference_draft, dataclasses.replace(profile, raw=raw), final=True).data
    assert _sizes(after).most_common(1)[0][0] == 12
    assert len(page_texts(after)) >= len(page_texts(before))


def test_the_same_draft_again_cleans_no_run_again(
    profile: Profile, reference_draft: Draft, monkeypatch: pytest.MonkeyPatch
) -> None:
    render(reference_draft, profile, final=True)
    prepared: list[str] = []
    original = flowables.prepare
    monkeypatch.setattr(flowables, "prepare", lambda t: prepared.append(t) or original(t))
    render(reference_draft, profile, final=True)
    assert prepared == []
    edited = copy.deepcopy(reference_draft)
    block = next(b for b in edited.body if b.type == "paragraph")
    block.text = "Die „neue“ Zeile. " + block.text
    data = render(edited, profile, final=True).data
    assert len(prepared) == 1 and "„neue“" in prepared[0]
    assert "Die „neue“ Zeile." in " ".join(" ".join(page_texts(data)).split())
