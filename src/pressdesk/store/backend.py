"""Opening a store by URL: engines for SQLite and PostgreSQL, and the schema version.

``sqlite:///PATH`` opens (and on first use creates) a file store; ``postgresql://…``
is handed to libpq unchanged, so ``.pgpass``, Kerberos/GSSAPI, ``sslmode`` and
``service`` work as everywhere else; PressDesk stores no passwords.

Migrations are Alembic revisions in ``migrations/versions``. A fresh SQLite store is
brought to the current schema on first use; an older one needs ``pressdesk store
upgrade``; a store from a newer PressDesk is refused and never altered.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from pressdesk.store.errors import StoreError

ENV_STORE = "PRESSDESK_STORE"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_url() -> str:
    """The embedded default: ``pressdesk.sqlite`` in the user's data folder."""
    import platformdirs

    folder = Path(platformdirs.user_data_dir("pressdesk", appauthor=False))
    return f"sqlite:///{folder / 'bibliothek.sqlite'}"


def resolve_url(url: str | None) -> str:
    return url or os.environ.get(ENV_STORE) or default_url()


def describe(url: str) -> str:
    """The URL as it may be shown: without a password, should one be in it."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def create_engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        return _sqlite_engine(url[len("sqlite:///") :])
    if url.startswith(("postgresql://", "postgres://")):
        return _postgres_engine(url)
    raise StoreError(
        f"Unbekannte Adresse der Bibliothek „{describe(url)}“: erwartet wird "
        "sqlite:///PFAD oder postgresql://…"
    )


def _sqlite_engine(path: str) -> Engine:
    if not path:
        raise StoreError("Die Adresse sqlite:/// nennt keine Datei.")
    file = Path(path)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"Der Ordner für die Bibliothek „{file}“ kann nicht angelegt werden ({exc.strerror})."
        ) from None
    engine = sa.create_engine(f"sqlite+pysqlite:///{file}", connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # A writer takes the write lock at BEGIN, so two writers queue instead of
        # both reading the same base version and one failing at COMMIT.
        immediate = conn.get_execution_options().get("pressdesk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _postgres_engine(url: str) -> Engine:
    import psycopg

    libpq_url = "postgresql://" + url.split("://", 1)[1]

    def connect() -> Any:
        try:
            return psycopg.connect(libpq_url)
        except psycopg.OperationalError as exc:
            raise StoreError(
                f"Keine Verbindung zur Bibliothek {describe(url)}: {str(exc).strip()}"
            ) from None

    return sa.create_engine("postgresql+psycopg://", creator=connect, pool_pre_ping=False)


def _alembic_config(conn: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = conn
    return cfg


@cache
def _revisions() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files without importing Alembic
    (which would cost every command a noticeable start-up time)."""
    found: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev = re.search(r'^revision = "(\w+)"', text, re.M)
        down = re.search(r'^down_revision = (?:"(\w+)"|None)', text, re.M)
        if rev and down:
            found[rev.group(1)] = down.group(1)
    return found


def head_revision() -> str:
    revisions = _revisions()
    [head] = set(revisions) - set(revisions.values())
    return head


def current_revision(conn: Connection) -> str | None:
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    rev = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    return None if rev is None else str(rev)


def _known(revision: str) -> bool:
    return revision in _revisions()


def check_revision(conn: Connection, url: str) -> str | None:
    """The store's schema revision; refuses a store from a newer PressDesk."""
    rev = current_revision(conn)
    if rev is not None and not _known(rev):
        raise StoreError(
            f"Die Bibliothek {describe(url)} stammt aus einer neueren PressDesk-Version "
            f"(Schema {rev}). Bitte aktualisieren Sie PressDesk; die Bibliothek bleibt unverändert."
        )
    return rev


def upgrade(engine: Engine, url: str, revision: str = "head") -> tuple[str | None, str]:
    """Run the Alembic migrations up to ``revision``; returns (before, after)."""
    from alembic import command

    with engine.connect() as conn:
        conn.execution_options(pressdesk_write=True)
        with conn.begin():
            before = check_revision(conn, url)
            command.upgrade(_alembic_config(conn), revision)
            after = current_revision(conn)
    assert after is not None
    return before, after
