"""The quick schema check answers as the engine does (issue 12, point 8).

An export asks :func:`pressdesk.validation.quickcheck.is_valid` first and loads
jsonschema-rs only for a draft it does not pass. A wrong yes would export a broken
draft, a wrong no only costs time; these tests hold it to the engine both ways.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pressdesk.model import Draft, load_draft
from pressdesk.paths import reference_sample, samples_dir
from pressdesk.validation import quickcheck
from pressdesk.validation.schema import live_validator, load_schema, reference_validator
from tests.strategies import any_drafts, drafts

_JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 600),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from([0.0, 1.0, 2.0, 1, 2, "", "Presseinformation", "2026-02-30"]),
        st.sampled_from(["strong", "link", "list", "quote", "12:00", "25:00", "0211 837-1134"]),
        st.sampled_from(["https://www.land.nrw", "www.land.nrw", "presse@stk.nrw.de", "a@b"]),
        st.text(max_size=12),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(node, dict):
        for k, v in node.items():
            found += _paths(v, (*here, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _paths(v, (*here, i))
    return found


@st.composite
def _mutated_drafts(draw: st.DrawFn) -> dict[str, Any]:
    """A near-valid draft with one to three places replaced, removed or added."""
    data = copy.deepcopy(draw(drafts(max_blocks=3)).to_dict())
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)[1:]))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(_JSON_VALUES)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["url", "marks", "speaker", "extra", "embargo"]))] = draw(
                _JSON_VALUES
            )
        else:
            parent.append(draw(_JSON_VALUES))
    return data


def _engine(data: dict[str, Any]) -> bool:
    answer = bool(live_validator().is_valid(data))
    assert answer == reference_validator().is_valid(data)
    return answer


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_quick_check_agrees_with_the_engine_on_near_valid_drafts(draft: Draft) -> None:
    data = draft.to_dict()
    assert quickcheck.is_valid(data) == _engine(data)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(any_drafts())
def test_quick_check_agrees_with_the_engine_on_any_draft(draft: Draft) -> None:
    data = draft.to_dict()
    assert quickcheck.is_valid(data) == _engine(data)


@settings(max_examples=250, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated_drafts())
@example({**load_draft(reference_sample()).to_dict(), "schemaVersion": True})
@example({**load_draft(reference_sample()).to_dict(), "schemaVersion": 1.0})
@example({**load_draft(reference_sample()).to_dict(), "headline": "Zeile\n"})
def test_quick_check_agrees_with_the_engine_on_damaged_drafts(data: dict[str, Any]) -> None:
    assert quickcheck.is_valid(data) == _engine(data)


def test_every_sample_passes_the_quick_check() -> None:
    samples = sorted(samples_dir().glob("*.pressdesk"))
    assert samples
    for path in samples:
        assert quickcheck.is_valid(load_draft(path).to_dict()), path.name


def test_a_keyword_the_quick_check_does_not_know_is_left_to_the_engine() -> None:
    schema = load_schema()
    assert quickcheck._valid([1, 2], {"type": "array"}, schema)
    assert not quickcheck._valid([1, 2], {"type": "array", "uniqueItems": True}, schema)
    assert not quickcheck._valid("x", {"$ref": "https://example.org/other.json"}, schema)
