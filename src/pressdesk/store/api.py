"""The one interface to the review store, for the command line and the editor alike.

``Store(url)`` opens a library (SQLite file or PostgreSQL database, see
:mod:`pressdesk.store.backend`). Every method is one transaction. The class is put
together from three layers: :mod:`~pressdesk.store.base` (opening, identity,
transactions, appending to the history), :mod:`~pressdesk.store.review` (submit,
approve, send back, comment, publish, check) and this module (drafts, versions,
listing, search, diff). Workflow rules live in :mod:`pressdesk.store.workflow`.
Errors the user can cause are :class:`StoreError` (could not run) or
:class:`WorkflowError` (refused), both with German messages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from pressdesk.model import Draft
from pressdesk.store import backend, history, rows, search, workflow
from pressdesk.store import schema as _T
from pressdesk.store.base import ENV_USER
from pressdesk.store.canonical import canonical_json, content_hash, draft_from_canonical, plain_text
from pressdesk.store.diff import Change, diff_drafts
from pressdesk.store.errors import StaleVersionError, StoreError, WorkflowError
from pressdesk.store.notify import Watcher
from pressdesk.store.records import CommentInfo, DraftDetail, DraftSummary, ReviewInfo, SaveResult
from pressdesk.store.review import Reviewing, parse_due
from pressdesk.store.rows import local_time, now

__all__ = ["ENV_USER", "Store", "local_time", "now", "parse_due", "upgrade_store"]


def upgrade_store(url: str | None = None, revision: str = "head") -> tuple[str | None, str]:
    """``pressdesk store upgrade``: bring the store to the current schema."""
    resolved = backend.resolve_url(url)
    engine = backend.create_engine(resolved)
    try:
        return backend.upgrade(engine, resolved, revision)
    finally:
        engine.dispose()


class Store(Reviewing):
    """A draft library. Cheap to open; close with :meth:`close` (or use ``with``)."""

    # -- drafts and versions ------------------------------------------------------------

    def add(self, draft: Draft) -> int:
        """Put a new draft into the library (state Entwurf, version 1); returns its id."""
        content = canonical_json(draft)
        h = content_hash(content)
        at = rows.now()
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
            self._insert_version(conn, draft_id, 1, None, content, at, changes=True)
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
        at = rows.now()
        stale: StaleVersionError | None = None
        with self._write() as conn:
            row = rows.lock(conn, draft_id)
            current = row["current_version"]
            number = rows.next_number(conn, draft_id)
            if base is not None and base > current:
                raise StoreError(f"Entwurf {draft_id} hat keine Version {base}.")
            if base is not None and base != current:
                self._insert_version(conn, draft_id, number, base, content, at, conflict=True)
                self._event(conn, row, "conflict", {"base": base}, number, h, at)
                self._finish(conn, row)
                between = [
                    v
                    for v in rows.versions(conn, draft_id)
                    if v["kind"] == "version" and base < v["number"] <= current
                ]
                savers = sorted({v["author"] for v in between})
                last = between[-1]
                stale = StaleVersionError(
                    f"Entwurf {draft_id} wurde inzwischen von {', '.join(savers)} gespeichert "
                    f"(Version {current}, {rows.local_time(last['created_at'])}); Ihre Fassung "
                    f"beruht auf Version {base}. Ihr Text ist nicht verloren: er ist als "
                    f"Version {number} (Konflikt) aufbewahrt. Unterschiede: "
                    f"pressdesk library diff {draft_id} {current} {number}",
                    conflict_version=number,
                    saved_by=savers,
                )
            else:
                prev = rows.version(conn, draft_id, current)
                changes = prev["content_hash"] != h
                state = workflow.state_after_save(row["state"], changes)
                since = number if changes else row["content_since"]
                self._insert_version(conn, draft_id, number, current, content, at, changes)
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

    def _insert_version(
        self,
        conn: sa.Connection,
        draft_id: int,
        number: int,
        base: int | None,
        content: str,
        at: str,
        changes: bool = False,
        conflict: bool = False,
    ) -> None:
        """One row of ``versions``, saved by this user: a version, or with ``conflict`` the
        kept text of a refused stale save (never a change of content)."""
        conn.execute(
            sa.insert(_T.versions).values(
                draft_id=draft_id,
                number=number,
                kind="conflict" if conflict else "version",
                base_number=base,
                content=content,
                content_hash=content_hash(content),
                changes_content=changes and not conflict,
                author=self.user,
                created_at=at,
            )
        )

    def get(self, draft_id: int, version: int | None = None) -> Draft:
        with self._read() as conn:
            row = rows.draft_row(conn, draft_id)
            v = rows.version(conn, draft_id, version or row["current_version"])
        return draft_from_canonical(v["content"])

    def current_version(self, draft_id: int) -> int:
        with self._read() as conn:
            return int(rows.draft_row(conn, draft_id)["current_version"])

    # -- listing ------------------------------------------------------------------------

    def list_drafts(
        self,
        state: str | None = None,
        search_words: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[DraftSummary]:
        """One page of drafts, most recently changed first (a search: newest first)."""
        d = _T.drafts
        query = sa.select(d).order_by(d.c.updated_at.desc(), d.c.id.desc())
        if state is not None:
            query = query.where(d.c.state == workflow.parse_state(state))
        with self._read() as conn:
            if search_words:
                narrowed = search.restrict(conn, query, d, search_words)
                if narrowed is None:
                    return []
                query = narrowed
            found = conn.execute(query.limit(limit).offset(offset)).mappings().all()
        return [rows.summary(dict(r)) for r in found]

    def show(self, draft_id: int) -> DraftDetail:
        with self._read() as conn:
            row = rows.draft_row(conn, draft_id)
            versions = rows.versions(conn, draft_id)
            reviews = rows.reviews(conn, draft_id)
            cosigners = rows.cosigners(conn, draft_id)
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
            summary=rows.summary(row),
            created_by=row["created_by"],
            created_at=row["created_at"],
            content_hash=current["content_hash"],
            content_since=since,
            versions=[rows.version_info(v) for v in versions],
            reviews=review_infos,
            comments=comment_infos,
            cosigners=cosigners,
            missing=workflow.missing_cosigners(decisions, cosigners),
        )

    def history(self, draft_id: int) -> list[history.Event]:
        with self._read() as conn:
            rows.draft_row(conn, draft_id)
            return rows.events(conn, draft_id)

    def diff(self, draft_id: int, old: int | None = None, new: int | None = None) -> list[Change]:
        """Word diff between two versions; by default from what this user last reviewed
        or saved (else the previous version) to the current one."""
        with self._read() as conn:
            row = rows.draft_row(conn, draft_id)
            new = new or row["current_version"]
            if old is None:
                seen = [r["version_number"] for r in rows.reviews(conn, draft_id)]
                seen = [r for r in seen if r < new] if seen else []
                old = max(seen) if seen else max(new - 1, 1)
            a = draft_from_canonical(rows.version(conn, draft_id, old)["content"])
            b = draft_from_canonical(rows.version(conn, draft_id, new)["content"])
        return diff_drafts(a, b)

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
            row = rows.lock(conn, draft_id)
            if row["state"] != workflow.IN_REVIEW:
                raise WorkflowError(
                    f"Der Entwurf ist „{workflow.STATE_LABELS[row['state']]}“; zurückziehen "
                    "lässt sich nur, was in Prüfung ist."
                )
            self._step(conn, row, "recalled", {"state": workflow.DRAFT}, state=workflow.DRAFT)
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
        d = _T.drafts
        query = _with_current_content().order_by(d.c.updated_at.desc(), d.c.id.desc())
        if state:
            query = query.where(d.c.state == workflow.parse_state(state))
        if author:
            query = query.where(d.c.created_by == author)
        with self._read() as conn:
            if search_words and search_words.strip():
                narrowed = search.restrict(conn, query, d, search_words)
                if narrowed is None:
                    return []
                query = narrowed
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
        query = _with_current_content().where(d.c.state == workflow.IN_REVIEW)
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


def _with_current_content() -> sa.Select[Any]:
    """Every draft's row with the content of its current version (for what lists show)."""
    d, v = _T.drafts, _T.versions
    return sa.select(d, v.c.content).join(
        v, sa.and_(v.c.draft_id == d.c.id, v.c.number == d.c.current_version)
    )


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
        summary=rows.summary(row),
        created_by=row["created_by"],
        created_at=row["created_at"],
        date=str(header.get("date") or ""),
        embargo=_embargo_text(data),
    )
