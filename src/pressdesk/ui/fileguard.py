"""Two windows, one file: the lock, the check before saving, the file watcher.

:class:`FileGuard` belongs to a main window and follows its draft file:

- opening takes the lock beside the file (:class:`pressdesk.model.lock.DraftLock`);
  when another editor holds it, the user chooses read-only, open anyway, or cancel;
- it remembers the hash of the bytes loaded or saved; before every save the file
  on disk must still have it, else the user chooses keep mine (save as), take
  theirs, or compare;
- a :class:`QFileSystemWatcher` notices a change by someone else at once: the
  window says so and counts the draft as modified, so closing asks.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from pressdesk.model.fileio import clean_stale_temps, shown
from pressdesk.model.files import DraftFileError, read_draft_bytes

if TYPE_CHECKING:
    from pressdesk.model.lock import DraftLock
    from pressdesk.ui.main_window import MainWindow

# The lock module (host name, user name, hashing) loads with the first file the window
# opens or saves, not before the window is on screen.


def disk_hash(path: Path) -> str | None:
    """The hash of the file as it is on disk now; None when it cannot be read."""
    from pressdesk.model.lock import content_hash

    try:
        return content_hash(read_draft_bytes(path))
    except DraftFileError:
        return None


class FileGuard(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = os.urandom(16).hex()  # uuid would load `platform` (~7 ms)
        self.path: Path | None = None
        self.lock: DraftLock | None = None
        self.hash: str | None = None
        self.read_only = False
        self.changed_outside = False
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._on_file_changed)
        if window.doc.path is not None:  # opened from the command line
            QTimer.singleShot(0, self._claim_start_file)

    # opening -----------------------------------------------------------------------
    def claim(self, path: Path) -> bool:
        """Lock ``path`` for this window; False when the user cancels."""
        if self.lock is not None and self.lock.path == Path(os.path.realpath(path)):
            return True  # opened again in the same window: the lock is ours
        from pressdesk.model.lock import DraftLock

        lock = DraftLock(path, self.session)
        owner = lock.acquire()
        read_only = False
        if owner is not None:
            answer = self.window.dialogs.locked(path.name, owner.describe())
            if answer == "cancel":
                return False
            read_only = answer == "readonly"
        self.release()
        self.lock = lock if lock.held else None
        self.read_only = read_only
        return True

    def _claim_start_file(self) -> None:
        path = self.window.doc.path
        if path is None:
            return
        if not self.claim(path):
            self.window.close()
            return
        clean_stale_temps(path.parent)
        self.loaded(path, disk_hash(path))

    def loaded(self, path: Path, digest: str | None) -> None:
        """The window now shows ``path`` as it was on disk with ``digest``."""
        self.path = path
        self.hash = digest
        self.changed_outside = False
        self._watch(path)
        if self.read_only:
            self.window.statusBar().showMessage(
                f"{shown(path.name)} ist schreibgeschützt geöffnet; "
                "Speichern fragt nach einem neuen Namen."
            )

    def release(self) -> None:
        """Let go of the file (New, Open another, close)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        self.path = None
        self.hash = None
        self.read_only = False
        self.changed_outside = False

    # saving -------------------------------------------------------------------------
    def conflict(self, path: Path) -> bool:
        """True when ``path`` is the file this window loaded and someone changed it."""
        if self.path is None or path != self.path:
            return False
        return disk_hash(path) != self.hash

    def saved(self, path: Path, data: bytes) -> None:
        """After a successful save: ``data`` is what the file holds now."""
        from pressdesk.model.lock import DraftLock, content_hash

        if path != self.path:  # saved under a new name: that file's lock now
            self.release()
            lock = DraftLock(path, self.session)
            lock.acquire()
            self.lock = lock if lock.held else None
        self.loaded(path, content_hash(data))

    def diff(self, path: Path, mine: bytes) -> str:
        import difflib

        try:
            theirs = read_draft_bytes(path).decode("utf-8", "replace")
        except DraftFileError as exc:
            theirs = f"({exc})\n"
        lines = difflib.unified_diff(
            theirs.splitlines(keepends=True),
            mine.decode("utf-8").splitlines(keepends=True),
            fromfile="auf der Festplatte",
            tofile="in diesem Fenster",
        )
        return "".join(lines) or "Keine Unterschiede im Inhalt."

    # watching -------------------------------------------------------------------------
    def _watch(self, path: Path) -> None:
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        if path.exists():
            self.watcher.addPath(str(path))

    def _on_file_changed(self, name: str) -> None:
        path = self.path
        if path is None or Path(name) != path:
            return
        if path.exists() and str(path) not in self.watcher.files():
            self.watcher.addPath(str(path))  # replaced by a rename: watch the new file
        if self.changed_outside or disk_hash(path) == self.hash:
            return  # our own save, or already reported
        self.changed_outside = True
        self.window.doc.undo_stack.resetClean()  # the window no longer matches the disk
        self.window.doc.modifiedChanged.emit(True)
        gone = "gelöscht" if not path.exists() else "geändert"
        self.window.statusBar().showMessage(
            f"{shown(path.name)} wurde außerhalb dieses Fensters {gone}. "
            "Beim Speichern können Sie Ihre Fassung unter neuem Namen sichern, "
            "die andere übernehmen oder beide vergleichen."
        )


__all__ = ["FileGuard", "disk_hash"]
