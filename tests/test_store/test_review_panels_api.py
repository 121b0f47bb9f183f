"""The store methods the editor's review panels use, on both backends: withdraw, the
library page with author and Sperrfrist, the team, the reviewer's queue, the change token."""

from __future__ import annotations

import pytest

from pressdesk.model import Embargo
from pressdesk.store import WorkflowError
from tests.test_store.conftest import Library
from tests.test_store.helpers import reference, short


def test_withdraw_only_from_review_and_the_history_says_so(library: Library) -> None:
    anna = library.as_("anna")
    draft_id = anna.add(reference())
    with pytest.raises(WorkflowError, match="nur, was in Prüfung ist"):
        anna.withdraw(draft_id)
    anna.submit(draft_id)
    assert anna.withdraw(draft_id) == "draft"
    assert anna.show(draft_id).summary.state == "draft"
    assert [e.kind for e in anna.history(draft_id)] == ["created", "submitted", "recalled"]
    assert anna.check() == []
    anna.submit(draft_id)  # and it can go to review again
    assert library.as_("ben").approve(draft_id).state == "approved"


def test_library_page_newest_first_with_author_date_embargo_and_filters(
    library: Library,
) -> None:
    anna, dora = library.as_("anna"), library.as_("dora")
    first = anna.add(reference())
    later = short()
    later.header.embargo = Embargo("2026-12-01", "11:00")
    second = dora.add(later)
    dora.submit(second)
    rows = anna.library()
    assert [r.summary.id for r in rows] == [second, first]
    assert (rows[0].created_by, rows[0].embargo) == ("dora", "01.12.2026 11:00")
    assert (rows[1].created_by, rows[1].date, rows[1].embargo) == ("anna", "2018-07-18", "")
    assert [r.summary.id for r in anna.library(author="anna")] == [first]
    assert [r.summary.id for r in anna.library(state="In Prüfung")] == [second]
    assert [r.summary.id for r in anna.library(search_words="Integrationszentren")] == [first]
    assert [r.summary.id for r in anna.library(limit=1, offset=1)] == [first]
    assert anna.authors() == ["anna", "dora"]


def test_team_names_the_reviewers(library: Library) -> None:
    anna = library.as_("anna")
    anna.add(reference())
    team = dict(anna.team())
    assert team["ben"] == "reviewer" and team["carla"] == "reviewer"
    assert team["anna"] == "author"


def test_queue_holds_what_waits_for_this_reviewer(library: Library) -> None:
    anna, ben, carla = library.as_("anna"), library.as_("ben"), library.as_("carla")
    plain = anna.add(reference())
    cosigned = anna.add(short())
    not_submitted = anna.add(reference())
    anna.submit(plain, due="01.01.2020 09:00")
    anna.submit(cosigned, cosigners=["ben", "carla"], due="31.12.2099 10:00")
    assert anna.review_queue() == []  # an author has none
    queue = ben.review_queue()
    assert [q.entry.summary.id for q in queue] == [plain, cosigned]  # due first
    assert queue[0].overdue and not queue[1].overdue
    assert not_submitted not in [q.entry.summary.id for q in queue]
    ben.approve(cosigned)
    assert [q.entry.summary.id for q in ben.review_queue()] == [plain]  # he has approved
    [waiting] = [q for q in carla.review_queue() if q.entry.summary.id == cosigned]
    assert (waiting.approved_by, waiting.missing) == (["ben"], ["carla"])


def test_change_token_grows_with_every_step_by_anybody(library: Library) -> None:
    anna, ben = library.as_("anna"), library.as_("ben")
    before = ben.change_token()
    draft_id = anna.add(reference())
    after_add = ben.change_token()
    assert after_add > before
    anna.comment(draft_id, "Noch offen.")
    assert ben.change_token() > after_add
