"""Full-text search over all drafts with German stemming, one function per job for both backends.

PostgreSQL indexes ``to_tsvector('german', text)`` in a GIN index. SQLite has no German
stemmer in FTS5, so the words are stemmed in Python with the same Snowball algorithm
PostgreSQL uses and the stems go into an FTS5 table; a query is stemmed the same way.
Either way "Schulen" finds "Schule" and "Förderprogramms" finds "Förderprogramm".
"""

from __future__ import annotations

import re
from functools import cache

import sqlalchemy as sa
from sqlalchemy.engine import Connection

_WORD = re.compile(r"\w+", re.UNICODE)


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer

    return snowballstemmer.stemmer("german")


def stems(text: str) -> list[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return [str(s) for s in _stemmer().stemWords(words)]


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


def matching_ids(conn: Connection, words: str) -> sa.TextClause | None:
    """A subquery of the ids of drafts that contain all ``words``; None if no word."""
    if not _WORD.search(words):
        return None
    if conn.dialect.name == "postgresql":
        return sa.text(
            "SELECT draft_id FROM draft_search WHERE doc @@ plainto_tsquery('german', :pd_search)"
        ).bindparams(pd_search=words)
    query = " AND ".join(f'"{s}"' for s in stems(words))
    return sa.text("SELECT rowid FROM draft_search WHERE draft_search MATCH :pd_search").bindparams(
        pd_search=query
    )
