"""The first schema: drafts, versions, history events, reviews, comments, users.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

NAME = sa.String(63)
TIME = sa.String(32)
HASH = sa.String(64)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("name", NAME, primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", TIME, nullable=False),
    )
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("current_version", sa.Integer, nullable=False),
        sa.Column("content_since", sa.Integer, nullable=False),
        sa.Column("headline", sa.Text, nullable=False),
        sa.Column("reference", sa.Text, nullable=False),
        sa.Column("created_by", NAME, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("updated_by", NAME, nullable=False),
        sa.Column("updated_at", TIME, nullable=False),
        sa.Column("history_head", HASH, nullable=False),
    )
    op.create_index("ix_drafts_updated", "drafts", ["updated_at"])
    op.create_index("ix_drafts_state_updated", "drafts", ["state", "updated_at"])
    op.create_table(
        "versions",
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id"), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("base_number", sa.Integer),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("content_hash", HASH, nullable=False),
        sa.Column("changes_content", sa.Boolean, nullable=False),
        sa.Column("author", NAME, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("actor", NAME, nullable=False),
        sa.Column("at", TIME, nullable=False),
        sa.Column("version_number", sa.Integer),
        sa.Column("content_hash", HASH),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("prev_hash", HASH, nullable=False),
        sa.Column("hash", HASH, nullable=False),
        sa.UniqueConstraint("draft_id", "seq", name="uq_events_draft_seq"),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("draft_id", sa.Integer, nullable=False),
        sa.Column("version_number", sa.Integer, nullable=False),
        sa.Column("content_hash", HASH, nullable=False),
        sa.Column("reviewer", NAME, nullable=False),
        sa.Column("decision", sa.String(8), nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["draft_id", "version_number"], ["versions.draft_id", "versions.number"]
        ),
    )
    op.create_index("ix_reviews_draft", "reviews", ["draft_id"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id"), nullable=False),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("comments.id")),
        sa.Column("version_number", sa.Integer, nullable=False),
        sa.Column("field_path", sa.Text),
        sa.Column("quote", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("author", NAME, nullable=False),
        sa.Column("created_at", TIME, nullable=False),
        sa.Column("resolved_by", NAME),
        sa.Column("resolved_at", TIME),
    )
    op.create_index("ix_comments_draft", "comments", ["draft_id"])


def downgrade() -> None:
    raise NotImplementedError("PressDesk never downgrades a store.")
