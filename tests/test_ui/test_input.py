"""Input that used to go wrong without a word: dates, block types, mnemonics, Strg+E.

Keys go to whichever widget has the focus at that moment, as they do for a person:
a key that throws the cursor out of a field shows up as text in the wrong place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_keys(qtbot: Any, text: str) -> None:
    """Each key to the widget that has the focus when it is pressed."""
    for char in text:
        qtbot.keyClicks(focused(), char)


def press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def new_draft(qtbot: Any, window: Any) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: focused() is window.header_form.reference)


@pytest.mark.parametrize("typed", ["24.12.2026", "24.12.26", "2026-12-24"])
def test_date_typed_after_tab_is_the_date_typed(qtbot: Any, window: Any, typed: str) -> None:
    new_draft(qtbot, window)
    type_keys(qtbot, "Nr. 47/26")
    press(qtbot, Qt.Key.Key_Tab)
    date = window.header_form.date
    assert focused() is date
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, typed)
    assert focused() is date  # "." does not throw the cursor out
    assert window.doc.draft.header.date == "2026-12-24"
    assert window.doc.draft.header.reference == "Nr. 47/26"
    press(qtbot, Qt.Key.Key_Tab)  # leaving shows the date as it will be printed
    assert date.text() == "24.12.2026"
    assert window.doc.draft.header.date == "2026-12-24"


def test_clicking_into_the_date_and_typing_digits_changes_it(qtbot: Any, window: Any) -> None:
    date = window.header_form.date
    assert date.text() == "18.07.2018"
    qtbot.mouseClick(date, Qt.MouseButton.LeftButton, pos=date.rect().center())
    assert focused() is date
    press(qtbot, Qt.Key.Key_End)
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Backspace)
    type_keys(qtbot, "2019")
    assert window.doc.draft.header.date == "2019-07-18"


def test_a_wrong_date_stays_as_typed_and_is_marked(qtbot: Any, window: Any) -> None:
    date = window.header_form.date
    date.setFocus()
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "31.02.2026")
    press(qtbot, Qt.Key.Key_Tab)
    assert date.text() == "31.02.2026"  # never quietly 28.02. or 03.03.
    window.validate_now()
    assert date.property("problem") == "error"
    assert "kein gültiges Datum" in date.toolTip()


def test_date_from_the_calendar(qtbot: Any, window: Any) -> None:
    date = window.header_form.date
    date.setFocus()
    press(qtbot, Qt.Key.Key_Down, ALT)
    calendar = date.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate().toString("yyyy-MM-dd") == "2018-07-18"
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)  # one day later
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert window.doc.draft.header.date == "2018-07-19"
    assert date.text() == "19.07.2018"
    assert focused() is date


def test_embargo_date_typed_key_by_key(qtbot: Any, window: Any) -> None:
    form = window.header_form
    window.text_form.headline.setFocus()
    press(qtbot, Qt.Key.Key_S, ALT)  # Sperrfrist
    assert focused() is form.has_embargo
    press(qtbot, Qt.Key.Key_Space)
    assert focused() is form.embargo_time
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is form.embargo_date
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_keys(qtbot, "17.07.2018")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "11:00")
    embargo = window.doc.draft.header.embargo
    assert (embargo.date, embargo.time) == ("2018-07-17", "11:00")


def test_date_parsing() -> None:
    from pressdesk.ui.widgets import parse_date

    assert parse_date("1.2.26").toString("yyyy-MM-dd") == "2026-02-01"  # type: ignore[union-attr]
    for wrong in ("24.12.2", "24.13.2026", "2026-12-32", "heute", "", "24.12.202"):
        assert parse_date(wrong) is None


def test_undo_shows_the_old_date_in_the_field(qtbot: Any, window: Any) -> None:
    date = window.header_form.date
    date.setFocus()
    press(qtbot, Qt.Key.Key_Home)
    press(qtbot, Qt.Key.Key_Up)  # the day under the cursor
    assert window.doc.draft.header.date == "2018-07-19"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.doc.draft.header.date == "2018-07-18"
    assert date.text() == "18.07.2018"


# 2: a block's type ------------------------------------------------------------------
def test_typed_paragraph_made_a_list_keeps_its_text(qtbot: Any, window: Any) -> None:
    body = window.body_editor
    body.add("paragraph")
    last = len(window.doc.draft.body) - 1
    qtbot.waitUntil(lambda: focused() is body.blocks[last].text)
    type_keys(qtbot, "Drei neue Zentren")
    counts = body.count.text()
    press(qtbot, Qt.Key.Key_4, CTRL)
    block = window.doc.draft.body[last]
    assert block.type == "list"
    assert block.items == ["Drei neue Zentren"]
    items = body.blocks[last].items
    assert items.isVisible() and items.toPlainText() == "Drei neue Zentren"
    assert focused() is items
    assert body.count.text() == counts  # same words, same characters
    window.validate_now()
    assert not [p for p in window.problems if p.path.startswith(f"body[{last}]")]
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert window.doc.draft.body[last].text == "Drei neue Zentren"
    assert body.blocks[last].text.toPlainText() == "Drei neue Zentren"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert window.doc.draft.body[last].type == "paragraph"
    assert body.blocks[last].text.toPlainText() == "Drei neue Zentren"


# 3: mnemonics ----------------------------------------------------------------------
def test_alt_letter_into_a_collapsed_section(qtbot: Any, window: Any) -> None:
    reference = window.header_form.reference
    email = window.press_office_form.fields["email"]
    assert not email.isVisible()  # Absender starts collapsed
    reference.setFocus()
    press(qtbot, Qt.Key.Key_M, ALT)  # E-&Mail
    assert reference.text() == "L-Duisburg"  # no "m" typed
    assert focused() is email and email.isVisible()


def test_alt_letter_scrolls_to_a_field_out_of_sight(qtbot: Any, window: Any) -> None:
    viewport = window.form_scroll.viewport()
    contact = window.closing_form.contact
    window.header_form.reference.setFocus()
    window.form_scroll.verticalScrollBar().setValue(0)
    top = contact.mapTo(viewport, contact.rect().topLeft()).y()
    assert top > viewport.height()  # far below, at the end of the form
    press(qtbot, Qt.Key.Key_K, ALT)  # &Kontaktzeile
    assert focused() is contact
    qtbot.waitUntil(
        lambda: 0 <= contact.mapTo(viewport, contact.rect().topLeft()).y() < viewport.height()
    )


# 4: Strg+E in a single-line field ----------------------------------------------------
def test_ctrl_e_exports_from_a_single_line_field(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.dialogs.next_path = tmp_path / "out.pdf"
    for field in (window.header_form.reference, window.text_form.headline):
        field.setFocus()
        press(qtbot, Qt.Key.Key_E, CTRL)
        assert window.dialogs.asked[-1][0] == "save"  # the export asked where to
        assert (tmp_path / "out.pdf").stat().st_size > 1000
        (tmp_path / "out.pdf").unlink()


def test_fields_leave_every_menu_shortcut_to_the_window(window: Any) -> None:
    """Under X11 (QT_QPA_PLATFORM=xcb) a line edit claims Ctrl+E as "end of line";
    the offscreen platform does not, so the key press above cannot show it there."""
    from PySide6.QtGui import QKeyEvent, QKeySequence

    fields = [window.header_form.reference, window.header_form.date, window.text_form.headline]
    for keys in window.command_keys:
        combo = QKeySequence(keys)[0]
        for field in fields:
            event = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())
            QApplication.sendEvent(field, event)
            assert not event.isAccepted(), (keys, field.accessibleName())
    assert "Ctrl+E" in window.command_keys


# 8: no stray window at start ----------------------------------------------------------
class _ShownWindows(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not watched.inherits("QMenu")
        ):
            self.shown.append(f"{type(watched).__name__} {watched.size().toTuple()}")
        return False


def test_only_the_main_window_appears_at_start(qtbot: Any, make_window: Any) -> None:
    spy = _ShownWindows()
    QApplication.instance().installEventFilter(spy)  # type: ignore[union-attr]
    try:
        window = make_window(preview=True)
        qtbot.waitUntil(lambda: window.preview._view is not None, timeout=30000)
    finally:
        QApplication.instance().removeEventFilter(spy)  # type: ignore[union-attr]
    assert spy.shown == [f"MainWindow {window.size().toTuple()}"]
