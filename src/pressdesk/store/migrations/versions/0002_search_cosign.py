"""Full-text search with German stemming, co-signing reviewers and a due time.

Revision ID: 0002
Revises: 0001

The search index is filled from the current version of every draft already in
the store, so an upgraded store finds its old releases.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from pressdesk.store import search
from pressdesk.store.canonical import draft_from_canonical, plain_text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("drafts", sa.Column("due_at", sa.String(16)))
    op.create_table(
        "draft_reviewers",
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id"), primary_key=True),
        sa.Column("reviewer", sa.String(63), primary_key=True),
    )
    conn = op.get_bind()
    search.create_index(conn)
    rows = conn.execute(
        sa.text(
            "SELECT d.id, v.content FROM drafts d JOIN versions v "
            "ON v.draft_id = d.id AND v.number = d.current_version"
        )
    ).all()
    for draft_id, content in rows:
        search.index_draft(conn, draft_id, plain_text(draft_from_canonical(content)))


def downgrade() -> None:
    raise NotImplementedError("PressDesk never downgrades a store.")
