"""PostgreSQL itself keeps the rules, even against a plain SQL session (psql)."""

from __future__ import annotations

import psycopg
import pytest

from pressdesk.store import FourEyesError
from tests.test_store.conftest import Library
from tests.test_store.helpers import reference


def _sql_as(lib: Library, user: str) -> psycopg.Connection:
    return psycopg.connect(lib.url_for(user), autocommit=True)


def _approve_sql(conn: psycopg.Connection, draft_id: int, reviewer: str) -> None:
    conn.execute(
        "INSERT INTO reviews (draft_id, version_number, content_hash, reviewer, decision,"
        " comment, created_at) SELECT id, current_version, (SELECT content_hash FROM versions"
        " WHERE draft_id = d.id AND number = d.current_version), %s, 'approve', '', 'jetzt'"
        " FROM drafts d WHERE id = %s",
        (reviewer, draft_id),
    )


def test_an_author_cannot_approve_own_text_with_plain_sql(pg_library: Library) -> None:
    draft_id = pg_library.as_("anna").add(reference())
    pg_library.as_("anna").submit(draft_id)
    with _sql_as(pg_library, "anna") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _approve_sql(conn, draft_id, "anna")
        with pytest.raises(psycopg.Error, match="Freigaben für diese Fassung fehlen"):
            conn.execute("UPDATE drafts SET state = 'approved' WHERE id = %s", (draft_id,))
        with pytest.raises(psycopg.Error, match="setzt eine Rückgabe"):
            conn.execute("UPDATE drafts SET state = 'changes_requested' WHERE id = %s", (draft_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE versions SET content = '{}' WHERE draft_id = %s", (draft_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM events WHERE draft_id = %s", (draft_id,))
    # Only the author may take a submission back unchanged; a reviewer may not.
    with (
        _sql_as(pg_library, "ben") as conn,
        pytest.raises(psycopg.Error, match="nur eine Änderung des Textes"),
    ):
        conn.execute("UPDATE drafts SET state = 'draft' WHERE id = %s", (draft_id,))
    assert pg_library.as_("ben").show(draft_id).summary.state_label == "In Prüfung"


def test_a_reviewer_who_wrote_the_text_is_refused_by_the_database(pg_library: Library) -> None:
    dora = pg_library.as_("dora")  # author and reviewer
    draft_id = dora.add(reference())
    dora.submit(draft_id)
    with _sql_as(pg_library, "dora") as conn:
        with pytest.raises(psycopg.Error, match="Vier-Augen-Prinzip: dora") as refused:
            _approve_sql(conn, draft_id, "ben")  # writing in ben's name does not help
        assert refused.value.sqlstate == "PD401"
        with pytest.raises(psycopg.Error, match="Freigaben für diese Fassung fehlen"):
            conn.execute("UPDATE drafts SET state = 'approved' WHERE id = %s", (draft_id,))
    assert pg_library.as_("ben").show(draft_id).reviews == []


def test_the_database_owner_is_held_to_four_eyes_too(pg_library: Library) -> None:
    assert pg_library.cluster is not None
    with pg_library.cluster.admin() as admin:
        admin.execute("GRANT pressdesk_reviewer TO owner")
    try:
        owner = pg_library.as_("owner")
        draft_id = owner.add(reference())
        owner.submit(draft_id)
        with _sql_as(pg_library, "owner") as conn, pytest.raises(psycopg.Error, match="Vier-Augen"):
            _approve_sql(conn, draft_id, "owner")
        with pytest.raises(FourEyesError):
            owner.approve(draft_id)
    finally:
        with pg_library.cluster.admin() as admin:
            admin.execute("REVOKE pressdesk_reviewer FROM owner")


def test_rows_carry_the_connected_role_not_a_claimed_name(pg_library: Library) -> None:
    draft_id = pg_library.as_("anna").add(reference())
    pg_library.as_("anna").submit(draft_id)
    with _sql_as(pg_library, "ben") as conn:
        _approve_sql(conn, draft_id, "carla")
        reviewer = conn.execute("SELECT reviewer FROM reviews WHERE draft_id = %s", (draft_id,))
        assert reviewer.fetchone() == ("ben",)


def test_the_store_reports_a_database_refusal_as_a_workflow_error(
    pg_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The application's own check is switched off here, so the database must answer."""
    dora = pg_library.as_("dora")
    draft_id = dora.add(reference())
    dora.submit(draft_id)
    monkeypatch.setattr("pressdesk.store.workflow.check_four_eyes", lambda user, versions: None)
    with pytest.raises(FourEyesError, match="Die Datenbank lehnt ab: Vier-Augen-Prinzip: dora"):
        dora.approve(draft_id)


def test_store_user_creates_a_login_role_in_the_group(pg_library: Library) -> None:
    owner = pg_library.as_("owner")
    owner.set_role("erik", "reviewer")
    owner.set_role("anna", "reviewer")  # an existing person gets the group in addition
    assert owner.role_of("erik") == "reviewer"
    assert owner.role_of("anna") == "reviewer"
    assert pg_library.as_("erik").user == "erik"
    assert pg_library.cluster is not None
    with pg_library.cluster.admin() as admin:
        admin.execute("REVOKE pressdesk_reviewer FROM anna")
        admin.execute("DROP ROLE erik")
