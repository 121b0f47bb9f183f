"""The problems panel: every problem of the draft in German, errors first.

Activating a row (click, Enter) asks the registry to put the cursor into the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
MISSING = ("fehlt", "Pflichtangabe fehlt")  # what validation says of an empty required field


@dataclass(frozen=True)
class NotYetFilled:
    """A required field of a new draft that the user has not reached yet: it says
    "noch leer" in the list, not an error, until the user leaves it or exports."""

    path: str
    label: str
    is_error: bool = False

    @property
    def message(self) -> str:
        return f"{self.label}: noch leer"


MAX_ROWS = 5  # more scroll: the form is what the user works in


def summary(problems: Sequence[Any]) -> str:
    empty = sum(1 for p in problems if isinstance(p, NotYetFilled))
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors - empty
    if not problems:
        return "Keine Probleme gefunden"
    parts = []
    if errors:
        parts.append(f"{errors} Fehler")
    if warnings:
        parts.append(f"{warnings} {'Hinweis' if warnings == 1 else 'Hinweise'}")
    if empty:
        parts.append(f"{empty} {'Pflichtfeld' if empty == 1 else 'Pflichtfelder'} noch leer")
    return ", ".join(parts)


class ProblemsPanel(QWidget):
    problemActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("Probleme")
        self.list.setMinimumHeight(self.fontMetrics().height() + 8)  # one row, not Qt's 70 px
        layout.addWidget(self.list)
        self.list.itemClicked.connect(self._activate)
        self.list.itemActivated.connect(self._activate)
        self._icons: dict[str, QIcon] = {}  # from the style at the first problem shown
        self.problems: list[Any] = []
        self._filled = False

    def set_problems(self, problems: Sequence[Any]) -> None:
        ordered = sorted(problems, key=lambda p: (not p.is_error, isinstance(p, NotYetFilled)))
        same = [(p.path, p.message) for p in ordered] == [
            (p.path, p.message) for p in self.problems
        ]
        if same and self._filled:
            return
        self._filled = True
        self.problems = list(ordered)
        self.list.clear()
        for problem in ordered:
            empty = isinstance(problem, NotYetFilled)
            kind = "Fehler" if problem.is_error else "Noch auszufüllen" if empty else "Hinweis"
            icon = "error" if problem.is_error else "empty" if empty else "warning"
            item = self._add_row(problem.message)
            item.setIcon(self._icon(icon))
            item.setData(PATH_ROLE, problem.path)
            item.setToolTip(f"{kind} – Klicken, um zum Feld zu springen")
        if not ordered:
            item = self._add_row("Keine Probleme – der Entwurf kann exportiert werden.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _icon(self, kind: str) -> QIcon:
        """The row's icon; the style (QStyle with its enums, ~13 ms in PySide6) is asked
        only when the first problem is listed, after the first paint."""
        if not self._icons:
            from PySide6.QtWidgets import QStyle

            style = self.style()
            self._icons = {
                "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                "empty": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
            }
        return self._icons[kind]

    def _add_row(self, text: str) -> QListWidgetItem:
        """A row created by Qt, not by Python: the list owns it alone, so clearing the
        list never calls back into a Python wrapper (that crashed in shiboken)."""
        self.list.addItem(text)
        item = self.list.item(self.list.count() - 1)
        assert item is not None
        return item

    def wanted_height(self) -> int:
        """Height that shows every row (one when all is well, at most ``MAX_ROWS``)."""
        rows = min(max(self.list.count(), 1), MAX_ROWS)
        row = self.list.sizeHintForRow(0) if self.list.count() else self.fontMetrics().height()
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        frame = 2 * self.list.frameWidth() + (margins.top() + margins.bottom() if margins else 0)
        return rows * max(row, 1) + frame

    def _activate(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.problemActivated.emit(path)
