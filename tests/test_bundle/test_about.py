"""Hilfe › Über PressDesk, reached from the keyboard: version, fonts and libraries with licences."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pressdesk import __version__


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("PRESSDESK_DATA_DIR", str(tmp_path / "userdata"))
    from pressdesk.ui.app import create_window

    w = create_window(None, "nrw", spelling=False, preview=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_about_opens_from_the_help_menu_with_version_and_licences(window: Any, qtbot: Any) -> None:
    from pressdesk.ui.about import AboutDialog

    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_P)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AboutDialog))
    dialog = QApplication.activeModalWidget()
    text = dialog.text.toPlainText()
    assert f"PressDesk {__version__}" in text
    assert "Carlito: SIL Open Font License 1.1" in text
    # Libraries come from the installed metadata: names, versions and licences.
    from importlib.metadata import version

    assert f"reportlab\n{version('reportlab')}\nBSD License" in text
    assert "PySide6_Essentials" in text and "LGPL-3.0" in text
    assert "python-docx" in text and "pikepdf\n" in text and "MPL-2.0" in text
    assert not dialog.windowIcon().isNull()  # the PressDesk icon (SVG)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
