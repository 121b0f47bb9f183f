"""The review's questions to the user, in one replaceable object (tests answer instead).

Every method returns plain values; the controller calls the store with them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class ReviewDialogs:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def ask_name(self, default: str) -> str | None:
        """First start: the name under which this person works in the library."""
        text, ok = QInputDialog.getText(
            self.parent,
            "Willkommen bei PressDesk",
            "Unter welchem Namen arbeiten Sie in der Bibliothek?\n"
            "(Er steht an Ihren Versionen, Kommentaren und Freigaben.)",
            QLineEdit.EchoMode.Normal,
            default,
        )
        return text.strip() or None if ok else None

    def submit(self, reviewers: Sequence[str]) -> tuple[list[str], str] | None:
        """Co-signers (required approvals) and a due time, or None when cancelled."""
        dialog = SubmitDialog(reviewers, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen(), dialog.due.text().strip()

    def conflict(self, message: str, diff_html: str) -> str:
        """'mine' (keep mine as a new version), 'theirs' (discard mine) or 'cancel'."""
        dialog = ConflictDialog(message, diff_html, self.parent)
        dialog.exec()
        return dialog.answer

    def store_settings(self, url: str, test: Callable[[str], str]) -> str | None:
        dialog = StoreDialog(url, test, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.url()


class SubmitDialog(QDialog):
    def __init__(self, reviewers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Zur Prüfung geben")
        layout = QVBoxLayout(self)
        label = QLabel("&Mitzeichnen müssen (leer: eine Prüferin oder ein Prüfer genügt):")
        self.people = QListWidget()
        label.setBuddy(self.people)
        for name in reviewers:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        due_label = QLabel("&Frist (etwa „14:00“ oder „30.11.2026 14:00“, optional):")
        self.due = QLineEdit()
        due_label.setBuddy(self.due)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Zur Prüfung geben")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Abbrechen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for w in (label, self.people, due_label, self.due, buttons):
            layout.addWidget(w)

    def chosen(self) -> list[str]:
        return [
            self.people.item(i).text()
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        ]


class ConflictDialog(QDialog):
    def __init__(self, message: str, diff_html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Jemand hat inzwischen gespeichert")
        self.answer = "cancel"
        layout = QVBoxLayout(self)
        text = QLabel(message)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(QLabel("Unterschied von der anderen Fassung zu Ihrer:"))
        view = QTextBrowser()
        view.setHtml(diff_html)
        layout.addWidget(view)
        mine = QPushButton("&Meine Fassung als neue Version speichern")
        theirs = QPushButton("&Ihre Fassung übernehmen (meine bleibt als Konfliktversion)")
        later = QPushButton("&Weiter bearbeiten")
        for button, answer in ((mine, "mine"), (theirs, "theirs"), (later, "cancel")):
            button.clicked.connect(lambda *_, a=answer: self._done(a))
            layout.addWidget(button)
        self.resize(720, 520)

    def _done(self, answer: str) -> None:
        self.answer = answer
        self.accept()


class StoreDialog(QDialog):
    """Datei → Ablage …: the local library or a team server, with a connection test."""

    def __init__(self, url: str, test: Callable[[str], str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Ablage")
        self._test = test
        layout = QVBoxLayout(self)
        self.local = QRadioButton("&Lokale Bibliothek auf diesem Rechner")
        self.server = QRadioButton("&Team-Server (PostgreSQL):")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.address = QLineEdit()
        self.address.setPlaceholderText("postgresql://name@server/pressdesk")
        if url.startswith("postgres"):
            self.server.setChecked(True)
            self.address.setText(url)
        else:
            self.local.setChecked(True)
        test_button = QPushButton("Verbindung &testen")
        test_button.clicked.connect(self.run_test)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Abbrechen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for w in (self.local, self.server, self.address, test_button, self.outcome, buttons):
            layout.addWidget(w)

    def url(self) -> str:
        return self.address.text().strip() if self.server.isChecked() else ""

    def run_test(self) -> None:
        self.outcome.setText(self._test(self.url()))
