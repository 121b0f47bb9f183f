"""A throw-away PostgreSQL cluster in a temporary folder (tests and ``bench/store.py``).

``initdb``/``pg_ctl`` from Debian's ``postgresql`` package; the server listens only on a
unix socket in that folder. ``initdb`` refuses to run as root, so as root the cluster
runs as the ``postgres`` system user; otherwise as the current user.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def pg_bindir() -> Path | None:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class PgCluster:
    bindir: Path
    root: Path
    socket_dir: Path

    def url(self, user: str, database: str) -> str:
        return f"postgresql://{user}@/{database}?host={self.socket_dir}"

    def admin(self, database: str = "postgres") -> Any:
        """A connection as the cluster's superuser (autocommit)."""
        import psycopg

        return psycopg.connect(self.url("postgres", database), autocommit=True)


def _as_cluster_user(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@contextmanager
def throwaway_cluster(bindir: Path) -> Iterator[PgCluster]:
    root = Path(tempfile.mkdtemp(prefix="pressdesk-pg-"))
    data, sockets = root / "data", root / "run"
    sockets.mkdir()
    if os.geteuid() == 0:
        for path in (root, sockets):
            shutil.chown(path, "postgres", "postgres")
            path.chmod(0o755)
    try:
        initdb = [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]
        initdb += ["-E", "UTF8", "--no-locale", "--no-sync"]
        subprocess.run(_as_cluster_user(initdb), check=True, capture_output=True)
        options = (
            f"-k {sockets} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=200"
        )
        start = [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w"]
        subprocess.run(
            _as_cluster_user([*start, "-o", options, "start"]), check=True, capture_output=True
        )
        yield PgCluster(bindir, root, sockets)
    finally:
        stop = [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
        subprocess.run(_as_cluster_user(stop), check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
