"""„Zur Prüfung“: what waits for this reviewer, due first, overdue ones marked.

The list comes from :meth:`Store.review_queue`; approve and send back call the store
with the version the reviewer saw, so a text changed meanwhile is refused there.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Frist", "Sperrfrist", "Überschrift")
OVERDUE = "überfällig"


def due_text(due: str | None) -> str:
    if not due:
        return "–"
    return f"{due[8:10]}.{due[5:7]}.{due[0:4]} {due[11:16]}"


def cosign_text(q: Any) -> str:
    if not q.cosigners:
        return "eine Freigabe genügt"
    done = ", ".join(q.approved_by) or "noch niemand"
    missing = ", ".join(q.missing) or "niemand"
    return f"freigegeben: {done} · fehlt: {missing}"


class QueuePanel(QWidget):
    openRequested = Signal(int)
    approveRequested = Signal(int, int)  # draft id, version seen
    returnRequested = Signal(int, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Any] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.empty = QLabel("Nichts wartet auf Ihre Prüfung.")
        layout.addWidget(self.empty)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Zur Prüfung")
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setUniformRowHeights(False)  # two lines: headline, then who and what is missing
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column, width in enumerate((124, 124)):
            self.tree.setColumnWidth(column, width)
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("Ö&ffnen")
        self.approve_button = QPushButton("&Freigeben")
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.approve_button)
        layout.addLayout(buttons)
        row = QHBoxLayout()
        reason_label = QLabel("&Begründung:")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Was soll geändert werden?")
        reason_label.setBuddy(self.reason)
        self.return_button = QPushButton("&Zurückgeben")
        row.addWidget(reason_label)
        row.addWidget(self.reason, 1)
        row.addWidget(self.return_button)
        layout.addLayout(row)
        self.tree.itemActivated.connect(lambda item, _c: self._emit(self.openRequested))
        self.open_button.clicked.connect(lambda: self._emit(self.openRequested))
        self.approve_button.clicked.connect(self._approve)
        self.return_button.clicked.connect(self._send_back)
        self.reason.returnPressed.connect(self._send_back)

    def set_entries(self, entries: list[Any]) -> None:
        current = self.current_id()
        self.entries = entries
        self.tree.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for q in entries:
            s = q.entry.summary
            due = due_text(s.due_at) + (f"\n{OVERDUE}" if q.overdue else "")
            who = f"von {q.entry.created_by} · {cosign_text(q)}"
            item = QTreeWidgetItem([due, q.entry.embargo or "–", f"{s.headline}\n{who}"])
            item.setData(0, ID_ROLE, s.id)
            item.setData(1, ID_ROLE, s.current_version)
            item.setToolTip(2, f"{s.headline}\n{who}")
            if q.entry.embargo:
                item.setFont(1, bold)
                item.setForeground(1, QBrush(QColor("#6d4c00")))
            if q.overdue:
                item.setForeground(0, QBrush(QColor("#b71c1c")))
                item.setFont(0, bold)
            self.tree.addTopLevelItem(item)
            if s.id == current:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self.empty.setVisible(not entries)
        for button in (self.open_button, self.approve_button, self.return_button):
            button.setEnabled(bool(entries))

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        return int(item.data(0, ID_ROLE)) if item is not None else None

    def _current(self) -> tuple[int, int] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return int(item.data(0, ID_ROLE)), int(item.data(1, ID_ROLE))

    def _emit(self, signal: Any) -> None:
        found = self._current()
        if found is not None:
            signal.emit(found[0])

    def _approve(self) -> None:
        found = self._current()
        if found is not None:
            self.approveRequested.emit(*found)

    def _send_back(self) -> None:
        found = self._current()
        if found is not None:
            self.returnRequested.emit(found[0], found[1], self.reason.text())
