"""Publishing from the review store: only the approved, unchanged version with an intact history.

``pressdesk publish``, ``publish --due``, ``withdraw`` and ``verify`` come here. Every
publication runs in one write transaction of the store, with the draft's row locked:

1. the draft's hash chain, versions and reviews are checked (the ``library check`` of
   this draft); a damaged history refuses;
2. the draft must be „Freigegeben“ (or „Veröffentlicht“, to publish the same version
   into another folder) with valid approvals of exactly the current content; the
   approval facts (who, when, content hash) come from the store's review rows;
3. :func:`pressdesk.publish.package.publish_release` checks its own gates (the store's
   content hash recomputed from the text, errors, Sperrfrist) and the preflight, and
   writes the website package;
4. a ``published`` event (hash-chained like every event) records the folder and the
   SHA-256 of each written file, and the state becomes „Veröffentlicht“.

A refusal in 1–3 writes nothing to the folder and nothing to the store. Withdrawal
records a ``withdrawn`` event; history is never deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pressdesk.export import content
from pressdesk.model.draft import Draft
from pressdesk.profile.profile import Profile
from pressdesk.publish.clock import now_utc
from pressdesk.publish.errors import PublishError
from pressdesk.publish.package import (
    PublishResult,
    is_due,
    publish_release,
    schedule_line,
    withdraw_release,
)
from pressdesk.publish.proof import ApprovalFacts, Proof, file_sha256, german_time
from pressdesk.publish.site import Entry, SiteInfo
from pressdesk.store import schema, workflow
from pressdesk.store.api import Store
from pressdesk.store.canonical import canonical_json, content_hash, draft_from_canonical
from pressdesk.store.errors import StoreError, WorkflowError
from pressdesk.store.history import Event

RELEASE_PREFIX = "pressdesk-"


def release_id(draft_id: int) -> str:
    """The release's name on the website across its versions: ``pressdesk-7``."""
    return f"{RELEASE_PREFIX}{draft_id}"


def version_id(draft_id: int, number: int) -> str:
    return f"{RELEASE_PREFIX}{draft_id}-v{number}"


def draft_id_of(release: str) -> int | None:
    """The store's draft id of a release id, None if the release did not come from a store."""
    rest = release.removeprefix(RELEASE_PREFIX)
    return int(rest) if rest != release and rest.isdigit() else None


def store_hash(draft: Draft) -> str:
    """The store's content hash of a draft (the hash approvals are bound to)."""
    return content_hash(canonical_json(draft))


def _when(iso: str) -> str:
    """A store time (UTC) as publishing names times: Berlin, '29.11.2026 um 17:42 Uhr'."""
    return german_time(_utc(iso).isoformat())


def _utc(iso: str) -> datetime:
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


# -- what may be published ----------------------------------------------------------------


def _intact(store: Store, conn: Connection, row: Mapping[str, Any]) -> None:
    problems = store._check_draft(conn, row)
    if problems:
        raise WorkflowError(
            f"Die Historie von Entwurf {row['id']} ist beschädigt, es wird nichts "
            "veröffentlicht: " + " ".join(problems)
        )


def _voided(events: Sequence[Event]) -> str:
    """Why the last approval no longer holds (German), '' if there was none."""
    last = max((i for i, e in enumerate(events) if e.kind == "approved"), default=None)
    if last is None:
        return ""
    approval = events[last]
    for e in events[last + 1 :]:
        if e.kind == "version" and e.data.get("changes"):
            return (
                f"Die Freigabe von {approval.actor} ({_when(approval.at)}) ist erloschen: "
                f"{e.actor} hat den Text am {_when(e.at)} geändert (Version "
                f"{e.version_number})."
            )
        if e.kind == "returned":
            return (
                f"Die Freigabe ist aufgehoben: {e.actor} hat am {_when(e.at)} Änderungen erbeten."
            )
    return ""


def _approval(
    store: Store, conn: Connection, row: Mapping[str, Any]
) -> tuple[Draft, ApprovalFacts, dict[str, Any]]:
    """The approved current version and its approval facts, or :class:`WorkflowError`."""
    draft_id = row["id"]
    _intact(store, conn, row)
    state = row["state"]
    if state not in (workflow.APPROVED, workflow.PUBLISHED):
        reasons = [
            f"Entwurf {draft_id} ist „{workflow.STATE_LABELS.get(state, state)}“; "
            "veröffentlicht wird nur eine freigegebene Fassung."
        ]
        voided = _voided(_events(conn, draft_id))
        raise WorkflowError(" ".join([*reasons, voided]).strip())
    current = store._version(conn, draft_id, row["current_version"])
    reviews = store._reviews(conn, draft_id)
    since = row["content_since"]
    decisions = workflow.latest_decisions(reviews, since)
    if not workflow.is_approved(decisions, store._cosigners(conn, draft_id)):
        raise WorkflowError(
            f"Entwurf {draft_id}: die Freigaben der aktuellen Fassung sind nicht vollständig."
        )
    latest: dict[str, Mapping[str, Any]] = {}
    for r in reviews:
        if r["version_number"] >= since:
            latest[r["reviewer"]] = r
    if any(r["content_hash"] != current["content_hash"] for r in latest.values()):
        raise WorkflowError(
            f"Entwurf {draft_id}: eine Freigabe nennt nicht den aktuellen Text "
            "(Prüfsumme weicht ab)."
        )
    facts = ApprovalFacts(
        release_id=release_id(draft_id),
        version_id=version_id(draft_id, current["number"]),
        approvers=tuple(sorted(latest)),
        approved_at=max(_utc(r["created_at"]) for r in latest.values()),
        content_hash=current["content_hash"],
    )
    return draft_from_canonical(current["content"]), facts, current


def _events(conn: Connection, draft_id: int) -> list[Event]:
    from pressdesk.store.api import _events as events

    return events(conn, draft_id)


# -- publish ------------------------------------------------------------------------------


def publish(
    store: Store,
    draft_id: int,
    folder: str | Path,
    *,
    now: datetime | None = None,
    profile: Profile | None = None,
    site: SiteInfo | None = None,
    speech_started: bool = False,
) -> PublishResult:
    """Publish the approved current version of ``draft_id`` into ``folder`` and record it.

    Refusals: :class:`WorkflowError` (state, approvals, damaged history) and
    :class:`PublishError` (Sperrfrist, errors, preflight, a file that cannot be written);
    both leave the folder and the store as they were.
    """
    folder = Path(folder).absolute()
    with store._write() as conn:
        row = store._lock(conn, draft_id)
        draft, facts, current = _approval(store, conn, row)
        result = publish_release(
            draft,
            facts,
            folder,
            profile=profile,
            now=now,
            hasher=store_hash,
            speech_started=speech_started,
            site=site,
        )
        if result.unchanged and row["state"] == workflow.PUBLISHED:
            return result
        files = {
            kind: {"name": path.name, "sha256": file_sha256(path.read_bytes())}
            for kind, path in sorted(result.files.items())
        }
        detail = {
            "state": workflow.PUBLISHED,
            "folder": str(folder),
            "stem": result.stem,
            "correction": result.correction,
            "files": files,
        }
        store._event(conn, row, "published", detail, current["number"], current["content_hash"])
        store._finish(conn, row, state=workflow.PUBLISHED)
    return result


@dataclass
class DueReport:
    """What ``pressdesk publish --due`` did: published, not yet due, refused (with reasons)."""

    published: list[tuple[int, str, PublishResult]] = field(default_factory=list)
    not_due: list[tuple[int, str, str]] = field(default_factory=list)
    refused: list[tuple[int, str, str]] = field(default_factory=list)


def approved_ids(store: Store) -> list[int]:
    d = schema.drafts
    with store._read() as conn:
        rows = conn.execute(
            sa.select(d.c.id).where(d.c.state == workflow.APPROVED).order_by(d.c.id)
        )
        return [int(r[0]) for r in rows]


def publish_due(
    store: Store,
    folder: str | Path,
    *,
    now: datetime | None = None,
    profile: Profile | None = None,
    site: SiteInfo | None = None,
) -> DueReport:
    """Publish every approved draft whose Sperrfrist has passed; name those not yet due.

    „Sperrfrist: Redebeginn“ is never published by the timer (it needs a person's word).
    One refusal does not stop the others.
    """
    now = now or now_utc()
    report = DueReport()
    for draft_id in approved_ids(store):
        draft = store.get(draft_id)
        title = content.draft_title(draft)
        if not is_due(draft, now):
            report.not_due.append((draft_id, title, schedule_line(draft, now)))
            continue
        try:
            result = publish(store, draft_id, folder, now=now, profile=profile, site=site)
        except (WorkflowError, PublishError) as exc:
            report.refused.append((draft_id, title, str(exc)))
            continue
        report.published.append((draft_id, title, result))
    return report


# -- withdraw -----------------------------------------------------------------------------


def withdraw(
    store: Store,
    draft_id: int,
    folder: str | Path,
    *,
    now: datetime | None = None,
    site: SiteInfo | None = None,
) -> Entry:
    """Take the draft's release off index and feed and record a ``withdrawn`` event.

    A published draft becomes „Zurückgezogen“; a draft already being corrected keeps its
    state. The files go to ``archiv/``; nothing in the history is deleted.
    """
    folder = Path(folder).absolute()
    with store._write() as conn:
        row = store._lock(conn, draft_id)
        _intact(store, conn, row)
        entry = withdraw_release(folder, release_id(draft_id), now=now, site=site)
        detail: dict[str, Any] = {"folder": str(folder), "stem": entry.stem}
        changes: dict[str, Any] = {}
        if row["state"] == workflow.PUBLISHED:
            detail["state"] = workflow.WITHDRAWN
            changes["state"] = workflow.WITHDRAWN
        number = entry.version_id.rsplit("-v", 1)[-1]
        published = int(number) if number.isdigit() else None
        store._event(conn, row, "withdrawn", detail, published, entry.content_hash)
        store._finish(conn, row, **changes)
    return entry


# -- verify -------------------------------------------------------------------------------


def approval_check(store: Store, digest: str) -> Callable[[Proof], str | None]:
    """The store's part of ``pressdesk verify``: was this very file (SHA-256 ``digest``)
    published by the store, and does its approval still hold? German reason or None."""

    def check(proof: Proof) -> str | None:
        draft_id = draft_id_of(proof.release_id)
        if draft_id is None:
            return "die Bibliothek hat diese Datei nie veröffentlicht."
        with store._read() as conn:
            row = (
                conn.execute(sa.select(schema.drafts).where(schema.drafts.c.id == draft_id))
                .mappings()
                .first()
            )
            if row is None:
                return f"die Bibliothek kennt keinen Entwurf {draft_id}; nie veröffentlicht."
            problems = store._check_draft(conn, dict(row))
            events = _events(conn, draft_id)
        if problems:
            return "die Historie in der Bibliothek ist beschädigt: " + " ".join(problems)
        found = [
            i for i, e in enumerate(events) if e.kind == "published" and _pdf_sha256(e) == digest
        ]
        if not found:
            return "laut Bibliothek wurde diese Datei nie veröffentlicht."
        published = events[found[-1]]
        if published.content_hash != proof.content_hash:
            return "der Nachweis in der Datei passt nicht zur Bibliothek (Prüfsumme)."
        for e in events[found[-1] + 1 :]:
            if e.kind == "version" and e.data.get("changes"):
                return (
                    f"die Freigabe ist erloschen: {e.actor} hat den Text am "
                    f"{_when(e.at)} geändert (Version {e.version_number})."
                )
            if e.kind == "returned":
                return (
                    f"die Freigabe ist aufgehoben: {e.actor} hat am {_when(e.at)} "
                    "Änderungen erbeten."
                )
            if e.kind == "withdrawn":
                return f"laut Bibliothek am {_when(e.at)} von {e.actor} zurückgezogen."
        return None

    return check


def _pdf_sha256(event: Event) -> str | None:
    files = event.data.get("files")
    pdf = files.get("pdf") if isinstance(files, dict) else None
    value = pdf.get("sha256") if isinstance(pdf, dict) else None
    return value if isinstance(value, str) else None


def open_for_verify(url: str | None) -> Store | None:
    """The store ``verify`` asks: the given URL (or $PRESSDESK_STORE), or the default one
    if it exists. None when there is no store to ask; :class:`StoreError` if a named
    store cannot be opened. A SQLite file is never created for a check."""
    import os

    from pressdesk.store.backend import ENV_STORE, default_url

    named = url or os.environ.get(ENV_STORE)
    target = named or default_url()
    if target.startswith("sqlite:///") and not Path(target[len("sqlite:///") :]).is_file():
        if named:
            raise StoreError(f"Die Bibliothek „{target[len('sqlite:///') :]}“ gibt es nicht.")
        return None
    return Store(target)
