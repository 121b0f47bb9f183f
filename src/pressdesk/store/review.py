"""The review steps of a store: submit, approve, send back, comment, publish, check.

Part of :class:`pressdesk.store.api.Store`. The rules are in
:mod:`pressdesk.store.workflow`; this module applies them inside one transaction
each and records every step in the draft's history.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pressdesk.model import Draft
from pressdesk.store import history, rows, workflow
from pressdesk.store import schema as _T
from pressdesk.store.base import StoreBase
from pressdesk.store.canonical import draft_from_canonical, sha256_hex, text_at
from pressdesk.store.errors import FourEyesError, StoreError, WorkflowError
from pressdesk.store.records import ReviewResult

CHECK_BATCH = 500


class Reviewing(StoreBase):
    # -- workflow -----------------------------------------------------------------------

    def submit(
        self, draft_id: int, cosigners: Sequence[str] | None = None, due: str | None = None
    ) -> str:
        """Entwurf/Änderungen erbeten → In Prüfung; optionally name co-signers and a due time."""
        due_at = parse_due(due) if due else None
        for name in sorted(set(cosigners or ())):
            if self.role_of(name) != "reviewer":
                raise WorkflowError(
                    f"{name} ist nicht als Prüferin oder Prüfer eingetragen und kann nicht "
                    "mitzeichnen."
                )
        with self._write() as conn:
            row = rows.lock(conn, draft_id)
            workflow.check_submit(row["state"])
            if cosigners is not None:
                names = sorted(set(cosigners))
                writers = workflow.writers(rows.versions(conn, draft_id))
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
                names = rows.cosigners(conn, draft_id)
            detail = {"state": workflow.IN_REVIEW, "cosigners": names, "due": due_at}
            self._step(conn, row, "submitted", detail, state=workflow.IN_REVIEW, due_at=due_at)
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
            row = rows.lock(conn, draft_id)
            workflow.check_review(row["state"], decision)
            versions = rows.versions(conn, draft_id)
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
                    created_at=rows.now(),
                )
            )
            assert result.inserted_primary_key is not None
            review_id = int(result.inserted_primary_key[0])
            reviews = rows.reviews(conn, draft_id)
            decisions = workflow.latest_decisions(reviews, row["content_since"])
            cosigners = rows.cosigners(conn, draft_id)
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
            row = rows.lock(conn, draft_id)
            current = rows.version(conn, draft_id, row["current_version"])
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
                    created_at=rows.now(),
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
            row = rows.lock(conn, draft_id)
            c = _T.comments
            found = conn.execute(
                sa.update(c)
                .where(c.c.id == comment_id, c.c.draft_id == draft_id, c.c.resolved_at.is_(None))
                .values(resolved_by=self.user, resolved_at=rows.now())
            ).rowcount
            if not found:
                raise StoreError(f"Entwurf {draft_id} hat keinen offenen Kommentar {comment_id}.")
            self._event(conn, row, "resolved", {"comment": comment_id})
            self._finish(conn, row)

    def publish(self, draft_id: int) -> Draft:
        """Freigegeben → Veröffentlicht, after checking the draft's history; returns the
        approved text, which is what must be published."""
        with self._write() as conn:
            row = rows.lock(conn, draft_id)
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
            detail = {"state": workflow.PUBLISHED}
            current = self._step(conn, row, "published", detail, state=workflow.PUBLISHED)
        return draft_from_canonical(current["content"])

    # -- integrity ------------------------------------------------------------------------

    def _check_draft(self, conn: Connection, row: Mapping[str, Any]) -> list[str]:
        draft_id = row["id"]
        comments = conn.execute(
            sa.select(_T.comments).where(_T.comments.c.draft_id == draft_id)
        ).mappings()
        return history.verify(
            row,
            rows.events(conn, draft_id),
            rows.versions(conn, draft_id),
            rows.reviews(conn, draft_id),
            [dict(c) for c in comments],
        )

    def check(self) -> list[str]:
        """Verify the hash chain and every version of the whole store; [] if all is well.

        Reads the store in batches of drafts (a handful of queries per batch), so
        checking years of releases stays a matter of seconds.
        """
        problems: list[str] = []
        with self._read() as conn:
            drafts = conn.execute(sa.select(_T.drafts).order_by(_T.drafts.c.id)).mappings().all()
            for start in range(0, len(drafts), CHECK_BATCH):
                batch = [dict(r) for r in drafts[start : start + CHECK_BATCH]]
                lo, hi = batch[0]["id"], batch[-1]["id"]
                events = rows.by_draft(conn, _T.events, lo, hi, _T.events.c.seq)
                versions = rows.by_draft(conn, _T.versions, lo, hi, _T.versions.c.number)
                reviews = rows.by_draft(conn, _T.reviews, lo, hi, _T.reviews.c.id)
                comments = rows.by_draft(conn, _T.comments, lo, hi, _T.comments.c.id)
                for row in batch:
                    did = row["id"]
                    problems.extend(
                        history.verify(
                            row,
                            [rows.event(e) for e in events.get(did, [])],
                            versions.get(did, []),
                            reviews.get(did, []),
                            comments.get(did, []),
                        )
                    )
            for table in (_T.versions, _T.events, _T.reviews, _T.comments):
                orphans = conn.execute(
                    sa.select(sa.func.count()).where(
                        table.c.draft_id.not_in(sa.select(_T.drafts.c.id))
                    )
                ).scalar_one()
                if orphans:
                    problems.append(
                        f"{orphans} Zeilen in „{table.name}“ gehören zu keinem Entwurf."
                    )
        return problems


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
    raise StoreError(
        f"„{text}“ ist keine Frist; erwartet wird etwa „14:00“ oder „30.11.2026 14:00“."
    )
