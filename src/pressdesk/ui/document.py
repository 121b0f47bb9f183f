"""The draft being edited, its file, and its undo history.

Widgets never write to the draft directly: they call :meth:`EditorDocument.set_value`,
which goes through the undo stack; every change is announced with
:attr:`EditorDocument.fieldChanged` so the widget showing that path can refresh.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from pressdesk.model.draft import Draft
from pressdesk.profile import Profile
from pressdesk.ui import fieldpath
from pressdesk.ui.undo import SetValueCommand


class EditorDocument(QObject):
    fieldChanged = Signal(str)
    changed = Signal()
    reset = Signal()
    modifiedChanged = Signal(bool)
    historyApplied = Signal(str)  # undo/redo changed this path

    def __init__(self, draft: Draft, profile: Profile, path: Path | None = None) -> None:
        super().__init__()
        self.draft = draft
        self.profile = profile
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.revision = 0
        self._separate = False

    def _on_clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    def set_value(
        self, path: str, value: Any, text: str = "Bearbeiten", merge: bool = True
    ) -> None:
        """Change one field through the undo stack; a no-op when nothing changes."""
        if fieldpath.get(self.draft, path) == value:
            return
        merge, self._separate = merge and not self._separate, False
        self.undo_stack.push(SetValueCommand(self, path, value, text, merge))

    def set_values(
        self, changes: list[tuple[str, Any]], text: str = "Bearbeiten", merge: bool = True
    ) -> None:
        """Change several fields as one undo step (a paragraph's text and its marks)."""
        if all(fieldpath.get(self.draft, path) == value for path, value in changes):
            return
        merge, self._separate = merge and not self._separate, False
        (path, value), *more = changes
        self.undo_stack.push(SetValueCommand(self, path, value, text, merge, tuple(more)))

    def separate_next(self) -> None:
        """Make the next edit its own undo step (a spelling fix, a paste)."""
        self._separate = True

    def value(self, path: str) -> Any:
        return fieldpath.get(self.draft, path)

    def apply(self, path: str, value: Any) -> None:
        """Write without history; only undo commands call this."""
        self.apply_many([(path, value)])

    def apply_many(self, changes: list[tuple[str, Any]]) -> None:
        """Write several fields, then say so: a field shown again sees all of them."""
        for path, value in changes:
            fieldpath.set(self.draft, path, value)
        self.revision += 1
        for path, _ in changes:
            self.fieldChanged.emit(path)
        self.changed.emit()

    def replace(self, draft: Draft, path: Path | None, modified: bool = False) -> None:
        """Start over with another draft (New, Open, restore from recovery)."""
        self.draft = draft
        self.path = path
        self.undo_stack.clear()
        if modified:
            # An empty clean index that can never be reached again marks the draft unsaved.
            self.undo_stack.resetClean()
        self.revision += 1
        self.reset.emit()
        self.changed.emit()
        self.modifiedChanged.emit(self.is_modified)

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self.undo_stack.setClean()
        self.modifiedChanged.emit(False)

    def snapshot(self) -> Draft:
        """A private copy for work off the UI thread (preview, autosave)."""
        return copy.deepcopy(self.draft)
