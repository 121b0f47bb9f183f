"""What the store hands out: plain, frozen records (no SQL, no rows)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pressdesk.store.workflow import STATE_LABELS


@dataclass(frozen=True)
class DraftSummary:
    id: int
    state: str
    headline: str
    reference: str
    current_version: int
    updated_by: str
    updated_at: str
    due_at: str | None

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


@dataclass(frozen=True)
class VersionInfo:
    number: int
    kind: str  # "version", or "conflict" for the kept text of a refused stale save
    base_number: int | None
    content_hash: str
    changes_content: bool
    author: str
    created_at: str


@dataclass(frozen=True)
class ReviewInfo:
    id: int
    version_number: int
    content_hash: str
    reviewer: str
    decision: str  # "approve" or "return"
    comment: str
    created_at: str
    valid: bool  # given on the current content and still the reviewer's last word


@dataclass(frozen=True)
class CommentInfo:
    id: int
    parent_id: int | None
    version_number: int
    field_path: str | None
    quote: str | None
    text: str
    author: str
    created_at: str
    resolved_by: str | None
    resolved_at: str | None


@dataclass(frozen=True)
class SaveResult:
    version: int
    changes_content: bool
    state: str


@dataclass(frozen=True)
class ReviewResult:
    state: str
    missing: list[str]


@dataclass(frozen=True)
class DraftDetail:
    summary: DraftSummary
    created_by: str
    created_at: str
    content_hash: str
    content_since: int
    versions: list[VersionInfo]
    reviews: list[ReviewInfo]
    comments: list[CommentInfo]
    cosigners: list[str]
    missing: list[str] = field(default_factory=list)
