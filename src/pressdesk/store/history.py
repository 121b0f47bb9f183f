"""The append-only history: events chained by SHA-256, and the check that finds tampering.

Each event's hash covers its own fields and the hash of the event before it (per
draft, starting from :data:`GENESIS`), so changing, inserting or deleting a row
breaks the chain. :func:`verify` also recomputes every version's content hash and
checks that every version and review row is the one its event recorded.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pressdesk.store.canonical import canonical_bytes, content_hash, sha256_hex

GENESIS = "0" * 64

EVENT_LABELS = {
    "created": "angelegt",
    "version": "neue Version",
    "conflict": "Konfliktversion",
    "submitted": "zur Prüfung gegeben",
    "comment": "Kommentar",
    "resolved": "Kommentar erledigt",
    "approved": "freigegeben",
    "returned": "Änderungen erbeten",
    "published": "veröffentlicht",
    "withdrawn": "zurückgezogen",
}


def event_hash(
    *,
    draft_id: int,
    seq: int,
    kind: str,
    actor: str,
    at: str,
    version_number: int | None,
    content_hash: str | None,
    detail: str,
    prev_hash: str,
) -> str:
    fields = [draft_id, seq, kind, actor, at, version_number, content_hash, detail, prev_hash]
    return sha256_hex(canonical_bytes(fields))


def detail_json(detail: Mapping[str, Any]) -> str:
    return canonical_bytes(dict(detail)).decode("utf-8")


@dataclass(frozen=True)
class Event:
    draft_id: int
    seq: int
    kind: str
    actor: str
    at: str
    version_number: int | None
    content_hash: str | None
    detail: str
    prev_hash: str
    hash: str

    @property
    def data(self) -> dict[str, Any]:
        value = json.loads(self.detail)
        return value if isinstance(value, dict) else {}


def verify(
    draft: Mapping[str, Any],
    events: Sequence[Event],
    versions: Sequence[Mapping[str, Any]],
    reviews: Sequence[Mapping[str, Any]],
) -> list[str]:
    """German descriptions of everything that does not add up for one draft."""
    did = draft["id"]
    problems: list[str] = []
    prev = GENESIS
    for expected_seq, ev in enumerate(events, start=1):
        if ev.seq != expected_seq:
            problems.append(f"Entwurf {did}: Ereignis {expected_seq} fehlt in der Historie.")
            break
        if ev.prev_hash != prev:
            problems.append(
                f"Entwurf {did}: Ereignis {ev.seq} ist nicht mit seinem Vorgänger verkettet."
            )
        computed = event_hash(
            draft_id=ev.draft_id,
            seq=ev.seq,
            kind=ev.kind,
            actor=ev.actor,
            at=ev.at,
            version_number=ev.version_number,
            content_hash=ev.content_hash,
            detail=ev.detail,
            prev_hash=ev.prev_hash,
        )
        if computed != ev.hash:
            problems.append(f"Entwurf {did}: Ereignis {ev.seq} ({ev.kind}) wurde verändert.")
        prev = ev.hash
    if prev != draft["history_head"]:
        problems.append(f"Entwurf {did}: das Ende der Historie fehlt oder wurde verändert.")

    recorded_versions = {
        ev.version_number: ev for ev in events if ev.kind in ("created", "version", "conflict")
    }
    for v in versions:
        n = v["number"]
        if content_hash(v["content"]) != v["content_hash"]:
            problems.append(f"Entwurf {did}: der Text von Version {n} wurde verändert.")
        vev = recorded_versions.get(n)
        if vev is None or vev.content_hash != v["content_hash"] or vev.actor != v["author"]:
            problems.append(f"Entwurf {did}: Version {n} passt nicht zur Historie.")
    if len(versions) != len(recorded_versions):
        problems.append(
            f"Entwurf {did}: Versionen fehlen (Historie nennt {len(recorded_versions)})."
        )

    recorded_reviews = {
        ev.data.get("review"): ev for ev in events if ev.kind in ("approved", "returned")
    }
    for r in reviews:
        rev = recorded_reviews.get(r["id"])
        if (
            rev is None
            or rev.content_hash != r["content_hash"]
            or rev.actor != r["reviewer"]
            or rev.version_number != r["version_number"]
            or (rev.kind == "approved") != (r["decision"] == "approve")
        ):
            problems.append(f"Entwurf {did}: Prüfung {r['id']} passt nicht zur Historie.")
    if len(reviews) != len(recorded_reviews):
        problems.append(f"Entwurf {did}: Prüfungen fehlen oder sind hinzugekommen.")

    if events:
        last_state = next((ev.data["state"] for ev in reversed(events) if "state" in ev.data), None)
        if last_state is not None and last_state != draft["state"]:
            problems.append(
                f"Entwurf {did}: der Status „{draft['state']}“ passt nicht zur Historie "
                f"(„{last_state}“)."
            )
        last_version = max(
            (n for n, ev in recorded_versions.items() if ev.kind != "conflict" and n is not None),
            default=None,
        )
        if last_version != draft["current_version"]:
            problems.append(f"Entwurf {did}: die aktuelle Version passt nicht zur Historie.")
    return problems
