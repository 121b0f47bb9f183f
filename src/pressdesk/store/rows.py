"""Reading the store's rows: small functions over an open connection, no workflow rules."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pressdesk.store import history
from pressdesk.store import schema as _T
from pressdesk.store.errors import StoreError
from pressdesk.store.records import DraftSummary, VersionInfo


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def lock(conn: Connection, draft_id: int) -> dict[str, Any]:
    row = (
        conn.execute(sa.select(_T.drafts).where(_T.drafts.c.id == draft_id).with_for_update())
        .mappings()
        .first()
    )
    if row is None:
        raise StoreError(f"Einen Entwurf {draft_id} gibt es in der Bibliothek nicht.")
    return dict(row)


def draft_row(conn: Connection, draft_id: int) -> dict[str, Any]:
    row = conn.execute(sa.select(_T.drafts).where(_T.drafts.c.id == draft_id)).mappings().first()
    if row is None:
        raise StoreError(f"Einen Entwurf {draft_id} gibt es in der Bibliothek nicht.")
    return dict(row)


def versions(conn: Connection, draft_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(_T.versions)
        .where(_T.versions.c.draft_id == draft_id)
        .order_by(_T.versions.c.number)
    ).mappings()
    return [dict(r) for r in rows]


def version(conn: Connection, draft_id: int, number: int) -> dict[str, Any]:
    row = (
        conn.execute(
            sa.select(_T.versions).where(
                _T.versions.c.draft_id == draft_id, _T.versions.c.number == number
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        raise StoreError(f"Entwurf {draft_id} hat keine Version {number}.")
    return dict(row)


def reviews(conn: Connection, draft_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(_T.reviews).where(_T.reviews.c.draft_id == draft_id).order_by(_T.reviews.c.id)
    ).mappings()
    return [dict(r) for r in rows]


def cosigners(conn: Connection, draft_id: int) -> list[str]:
    rows = conn.execute(
        sa.select(_T.draft_reviewers.c.reviewer)
        .where(_T.draft_reviewers.c.draft_id == draft_id)
        .order_by(_T.draft_reviewers.c.reviewer)
    )
    return [str(r[0]) for r in rows]


def next_number(conn: Connection, draft_id: int) -> int:
    n = conn.execute(
        sa.select(sa.func.coalesce(sa.func.max(_T.versions.c.number), 0)).where(
            _T.versions.c.draft_id == draft_id
        )
    ).scalar_one()
    return int(n) + 1


def local_time(iso: str) -> str:
    """An ISO UTC time as the user reads it: local, ``29.11.2026 16:02``."""
    when = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return when.astimezone().strftime("%d.%m.%Y %H:%M")


def summary(row: Mapping[str, Any]) -> DraftSummary:
    return DraftSummary(
        id=row["id"],
        state=row["state"],
        headline=row["headline"],
        reference=row["reference"],
        current_version=row["current_version"],
        updated_by=row["updated_by"],
        updated_at=row["updated_at"],
        due_at=row["due_at"],
    )


def version_info(v: Mapping[str, Any]) -> VersionInfo:
    return VersionInfo(
        number=v["number"],
        kind=v["kind"],
        base_number=v["base_number"],
        content_hash=v["content_hash"],
        changes_content=bool(v["changes_content"]),
        author=v["author"],
        created_at=v["created_at"],
    )


def events(conn: Connection, draft_id: int) -> list[history.Event]:
    e = _T.events
    rows = conn.execute(
        sa.select(
            e.c.draft_id,
            e.c.seq,
            e.c.kind,
            e.c.actor,
            e.c.at,
            e.c.version_number,
            e.c.content_hash,
            e.c.detail,
            e.c.prev_hash,
            e.c.hash,
        )
        .where(e.c.draft_id == draft_id)
        .order_by(e.c.seq)
    ).all()
    return [history.Event(**dict(r._mapping)) for r in rows]


def by_draft(
    conn: Connection, table: sa.Table, lo: int, hi: int, order: sa.ColumnElement[Any]
) -> dict[int, list[dict[str, Any]]]:
    """The rows of ``table`` for drafts ``lo``..``hi``, grouped by draft, in ``order``."""
    out: dict[int, list[dict[str, Any]]] = {}
    result = conn.execute(
        sa.select(table).where(table.c.draft_id.between(lo, hi)).order_by(table.c.draft_id, order)
    ).mappings()
    for r in result:
        out.setdefault(r["draft_id"], []).append(dict(r))
    return out


_EVENT_FIELDS = tuple(history.Event.__dataclass_fields__)


def event(row: Mapping[str, Any]) -> history.Event:
    return history.Event(**{k: row[k] for k in _EVENT_FIELDS})
