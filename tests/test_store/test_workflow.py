"""The review workflow on both backends: what author and reviewer see and may do."""

from __future__ import annotations

import pytest

from pressdesk.model import Embargo
from pressdesk.store import FourEyesError, StaleApprovalError, StaleVersionError, WorkflowError
from pressdesk.store.canonical import canonical_json
from tests.test_store.conftest import Library
from tests.test_store.helpers import reference, short


def test_added_draft_comes_back_unchanged_as_version_one(library: Library) -> None:
    anna = library.as_("anna")
    draft = reference()
    draft_id = anna.add(draft)
    assert anna.get(draft_id) == draft
    [summary] = anna.list_drafts()
    assert (summary.id, summary.state_label, summary.current_version) == (draft_id, "Entwurf", 1)
    assert summary.headline == draft.headline


def test_whole_round_submit_comment_return_update_resubmit_approve(library: Library) -> None:
    anna, ben, carla = library.as_("anna"), library.as_("ben"), library.as_("carla")
    draft = reference()
    draft_id = anna.add(draft)
    anna.submit(draft_id)
    assert anna.show(draft_id).summary.state_label == "In Prüfung"

    note = carla.comment(draft_id, "Zu lang für eine Zeile.", field="headline")
    result = ben.send_back(draft_id, "Bitte die Überschrift kürzen.")
    assert result.state == "changes_requested"
    assert anna.show(draft_id).summary.state_label == "Änderungen erbeten"

    draft.headline = "Staatssekretärin Güler besucht Integrationszentrum Duisburg"
    saved = anna.update(draft_id, draft, base=1)
    assert (saved.version, saved.changes_content, saved.state) == (2, True, "draft")
    anna.comment(draft_id, "Gekürzt.", reply_to=note)
    anna.resolve(draft_id, note)
    anna.submit(draft_id)
    assert ben.approve(draft_id, version=2).state == "approved"

    detail = anna.show(draft_id)
    assert detail.summary.state_label == "Freigegeben"
    [first, answer] = detail.comments
    assert (first.field_path, first.author, first.resolved_by) == ("headline", "carla", "anna")
    assert (
        first.quote == "Staatssekretärin Güler besucht Kommunales Integrationszentrum in Duisburg"
    )
    assert answer.parent_id == first.id
    kinds = [e.kind for e in anna.history(draft_id)]
    assert kinds == [
        "created", "submitted", "comment", "returned", "version",
        "comment", "resolved", "submitted", "approved",
    ]  # fmt: skip
    assert [e.actor for e in anna.history(draft_id)][3] == "ben"
    assert anna.check() == []


def test_a_save_that_changes_nothing_keeps_the_approval(library: Library) -> None:
    anna, ben = library.as_("anna"), library.as_("ben")
    draft_id = anna.add(reference())
    anna.submit(draft_id)
    ben.approve(draft_id)
    same = reference()  # a new object with the same content, as after reopening the file
    result = anna.update(draft_id, same, base=1)
    assert (result.version, result.changes_content, result.state) == (2, False, "approved")
    detail = anna.show(draft_id)
    assert detail.summary.state_label == "Freigegeben"
    assert [r.valid for r in detail.reviews] == [True]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda d: setattr(d.body[0], "text", d.body[0].text + ","), id="comma"),
        pytest.param(lambda d: setattr(d.header, "date", "2018-07-19"), id="date"),
        pytest.param(
            lambda d: setattr(d.header, "embargo", Embargo("2018-07-18", "11:00")), id="embargo"
        ),
    ],
)
def test_any_change_of_content_voids_the_approval(library: Library, change) -> None:  # type: ignore[no-untyped-def]
    anna, ben = library.as_("anna"), library.as_("ben")
    draft = reference()
    draft_id = anna.add(draft)
    anna.submit(draft_id)
    ben.approve(draft_id)
    change(draft)
    result = anna.update(draft_id, draft, base=1)
    assert (result.changes_content, result.state) == (True, "draft")
    detail = anna.show(draft_id)
    assert detail.summary.state_label == "Entwurf"
    assert [r.valid for r in detail.reviews] == [False]
    # the old approval does not come back by resubmitting: the new text needs a new one
    anna.submit(draft_id)
    assert anna.show(draft_id).summary.state_label == "In Prüfung"


def test_nobody_approves_their_own_text(library: Library) -> None:
    dora, ben, carla = library.as_("dora"), library.as_("ben"), library.as_("carla")
    draft = reference()
    draft_id = dora.add(draft)  # dora writes and is a reviewer too
    dora.submit(draft_id)
    with pytest.raises(FourEyesError, match="Vier-Augen-Prinzip: dora"):
        dora.approve(draft_id)
    # a reviewer who fixes a typo has changed the text and cannot approve it either
    draft.headline = draft.headline.replace("besucht", "besucht das")
    ben.update(draft_id, draft)
    dora.submit(draft_id)
    with pytest.raises(FourEyesError, match="ben"):
        ben.approve(draft_id)
    assert carla.approve(draft_id).state == "approved"
    assert [r.reviewer for r in dora.show(draft_id).reviews] == ["carla"]


def test_an_author_without_reviewer_role_cannot_approve(library: Library) -> None:
    anna = library.as_("anna")
    draft_id = library.as_("dora").add(reference())
    anna.submit(draft_id)
    with pytest.raises(WorkflowError, match="nicht als Prüferin oder Prüfer"):
        anna.approve(draft_id)
    assert anna.show(draft_id).summary.state_label == "In Prüfung"


def test_an_approval_of_an_old_text_is_refused(library: Library) -> None:
    anna, ben = library.as_("anna"), library.as_("ben")
    draft = reference()
    draft_id = anna.add(draft)
    draft.contact = draft.contact + " (neu)"
    anna.update(draft_id, draft)
    anna.submit(draft_id)
    with pytest.raises(StaleApprovalError, match="Version 1 ist nicht mehr aktuell"):
        ben.approve(draft_id, version=1)
    assert ben.approve(draft_id, version=2).state == "approved"


def test_cosigning_needs_every_named_reviewer_and_one_return_rejects(library: Library) -> None:
    anna, ben, carla = library.as_("anna"), library.as_("ben"), library.as_("carla")
    draft_id = anna.add(reference())
    anna.submit(draft_id, cosigners=["ben", "carla"], due="2026-11-30 14:00")
    first = ben.approve(draft_id)
    assert (first.state, first.missing) == ("in_review", ["carla"])
    detail = anna.show(draft_id)
    assert (detail.summary.state_label, detail.summary.due_at) == ("In Prüfung", "2026-11-30 14:00")
    assert carla.approve(draft_id).state == "approved"

    other = anna.add(short())
    anna.submit(other, cosigners=["ben", "carla"])
    ben.approve(other)
    assert carla.send_back(other, "Zahlen prüfen.").state == "changes_requested"
    anna.submit(other)  # unchanged text: carla still has to approve
    assert anna.show(other).missing == ["carla"]
    assert carla.approve(other).state == "approved"


def test_a_cosigner_cannot_be_someone_who_wrote_the_text(library: Library) -> None:
    dora = library.as_("dora")
    draft_id = dora.add(reference())
    with pytest.raises(FourEyesError, match="dora"):
        dora.submit(draft_id, cosigners=["ben", "dora"])


def test_a_stale_save_is_refused_naming_who_saved_and_the_text_is_kept(library: Library) -> None:
    anna, ben = library.as_("anna"), library.as_("ben")
    draft_id = anna.add(reference())
    mine, theirs = reference(), reference()
    mine.headline = "Annas Überschrift für den Besuch in Duisburg"
    theirs.headline = "Bens Überschrift für den Besuch in Duisburg"
    anna.update(draft_id, mine, base=1)
    with pytest.raises(StaleVersionError, match="von anna gespeichert") as refused:
        ben.update(draft_id, theirs, base=1)
    assert refused.value.saved_by == ["anna"]
    kept = refused.value.conflict_version
    assert ben.get(draft_id, kept) == theirs
    assert ben.get(draft_id) == mine
    assert ben.show(draft_id).versions[-1].kind == "conflict"
    changes = ben.diff(draft_id, 2, kept)
    assert [(c.path, c.marked()) for c in changes] == [
        ("headline", "[-Annas-]{+Bens+} Überschrift für den Besuch in Duisburg")
    ]
    assert ben.check() == []


def test_search_finds_german_word_forms_and_filters_by_state(library: Library) -> None:
    anna = library.as_("anna")
    first = anna.add(reference())
    second = anna.add(short())
    anna.submit(second)
    # the reference release says "Integrationsarbeit in den Kreisen"; "Kreis" finds it
    assert [s.id for s in anna.list_drafts(search_words="Kreis")] == [first]
    assert [s.id for s in anna.list_drafts(search_words="Ehrenamtspreises")] == [second]
    assert anna.list_drafts(search_words="Ehrenamtspreis Duisburg") == []
    assert [s.id for s in anna.list_drafts(state="In Prüfung")] == [second]
    assert [s.id for s in anna.list_drafts(state="draft")] == [first]


def test_a_search_finds_the_new_text_not_the_old(library: Library) -> None:
    anna = library.as_("anna")
    draft = short()
    draft_id = anna.add(draft)
    draft.headline = "Landesregierung ehrt Feuerwehren im ganzen Land"
    anna.update(draft_id, draft)
    assert [s.id for s in anna.list_drafts(search_words="Feuerwehr")] == [draft_id]
    assert anna.list_drafts(search_words="verlängert") == []


def test_word_diff_between_versions(library: Library) -> None:
    anna = library.as_("anna")
    draft = reference()
    draft_id = anna.add(draft)
    draft.header.embargo = Embargo("2018-07-18", "11:00")
    draft.body[0].text = draft.body[0].text.replace("22 Einrichtungen", "23 Einrichtungen")
    anna.update(draft_id, draft)
    changes = {c.path: c.marked() for c in anna.diff(draft_id, 1, 2)}
    assert changes["header.embargo.time"] == "{+11:00+}"
    assert "in [-22-]{+23+} Einrichtungen" in changes["body[0].text"]


def test_publishing_needs_an_approval_and_records_it(library: Library) -> None:
    anna, ben = library.as_("anna"), library.as_("ben")
    draft = reference()
    draft_id = anna.add(draft)
    with pytest.raises(WorkflowError, match="nur Freigegebenes"):
        anna.publish(draft_id)
    anna.submit(draft_id)
    ben.approve(draft_id)
    assert anna.publish(draft_id) == draft
    assert anna.show(draft_id).summary.state_label == "Veröffentlicht"
    assert anna.history(draft_id)[-1].kind == "published"


def test_a_comment_on_a_missing_field_is_refused(library: Library) -> None:
    from pressdesk.store import StoreError

    anna = library.as_("anna")
    draft_id = anna.add(reference())
    with pytest.raises(StoreError, match=r"Das Feld „body\[99\]\.text“ gibt es"):
        anna.comment(draft_id, "?", field="body[99].text")
    anna.comment(draft_id, "Quelle?", field="body[1].text")
    [c] = anna.show(draft_id).comments
    assert c.quote == reference().body[1].text[:299] + "…"  # a long paragraph is shortened


def test_canonical_form_does_not_depend_on_object_identity() -> None:
    assert canonical_json(reference()) == canonical_json(reference())


def test_a_watcher_hears_when_someone_else_changes_the_library(library: Library) -> None:
    anna, ben = library.as_("anna"), library.as_("ben")
    draft_id = anna.add(reference())
    with anna.watch() as watcher:
        assert watcher.wait(0.2) == set()
        ben.comment(draft_id, "Schon gesehen?")
        changed = watcher.wait(30)
        assert changed == ({draft_id} if library.backend == "postgresql" else {0})
        assert watcher.wait(0.2) == set()
