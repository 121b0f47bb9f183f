"""Fixtures for the review store: a fresh library on each backend, and a real PostgreSQL.

A pytest plugin (``pytest_plugins`` in ``tests/conftest.py``), so the store tests and
the editor's review tests share one PostgreSQL cluster per session.

The PostgreSQL server is a throw-away cluster in a temporary folder, started once per
test session with ``initdb``/``pg_ctl`` from Debian's ``postgresql`` package and
listening only on a unix socket in that folder. ``initdb`` refuses to run as root, so
as root (CI) the cluster runs as the ``postgres`` system user. Missing binaries make
the PostgreSQL tests fail, not skip; ``PRESSDESK_NO_PG=1`` skips them on purpose.

Test people: anna (author), ben and carla (reviewers), dora (author and reviewer),
owner (owns the database and runs ``pressdesk store upgrade``).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pressdesk.store.api import Store, upgrade_store
from tests.test_store.pgcluster import PgCluster, pg_bindir, throwaway_cluster

PEOPLE = {
    "anna": ("author",),
    "ben": ("reviewer",),
    "carla": ("reviewer",),
    "dora": ("author", "reviewer"),
}
_counter = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    if os.environ.get("PRESSDESK_NO_PG") == "1":
        pytest.skip("PRESSDESK_NO_PG=1: PostgreSQL-Tests bewusst ausgelassen")
    bindir = pg_bindir()
    if bindir is None:
        pytest.fail(
            "PostgreSQL (initdb, pg_ctl) fehlt: scripts/system-packages.sh test installiert es; "
            "PRESSDESK_NO_PG=1 lässt diese Tests bewusst aus."
        )
    with throwaway_cluster(bindir) as cluster:
        with cluster.admin() as conn:
            conn.execute("CREATE ROLE owner LOGIN CREATEROLE")
            conn.execute("CREATE DATABASE pressdesk_template OWNER owner")
        upgrade_store(cluster.url("owner", "pressdesk_template"))
        with cluster.admin() as conn:
            for name, roles in PEOPLE.items():
                groups = ", ".join(f"pressdesk_{r}" for r in roles)
                conn.execute(f"CREATE ROLE {name} LOGIN IN ROLE {groups}")
        yield cluster


@dataclass
class Library:
    """One fresh library; ``as_(name)`` opens it as that person."""

    backend: str
    base_url: str
    cluster: PgCluster | None = None
    database: str = ""
    opened: list[Store] = field(default_factory=list)

    def url_for(self, user: str) -> str:
        if self.cluster is not None:
            return self.cluster.url(user, self.database)
        return self.base_url

    def env_for(self, user: str) -> dict[str, str]:
        env = dict(os.environ)
        env["PRESSDESK_STORE"] = self.url_for(user)
        env["PRESSDESK_USER"] = user
        return env

    def as_(self, user: str) -> Store:
        store = Store(self.url_for(user), user=user)
        self.opened.append(store)
        return store

    def close(self) -> None:
        for store in self.opened:
            store.close()


def make_sqlite_library(folder: Path) -> Library:
    lib = Library("sqlite", f"sqlite:///{folder / 'bibliothek.sqlite'}")
    setup = lib.as_("owner")
    for name, roles in PEOPLE.items():
        setup.set_role(name, "reviewer" if "reviewer" in roles else "author")
    return lib


def make_pg_library(cluster: PgCluster) -> Library:
    database = f"t{next(_counter)}"
    with cluster.admin() as conn:
        conn.execute(f"CREATE DATABASE {database} TEMPLATE pressdesk_template OWNER owner")
    return Library("postgresql", cluster.url("owner", database), cluster, database)


@pytest.fixture(params=["sqlite", "postgresql"])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Library]:
    if request.param == "sqlite":
        lib = make_sqlite_library(tmp_path)
    else:
        lib = make_pg_library(request.getfixturevalue("pg_cluster"))
    yield lib
    lib.close()


@pytest.fixture
def pg_library(pg_cluster: PgCluster) -> Iterator[Library]:
    lib = make_pg_library(pg_cluster)
    yield lib
    lib.close()
