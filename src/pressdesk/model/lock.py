"""A lock beside a draft that an editor has open, like LibreOffice's. No Qt.

The lock is ``.~lock.NAME#`` in the draft's folder with one line
``,user,host,dd.mm.yyyy HH:MM,session;``. Its holder keeps an ``flock`` on it for
as long as the draft is open, so a lock left by a crashed editor (nobody holds
it) is taken over silently, while a living one, in another process or another
window, is reported with who holds it and since when.

Locks are advisory: they let the second window ask before anyone loses work.
The hash check at every save (:func:`content_hash`) is what protects the file
when someone opens it anyway.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import hashlib
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pressdesk.model.fileio import UserFileError, clean_text, read_user_bytes

LOCK_PREFIX = ".~lock."
MAX_NAME_BYTES = 255


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def lock_path(path: Path) -> Path:
    """``.~lock.NAME#`` beside ``path``; a hash for names too long to prefix."""
    name = f"{LOCK_PREFIX}{path.name}#"
    if len(os.fsencode(name)) > MAX_NAME_BYTES:
        digest = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:32]
        name = f"{LOCK_PREFIX}{digest}#"
    return path.parent / name


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    since: str
    session: str

    def describe(self) -> str:
        who = clean_text(self.user or "jemand", 40)
        where = f" auf {clean_text(self.host, 40)}" if self.host else ""
        when = f" seit {clean_text(self.since, 20)}" if self.since else ""
        return f"{who}{where}{when}"


def read_owner(path: Path) -> LockOwner:
    """Who holds the lock of ``path`` (fields empty when the file says nothing)."""
    try:
        text = read_user_bytes(lock_path(path), 4096).decode("utf-8", "replace")
    except UserFileError:
        text = ""
    fields = text.strip().rstrip(";").split(",")
    fields += [""] * 5
    return LockOwner(user=fields[1], host=fields[2], since=fields[3], session=fields[4])


def _me() -> tuple[str, str]:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid())
    return user, socket.gethostname()


class DraftLock:
    """The lock of one draft file, held by one editor window."""

    def __init__(self, path: Path, session: str) -> None:
        self.path = Path(os.path.realpath(path))
        self.file = lock_path(self.path)
        self.session = session
        self._fd = -1

    @property
    def held(self) -> bool:
        return self._fd >= 0

    def acquire(self) -> LockOwner | None:
        """Take the lock; the other owner when a living editor holds it, else None.

        A folder where no lock can be created (read-only share) gives None too:
        the draft opens, and the hash check at saving still protects it.
        """
        for _ in range(3):
            try:
                fd = os.open(
                    self.file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644
                )
            except OSError:
                return None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                return read_owner(self.path)
            try:
                same = os.fstat(fd).st_ino == os.stat(self.file).st_ino
            except OSError:
                same = False
            if not same:  # released and removed meanwhile: try again
                os.close(fd)
                continue
            user, host = _me()
            since = datetime.now().strftime("%d.%m.%Y %H:%M")
            line = f",{user},{host},{since},{self.session};\n".encode()
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.pwrite(fd, line, 0)
            self._fd = fd
            return None
        return None

    def release(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                self.file.unlink()
            os.close(self._fd)
            self._fd = -1
