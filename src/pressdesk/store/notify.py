"""Live updates for a review queue: has the library changed since I last looked?

PostgreSQL: every write transaction sends ``NOTIFY pressdesk, '<draft id>'`` and a
:class:`Watcher` listens. SQLite: a watcher polls ``PRAGMA data_version``, which
changes whenever another connection commits to the file.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from pressdesk.store.errors import StoreError

CHANNEL = "pressdesk"
POLL_SECONDS = 0.05


class Watcher:
    """``wait(timeout)`` returns the ids of drafts changed meanwhile (SQLite: ``{0}``,
    it cannot tell which), or an empty set when nothing changed before the timeout."""

    def __init__(self, url: str) -> None:
        self._pg: Any = None
        self._sqlite: sqlite3.Connection | None = None
        if url.startswith("sqlite:///"):
            self._sqlite = sqlite3.connect(url[len("sqlite:///") :], isolation_level=None)
            self._version = self._data_version()
            return
        import psycopg

        try:
            self._pg = psycopg.connect("postgresql://" + url.split("://", 1)[1], autocommit=True)
        except psycopg.OperationalError as exc:
            raise StoreError(f"Keine Verbindung zur Bibliothek: {str(exc).strip()}") from None
        self._pg.execute(f"LISTEN {CHANNEL}")

    def _data_version(self) -> int:
        assert self._sqlite is not None
        return int(self._sqlite.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float) -> set[int]:
        if self._sqlite is not None:
            deadline = time.monotonic() + timeout
            while True:
                version = self._data_version()
                if version != self._version:
                    self._version = version
                    return {0}
                if time.monotonic() >= deadline:
                    return set()
                time.sleep(POLL_SECONDS)
        changed: set[int] = set()
        for note in self._pg.notifies(timeout=timeout, stop_after=1):
            changed.add(int(note.payload))
        return changed

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()
        if self._pg is not None:
            self._pg.close()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
