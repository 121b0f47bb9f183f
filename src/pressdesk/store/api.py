"""The one interface to the review store, for the command line and the editor alike.

``Store(url)`` opens a library (SQLite file or PostgreSQL database, see
:mod:`pressdesk.store.backend`). Every method is one transaction. Workflow rules
live in :mod:`pressdesk.store.workflow`; this module only moves rows. Errors the
user can cause are :class:`StoreError` (could not run) or :class:`WorkflowError`
(refused), both with German messages.
"""

from __future__ import annotations

import getpass
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pressdesk.model import Draft
from pressdesk.store import backend, history, schema, search, workflow
from pressdesk.store.canonical import (
    canonical_json,
    content_hash,
    draft_from_canonical,
    plain_text,
    sha256_hex,
    text_at,
)
from pressdesk.store.diff import Change, diff_drafts
from pressdesk.store.errors import (
    FourEyesError,
    StaleApprovalError,
    StaleVersionError,
    StoreError,
    WorkflowError,
)
from pressdesk.store.notify import Watcher
from pressdesk.store.records import (
    CommentInfo,
    DraftDetail,
    DraftSummary,
    ReviewInfo,
    ReviewResult,
    SaveResult,
    VersionInfo,
)

ENV_USER = "PRESSDESK_USER"
_NAME = re.compile(r"[A-Za-z0-9_.@-]{1,63}")
_T = schema

_SQLSTATE_ERRORS: dict[str, type[WorkflowError]] = {
    "PD401": FourEyesError,
    "PD410": StaleApprovalError,
    "PD403": WorkflowError,
    "PD409": WorkflowError,
    "PD422": WorkflowError,
}


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def upgrade_store(url: str | None = None, revision: str = "head") -> tuple[str | None, str]:
    """``pressdesk store upgrade``: bring the store to the current schema."""
    resolved = backend.resolve_url(url)
    engine = backend.create_engine(resolved)
    try:
        return backend.upgrade(engine, resolved, revision)
    finally:
        engine.dispose()


def parse_due(text: str, today: datetime | None = None) -> str:
    """``14:00`` (today), ``2026-11-30 14:00`` or ``30.11.2026 14:00`` → ``YYYY-MM-DD HH:MM``."""
    value = text.strip()
    base = today or datetime.now()
    for fmt in ("%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        if fmt == "%H:%M":
            parsed = base.replace(hour=parsed.hour, minute=parsed.minute)
        return parsed.strftime("%Y-%m-%d %H:%M")
    raise WorkflowError(
        f"„{text}“ ist keine Frist; erwartet wird etwa „14:00“ oder „30.11.2026 14:00“."
    )


class Store:
    """A draft library. Cheap to open; close with :meth:`close` (or use ``with``)."""

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

    def __enter__(self) -> Store:
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

    def _lock(self, conn: Connection, draft_id: int) -> dict[str, Any]:
        row = (
            conn.execute(sa.select(_T.drafts).where(_T.drafts.c.id == draft_id).with_for_update())
            .mappings()
            .first()
        )
        if row is None:
            raise StoreError(f"Einen Entwurf {draft_id} gibt es in der Bibliothek nicht.")
        return dict(row)

    def _draft_row(self, conn: Connection, draft_id: int) -> dict[str, Any]:
        row = (
            conn.execute(sa.select(_T.drafts).where(_T.drafts.c.id == draft_id)).mappings().first()
        )
        if row is None:
            raise StoreError(f"Einen Entwurf {draft_id} gibt es in der Bibliothek nicht.")
        return dict(row)

    def _versions(self, conn: Connection, draft_id: int) -> list[dict[str, Any]]:
        rows = conn.execute(
            sa.select(_T.versions)
            .where(_T.versions.c.draft_id == draft_id)
            .order_by(_T.versions.c.number)
        ).mappings()
        return [dict(r) for r in rows]

    def _version(self, conn: Connection, draft_id: int, number: int) -> dict[str, Any]:
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

    def _reviews(self, conn: Connection, draft_id: int) -> list[dict[str, Any]]:
        rows = conn.execute(
            sa.select(_T.reviews).where(_T.reviews.c.draft_id == draft_id).order_by(_T.reviews.c.id)
        ).mappings()
        return [dict(r) for r in rows]

    def _cosigners(self, conn: Connection, draft_id: int) -> list[str]:
        rows = conn.execute(
            sa.select(_T.draft_reviewers.c.reviewer)
            .where(_T.draft_reviewers.c.draft_id == draft_id)
            .order_by(_T.draft_reviewers.c.reviewer)
        )
        return [str(r[0]) for r in rows]

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
            "at": at or now(),
            "version_number": version,
            "content_hash": hash_,
            "detail": history.detail_json(detail),
            "prev_hash": row["history_head"],
        }
        fields["hash"] = history.event_hash(**fields)
        conn.execute(sa.insert(_T.events).values(**fields))
        row["history_head"] = fields["hash"]
        return str(fields["hash"])

    def _finish(self, conn: Connection, row: dict[str, Any], **changes: Any) -> None:
        values = {"history_head": row["history_head"], "updated_by": self.user}
        values.update(changes)
        conn.execute(sa.update(_T.drafts).where(_T.drafts.c.id == row["id"]).values(**values))
        if self.postgres:
            conn.execute(sa.text("SELECT pg_notify('pressdesk', :p)"), {"p": str(row["id"])})

    def _next_number(self, conn: Connection, draft_id: int) -> int:
        n = conn.execute(
            sa.select(sa.func.coalesce(sa.func.max(_T.versions.c.number), 0)).where(
                _T.versions.c.draft_id == draft_id
            )
        ).scalar_one()
        return int(n) + 1

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
            conn.execute(sa.insert(_T.users).values(name=name, role=role, created_at=now()))

    def _require_reviewer(self) -> None:
        if self.role_of(self.user) != "reviewer":
            raise WorkflowError(
                f"{self.user} ist nicht als Prüferin oder Prüfer eingetragen und kann nicht "
                "prüfen (pressdesk store user NAME --role reviewer)."
            )

    # -- drafts and versions ------------------------------------------------------------

    def add(self, draft: Draft) -> int:
        """Put a new draft into the library (state Entwurf, version 1); returns its id."""
        content = canonical_json(draft)
        h = content_hash(content)
        at = now()
        with self._write() as conn:
            result = conn.execute(
                sa.insert(_T.drafts).values(
                    state=workflow.DRAFT,
                    current_version=0,
                    content_since=1,
                    headline=draft.headline,
                    reference=draft.header.reference,
                    created_by=self.user,
                    created_at=at,
                    updated_by=self.user,
                    updated_at=at,
                    history_head=history.GENESIS,
                )
            )
            assert result.inserted_primary_key is not None
            draft_id = int(result.inserted_primary_key[0])
            row = {"id": draft_id, "history_head": history.GENESIS}
            conn.execute(
                sa.insert(_T.versions).values(
                    draft_id=draft_id,
                    number=1,
                    kind="version",
                    base_number=None,
                    content=content,
                    content_hash=h,
                    changes_content=True,
                    author=self.user,
                    created_at=at,
                )
            )
            self._event(conn, row, "created", {"state": workflow.DRAFT}, 1, h, at)
            self._finish(conn, row, current_version=1, content_since=1)
            search.index_draft(conn, draft_id, plain_text(draft))
        return draft_id

    def update(self, draft_id: int, draft: Draft, base: int | None = None) -> SaveResult:
        """Save a new version. ``base`` is the version the text was based on.

        If somebody saved since ``base``, the save is refused with
        :class:`StaleVersionError`; the refused text is kept as a conflict version.
        A save that changes nothing keeps the state and approvals; a change of
        content sends the draft back to Entwurf.
        """
        content = canonical_json(draft)
        h = content_hash(content)
        at = now()
        stale: StaleVersionError | None = None
        with self._write() as conn:
            row = self._lock(conn, draft_id)
            current = row["current_version"]
            number = self._next_number(conn, draft_id)
            if base is not None and base > current:
                raise StoreError(f"Entwurf {draft_id} hat keine Version {base}.")
            if base is not None and base != current:
                conn.execute(
                    sa.insert(_T.versions).values(
                        draft_id=draft_id,
                        number=number,
                        kind="conflict",
                        base_number=base,
                        content=content,
                        content_hash=h,
                        changes_content=False,
                        author=self.user,
                        created_at=at,
                    )
                )
                self._event(conn, row, "conflict", {"base": base}, number, h, at)
                self._finish(conn, row)
                between = [
                    v
                    for v in self._versions(conn, draft_id)
                    if v["kind"] == "version" and base < v["number"] <= current
                ]
                savers = sorted({v["author"] for v in between})
                last = between[-1]
                stale = StaleVersionError(
                    f"Entwurf {draft_id} wurde inzwischen von {', '.join(savers)} gespeichert "
                    f"(Version {current}, {_local(last['created_at'])}); Ihre Fassung beruht auf "
                    f"Version {base}. Ihr Text ist nicht verloren: er ist als Version {number} "
                    f"(Konflikt) aufbewahrt. Unterschiede: pressdesk library diff {draft_id} "
                    f"{current} {number}",
                    conflict_version=number,
                    saved_by=savers,
                )
            else:
                prev = self._version(conn, draft_id, current)
                changes = prev["content_hash"] != h
                state = workflow.state_after_save(row["state"], changes)
                since = number if changes else row["content_since"]
                conn.execute(
                    sa.insert(_T.versions).values(
                        draft_id=draft_id,
                        number=number,
                        kind="version",
                        base_number=current,
                        content=content,
                        content_hash=h,
                        changes_content=changes,
                        author=self.user,
                        created_at=at,
                    )
                )
                detail = {"state": state, "base": current, "changes": changes}
                self._event(conn, row, "version", detail, number, h, at)
                self._finish(
                    conn,
                    row,
                    current_version=number,
                    content_since=since,
                    state=state,
                    headline=draft.headline,
                    reference=draft.header.reference,
                    updated_at=at,
                )
                if changes:
                    search.index_draft(conn, draft_id, plain_text(draft))
        if stale is not None:
            raise stale
        return SaveResult(version=number, changes_content=changes, state=state)

    def get(self, draft_id: int, version: int | None = None) -> Draft:
        with self._read() as conn:
            row = self._draft_row(conn, draft_id)
            v = self._version(conn, draft_id, version or row["current_version"])
        return draft_from_canonical(v["content"])

    def current_version(self, draft_id: int) -> int:
        with self._read() as conn:
            return int(self._draft_row(conn, draft_id)["current_version"])

    # -- listing ------------------------------------------------------------------------

    def list_drafts(
        self,
        state: str | None = None,
        search_words: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[DraftSummary]:
        """One page of drafts, most recently changed first."""
        d = _T.drafts
        query = sa.select(d).order_by(d.c.updated_at.desc(), d.c.id.desc())
        if state is not None:
            query = query.where(d.c.state == workflow.parse_state(state))
        with self._read() as conn:
            if search_words:
                ids = search.matching_ids(conn, search_words)
                if ids is None:
                    return []
                query = query.where(d.c.id.in_(ids.columns(sa.column("id", sa.Integer))))
            rows = conn.execute(query.limit(limit).offset(offset)).mappings().all()
        return [_summary(dict(r)) for r in rows]

    def show(self, draft_id: int) -> DraftDetail:
        with self._read() as conn:
            row = self._draft_row(conn, draft_id)
            versions = self._versions(conn, draft_id)
            reviews = self._reviews(conn, draft_id)
            cosigners = self._cosigners(conn, draft_id)
            comments = conn.execute(
                sa.select(_T.comments)
                .where(_T.comments.c.draft_id == draft_id)
                .order_by(_T.comments.c.id)
            ).mappings()
            comment_infos = [
                CommentInfo(**{k: v for k, v in c.items() if k != "draft_id"}) for c in comments
            ]
        since = row["content_since"]
        current = next(v for v in versions if v["number"] == row["current_version"])
        decisions = workflow.latest_decisions(reviews, since)
        last_ids = {}
        for r in reviews:
            if r["version_number"] >= since:
                last_ids[r["reviewer"]] = r["id"]
        review_infos = [
            ReviewInfo(
                id=r["id"],
                version_number=r["version_number"],
                content_hash=r["content_hash"],
                reviewer=r["reviewer"],
                decision=r["decision"],
                comment=r["comment"],
                created_at=r["created_at"],
                valid=last_ids.get(r["reviewer"]) == r["id"],
            )
            for r in reviews
        ]
        return DraftDetail(
            summary=_summary(row),
            created_by=row["created_by"],
            created_at=row["created_at"],
            content_hash=current["content_hash"],
            content_since=since,
            versions=[_version_info(v) for v in versions],
            reviews=review_infos,
            comments=comment_infos,
            cosigners=cosigners,
            missing=workflow.missing_cosigners(decisions, cosigners),
        )

    def history(self, draft_id: int) -> list[history.Event]:
        with self._read() as conn:
            self._draft_row(conn, draft_id)
            return _events(conn, draft_id)

    def diff(self, draft_id: int, old: int | None = None, new: int | None = None) -> list[Change]:
        """Word diff between two versions; by default from what this user last reviewed
        or saved (else the previous version) to the current one."""
        with self._read() as conn:
            row = self._draft_row(conn, draft_id)
            new = new or row["current_version"]
            if old is None:
                seen = [r["version_number"] for r in self._reviews(conn, draft_id)]
                seen = [r for r in seen if r < new] if seen else []
                old = max(seen) if seen else max(new - 1, 1)
            a = draft_from_canonical(self._version(conn, draft_id, old)["content"])
            b = draft_from_canonical(self._version(conn, draft_id, new)["content"])
        return diff_drafts(a, b)

    # -- workflow -----------------------------------------------------------------------

    def submit(
        self, draft_id: int, cosigners: Sequence[str] | None = None, due: str | None = None
    ) -> str:
        """Entwurf/Änderungen erbeten → In Prüfung; optionally name co-signers and a due time."""
        due_at = parse_due(due) if due else None
        with self._write() as conn:
            row = self._lock(conn, draft_id)
            workflow.check_submit(row["state"])
            if cosigners is not None:
                names = sorted(set(cosigners))
                writers = workflow.writers(self._versions(conn, draft_id))
                for name in names:
                    if name in writers:
                        raise FourEyesError(
                            f"{name} hat den Text selbst geschrieben oder geändert und kann "
                            "nicht mitzeichnen (Vier-Augen-Prinzip)."
                        )
                conn.execute(
                    sa.delete(_T.draft_reviewers).where(_T.draft_reviewers.c.draft_id == draft_id)
                )
                for name in names:
                    conn.execute(
                        sa.insert(_T.draft_reviewers).values(draft_id=draft_id, reviewer=name)
                    )
            else:
                names = self._cosigners(conn, draft_id)
            detail = {"state": workflow.IN_REVIEW, "cosigners": names, "due": due_at}
            current = self._version(conn, draft_id, row["current_version"])
            self._event(conn, row, "submitted", detail, current["number"], current["content_hash"])
            self._finish(conn, row, state=workflow.IN_REVIEW, due_at=due_at)
        return workflow.IN_REVIEW

    def approve(self, draft_id: int, version: int | None = None, comment: str = "") -> ReviewResult:
        """Approve the current content (``version``: what the reviewer saw)."""
        return self._review(draft_id, "approve", comment, version)

    def send_back(self, draft_id: int, comment: str, version: int | None = None) -> ReviewResult:
        """„Änderungen erbeten“: one send-back rejects the draft, with a reason."""
        if not comment.strip():
            raise WorkflowError("Wer zurückgibt, sagt warum: bitte einen Kommentar angeben.")
        return self._review(draft_id, "return", comment, version)

    def _review(
        self, draft_id: int, decision: str, comment: str, version: int | None
    ) -> ReviewResult:
        self._require_reviewer()
        with self._write() as conn:
            row = self._lock(conn, draft_id)
            workflow.check_review(row["state"], decision)
            versions = self._versions(conn, draft_id)
            if decision == "approve":
                workflow.check_four_eyes(self.user, versions)
            current = next(v for v in versions if v["number"] == row["current_version"])
            if version is not None and not any(
                v["number"] == version and v["kind"] == "version" for v in versions
            ):
                raise StoreError(f"Entwurf {draft_id} hat keine Version {version}.")
            workflow.check_current(version, current, row["content_since"])
            result = conn.execute(
                sa.insert(_T.reviews).values(
                    draft_id=draft_id,
                    version_number=current["number"],
                    content_hash=current["content_hash"],
                    reviewer=self.user,
                    decision=decision,
                    comment=comment,
                    created_at=now(),
                )
            )
            assert result.inserted_primary_key is not None
            review_id = int(result.inserted_primary_key[0])
            reviews = self._reviews(conn, draft_id)
            decisions = workflow.latest_decisions(reviews, row["content_since"])
            cosigners = self._cosigners(conn, draft_id)
            if decision == "return":
                state = workflow.CHANGES_REQUESTED
            elif workflow.is_approved(decisions, cosigners):
                state = workflow.APPROVED
            else:
                state = workflow.IN_REVIEW
            kind = "approved" if decision == "approve" else "returned"
            detail = {"state": state, "review": review_id, "comment": comment}
            self._event(conn, row, kind, detail, current["number"], current["content_hash"])
            self._finish(conn, row, state=state)
        return ReviewResult(state=state, missing=workflow.missing_cosigners(decisions, cosigners))

    def comment(
        self,
        draft_id: int,
        text: str,
        field: str | None = None,
        reply_to: int | None = None,
    ) -> int:
        """A comment on the draft, or on one field (path like ``body[2].text``) with its text."""
        if not text.strip():
            raise StoreError("Ein Kommentar braucht Text.")
        with self._write() as conn:
            row = self._lock(conn, draft_id)
            current = self._version(conn, draft_id, row["current_version"])
            quote = None
            if field:
                quote = text_at(draft_from_canonical(current["content"]), field)
                if quote is None:
                    raise StoreError(f"Das Feld „{field}“ gibt es in Entwurf {draft_id} nicht.")
                quote = quote if len(quote) <= 300 else quote[:299] + "…"
            if reply_to is not None:
                parent = conn.execute(
                    sa.select(_T.comments.c.draft_id).where(_T.comments.c.id == reply_to)
                ).scalar()
                if parent != draft_id:
                    raise StoreError(f"Entwurf {draft_id} hat keinen Kommentar {reply_to}.")
            result = conn.execute(
                sa.insert(_T.comments).values(
                    draft_id=draft_id,
                    parent_id=reply_to,
                    version_number=current["number"],
                    field_path=field,
                    quote=quote,
                    text=text,
                    author=self.user,
                    created_at=now(),
                )
            )
            assert result.inserted_primary_key is not None
            comment_id = int(result.inserted_primary_key[0])
            detail = {
                "comment": comment_id,
                "field": field,
                "reply_to": reply_to,
                "text": sha256_hex(text.encode("utf-8")),
            }
            self._event(conn, row, "comment", detail, current["number"], current["content_hash"])
            self._finish(conn, row)
        return comment_id

    def resolve(self, draft_id: int, comment_id: int) -> None:
        with self._write() as conn:
            row = self._lock(conn, draft_id)
            c = _T.comments
            found = conn.execute(
                sa.update(c)
                .where(c.c.id == comment_id, c.c.draft_id == draft_id, c.c.resolved_at.is_(None))
                .values(resolved_by=self.user, resolved_at=now())
            ).rowcount
            if not found:
                raise StoreError(f"Entwurf {draft_id} hat keinen offenen Kommentar {comment_id}.")
            self._event(conn, row, "resolved", {"comment": comment_id})
            self._finish(conn, row)

    def publish(self, draft_id: int) -> Draft:
        """Freigegeben → Veröffentlicht, after checking the draft's history; returns the
        approved text, which is what must be published."""
        with self._write() as conn:
            row = self._lock(conn, draft_id)
            problems = self._check_draft(conn, row)
            if problems:
                raise WorkflowError(
                    "Die Historie ist beschädigt, es wird nichts veröffentlicht: "
                    + " ".join(problems)
                )
            if row["state"] != workflow.APPROVED:
                raise WorkflowError(
                    f"Entwurf {draft_id} ist „{workflow.STATE_LABELS[row['state']]}“; "
                    "veröffentlicht wird nur Freigegebenes."
                )
            current = self._version(conn, draft_id, row["current_version"])
            detail = {"state": workflow.PUBLISHED}
            self._event(conn, row, "published", detail, current["number"], current["content_hash"])
            self._finish(conn, row, state=workflow.PUBLISHED)
        return draft_from_canonical(current["content"])

    # -- integrity ------------------------------------------------------------------------

    def _check_draft(self, conn: Connection, row: Mapping[str, Any]) -> list[str]:
        draft_id = row["id"]
        return history.verify(
            row,
            _events(conn, draft_id),
            self._versions(conn, draft_id),
            self._reviews(conn, draft_id),
        )

    def check(self) -> list[str]:
        """Verify the hash chain and every version of the whole store; [] if all is well."""
        problems: list[str] = []
        with self._read() as conn:
            rows = conn.execute(sa.select(_T.drafts).order_by(_T.drafts.c.id)).mappings().all()
            for row in rows:
                problems.extend(self._check_draft(conn, dict(row)))
            known = {r["id"] for r in rows}
            for table in (_T.versions, _T.events, _T.reviews):
                orphans = (
                    conn.execute(
                        sa.select(sa.func.count()).where(table.c.draft_id.not_in(known))
                    ).scalar_one()
                    if known
                    else 0
                )
                if orphans:
                    problems.append(
                        f"{orphans} Zeilen in „{table.name}“ gehören zu keinem Entwurf."
                    )
        return problems

    def watch(self) -> Watcher:
        """A watcher that tells when somebody else changed the library (for a live queue)."""
        return Watcher(self.url)

    def count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(_T.drafts)).scalar_one())

    # -- for the editor's review panels (issue 16) ----------------------------------------

    def withdraw(self, draft_id: int) -> str:
        """In Prüfung → Entwurf: the author takes the draft back before anybody decided."""
        with self._write() as conn:
            row = self._lock(conn, draft_id)
            if row["state"] != workflow.IN_REVIEW:
                raise WorkflowError(
                    f"Der Entwurf ist „{workflow.STATE_LABELS[row['state']]}“; zurückziehen "
                    "lässt sich nur, was in Prüfung ist."
                )
            current = self._version(conn, draft_id, row["current_version"])
            detail = {"state": workflow.DRAFT}
            self._event(conn, row, "withdrawn", detail, current["number"], current["content_hash"])
            self._finish(conn, row, state=workflow.DRAFT)
        return workflow.DRAFT

    def library(
        self,
        state: str | None = None,
        author: str | None = None,
        search_words: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[LibraryEntry]:
        """One page of the library, newest first, with author, release date and Sperrfrist."""
        d, v = _T.drafts, _T.versions
        query = (
            sa.select(d, v.c.content)
            .join(v, sa.and_(v.c.draft_id == d.c.id, v.c.number == d.c.current_version))
            .order_by(d.c.updated_at.desc(), d.c.id.desc())
        )
        if state:
            query = query.where(d.c.state == workflow.parse_state(state))
        if author:
            query = query.where(d.c.created_by == author)
        with self._read() as conn:
            if search_words and search_words.strip():
                ids = search.matching_ids(conn, search_words)
                if ids is None:
                    return []
                query = query.where(d.c.id.in_(ids.columns(sa.column("id", sa.Integer))))
            rows = conn.execute(query.limit(limit).offset(offset)).mappings().all()
        return [_entry(dict(r)) for r in rows]

    def authors(self) -> list[str]:
        """Everybody who created a draft in the library, for the library's author filter."""
        with self._read() as conn:
            rows = conn.execute(sa.select(_T.drafts.c.created_by).distinct())
            return sorted(str(r[0]) for r in rows)

    def team(self) -> list[tuple[str, str]]:
        """(name, role) of everybody known to the library: whom to ask to co-sign."""
        with self._read() as conn:
            if self.postgres:
                rows = conn.execute(
                    sa.text(
                        "SELECT DISTINCT u.rolname, g.rolname FROM pg_roles u "
                        "JOIN pg_auth_members m ON m.member = u.oid "
                        "JOIN pg_roles g ON g.oid = m.roleid "
                        "WHERE g.rolname IN ('pressdesk_author', 'pressdesk_reviewer')"
                    )
                ).all()
                roles: dict[str, str] = {}
                for name, group in rows:
                    if group == "pressdesk_reviewer" or name not in roles:
                        roles[str(name)] = str(group).removeprefix("pressdesk_")
                return sorted(roles.items())
            known = {
                str(name): str(role)
                for name, role in conn.execute(sa.select(_T.users.c.name, _T.users.c.role))
            }
            for (name,) in conn.execute(sa.select(_T.drafts.c.created_by).distinct()):
                known.setdefault(str(name), "author")
            return sorted(known.items())

    def review_queue(self) -> list[QueueEntry]:
        """What waits for this user's decision: in review, not written by them, not yet
        approved by them, and (when co-signers are named) naming them. Due first."""
        if self.role_of(self.user) != "reviewer":
            return []
        d, v = _T.drafts, _T.versions
        query = sa.select(d, v.c.content).join(
            v, sa.and_(v.c.draft_id == d.c.id, v.c.number == d.c.current_version)
        )
        query = query.where(d.c.state == workflow.IN_REVIEW)
        out: list[QueueEntry] = []
        with self._read() as conn:
            rows = [dict(r) for r in conn.execute(query).mappings().all()]
            ids = [r["id"] for r in rows]
            # three queries for all drafts in review, not three per draft
            writers: dict[int, set[str]] = {i: set() for i in ids}
            cosigners: dict[int, list[str]] = {i: [] for i in ids}
            reviews: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
            if ids:
                for draft_id, author in conn.execute(
                    sa.select(v.c.draft_id, v.c.author)
                    .where(v.c.draft_id.in_(ids), v.c.changes_content)
                    .distinct()
                ):
                    writers[draft_id].add(author)
                dr = _T.draft_reviewers
                for draft_id, name in conn.execute(
                    sa.select(dr.c.draft_id, dr.c.reviewer)
                    .where(dr.c.draft_id.in_(ids))
                    .order_by(dr.c.reviewer)
                ):
                    cosigners[draft_id].append(str(name))
                r = _T.reviews
                for review in conn.execute(
                    sa.select(r).where(r.c.draft_id.in_(ids)).order_by(r.c.id)
                ).mappings():
                    reviews[review["draft_id"]].append(dict(review))
        for row in rows:
            draft_id = row["id"]
            names = cosigners[draft_id]
            if self.user in writers[draft_id] or (names and self.user not in names):
                continue
            decisions = workflow.latest_decisions(reviews[draft_id], row["content_since"])
            if decisions.get(self.user) == "approve":
                continue
            out.append(
                QueueEntry(
                    entry=_entry(row),
                    cosigners=names,
                    approved_by=sorted(n for n, dec in decisions.items() if dec == "approve"),
                    missing=workflow.missing_cosigners(decisions, names),
                )
            )
        out.sort(key=lambda q: (q.entry.summary.due_at or "9999", q.entry.summary.updated_at))
        return out

    def change_token(self) -> int:
        """Grows with every step anybody takes in the library (every step is an event):
        poll it to notice what others did."""
        with self._read() as conn:
            found = conn.execute(sa.select(sa.func.max(_T.events.c.id))).scalar()
            return int(found or 0)


def _local(iso: str) -> str:
    """An ISO UTC time as the user reads it: local, ``29.11.2026 16:02``."""
    when = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return when.astimezone().strftime("%d.%m.%Y %H:%M")


def _summary(row: Mapping[str, Any]) -> DraftSummary:
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


def _version_info(v: Mapping[str, Any]) -> VersionInfo:
    return VersionInfo(
        number=v["number"],
        kind=v["kind"],
        base_number=v["base_number"],
        content_hash=v["content_hash"],
        changes_content=bool(v["changes_content"]),
        author=v["author"],
        created_at=v["created_at"],
    )


def _events(conn: Connection, draft_id: int) -> list[history.Event]:
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


local_time = _local


@dataclass(frozen=True)
class LibraryEntry:
    """One row of the library: the summary plus what the list shows from the text."""

    summary: DraftSummary
    created_by: str
    created_at: str
    date: str  # the release date as written in the draft (YYYY-MM-DD)
    embargo: str  # „18.07.2018 11:00“, „bei Redebeginn“ or ""


@dataclass(frozen=True)
class QueueEntry:
    entry: LibraryEntry
    cosigners: list[str]
    approved_by: list[str]
    missing: list[str]

    @property
    def overdue(self) -> bool:
        due = self.entry.summary.due_at
        return due is not None and due < datetime.now().strftime("%Y-%m-%d %H:%M")


def _embargo_text(data: Mapping[str, Any]) -> str:
    embargo = (data.get("header") or {}).get("embargo")
    if not isinstance(embargo, dict):
        return ""
    if embargo.get("atSpeechStart"):
        return "bei Redebeginn"
    day, time = str(embargo.get("date") or ""), str(embargo.get("time") or "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        day = f"{day[8:10]}.{day[5:7]}.{day[0:4]}"
    return f"{day} {time}".strip()


def _entry(row: Mapping[str, Any]) -> LibraryEntry:
    data = json.loads(row["content"])
    header = data.get("header") or {}
    return LibraryEntry(
        summary=_summary(row),
        created_by=row["created_by"],
        created_at=row["created_at"],
        date=str(header.get("date") or ""),
        embargo=_embargo_text(data),
    )
