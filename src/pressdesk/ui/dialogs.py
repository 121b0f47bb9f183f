"""Every question the editor asks the user, in one replaceable object.

The main window only talks to :class:`Dialogs`; tests swap in an object with the
same methods and canned answers, so no modal box ever blocks a test run.

The dialog classes are looked up when a question is asked: PySide6 builds a Qt
class (and its enums) on first use, and the window is on screen before that.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6 import QtWidgets
from PySide6.QtWidgets import QWidget

from pressdesk.model.files import DRAFT_SUFFIX

DRAFT_FILTER = f"PressDesk-Entwürfe (*{DRAFT_SUFFIX})"


class Dialogs:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def open_path(self, folder: str = "") -> Path | None:
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.parent, "Entwurf öffnen", folder, DRAFT_FILTER
        )
        return Path(name) if name else None

    def save_path(self, suggested: str, file_filter: str = DRAFT_FILTER) -> Path | None:
        title = "Speichern unter" if file_filter == DRAFT_FILTER else "Exportieren"
        name, _ = QtWidgets.QFileDialog.getSaveFileName(self.parent, title, suggested, file_filter)
        return Path(name) if name else None

    def save_changes(self, name: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QtWidgets.QMessageBox(self.parent)
        box.setIcon(QtWidgets.QMessageBox.Icon.Question)
        box.setWindowTitle("Ungespeicherte Änderungen")
        box.setText(f"„{name}“ wurde geändert. Möchten Sie die Änderungen speichern?")
        box.setStandardButtons(
            QtWidgets.QMessageBox.StandardButton.Save
            | QtWidgets.QMessageBox.StandardButton.Discard
            | QtWidgets.QMessageBox.StandardButton.Cancel
        )
        box.button(QtWidgets.QMessageBox.StandardButton.Save).setText("&Speichern")
        box.button(QtWidgets.QMessageBox.StandardButton.Discard).setText("&Verwerfen")
        box.button(QtWidgets.QMessageBox.StandardButton.Cancel).setText("&Abbrechen")
        answer = box.exec()
        return {
            QtWidgets.QMessageBox.StandardButton.Save: "save",
            QtWidgets.QMessageBox.StandardButton.Discard: "discard",
        }.get(QtWidgets.QMessageBox.StandardButton(answer), "cancel")

    def print_setup(self, printer: Any) -> bool:
        """The printer dialog; True when the user chose to print."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self.parent)
        dialog.setWindowTitle("Drucken")
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def house_setup(self, profile: Any) -> Path | None:
        """„Pressestelle einrichten“; the saved profile file, or None when cancelled."""
        from pressdesk.ui.house import HouseSetupDialog

        dialog = HouseSetupDialog(profile, self.parent)
        dialog.exec()
        return dialog.saved

    def info(self, title: str, text: str) -> None:
        QtWidgets.QMessageBox.information(self.parent, title, text)

    def error(self, title: str, text: str) -> None:
        QtWidgets.QMessageBox.critical(self.parent, title, text)

    def refuse_export(self, problems: Sequence[Any]) -> None:
        lines = "\n".join(f"• {p.message}" for p in problems[:15])
        more = f"\n… und {len(problems) - 15} weitere" if len(problems) > 15 else ""
        QtWidgets.QMessageBox.warning(
            self.parent,
            "Export nicht möglich",
            f"Der Entwurf enthält Fehler und wird nicht exportiert:\n\n{lines}{more}",
        )

    def restore(self, description: str) -> str:
        """'restore', 'discard' or 'later'."""
        box = QtWidgets.QMessageBox(self.parent)
        box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
        box.setWindowTitle("Entwurf wiederherstellen")
        box.setText("PressDesk wurde nicht ordnungsgemäß beendet.")
        box.setInformativeText(f"Es gibt eine automatische Sicherung: {description}.")
        restore = box.addButton("&Wiederherstellen", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("&Verwerfen", QtWidgets.QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("S&päter", QtWidgets.QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        return "restore" if clicked is restore else "discard" if clicked is discard else "later"

    def _choose(
        self, title: str, text: str, info: str, buttons: Sequence[tuple[str, str, Any]]
    ) -> str:
        """A question with named buttons; the answer is the key of the one clicked."""
        box = QtWidgets.QMessageBox(self.parent)
        box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(info)
        keys = {}
        for key, label, role in buttons:
            keys[id(box.addButton(label, role))] = key
        box.exec()
        clicked = box.clickedButton()
        return keys.get(id(clicked), "cancel") if clicked is not None else "cancel"

    def locked(self, name: str, owner: str) -> str:
        """'readonly', 'open' or 'cancel': the draft is open in another window."""
        role = QtWidgets.QMessageBox.ButtonRole
        return self._choose(
            "Entwurf wird bereits bearbeitet",
            f"„{name}“ ist bereits geöffnet: {owner}.",
            "Schreibgeschützt öffnen ist sicher. Wer trotzdem öffnet und speichert, "
            "wird gefragt, falls die andere Fassung inzwischen gespeichert wurde.",
            [
                ("readonly", "&Schreibgeschützt öffnen", role.AcceptRole),
                ("open", "&Trotzdem öffnen", role.DestructiveRole),
                ("cancel", "&Abbrechen", role.RejectRole),
            ],
        )

    def changed_on_disk(self, name: str) -> str:
        """'save_as', 'theirs', 'compare' or 'cancel': the file changed since loading."""
        role = QtWidgets.QMessageBox.ButtonRole
        return self._choose(
            "Datei wurde inzwischen geändert",
            f"„{name}“ wurde außerhalb dieses Fensters geändert, "
            "seit Sie die Datei geöffnet haben.",
            "Speichern würde die andere Fassung überschreiben. Sichern Sie Ihre Fassung "
            "unter neuem Namen, übernehmen Sie die andere (Ihre Änderungen gehen verloren) "
            "oder vergleichen Sie beide.",
            [
                ("save_as", "&Meine behalten (Speichern unter …)", role.AcceptRole),
                ("theirs", "&Die andere übernehmen", role.DestructiveRole),
                ("compare", "&Vergleichen", role.ActionRole),
                ("cancel", "&Abbrechen", role.RejectRole),
            ],
        )

    def read_only(self, name: str, message: str) -> str:
        """'save_as' or 'cancel': the file may not be written."""
        role = QtWidgets.QMessageBox.ButtonRole
        return self._choose(
            "Speichern nicht möglich",
            message,
            f"Sie können „{name}“ unter einem anderen Namen speichern.",
            [
                ("save_as", "Speichern &unter …", role.AcceptRole),
                ("cancel", "&Abbrechen", role.RejectRole),
            ],
        )

    def show_diff(self, name: str, diff: str) -> None:
        box = QtWidgets.QMessageBox(self.parent)
        box.setIcon(QtWidgets.QMessageBox.Icon.Information)
        box.setWindowTitle("Fassungen vergleichen")
        box.setText(f"Unterschiede zwischen „{name}“ auf der Festplatte und diesem Fenster:")
        box.setDetailedText(diff)
        box.exec()
