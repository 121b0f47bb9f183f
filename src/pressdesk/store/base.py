"""Opening a store, its transactions, the history chain's append and the users' roles.

The base of :class:`pressdesk.store.api.Store`; nothing here is called from outside.
"""

from __future__ import annotations

import getpass
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pressdesk.store import backend, history, rows, workflow
from pressdesk.store import schema as _T
from pressdesk.store.errors import (
    FourEyesError,
    StaleApprovalError,
    StoreError,
    WorkflowError,
)

ENV_USER = "PRESSDESK_USER"
_NAME = re.compile(r"[A-Za-z0-9_.@-]{1,63}")

_SQLSTATE_ERRORS: dict[str, type[WorkflowError]] = {
    "PD401": FourEyesError,
    "PD410": StaleApprovalError,
    "PD403": WorkflowError,
    "PD409": WorkflowError,
    "PD422": WorkflowError,
}


class StoreBase:
    """Connection, identity and the primitives every store operation uses."""

    def __init__(self, url: str | None = None, *, user: str | None = None) -> None:
        self.url = backend.resolve_url(url)
        self.engine = backend.create_engine(self.url)
        self.postgres = self.engine.dialect.name == "postgresql"
        try:
            self._ready()
            self.user = self._identify(user)
        except BaseException:
            self.engine.dispose()
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # -- opening -------------------------------------------------------------------------

    def _ready(self) -> None:
        where = backend.describe(self.url)
        try:
            with self.engine.connect() as conn:
                rev = backend.check_revision(conn, self.url)
                fresh = rev is None and not sa.inspect(conn).get_table_names()
        except sa.exc.DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) != "42501":
                raise
            raise StoreError(
                f"Keine Berechtigung für die Bibliothek {where}. Ist die Bibliothek mit "
                "„pressdesk store upgrade“ eingerichtet, und gehört die Person zur Rolle "
                "pressdesk_author oder pressdesk_reviewer?"
            ) from None
        if fresh and not self.postgres:
            backend.upgrade(self.engine, self.url)
            return
        if rev is None:
            raise StoreError(
                f"{where} ist keine eingerichtete PressDesk-Bibliothek. Bitte zuerst "
                "„pressdesk store upgrade“ ausführen (bei PostgreSQL als Eigentümer der Datenbank)."
            )
        if rev != backend.head_revision():
            raise StoreError(
                f"Die Bibliothek {where} hat ein älteres Schema ({rev}). Bitte "
                "„pressdesk store upgrade“ ausführen (bei PostgreSQL als Eigentümer der Datenbank)."
            )

    def _identify(self, user: str | None) -> str:
        if self.postgres:
            with self.engine.connect() as conn:
                return str(conn.execute(sa.text("SELECT session_user")).scalar_one())
        name = user or os.environ.get(ENV_USER) or getpass.getuser()
        if not name:
            raise StoreError("Kein Benutzername: bitte PRESSDESK_USER setzen.")
        return name

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                conn.execution_options(pressdesk_write=True)
                with conn.begin():
                    yield conn
        except sa.exc.DBAPIError as exc:
            raise self._translate(exc) from None

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def _translate(self, exc: sa.exc.DBAPIError) -> Exception:
        """The database refused: its German message, as the workflow error it is."""
        orig = exc.orig
        state = getattr(orig, "sqlstate", None)
        diag = getattr(orig, "diag", None)
        message = getattr(diag, "message_primary", None) or str(orig)
        if state in _SQLSTATE_ERRORS:
            return _SQLSTATE_ERRORS[state](f"Die Datenbank lehnt ab: {message}")
        if state == "42501":
            return WorkflowError(
                f"Die Datenbank lehnt ab: {self.user} hat dafür keine Berechtigung ({message})."
            )
        return exc

    def _event(
        self,
        conn: Connection,
        row: dict[str, Any],
        kind: str,
        detail: Mapping[str, Any],
        version: int | None = None,
        hash_: str | None = None,
        at: str | None = None,
    ) -> str:
        """Append one event to the draft's chain; returns (and puts in ``row``) the new head."""
        seq = conn.execute(
            sa.select(sa.func.coalesce(sa.func.max(_T.events.c.seq), 0)).where(
                _T.events.c.draft_id == row["id"]
            )
        ).scalar_one()
        fields: dict[str, Any] = {
            "draft_id": row["id"],
            "seq": int(seq) + 1,
            "kind": kind,
            "actor": self.user,
            "at": at or rows.now(),
            "version_number": version,
            "content_hash": hash_,
            "detail": history.detail_json(detail),
            "prev_hash": row["history_head"],
        }
        fields["hash"] = history.event_hash(**fields)
        conn.execute(sa.insert(_T.events).values(**fields))
        row["history_head"] = fields["hash"]
        return str(fields["hash"])

    def _step(
        self,
        conn: Connection,
        row: dict[str, Any],
        kind: str,
        detail: Mapping[str, Any],
        **changes: Any,
    ) -> dict[str, Any]:
        """A workflow step on the draft's current version: its event, then the draft's row
        with ``changes`` (e.g. the new state); returns that version."""
        current = rows.version(conn, row["id"], row["current_version"])
        self._event(conn, row, kind, detail, current["number"], current["content_hash"])
        self._finish(conn, row, **changes)
        return current

    def _finish(self, conn: Connection, row: dict[str, Any], **changes: Any) -> None:
        values = {"history_head": row["history_head"], "updated_by": self.user}
        values.update(changes)
        conn.execute(sa.update(_T.drafts).where(_T.drafts.c.id == row["id"]).values(**values))
        if self.postgres:
            conn.execute(sa.text("SELECT pg_notify('pressdesk', :p)"), {"p": str(row["id"])})

    # -- users ----------------------------------------------------------------------------

    def role_of(self, name: str) -> str:
        """``reviewer`` or ``author`` (everyone who is not a reviewer may write)."""
        with self._read() as conn:
            if self.postgres:
                member = conn.execute(
                    sa.text(
                        "SELECT pg_has_role(oid, 'pressdesk_reviewer', 'MEMBER') "
                        "FROM pg_roles WHERE rolname = :n"
                    ),
                    {"n": name},
                ).scalar()
                return "reviewer" if member else "author"
            role = conn.execute(sa.select(_T.users.c.role).where(_T.users.c.name == name)).scalar()
            return str(role) if role else "author"

    def set_role(self, name: str, role: str) -> None:
        """SQLite: record the role in the store. PostgreSQL: create or grant the database role."""
        if not _NAME.fullmatch(name):
            raise StoreError(
                f"„{name}“ ist kein gültiger Benutzername (Buchstaben, Ziffern, _ . @ -)."
            )
        if role not in workflow.ROLES:
            raise StoreError(f"Unbekannte Rolle „{role}“; bekannt sind author und reviewer.")
        with self._write() as conn:
            if self.postgres:
                quoted = conn.dialect.identifier_preparer.quote_identifier(name)
                exists = conn.execute(
                    sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}
                ).scalar()
                if exists:
                    conn.exec_driver_sql(f"GRANT pressdesk_{role} TO {quoted}")
                else:
                    conn.exec_driver_sql(f"CREATE ROLE {quoted} LOGIN IN ROLE pressdesk_{role}")
                return
            conn.execute(sa.delete(_T.users).where(_T.users.c.name == name))
            conn.execute(sa.insert(_T.users).values(name=name, role=role, created_at=rows.now()))

    def _require_reviewer(self) -> None:
        if self.role_of(self.user) != "reviewer":
            raise WorkflowError(
                f"{self.user} ist nicht als Prüferin oder Prüfer eingetragen und kann nicht "
                "prüfen (pressdesk store user NAME --role reviewer)."
            )
