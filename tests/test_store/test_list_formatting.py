"""Formatting of list items in the library: a mark added to an item voids the approval,
the word diff names it at the item, search reads the plain words, and drafts without
item marks keep their hash."""

from __future__ import annotations

from pressdesk.model import Block, Draft, Mark
from pressdesk.store.canonical import canonical_json, content_hash, plain_text
from pressdesk.store.diff import diff_drafts
from tests.test_store.conftest import Library
from tests.test_store.test_formatting import UNFORMATTED_HASH, unformatted

URL = "https://www.mkffi.nrw/integration"
ITEMS = ["Beratung vor Ort", "Programm: www.mkffi.nrw"]


def _with_list(item_marks: list[list[Mark]]) -> Draft:
    draft = unformatted()
    draft.body.append(Block(type="list", items=list(ITEMS), item_marks=item_marks))
    return draft


def test_empty_item_marks_keep_the_pinned_hash() -> None:
    draft = unformatted()
    draft.body[0].item_marks = [[], []]  # e.g. a list made a paragraph again
    assert content_hash(canonical_json(draft)) == UNFORMATTED_HASH


def test_an_item_mark_is_named_in_the_diff_at_its_item() -> None:
    old = _with_list([])
    new = _with_list([[], [Mark(10, 23, "link", URL)]])
    assert plain_text(new) == plain_text(old)  # search reads the words only
    assert content_hash(canonical_json(new)) != content_hash(canonical_json(old))
    [change] = diff_drafts(old, new)
    index = len(new.body) - 1
    assert change.path == f"body[{index}].items[1]"
    assert change.marked() == f"Formatierung geändert: „www.mkffi.nrw“ als Link auf {URL}"
    [back] = diff_drafts(new, old)
    assert back.marked() == f"Formatierung geändert: „www.mkffi.nrw“ kein Link mehr ({URL})"


def test_bold_added_to_a_list_item_voids_the_approval(library: Library) -> None:
    anna, ben = library.as_("anna"), library.as_("ben")
    draft = _with_list([])
    draft_id = anna.add(draft)
    anna.submit(draft_id)
    ben.approve(draft_id)
    assert anna.show(draft_id).summary.state_label == "Freigegeben"
    draft.body[-1].item_marks = [[Mark(0, 8, "strong")]]
    result = anna.update(draft_id, draft, base=1)
    assert (result.changes_content, result.state) == (True, "draft")
    assert anna.show(draft_id).summary.state_label == "Entwurf"
    assert anna.get(draft_id).body[-1].item_marks == [[Mark(0, 8, "strong")]]
    [change] = anna.diff(draft_id, 1, 2)
    assert change.marked() == "Formatierung geändert: „Beratung“ fett"
