"""Autosave to a recovery file, and the offer to restore after a crash.

Each running editor is a *session* with a random id; it writes
``recovery/<session>.json`` (mode 0600: drafts under embargo) in the user data
folder a few seconds after typing stops, atomically, with the draft and the file
it belongs to. While the session lives it holds an ``flock`` on
``recovery/<session>.lock``; a recovery file whose lock nobody holds is what a
crash leaves behind, and the next start offers to restore it. Process ids play
no part, so a restarted editor that gets the same pid (containers, Flatpak, pid
reuse) still sees the crashed session's file, and a session only ever deletes
its own file.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

from pressdesk.model.draft import Draft
from pressdesk.model.fileio import read_user_bytes
from pressdesk.model.files import (
    DraftFileError,
    UserFileError,
    atomic_write_bytes,
    draft_from_dict,
    migrate,
)
from pressdesk.ui.document import EditorDocument
from pressdesk.ui.userdata import data_dir

IDLE_MS = 3000
MAX_WAIT_MS = 20000
MAX_RECOVERY_BYTES = 16 * 1024 * 1024
SESSION_RE = re.compile(r"^[0-9a-f]{32}$")


@dataclass
class Recovered:
    file: Path
    original: Path | None
    saved_at: datetime
    draft: Draft

    def describe(self) -> str:
        name = self.original.name if self.original else "ein unbenannter Entwurf"
        return f"{name}, automatisch gesichert am {self.saved_at:%d.%m.%Y um %H:%M} Uhr"

    def remove(self) -> None:
        """Delete the crashed session's files (after restoring or discarding)."""
        self.file.unlink(missing_ok=True)
        self.file.with_suffix(".lock").unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    """For recovery files of older versions, named by process id."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _session_alive(lock_file: Path) -> bool:
    """True while another session holds its lock (a crashed one cannot)."""
    try:
        fd = os.open(lock_file, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


class RecoveryStore:
    def __init__(self, folder: Path | None = None, session: str | None = None) -> None:
        self.folder = folder or data_dir() / "recovery"
        self.folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(self.folder, 0o700)
        self.session = session or os.urandom(16).hex()  # uuid would load `platform` (~7 ms)
        self.file = self.folder / f"{self.session}.json"
        self.lock_file = self.folder / f"{self.session}.lock"
        self._lock_fd = os.open(self.lock_file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def write(self, draft: Draft, original: Path | None) -> None:
        payload: dict[str, Any] = {
            "session": self.session,
            "pid": os.getpid(),
            "original": str(original) if original else None,
            "savedAt": datetime.now().isoformat(timespec="seconds"),
            "draft": draft.to_dict(),
        }
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        atomic_write_bytes(self.file, data, mode=0o600)

    def discard(self) -> None:
        """Remove this session's recovery file; never another session's."""
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()

    def close(self) -> None:
        """End the session cleanly: no recovery file, no lock left."""
        self.discard()
        if self._lock_fd >= 0:
            with contextlib.suppress(OSError):
                self.lock_file.unlink()
            os.close(self._lock_fd)
            self._lock_fd = -1

    def orphans(self) -> list[Recovered]:
        """Recovery files of sessions that are no longer running, newest first."""
        found = []
        for lock in self.folder.glob("*.lock"):  # sessions that ended without a draft
            if not lock.with_suffix(".json").exists() and not _session_alive(lock):
                lock.unlink(missing_ok=True)
        for file in self.folder.glob("*.json"):
            stem = file.stem
            if stem == self.session:
                continue
            if stem.isdigit():
                if _alive(int(stem)):
                    continue
            elif not SESSION_RE.match(stem) or _session_alive(file.with_suffix(".lock")):
                continue
            try:
                raw = read_user_bytes(file, MAX_RECOVERY_BYTES)
                payload = json.loads(raw.decode("utf-8"))
                draft = draft_from_dict(migrate(payload["draft"]))
                saved = datetime.fromisoformat(payload["savedAt"])
            except (UserFileError, ValueError, KeyError, TypeError, DraftFileError):
                continue
            original = Path(payload["original"]) if payload.get("original") else None
            found.append(Recovered(file, original, saved, draft))
        return sorted(found, key=lambda r: r.saved_at, reverse=True)


class AutoSaver(QObject):
    """Writes the recovery file after ``IDLE_MS`` without changes.

    Someone who types without a pause still gets a write every ``MAX_WAIT_MS``: the
    idle timer restarts with each key, the longest-wait timer does not.
    """

    def __init__(
        self,
        doc: EditorDocument,
        store: RecoveryStore,
        idle_ms: int = IDLE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(doc)
        self.doc = doc
        self.store = store
        self.written_revision = -1
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms)
        self.timer.timeout.connect(self.save_now)
        self.longest = QTimer(self)
        self.longest.setSingleShot(True)
        self.longest.setInterval(max_wait_ms)
        self.longest.timeout.connect(self.save_now)
        doc.changed.connect(self._on_changed)
        doc.modifiedChanged.connect(self._on_modified)

    def _on_changed(self) -> None:
        self.timer.start()
        if not self.longest.isActive():
            self.longest.start()

    def save_now(self) -> None:
        self.timer.stop()
        self.longest.stop()
        if not self.doc.is_modified:
            self.store.discard()
        elif self.doc.revision != self.written_revision:
            try:
                self.store.write(self.doc.draft, self.doc.path)
            except OSError:
                return  # retried after the next change; saving by hand still works
        self.written_revision = self.doc.revision

    def _on_modified(self, modified: bool) -> None:
        if not modified:
            self.store.discard()
