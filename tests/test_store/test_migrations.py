"""Schema migrations: a store of the first schema version is upgraded with its data;
a fresh SQLite store is created on first use; a store from a newer PressDesk is refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from pressdesk.store import StoreError
from pressdesk.store.api import Store, upgrade_store
from pressdesk.store.backend import create_engine, head_revision
from pressdesk.store.canonical import canonical_json, content_hash
from pressdesk.store.history import GENESIS, detail_json, event_hash
from tests.test_store.conftest import make_sqlite_library
from tests.test_store.helpers import reference, short
from tests.test_store.pgcluster import PgCluster

T0 = "2025-03-01T09:00:00.000000Z"


def _write_first_schema_draft(url: str, draft_id: int, author: str) -> None:
    """Rows exactly as PressDesk with schema 0001 wrote them: a draft, approved by ben."""
    draft = reference() if draft_id == 1 else short()
    content = canonical_json(draft)
    h = content_hash(content)
    head = GENESIS
    events = []
    for seq, (kind, actor, detail) in enumerate(
        [
            ("created", author, {"state": "draft"}),
            ("submitted", author, {"state": "in_review", "cosigners": [], "due": None}),
            ("approved", "ben", {"state": "approved", "review": draft_id, "comment": ""}),
        ],
        start=1,
    ):
        fields = dict(
            draft_id=draft_id, seq=seq, kind=kind, actor=actor, at=T0, version_number=1,
            content_hash=h, detail=detail_json(detail), prev_hash=head,
        )  # fmt: skip
        fields["hash"] = head = event_hash(**fields)  # type: ignore[arg-type]
        events.append(fields)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO drafts (id, state, current_version, content_since, headline,"
                " reference, created_by, created_at, updated_by, updated_at, history_head)"
                " VALUES (:id, 'approved', 1, 1, :headline, :ref, :a, :t, 'ben', :t, :head)"
            ),
            dict(id=draft_id, headline=draft.headline, ref=draft.header.reference, a=author,
                 t=T0, head=head),
        )  # fmt: skip
        conn.execute(
            sa.text(
                "INSERT INTO versions VALUES (:id, 1, 'version', NULL, :content, :h, :yes, :a, :t)"
            ),
            dict(id=draft_id, content=content, h=h, yes=True, a=author, t=T0),
        )
        conn.execute(
            sa.text(
                "INSERT INTO reviews (id, draft_id, version_number, content_hash, reviewer,"
                " decision, comment, created_at) VALUES (:id, :id, 1, :h, 'ben', 'approve', '', :t)"
            ),
            dict(id=draft_id, h=h, t=T0),
        )
        for fields in events:
            conn.execute(
                sa.text(
                    "INSERT INTO events (draft_id, seq, kind, actor, at, version_number,"
                    " content_hash, detail, prev_hash, hash) VALUES (:draft_id, :seq, :kind,"
                    " :actor, :at, :version_number, :content_hash, :detail, :prev_hash, :hash)"
                ),
                fields,
            )
        if conn.dialect.name == "postgresql":
            for table in ("drafts", "reviews"):
                conn.execute(
                    sa.text(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
                )
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def first_schema_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    """URLs (by person) of a store still at schema 0001, holding two approved drafts."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'alt.sqlite'}"
        urls = {name: url for name in ("owner", "anna", "ben", "carla")}
    else:
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        db = f"alt_{tmp_path.name[-30:].replace('-', '_').lower()}"
        with cluster.admin() as conn:
            conn.execute(f"CREATE DATABASE {db} OWNER owner")
        urls = {name: cluster.url(name, db) for name in ("owner", "anna", "ben", "carla")}
    assert upgrade_store(urls["owner"], "0001") == (None, "0001")
    _write_first_schema_draft(urls["owner"], 1, "anna")
    _write_first_schema_draft(urls["owner"], 2, "anna")
    yield urls


def test_a_first_version_store_is_upgraded_with_its_data(
    first_schema_store: dict[str, str],
) -> None:
    urls = first_schema_store
    # before the upgrade: SQLite names the old schema; on PostgreSQL the roles have no grants yet
    with pytest.raises(
        StoreError, match=r"(älteres Schema \(0001\)|Keine Berechtigung).*store upgrade"
    ):
        Store(urls["anna"], user="anna")
    assert upgrade_store(urls["owner"]) == ("0001", head_revision())
    with Store(urls["anna"], user="anna") as anna:
        assert anna.check() == []
        assert [s.state_label for s in anna.list_drafts()] == ["Freigegeben", "Freigegeben"]
        assert anna.get(1) == reference()
        # the search index was filled from the old drafts
        assert [s.id for s in anna.list_drafts(search_words="Integrationszentren")] == [1]
        # and the workflow goes on: a change voids the old approval, a new one is needed
        draft = anna.get(2)
        draft.headline += " 2027"
        assert anna.update(2, draft, base=1).state == "draft"
        anna.submit(2)
        if urls["anna"].startswith("sqlite"):
            anna.set_role("carla", "reviewer")
    with Store(urls["carla"], user="carla") as carla:
        assert carla.approve(2).state == "approved"
        assert carla.check() == []


def test_a_fresh_sqlite_store_is_created_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "neu" / "bibliothek.sqlite"
    with Store(f"sqlite:///{path}", user="anna") as store:
        assert store.list_drafts() == []
        assert store.add(reference()) == 1
    assert path.is_file()


def test_a_store_from_a_newer_pressdesk_is_refused_and_left_alone(tmp_path: Path) -> None:
    lib = make_sqlite_library(tmp_path)
    lib.as_("anna").add(reference())
    lib.close()
    engine = create_engine(lib.base_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0099'"))
        before = conn.execute(sa.text("SELECT count(*) FROM drafts")).scalar_one()
    message = r"neueren PressDesk-Version \(Schema 0099\).*bleibt unverändert"
    with pytest.raises(StoreError, match=message):
        Store(lib.base_url, user="anna")
    with pytest.raises(StoreError, match=message):
        upgrade_store(lib.base_url)
    with engine.begin() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == "0099"
        assert conn.execute(sa.text("SELECT count(*) FROM drafts")).scalar_one() == before
    engine.dispose()


def test_an_unknown_store_address_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="Unbekannte Adresse der Bibliothek „mysql://x“"):
        Store("mysql://x")
