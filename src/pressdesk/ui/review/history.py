"""„Verlauf“: who did what when, and the word diff between any two versions."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pressdesk.store.history import EVENT_LABELS

KIND_LABELS = EVENT_LABELS
INS = "background-color:#c8e6c9; color:#1b5e20; text-decoration:none;"
DEL = "background-color:#ffcdd2; color:#b71c1c; text-decoration:line-through;"


def diff_html(changes: list[Any], label: Callable[[str], str]) -> str:
    """Changes as HTML: one block per field in form order, insertions green, deletions red
    and struck through."""
    if not changes:
        return "<p><i>Keine Unterschiede im Text.</i></p>"
    out = []
    for change in changes:
        parts = []
        for op, text in change.pieces:
            escaped = html.escape(text).replace("\n", "<br>")
            if op == "+":
                parts.append(f'<ins style="{INS}">{escaped}</ins>')
            elif op == "-":
                parts.append(f'<del style="{DEL}">{escaped}</del>')
            else:
                parts.append(escaped)
        out.append(
            f"<p style='margin:0 0 2px 0;color:#555;font-size:small'>"
            f"<b>{html.escape(label(change.path))}</b></p>"
            f"<p style='margin:0 0 10px 0'>{''.join(parts)}</p>"
        )
    return "".join(out)


class HistoryPanel(QWidget):
    diffRequested = Signal(int, int)
    sinceApprovalRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.events = QTreeWidget()
        self.events.setAccessibleName("Verlauf")
        self.events.setHeaderLabels(["Wann", "Wer", "Was", "Version"])
        self.events.setRootIsDecorated(False)
        self.events.setColumnWidth(0, 120)
        self.events.setColumnWidth(1, 60)
        self.events.setColumnWidth(2, 170)
        splitter.addWidget(self.events)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.since_button = QPushButton("Änderungen seit der letzten &Freigabe")
        lower_layout.addWidget(self.since_button)
        row = QHBoxLayout()
        self.old = QComboBox()
        self.new = QComboBox()
        von, bis = QLabel("&Von"), QLabel("&bis")
        von.setBuddy(self.old)
        bis.setBuddy(self.new)
        self.compare_button = QPushButton("&Vergleichen")
        for w in (von, self.old, bis, self.new, self.compare_button):
            row.addWidget(w)
        row.addStretch(1)
        lower_layout.addLayout(row)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        lower_layout.addWidget(self.caption)
        self.diff = QTextBrowser()
        self.diff.setAccessibleName("Unterschiede")
        lower_layout.addWidget(self.diff, 1)
        splitter.addWidget(lower)
        splitter.setSizes([160, 300])
        layout.addWidget(splitter)
        self.html = ""
        self.since_button.clicked.connect(self.sinceApprovalRequested.emit)
        self.compare_button.clicked.connect(self._compare)

    def set_history(
        self, events: list[Any], versions: list[Any], local: Callable[[str], str]
    ) -> None:
        self.events.clear()
        for ev in reversed(events):  # newest on top
            what = KIND_LABELS.get(ev.kind, ev.kind)
            data = ev.data
            if ev.kind == "returned" and data.get("comment"):
                what += f": {data['comment']}"
            elif ev.kind == "submitted" and data.get("cosigners"):
                what += " (mitzeichnen: " + ", ".join(data["cosigners"]) + ")"
            number = "" if ev.version_number is None else str(ev.version_number)
            item = QTreeWidgetItem([local(ev.at), ev.actor, what, number])
            item.setToolTip(2, what)
            self.events.addTopLevelItem(item)
        same = self.new.count() == len(versions)
        keep = (self.old.currentData(), self.new.currentData())
        for box in (self.old, self.new):
            box.clear()
            for v in versions:
                kind = " (Konflikt)" if v.kind == "conflict" else ""
                box.addItem(f"Version {v.number}{kind} – {v.author}", v.number)
        if same:  # what the user chose stays chosen
            self.select(*keep)
        elif versions:  # a new version: compare the last two
            self.old.setCurrentIndex(max(len(versions) - 2, 0))
            self.new.setCurrentIndex(len(versions) - 1)

    def select(self, old: Any, new: Any) -> None:
        for box, number in ((self.old, old), (self.new, new)):
            index = box.findData(number)
            if index >= 0:
                box.setCurrentIndex(index)

    def show_diff(self, caption: str, body: str) -> None:
        self.caption.setText(caption)
        self.html = body
        self.diff.setHtml(body)

    def _compare(self) -> None:
        if self.old.count():
            self.diffRequested.emit(int(self.old.currentData()), int(self.new.currentData()))
