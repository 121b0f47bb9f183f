"""The store's tables as SQLAlchemy Core, the same for SQLite and PostgreSQL.

This describes the *current* schema (Alembic head); the migrations in
``migrations/versions`` build it step by step and stay frozen once released.
Full-text search lives in :mod:`pressdesk.store.search` (FTS5 / tsvector differ).

Nothing is overwritten or deleted: ``versions``, ``events``, ``reviews`` and
``comments`` only grow; ``drafts`` holds the current state and pointers.
Times are ISO 8601 UTC text, so that they hash the same on both backends.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

NAME = String(63)  # a PostgreSQL role name is at most 63 bytes
TIME = String(32)
HASH = String(64)

users = Table(
    "users",
    metadata,
    Column("name", NAME, primary_key=True),
    Column("role", String(16), nullable=False),
    Column("created_at", TIME, nullable=False),
)

drafts = Table(
    "drafts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("state", String(24), nullable=False),
    Column("current_version", Integer, nullable=False),
    Column("content_since", Integer, nullable=False),
    Column("headline", Text, nullable=False),
    Column("reference", Text, nullable=False),
    Column("created_by", NAME, nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("updated_by", NAME, nullable=False),
    Column("updated_at", TIME, nullable=False),
    Column("history_head", HASH, nullable=False),
    Column("due_at", String(16)),
    Index("ix_drafts_updated", "updated_at"),
    Index("ix_drafts_state_updated", "state", "updated_at"),
)

versions = Table(
    "versions",
    metadata,
    Column("draft_id", Integer, ForeignKey("drafts.id"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("base_number", Integer),
    Column("content", Text, nullable=False),
    Column("content_hash", HASH, nullable=False),
    Column("changes_content", Boolean, nullable=False),
    Column("author", NAME, nullable=False),
    Column("created_at", TIME, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("draft_id", Integer, ForeignKey("drafts.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("actor", NAME, nullable=False),
    Column("at", TIME, nullable=False),
    Column("version_number", Integer),
    Column("content_hash", HASH),
    Column("detail", Text, nullable=False),
    Column("prev_hash", HASH, nullable=False),
    Column("hash", HASH, nullable=False),
    UniqueConstraint("draft_id", "seq", name="uq_events_draft_seq"),
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("draft_id", Integer, nullable=False),
    Column("version_number", Integer, nullable=False),
    Column("content_hash", HASH, nullable=False),
    Column("reviewer", NAME, nullable=False),
    Column("decision", String(8), nullable=False),
    Column("comment", Text, nullable=False),
    Column("created_at", TIME, nullable=False),
    ForeignKeyConstraint(["draft_id", "version_number"], ["versions.draft_id", "versions.number"]),
    Index("ix_reviews_draft", "draft_id"),
)

comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("draft_id", Integer, ForeignKey("drafts.id"), nullable=False),
    Column("parent_id", Integer, ForeignKey("comments.id")),
    Column("version_number", Integer, nullable=False),
    Column("field_path", Text),
    Column("quote", Text),
    Column("text", Text, nullable=False),
    Column("author", NAME, nullable=False),
    Column("created_at", TIME, nullable=False),
    Column("resolved_by", NAME),
    Column("resolved_at", TIME),
    Index("ix_comments_draft", "draft_id"),
)

draft_reviewers = Table(
    "draft_reviewers",
    metadata,
    Column("draft_id", Integer, ForeignKey("drafts.id"), primary_key=True),
    Column("reviewer", NAME, primary_key=True),
)
