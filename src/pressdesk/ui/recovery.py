"""Autosave to a recovery file, and the offer to restore after a crash.

Each running editor writes ``recovery/<pid>.json`` in the user data folder a few
seconds after typing stops, atomically, with the draft and the file it belongs to.
A clean close or a save removes it. A file left by a process that is no longer
running is what a crash leaves behind; the next start offers to restore it.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

from pressdesk.model.draft import Draft
from pressdesk.model.files import DraftFileError, atomic_write_bytes, draft_from_dict, migrate
from pressdesk.ui.document import EditorDocument
from pressdesk.ui.userdata import data_dir

IDLE_MS = 3000
MAX_WAIT_MS = 20000


@dataclass
class Recovered:
    file: Path
    original: Path | None
    saved_at: datetime
    draft: Draft

    def describe(self) -> str:
        name = self.original.name if self.original else "ein unbenannter Entwurf"
        return f"{name}, automatisch gesichert am {self.saved_at:%d.%m.%Y um %H:%M} Uhr"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


class RecoveryStore:
    def __init__(self, folder: Path | None = None, pid: int | None = None) -> None:
        self.folder = folder or data_dir() / "recovery"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.pid = pid or os.getpid()
        self.file = self.folder / f"{self.pid}.json"

    def write(self, draft: Draft, original: Path | None) -> None:
        payload: dict[str, Any] = {
            "pid": self.pid,
            "original": str(original) if original else None,
            "savedAt": datetime.now().isoformat(timespec="seconds"),
            "draft": draft.to_dict(),
        }
        atomic_write_bytes(self.file, json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.file.unlink()

    def orphans(self) -> list[Recovered]:
        """Recovery files of editors that are no longer running, newest first."""
        found = []
        for file in self.folder.glob("*.json"):
            try:
                pid = int(file.stem)
            except ValueError:
                continue
            if _alive(pid):
                continue
            try:
                payload = json.loads(file.read_text(encoding="utf-8"))
                draft = draft_from_dict(migrate(payload["draft"]))
                saved = datetime.fromisoformat(payload["savedAt"])
            except (OSError, ValueError, KeyError, TypeError, DraftFileError):
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
