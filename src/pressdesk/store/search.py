"""Full-text search over all drafts with German stemming, one function per job for both backends.

PostgreSQL indexes ``to_tsvector('german', text)`` in a GIN index. SQLite has no German
stemmer in FTS5, so the words are stemmed in Python with the same Snowball algorithm
PostgreSQL uses and the stems go into an FTS5 table; a query is stemmed the same way.
Either way "Schulen" finds "Schule" and "Förderprogramms" finds "Förderprogramm".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Select, Table
from sqlalchemy.engine import Connection

_WORD = re.compile(r"\w+", re.UNICODE)
_FTS = sa.table("draft_search", sa.column("rowid", sa.Integer))


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("german")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def stems(text: str) -> list[str]:
    """The Snowball stems of the words; each distinct word is stemmed once (pure Python
    stemming of a whole release on every save would cost ~100 ms)."""
    return [_stem(w.lower()) for w in _WORD.findall(text)]


def create_index(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(
            sa.text(
                "CREATE TABLE draft_search (draft_id integer PRIMARY KEY REFERENCES drafts(id),"
                " doc tsvector NOT NULL)"
            )
        )
        conn.execute(sa.text("CREATE INDEX ix_draft_search_doc ON draft_search USING gin(doc)"))
    else:
        conn.execute(
            sa.text(
                "CREATE VIRTUAL TABLE draft_search USING fts5(doc, "
                "tokenize='unicode61 remove_diacritics 2')"
            )
        )


def index_draft(conn: Connection, draft_id: int, text: str) -> None:
    """Put the current text of a draft into the index (replacing what was there)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("DELETE FROM draft_search WHERE draft_id = :id"), {"id": draft_id})
        conn.execute(
            sa.text(
                "INSERT INTO draft_search (draft_id, doc) "
                "VALUES (:id, to_tsvector('german', :text))"
            ),
            {"id": draft_id, "text": text},
        )
    else:
        conn.execute(sa.text("DELETE FROM draft_search WHERE rowid = :id"), {"id": draft_id})
        conn.execute(
            sa.text("INSERT INTO draft_search (rowid, doc) VALUES (:id, :doc)"),
            {"id": draft_id, "doc": " ".join(stems(text))},
        )


def restrict(conn: Connection, query: Select[Any], drafts: Table, words: str) -> Select[Any] | None:
    """``query`` narrowed to the drafts that contain all ``words``, newest first;
    None if ``words`` has no word at all.

    Search results come newest first (by id, i.e. when the draft was created): on
    SQLite the FTS5 index then yields matches in that order and the query stops after
    one page, however many thousand releases contain a common word.
    """
    if not _WORD.search(words):
        return None
    if conn.dialect.name == "postgresql":
        ids = sa.text(
            "SELECT draft_id FROM draft_search WHERE doc @@ plainto_tsquery('german', :pd_search)"
        ).bindparams(pd_search=words)
        found = query.where(drafts.c.id.in_(ids.columns(sa.column("draft_id", sa.Integer))))
        return found.order_by(None).order_by(drafts.c.id.desc())
    fts = _FTS
    match = " AND ".join(f'"{s}"' for s in stems(words))
    return (
        query.join(fts, fts.c.rowid == drafts.c.id)
        .where(sa.text("draft_search MATCH :pd_search").bindparams(pd_search=match))
        .order_by(None)
        .order_by(fts.c.rowid.desc())
    )
