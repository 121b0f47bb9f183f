"""The hash chain reveals rows changed behind the store's back; publishing checks it first."""

from __future__ import annotations

import pytest

from pressdesk.store import WorkflowError
from tests.test_store.conftest import Library
from tests.test_store.helpers import raw_sql, reference


def _approved(lib: Library) -> int:
    anna = lib.as_("anna")
    draft_id = anna.add(reference())
    anna.submit(draft_id)
    lib.as_("ben").approve(draft_id)
    return draft_id


def test_a_changed_text_is_detected_and_not_published(library: Library) -> None:
    draft_id = _approved(library)
    anna = library.as_("anna")
    assert anna.check() == []
    raw_sql(
        library,
        "UPDATE versions SET content = replace(content, 'Duisburg', 'Dortmund') WHERE draft_id = ?",
        (draft_id,),
    )
    problems = anna.check()
    assert f"Entwurf {draft_id}: der Text von Version 1 wurde verändert." in problems
    with pytest.raises(WorkflowError, match="Historie ist beschädigt"):
        anna.publish(draft_id)
    assert anna.show(draft_id).summary.state_label == "Freigegeben"


def test_a_changed_history_event_is_detected(library: Library) -> None:
    draft_id = _approved(library)
    raw_sql(
        library, "UPDATE events SET actor = 'carla' WHERE draft_id = ? AND kind = 'approved'",
        (draft_id,),
    )  # fmt: skip
    problems = library.as_("anna").check()
    assert f"Entwurf {draft_id}: Ereignis 3 (approved) wurde verändert." in problems


def test_a_deleted_review_and_a_deleted_event_are_detected(library: Library) -> None:
    draft_id = _approved(library)
    raw_sql(library, "DELETE FROM reviews WHERE draft_id = ?", (draft_id,))
    raw_sql(library, "DELETE FROM events WHERE draft_id = ? AND seq = 2", (draft_id,))
    problems = library.as_("anna").check()
    assert f"Entwurf {draft_id}: Ereignis 2 fehlt in der Historie." in problems
    assert f"Entwurf {draft_id}: Prüfungen fehlen oder sind hinzugekommen." in problems


def test_a_state_set_by_hand_is_detected(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.test_store.conftest import make_sqlite_library

    lib = make_sqlite_library(tmp_path)
    try:
        draft_id = lib.as_("anna").add(reference())
        raw_sql(lib, "UPDATE drafts SET state = 'approved' WHERE id = ?", (draft_id,))
        problems = lib.as_("anna").check()
        assert problems == [
            f"Entwurf {draft_id}: der Status „approved“ passt nicht zur Historie („draft“)."
        ]
    finally:
        lib.close()
