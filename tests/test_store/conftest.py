"""The store tests' fixtures live in :mod:`tests.pg_server` (a plugin shared with the UI
tests); the names stay importable from here."""

from tests.pg_server import PEOPLE, Library, PgCluster, make_pg_library, make_sqlite_library

__all__ = ["PEOPLE", "Library", "PgCluster", "make_pg_library", "make_sqlite_library"]
