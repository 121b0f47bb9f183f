"""The real lock and "changed on disk" questions, answered with the keyboard (issue 13)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pressdesk.ui.dialogs import Dialogs


def answer_with(qtbot: Any, key: Qt.Key, seen: dict[str, Any], shot: Path | None) -> None:
    """Once the box is up: remember its texts, take a picture, press Alt+key."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen["text"] = box.text() + "\n" + box.informativeText()
        seen["buttons"] = [b.text() for b in box.buttons()]
        if shot is not None:
            box.grab().save(str(shot))
        box.activateWindow()  # mnemonics work in the active window only
        QApplication.processEvents()
        qtbot.keyClick(box, key, Qt.KeyboardModifier.AltModifier)
        timer = QTimer(box)  # dies with the box
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: give_up(box))
        timer.start(3000)

    def give_up(box: QMessageBox) -> None:  # the key did nothing: fail, don't hang
        if box.isVisible():
            seen["gave_up"] = True
            box.reject()

    QTimer.singleShot(0, press)


@pytest.fixture
def window(qtbot: Any) -> QWidget:
    """The parent the questions belong to (the dialogs need nothing else of the window)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    return parent


@pytest.mark.parametrize(
    ("key", "expected"),
    [(Qt.Key.Key_S, "readonly"), (Qt.Key.Key_T, "open"), (Qt.Key.Key_A, "cancel")],
)
def test_locked_question(
    qtbot: Any, window: Any, output_dir: Path, key: Qt.Key, expected: str
) -> None:
    seen: dict[str, Any] = {}
    answer_with(qtbot, key, seen, output_dir / "dialog-locked.png")
    owner = "erika auf pc-17 seit 29.11.2026 09:12"
    assert Dialogs(window).locked("pm.pressdesk", owner) == expected
    assert "gave_up" not in seen
    assert f"„pm.pressdesk“ ist bereits geöffnet: {owner}." in seen["text"]
    assert sorted(seen["buttons"]) == ["&Abbrechen", "&Schreibgeschützt öffnen", "&Trotzdem öffnen"]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (Qt.Key.Key_M, "save_as"),
        (Qt.Key.Key_D, "theirs"),
        (Qt.Key.Key_V, "compare"),
        (Qt.Key.Key_A, "cancel"),
    ],
)
def test_changed_on_disk_question(
    qtbot: Any, window: Any, output_dir: Path, key: Qt.Key, expected: str
) -> None:
    seen: dict[str, Any] = {}
    answer_with(qtbot, key, seen, output_dir / "dialog-changed-on-disk.png")
    assert Dialogs(window).changed_on_disk("pm.pressdesk") == expected
    assert "gave_up" not in seen
    assert "außerhalb dieses Fensters geändert" in seen["text"]
    assert "&Meine behalten (Speichern unter …)" in seen["buttons"]


def test_read_only_question_offers_save_as(qtbot: Any, window: Any) -> None:
    seen: dict[str, Any] = {}
    answer_with(qtbot, Qt.Key.Key_U, seen, None)
    assert Dialogs(window).read_only("pm.pressdesk", "„pm.pressdesk“ ist schreibgeschützt.") == (
        "save_as"
    )
    assert "Speichern &unter …" in seen["buttons"]
    assert "gave_up" not in seen
