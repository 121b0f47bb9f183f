"""Fixtures for publishing: approval facts as the review store will hand them over."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pressdesk.model import Draft, load_draft
from pressdesk.paths import samples_dir
from pressdesk.publish import ApprovalFacts, content_hash

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)  # 11:00 in Berlin
APPROVERS = ("Anna Prüfer", "Bernd Zweitleser")


def approve(draft: Draft, release_id: str, version: str = "v1") -> ApprovalFacts:
    """Facts of an approval of exactly this text."""
    return ApprovalFacts(
        release_id=release_id,
        version_id=version,
        approvers=APPROVERS,
        approved_at=datetime(2026, 11, 28, 15, 30, tzinfo=UTC),
        content_hash=content_hash(draft),
    )


def sample(name: str) -> Draft:
    return load_draft(samples_dir() / f"{name}.pressdesk")


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (empty if the folder does not exist)."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return tmp_path / "website"


@pytest.fixture(autouse=True)
def no_default_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``pressdesk verify`` asks the default review store if there is one; in the tests the
    default lies in an empty temporary data folder, never in the user's."""
    monkeypatch.delenv("PRESSDESK_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "daten"))
