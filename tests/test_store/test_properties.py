"""Hypothesis: content hashes, the word diff and the store's round trip hold for any draft."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressdesk.model import Draft
from pressdesk.model.files import draft_from_dict
from pressdesk.store.api import Store
from pressdesk.store.canonical import (
    canonical_json,
    content_hash,
    draft_from_canonical,
    text_at,
    texts,
)
from pressdesk.store.diff import diff_text
from tests.strategies import any_drafts, drafts


def _set(data: dict[str, Any], path: str, value: str) -> None:
    parts: list[str | int] = [
        int(i) if i else k for k, i in re.findall(r"([A-Za-z]+)|\[(\d+)\]", path)
    ]
    node: Any = data
    for part in parts[:-1]:
        node = node[part]
    node[parts[-1]] = value


@given(any_drafts())
def test_the_canonical_form_reads_back_to_the_same_draft(draft: Draft) -> None:
    assert draft_from_canonical(canonical_json(draft)) == draft
    assert content_hash(canonical_json(copy.deepcopy(draft))) == content_hash(canonical_json(draft))


@given(any_drafts(), st.data())
def test_changing_any_text_changes_the_hash(draft: Draft, data: st.DataObject) -> None:
    fields = [
        (p, t)
        for p, t in texts(draft.to_dict())
        if not p.endswith((".type", ".atSpeechStart"))  # a choice and a flag, not text
    ]
    if not fields:
        return
    path, text = data.draw(st.sampled_from(fields))
    assert text_at(draft, path) == text
    extra = data.draw(st.sampled_from([",", " ", "1", "ẞ"]))
    changed = draft.to_dict()
    _set(changed, path, text + extra)
    other = draft_from_dict(changed)
    assert content_hash(canonical_json(other)) != content_hash(canonical_json(draft))


@given(st.text(), st.text())
def test_the_word_diff_holds_both_texts(old: str, new: str) -> None:
    pieces = diff_text(old, new)
    assert "".join(t for op, t in pieces if op != "+") == old
    assert "".join(t for op, t in pieces if op != "-") == new
    if old == new:
        assert all(op == "=" for op, _ in pieces)


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('hyp') / 'bibliothek.sqlite'}"


@settings(max_examples=25)
@given(draft=drafts())
def test_any_draft_comes_back_from_the_store_and_a_resave_changes_nothing(
    store_url: str, draft: Draft
) -> None:
    with Store(store_url, user="anna") as store:
        draft_id = store.add(draft)
        assert store.get(draft_id) == draft
        result = store.update(draft_id, draft_from_canonical(canonical_json(draft)), base=1)
        assert (result.changes_content, result.state) == (False, "draft")
        words = re.findall(r"[A-Za-zÄÖÜäöüß]{4,}", draft.headline)
        if words:
            assert draft_id in [s.id for s in store.list_drafts(search_words=words[0], limit=1000)]
