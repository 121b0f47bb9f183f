"""Layout at 1280×800: the form gets the room, nothing the user needs is cut off."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication


def settle(qtbot: Any, window: Any) -> None:
    window.validate_now()
    QApplication.processEvents()
    qtbot.wait(50)


def test_problems_panel_is_one_line_when_all_is_well(qtbot: Any, window: Any) -> None:
    settle(qtbot, window)
    assert window.problems == []
    assert window.problems_dock.height() < 60
    assert window.scroll.height() > 650  # the form, not an empty list, gets the height


def test_problems_panel_grows_to_show_every_problem(qtbot: Any, window: Any) -> None:
    settle(qtbot, window)
    small = window.problems_dock.height()
    window.doc.set_value("headline", "")
    window.doc.set_value("header.reference", "Nr 12")
    window.doc.set_value("contact", "")
    settle(qtbot, window)
    rows = window.problems_panel.list
    assert rows.count() == len(window.problems) >= 3
    assert window.problems_dock.height() > small
    assert rows.verticalScrollBar().maximum() == 0  # all rows visible, no scrolling
