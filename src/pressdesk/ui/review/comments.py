"""„Kommentare“: the comments of the open release, beside the problems.

A comment belongs to a field (the one last clicked in the form, with the selected
words quoted) or to the whole release; answering and resolving happen in place, and
a click on a comment puts the cursor into its field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
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
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
COMMENT_STYLE = """
*[comment="open"] { border: 1px solid #1565c0; border-left: 6px solid #1565c0;
                    background-color: #f3f8fe; }
"""


class CommentsPanel(QWidget):
    commentRequested = Signal(str)  # text for the current field
    replyRequested = Signal(int, str)
    resolveRequested = Signal(int)
    fieldActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Kommentare")
        self.tree.setHeaderLabels(["Feld", "Kommentar", "Von", "Stand"])
        self.tree.setColumnWidth(0, 170)
        self.tree.setColumnWidth(1, 420)
        self.tree.setColumnWidth(2, 70)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.tree, 1)
        self.target = QLabel("Kommentar zum Entwurf:")
        layout.addWidget(self.target)
        row = QHBoxLayout()
        self.input = QLineEdit()
        self.input.setPlaceholderText("Kommentar schreiben und Eingabetaste drücken")
        self.input.setAccessibleName("Kommentar")
        self.comment_button = QPushButton("&Kommentieren")
        self.reply_button = QPushButton("A&ntworten")
        self.resolve_button = QPushButton("&Erledigt")
        self.target.setBuddy(self.input)
        row.addWidget(self.input, 1)
        for b in (self.comment_button, self.reply_button, self.resolve_button):
            row.addWidget(b)
        layout.addLayout(row)
        self.input.returnPressed.connect(self._comment)
        self.comment_button.clicked.connect(self._comment)
        self.reply_button.clicked.connect(self._reply)
        self.resolve_button.clicked.connect(self._resolve)
        self.tree.itemClicked.connect(self._activate)
        self.tree.itemActivated.connect(self._activate)
        self.open_count = 0

    def set_target(self, label: str | None) -> None:
        self.target.setText(f"Kommentar zu „{label}“:" if label else "Kommentar zum Entwurf:")

    def set_comments(self, comments: list[Any], labels: dict[str, str]) -> None:
        keep = self.tree.currentItem()
        keep_id = keep.data(0, ID_ROLE) if keep is not None else None
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        self.open_count = 0
        for c in comments:
            field = labels.get(c.field_path or "", c.field_path or "ganzer Entwurf")
            text = c.text if not c.quote or c.parent_id else f"{c.text}\n„{c.quote}“"
            if c.resolved_at:
                state = f"erledigt ({c.resolved_by})"
            elif c.parent_id is None:
                state = "offen"
                self.open_count += 1
            else:
                state = ""
            parent = items.get(c.parent_id) if c.parent_id else None
            item = QTreeWidgetItem(["" if parent else field, text, c.author, state])
            item.setData(0, ID_ROLE, c.id)
            item.setData(0, PATH_ROLE, c.field_path or "")
            item.setToolTip(1, text)
            if c.resolved_at:
                for column in range(4):
                    item.setForeground(column, QBrush(QColor("#777777")))
            if parent is not None:
                parent.addChild(item)
                parent.setExpanded(True)
            else:
                self.tree.addTopLevelItem(item)
            items[c.id] = item
        if keep_id in items:
            self.tree.setCurrentItem(items[keep_id])

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:  # answers go to the thread
            item = item.parent()
        return None if item is None else int(item.data(0, ID_ROLE))

    def _comment(self) -> None:
        text = self.input.text().strip()
        if text:
            self.commentRequested.emit(text)

    def _reply(self) -> None:
        found, text = self.current_id(), self.input.text().strip()
        if found is not None and text:
            self.replyRequested.emit(found, text)

    def _resolve(self) -> None:
        found = self.current_id()
        if found is not None:
            self.resolveRequested.emit(found)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        path = item.data(0, PATH_ROLE)
        if path:
            self.fieldActivated.emit(path)
