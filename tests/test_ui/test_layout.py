"""Layout at 1280×800: the form gets the room, nothing the user needs is cut off."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def settle(qtbot: Any, window: Any) -> None:
    window.validate_now()
    QApplication.processEvents()
    qtbot.wait(50)


def test_problems_panel_is_one_line_when_all_is_well(qtbot: Any, window: Any) -> None:
    settle(qtbot, window)
    assert window.problems == []
    assert window.problems_dock.height() < 60
    assert window.form_scroll.height() > 650  # the form, not an empty list, gets the height


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


def test_form_follows_the_cursor_while_typing_a_long_paragraph(qtbot: Any, window: Any) -> None:
    window.body_editor.add("list", at=0)
    field = window.body_editor.blocks[0].items
    qtbot.waitUntil(field.hasFocus)
    for _ in range(25):  # a long list, typed line by line past the bottom of the view
        qtbot.keyClicks(field, "Noch ein Punkt")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.wait(50)
    cursor = field.cursorRect()
    top_left = field.viewport().mapTo(window.form_scroll.viewport(), cursor.topLeft())
    bottom = top_left.y() + cursor.height()
    assert top_left.y() >= 0 and bottom <= window.form_scroll.viewport().height()


def test_preview_zooms_in_to_read_and_back_to_full_width(qtbot: Any, make_window: Any) -> None:
    from PySide6.QtPdfWidgets import QPdfView

    window = make_window(preview=True)
    qtbot.waitUntil(lambda: window.preview.pages > 0, timeout=30000)
    view = window.preview._view
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    fitted = window.preview._fit_factor()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window, Qt.Key.Key_Plus, ctrl)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    assert view.zoomFactor() > fitted * 1.2  # bigger than the fitted page, not than 100 %
    qtbot.keyClick(window, Qt.Key.Key_0, ctrl)
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    # A new rendering after typing keeps the user's zoom.
    qtbot.keyClick(window, Qt.Key.Key_Plus, ctrl)
    zoom = view.zoomFactor()
    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        window.doc.set_value("subheadline", "Neue Unterzeile")
    assert view.zoomFactor() == zoom


def visible_in_form(window: Any, widget: Any) -> bool:
    top = widget.mapTo(window.form_scroll.viewport(), widget.rect().topLeft()).y()
    return top >= 0 and top + widget.height() <= window.form_scroll.viewport().height()


def test_a_block_added_at_the_end_is_scrolled_into_view(qtbot: Any, window: Any) -> None:
    window.press_office_form.set_expanded(True)  # a long form above the body
    qtbot.mouseClick(window.body_editor.add_buttons["list"], Qt.MouseButton.LeftButton)
    new = window.body_editor.blocks[-1]
    qtbot.waitUntil(new.items.hasFocus)
    qtbot.waitUntil(lambda: visible_in_form(window, new.items), timeout=2000)


def test_added_block_stays_in_view_after_the_check_runs(qtbot: Any, window: Any) -> None:
    window.press_office_form.set_expanded(True)
    window.body_editor.add("quote")
    window.body_editor.add("list")
    new = window.body_editor.blocks[-1]
    qtbot.wait(400)  # validation marks the new, empty blocks and the panel grows
    assert new.items.hasFocus()
    assert visible_in_form(window, new.items)


def field_lefts(window: Any) -> set[int]:
    """Where the fields of all four sections begin (the sender unfolded)."""
    window.press_office_form.set_expanded(True)
    QApplication.processEvents()
    fields = [
        window.header_form.reference,
        window.press_office_form.fields["organisation"],
        window.text_form.headline,
        window.closing_form.contact,
    ]
    return {f.mapTo(window.form_page, f.rect().topLeft()).x() for f in fields}


def test_fields_of_all_sections_line_up(window: Any) -> None:
    assert len(field_lefts(window)) == 1


def test_undo_in_a_long_paragraph_keeps_the_cursor_line_in_view(qtbot: Any, window: Any) -> None:
    from PySide6.QtGui import QTextCursor

    window.doc.set_value("body[0].text", window.doc.draft.body[0].text * 12, merge=False)
    field = window.body_editor.blocks[0].text
    window.registry.focus("body[0]")
    qtbot.waitUntil(field.hasFocus)
    qtbot.waitUntil(lambda: field.height() > window.form_scroll.viewport().height())
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, " Ende")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    cursor = field.cursorRect()
    top = field.viewport().mapTo(window.form_scroll.viewport(), cursor.topLeft()).y()
    assert 0 <= top <= window.form_scroll.viewport().height() - cursor.height()
