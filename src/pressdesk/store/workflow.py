"""The review workflow's rules, above SQL: states, four eyes, approvals bound to content.

Entwurf → In Prüfung → Freigegeben or Änderungen erbeten → Veröffentlicht (→ Zurückgezogen). A save
that changes the content sends the draft back to Entwurf and voids every approval;
a save that changes nothing keeps them. The same rules are enforced by the database
on PostgreSQL (migration 0003); here they give the user a clear German answer first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pressdesk.store.errors import FourEyesError, StaleApprovalError, WorkflowError

DRAFT = "draft"
IN_REVIEW = "in_review"
APPROVED = "approved"
CHANGES_REQUESTED = "changes_requested"
PUBLISHED = "published"
WITHDRAWN = "withdrawn"

STATE_LABELS = {
    DRAFT: "Entwurf",
    IN_REVIEW: "In Prüfung",
    APPROVED: "Freigegeben",
    CHANGES_REQUESTED: "Änderungen erbeten",
    PUBLISHED: "Veröffentlicht",
    WITHDRAWN: "Zurückgezogen",
}

ROLES = ("author", "reviewer")
ROLE_LABELS = {"author": "Autorin/Autor", "reviewer": "Prüferin/Prüfer"}


def parse_state(text: str) -> str:
    """A state from its key (``in_review``) or its German label (``In Prüfung``)."""
    wanted = text.strip().casefold()
    for key, label in STATE_LABELS.items():
        if wanted in (key, label.casefold()):
            return key
    known = ", ".join(f"„{label}“" for label in STATE_LABELS.values())
    raise WorkflowError(f"Unbekannter Status „{text}“; bekannt sind {known}.")


def state_after_save(state: str, changes_content: bool) -> str:
    return DRAFT if changes_content else state


def check_submit(state: str) -> None:
    if state not in (DRAFT, CHANGES_REQUESTED):
        raise WorkflowError(
            f"Der Entwurf ist „{STATE_LABELS[state]}“ und kann nicht zur Prüfung gegeben werden."
        )


def check_review(state: str, decision: str) -> None:
    allowed = (IN_REVIEW,) if decision == "approve" else (IN_REVIEW, APPROVED)
    if state not in allowed:
        what = "freigegeben" if decision == "approve" else "zurückgegeben"
        raise WorkflowError(
            f"Der Entwurf ist „{STATE_LABELS[state]}“ und kann nicht {what} werden; "
            "erst muss er zur Prüfung gegeben werden."
        )


def writers(versions: Iterable[Mapping[str, Any]]) -> set[str]:
    """Everybody who wrote or changed the draft's content: they may not approve it."""
    return {v["author"] for v in versions if v["changes_content"]}


def check_four_eyes(user: str, versions: Iterable[Mapping[str, Any]]) -> None:
    if user in writers(versions):
        raise FourEyesError(
            f"Vier-Augen-Prinzip: {user} hat diesen Text geschrieben oder geändert und kann "
            "ihn nicht selbst freigeben. Eine andere Person muss prüfen."
        )


def check_current(requested: int | None, current: Mapping[str, Any], since: int) -> None:
    """An approval names what the reviewer saw; it must still be the current content."""
    if requested is not None and requested < since:
        raise StaleApprovalError(
            f"Version {requested} ist nicht mehr aktuell: seit Version {since} hat sich der "
            f"Text geändert (aktuell Version {current['number']}, gespeichert von "
            f"{current['author']}). Bitte die aktuelle Fassung prüfen."
        )


def latest_decisions(reviews: Sequence[Mapping[str, Any]], since: int) -> dict[str, str]:
    """Each reviewer's last word on the current content (approve or return)."""
    latest: dict[str, str] = {}
    for r in sorted(reviews, key=lambda r: r["id"]):
        if r["version_number"] >= since:
            latest[r["reviewer"]] = r["decision"]
    return latest


def is_approved(decisions: Mapping[str, str], required: Sequence[str]) -> bool:
    """All required co-signers approved (or, with none named, somebody did); nobody returned."""
    if not decisions or any(d != "approve" for d in decisions.values()):
        return False
    return all(name in decisions for name in required)


def missing_cosigners(decisions: Mapping[str, str], required: Sequence[str]) -> list[str]:
    return [name for name in required if decisions.get(name) != "approve"]
