"""Undo/redo across the whole form: every edit is one command on one field path.

Structural edits (add, move, remove a block or link) replace the whole list at
its path, so one command type covers all. Typing in the same field within a short
pause merges into one step, like a word processor.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from pressdesk.ui import fieldpath

if TYPE_CHECKING:
    from pressdesk.ui.document import EditorDocument

MERGE_SECONDS = 1.5
_MERGE_ID = 4711


class SetValueCommand(QUndoCommand):
    """One field, or several that change together (a paragraph's text and its marks):
    ``path`` is the first, ``more`` the others with their new values."""

    def __init__(
        self,
        doc: EditorDocument,
        path: str,
        new: Any,
        text: str,
        merge: bool,
        more: tuple[tuple[str, Any], ...] = (),
    ) -> None:
        super().__init__(text)
        self._doc = doc
        self.path = path
        self.paths = (path, *(p for p, _ in more))
        self.old = [fieldpath.private_copy(fieldpath.get(doc.draft, p)) for p in self.paths]
        self.new = [fieldpath.private_copy(v) for v in (new, *(v for _, v in more))]
        self._merge = merge
        self._stamp = time.monotonic()
        self._pushed = False

    def id(self) -> int:
        return _MERGE_ID if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValueCommand) or other.paths != self.paths or not other._merge:
            return False
        if other._stamp - self._stamp > MERGE_SECONDS:
            return False
        self.new = other.new
        self._stamp = other._stamp
        return True

    def redo(self) -> None:
        self._doc.apply_many(list(zip(self.paths, self.new, strict=True)))
        if self._pushed:  # a redo, not the edit itself being pushed
            self._doc.historyApplied.emit(self.path)
        self._pushed = True

    def undo(self) -> None:
        self._doc.apply_many(list(zip(self.paths, self.old, strict=True)))
        self._doc.historyApplied.emit(self.path)
