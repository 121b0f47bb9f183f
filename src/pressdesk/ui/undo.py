"""Undo/redo across the whole form: every edit is one command on one field path.

Structural edits (add, move, remove a block or link) replace the whole list at
its path, so one command type covers all. Typing in the same field within a short
pause merges into one step, like a word processor.
"""

from __future__ import annotations

import copy
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from pressdesk.ui import fieldpath

if TYPE_CHECKING:
    from pressdesk.ui.document import EditorDocument

MERGE_SECONDS = 1.5
_MERGE_ID = 4711


class SetValueCommand(QUndoCommand):
    def __init__(self, doc: EditorDocument, path: str, new: Any, text: str, merge: bool) -> None:
        super().__init__(text)
        self._doc = doc
        self.path = path
        self.old = copy.deepcopy(fieldpath.get(doc.draft, path))
        self.new = copy.deepcopy(new)
        self._merge = merge
        self._stamp = time.monotonic()
        self._pushed = False

    def id(self) -> int:
        return _MERGE_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValueCommand) or other.path != self.path or not other._merge:
            return False
        if other._stamp - self._stamp > MERGE_SECONDS:
            return False
        self.new = other.new
        self._stamp = other._stamp
        return True

    def redo(self) -> None:
        self._doc.apply(self.path, self.new)
        if self._pushed:  # a redo, not the edit itself being pushed
            self._doc.historyApplied.emit(self.path)
        self._pushed = True

    def undo(self) -> None:
        self._doc.apply(self.path, self.old)
        self._doc.historyApplied.emit(self.path)
