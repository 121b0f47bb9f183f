"""Places where formatting could silently get lost: moving blocks, block types, Enter in
the middle of a bold run, Backspace joining, undo and redo. Each checks the draft and
what the field shows (bold, italic as character formats), typed as a person does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from pressdesk.model import Mark
from tests.test_ui.test_formatting import (
    ALT,
    CTRL,
    SHIFT,
    char_format_at,
    cursor_to,
    marks,
    paragraph,
    select,
)

BOLD = QFont.Weight.Bold


def bold_at(field: Any, index: int) -> bool:
    return bool(char_format_at(field, index).fontWeight() == BOLD)


def test_moving_a_formatted_paragraph_down_and_up_keeps_its_bold(qtbot: Any, window: Any) -> None:
    # The block editors stay in place; the paragraphs move through them.
    second = paragraph(qtbot, window, "Ganz normaler Text hier.", index=1)
    first = paragraph(qtbot, window, "Fett vorne, dann normal.")
    select(qtbot, first, 0, 4)
    qtbot.keyClick(first, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(first, Qt.Key.Key_Down, ALT | SHIFT)  # Block nach unten
    body = window.doc.draft.body
    assert (body[1].text, body[1].marks) == ("Fett vorne, dann normal.", [Mark(0, 4, "strong")])
    assert (body[0].text, body[0].marks) == ("Ganz normaler Text hier.", [])
    assert bold_at(second, 1) and not bold_at(second, 6)
    assert not bold_at(first, 1)  # now showing the plain paragraph
    qtbot.waitUntil(second.hasFocus)
    qtbot.keyClick(second, Qt.Key.Key_Up, ALT | SHIFT)
    assert window.doc.draft.body[0].marks == [Mark(0, 4, "strong")]
    assert bold_at(first, 1) and not bold_at(second, 1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert window.doc.draft.body[0].marks == [Mark(0, 4, "strong")]
    assert bold_at(first, 1) and not bold_at(second, 1)


def test_quote_and_back_keeps_bold_and_italic(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Fett und kursiv hier.")
    select(qtbot, field, 0, 4)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    select(qtbot, field, 9, 6)
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_2, CTRL)  # Zitat
    assert window.doc.draft.body[0].type == "quote"
    assert marks(window) == [Mark(0, 4, "strong"), Mark(9, 15, "emphasis")]
    assert bold_at(field, 1) and not char_format_at(field, 10).fontItalic()  # quote: italic
    qtbot.keyClick(field, Qt.Key.Key_1, CTRL)  # Absatz
    assert marks(window) == [Mark(0, 4, "strong"), Mark(9, 15, "emphasis")]
    assert bold_at(field, 1) and char_format_at(field, 10).fontItalic()


def test_enter_in_a_bold_run_and_typing_on_keeps_both_halves_bold(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Vorher Landesregierung nachher.")
    select(qtbot, field, 7, 15)  # "Landesregierung"
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    cursor_to(qtbot, field, 13)  # "Landes|regierung"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    body = window.doc.draft.body
    assert (body[0].text, body[0].marks) == ("Vorher Landes", [Mark(7, 13, "strong")])
    assert (body[1].text, body[1].marks) == ("regierung nachher.", [Mark(0, 9, "strong")])
    second = window.body_editor.blocks[1].text
    assert bold_at(second, 0) and not bold_at(second, 10)
    qtbot.keyClick(second, Qt.Key.Key_Backspace)  # joined again, exactly as before
    assert window.doc.draft.body[0].text == "Vorher Landesregierung nachher."
    assert marks(window) == [Mark(7, 22, "strong")]
    assert bold_at(field, 13) and window.body_editor.blocks[0].text.textCursor().position() == 13
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert window.doc.draft.body[0].text == "Vorher Landesregierung nachher."
    assert marks(window) == [Mark(7, 22, "strong")]
    assert bold_at(field, 8) and not bold_at(field, 1)


def test_return_and_backspace_between_sentences_gives_the_space_back(
    qtbot: Any, window: Any
) -> None:
    field = paragraph(qtbot, window, "Erster Satz. Zweiter Satz.")
    cursor_to(qtbot, field, 13)  # "Erster Satz. |Zweiter"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    body = window.doc.draft.body
    assert [body[0].text, body[1].text] == ["Erster Satz.", "Zweiter Satz."]
    qtbot.keyClick(window.body_editor.blocks[1].text, Qt.Key.Key_Backspace)
    assert window.doc.draft.body[0].text == "Erster Satz. Zweiter Satz."


def test_backspace_joining_two_written_paragraphs_puts_a_space_between(
    qtbot: Any, window: Any
) -> None:
    paragraph(qtbot, window, "Zweiter Absatz.", index=1)
    paragraph(qtbot, window, "Erster Absatz.")
    second = window.body_editor.blocks[1].text
    window.registry.focus("body[1].text")
    qtbot.waitUntil(second.hasFocus)
    cursor_to(qtbot, second, 0)
    qtbot.keyClick(second, Qt.Key.Key_Backspace)
    assert window.doc.draft.body[0].text == "Erster Absatz. Zweiter Absatz."


def test_undo_and_redo_of_a_formatted_paste_on_one_line(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Eins drei.")
    select(qtbot, field, 0, 4)
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    select(qtbot, field, 0, 5)  # "Eins " with its italic
    qtbot.keyClick(field, Qt.Key.Key_C, CTRL)
    cursor_to(qtbot, field, 10)
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
    assert window.doc.draft.body[0].text == "Eins drei.Eins "
    assert marks(window) == [Mark(0, 4, "emphasis"), Mark(10, 14, "emphasis")]
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert (window.doc.draft.body[0].text, marks(window)) == (
        "Eins drei.",
        [Mark(0, 4, "emphasis")],
    )
    assert not char_format_at(field, 6).fontItalic()
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    assert marks(window) == [Mark(0, 4, "emphasis"), Mark(10, 14, "emphasis")]
    assert char_format_at(field, 11).fontItalic()
