"""Small helpers for the store tests: drafts to save and SQL behind the store's back."""

from __future__ import annotations

import sqlite3
from typing import Any

from pressdesk.model import Draft, load_draft
from pressdesk.paths import reference_sample, samples_dir
from tests.test_store.conftest import Library


def reference() -> Draft:
    return load_draft(reference_sample())


def short() -> Draft:
    return load_draft(samples_dir() / "kurzmeldung-2026-11-20.pressdesk")


def raw_sql(lib: Library, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run SQL as an administrator would, past the store (``?`` placeholders)."""
    if lib.cluster is None:
        path = lib.base_url.removeprefix("sqlite:///")
        with sqlite3.connect(path) as conn:
            rows = conn.execute(sql, params).fetchall()
        conn.close()
        return rows
    with lib.cluster.admin(lib.database) as conn:
        cur = conn.execute(sql.replace("?", "%s"), params)
        return cur.fetchall() if cur.description else []
