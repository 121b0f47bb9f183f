"""Formatting commands that would do nothing visible are greyed, and their keys do
nothing (issue 14 point 10: no command the user can reach is silently without effect)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from tests.test_ui.test_formatting import CTRL, SHIFT, char_format_at, marks, paragraph, select


def test_italic_is_greyed_in_a_quote_which_is_set_in_italic(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Wir fangen heute an.")
    assert window.italic_action.isEnabled()
    select(qtbot, field, 0, 3)
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)  # "Wir" italic in the paragraph
    assert char_format_at(field, 1).fontItalic()
    qtbot.keyClick(field, Qt.Key.Key_2, CTRL)  # Zitat: the layout sets it in italic
    window.registry.focus("body[0].text")
    qtbot.waitUntil(field.hasFocus)
    assert not window.italic_action.isEnabled()
    # the kept italic is not shown where the print would not show it either
    assert not char_format_at(field, 1).fontItalic()
    window.doc.set_value("body[0].marks", [])
    assert window.bold_action.isEnabled() and window.link_action.isEnabled()
    select(qtbot, field, 4, 6)
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    assert marks(window) == []
    assert not char_format_at(field, 5).fontItalic()
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)  # bold still shows (bold italic)
    assert [m.kind for m in marks(window)] == ["strong"]
    qtbot.keyClick(field, Qt.Key.Key_1, CTRL)  # Absatz again: Kursiv is back
    window.registry.focus("body[0].text")
    qtbot.waitUntil(field.hasFocus)
    assert window.italic_action.isEnabled()
    select(qtbot, field, 4, 6)
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    assert char_format_at(field, 5).fontItalic()


def test_formatting_is_greyed_in_the_address_lines(qtbot: Any, window: Any) -> None:
    window.registry.focus("pressOffice.address")
    field = window.registry.widgets["pressOffice.address"]
    qtbot.waitUntil(field.hasFocus)
    assert not window.bold_action.isEnabled()
    assert not window.italic_action.isEnabled()
    assert not window.link_action.isEnabled()
    before = list(window.doc.draft.press_office.address)
    qtbot.keyClick(field, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_End, SHIFT)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert window.doc.draft.press_office.address == before
    assert char_format_at(field, 1).fontWeight() != QFont.Weight.Bold
