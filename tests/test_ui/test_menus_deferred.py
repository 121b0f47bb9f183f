"""The menus' entries follow the first paint (issue 14, point 15), yet every shortcut and
every menu works from the first key: a key pressed or a menu opened before the deferred
build fills the menus first, and they are filled once only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QStyle

from tests.test_ui.conftest import FakeDialogs

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def early_window(qtbot: Any, at_first_paint: Callable[[Any], None]) -> Any:
    """A window whose ``at_first_paint(window)`` runs when the first frame is on screen,
    before the event loop gets to the deferred build of the menus."""
    from pressdesk.ui.app import create_window

    if QApplication.style().name().lower() != "fusion":
        QApplication.setStyle("Fusion")
    window = create_window(None, "nrw", spelling=False, preview=False, sample=True)
    window.dialogs = FakeDialogs()
    window.resize(1280, 800)
    qtbot.addWidget(window)
    seen: list[bool] = []

    def first_paint() -> None:
        seen.append(window.menus_filled)
        at_first_paint(window)

    window.firstPainted.connect(first_paint)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [False]  # the menus were still empty when the keys came
    return window


def entries(window: Any) -> list[str]:
    return [
        action.text()
        for title in window.menuBar().actions()
        if title.menu() is not None
        for action in title.menu().actions()
    ]


def test_titles_at_first_paint_entries_right_after(qtbot: Any) -> None:
    at_paint: list[Any] = []

    def look(w: Any) -> None:
        save = w.toolbar.widgetForAction(w.save_action)
        at_paint.append((save.geometry(), entries(w)))

    window = early_window(qtbot, look)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:5] == ["&Datei", "&Bearbeiten", "F&ormat", "&Ansicht", "&Hilfe"]
    (button_at_paint, entries_at_paint) = at_paint[0]
    assert entries_at_paint == []  # created after the first frame
    qtbot.waitUntil(lambda: window.menus_filled)
    texts = entries(window)
    assert texts.count("&Speichern") == 1 and "&Tastenkürzel" in texts
    # The toolbar's buttons stay where they were when the style's icons come.
    save = window.toolbar.widgetForAction(window.save_action)
    assert save.geometry() == button_at_paint and save.text() == "Speichern"
    expected = window.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
    assert window.save_action.icon().pixmap(16).toImage() == expected.pixmap(16).toImage()


def test_ctrl_s_right_after_the_first_paint(qtbot: Any) -> None:
    def press(w: Any) -> None:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)

    window = early_window(qtbot, press)
    assert [kind for kind, _ in window.dialogs.asked] == ["save"]  # an untitled draft


def test_ctrl_b_right_after_the_first_paint(qtbot: Any) -> None:
    def press(w: Any) -> None:
        field = w.body_editor.blocks[0].text
        field.setFocus()
        cursor = field.textCursor()
        cursor.setPosition(0)
        cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
        field.setTextCursor(cursor)
        qtbot.keyClick(field, Qt.Key.Key_B, CTRL)

    window = early_window(qtbot, press)
    marks = window.doc.draft.body[0].marks
    assert any(m.kind == "strong" and (m.start, m.end) == (0, 4) for m in marks)


@pytest.mark.parametrize("where", ["field", "problems list"])
def test_f1_right_after_the_first_paint(qtbot: Any, where: str) -> None:
    def press(w: Any) -> None:
        if where == "problems list":  # a widget that knows nothing of the menus
            w.problems_panel.list.setFocus()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)

    window = early_window(qtbot, press)
    tables = [text for kind, text in window.dialogs.asked if kind == "info"]
    assert tables and "Speichern" in tables[0] and "Fett" in tables[0]


def test_form_mnemonic_right_after_the_first_paint(qtbot: Any) -> None:
    target: list[Any] = []

    def press(w: Any) -> None:
        buddy = w.registry.widgets["subheadline"]
        label = next(lb for lb in w.form_page.findChildren(QLabel) if lb.buddy() is buddy)
        letter = label.text()[label.text().index("&") + 1]
        target.append(buddy)
        qtbot.keyClick(QApplication.focusWidget(), QKeySequence(letter)[0].key(), ALT)

    early_window(qtbot, press)
    assert QApplication.focusWidget() is target[0]


@pytest.mark.parametrize("how", ["mnemonic", "click"])
def test_menu_opened_before_the_deferred_build(qtbot: Any, how: str) -> None:
    def open_menu(w: Any) -> None:
        if how == "mnemonic":
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, ALT)  # &Datei
        else:  # a click: no key came first
            bar = w.menuBar()
            title = bar.actions()[0]
            qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(title).center())

    window = early_window(qtbot, open_menu)
    menu = window.menuBar().actions()[0].menu()
    qtbot.waitUntil(menu.isVisible)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["&Neu", "Ö&ffnen …"] and "&Beenden" in texts
    qtbot.wait(50)  # the deferred build's turn has come: nothing twice
    assert [a.text() for a in menu.actions()] == texts
    assert entries(window).count("&Rückgängig") == 1
    qtbot.keyClick(menu, Qt.Key.Key_Escape)


def test_ctrl_e_right_after_wait_exposed(qtbot: Any, window: Any) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_E, CTRL)
    assert [kind for kind, _ in window.dialogs.asked] in (["save"], ["refuse"])
