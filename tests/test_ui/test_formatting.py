"""Bold, italic and links in running text: Strg+B, Strg+I, Strg+K, typed as a person does."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QFont, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from pressdesk.model import Mark
from tests.xvfb import needs_xvfb, run_editor_script_on_x11

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
TEXT = "Das Land fordert Vielfalt in Duisburg."  # keyClicks: ASCII only


def paragraph(qtbot: Any, window: Any, text: str = TEXT, index: int = 0) -> Any:
    """The text field of block ``index`` (a paragraph in the sample), retyped to ``text``."""
    assert window.doc.draft.body[index].type == "paragraph"
    field = window.body_editor.blocks[index].text
    window.registry.focus(f"body[{index}].text")
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)
    return field


def select(qtbot: Any, field: Any, start: int, length: int) -> None:
    """Cursor to ``start`` with the arrow keys, then Shift+→ over ``length`` characters."""
    qtbot.keyClick(field, Qt.Key.Key_Home, CTRL)
    for _ in range(start):
        qtbot.keyClick(field, Qt.Key.Key_Right)
    for _ in range(length):
        qtbot.keyClick(field, Qt.Key.Key_Right, SHIFT)


def cursor_to(qtbot: Any, field: Any, index: int) -> None:
    select(qtbot, field, index, 0)


def saved_marks(qtbot: Any, window: Any, path: Path, index: int = 0) -> list[dict[str, Any]]:
    """Strg+S into ``path``; the marks of body block ``index`` as the file has them."""
    window.dialogs.next_path = path
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, CTRL)
    data = json.loads(path.read_text(encoding="utf-8"))
    block = data["body"][index]
    return list(block.get("marks", []))


def char_format_at(field: Any, index: int) -> Any:
    cursor = QTextCursor(field.document())
    cursor.setPosition(index + 1)  # the format of the character before the position
    return cursor.charFormat()


def marks(window: Any, index: int = 0) -> list[Mark]:
    return list(window.doc.draft.body[index].marks)


def test_ctrl_b_makes_the_selection_bold_in_the_saved_file(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    field = paragraph(qtbot, window)
    select(qtbot, field, 4, 4)  # "Land"
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert marks(window) == [Mark(4, 8, "strong")]
    assert char_format_at(field, 5).fontWeight() == QFont.Weight.Bold
    assert char_format_at(field, 9).fontWeight() != QFont.Weight.Bold
    data = saved_marks(qtbot, window, tmp_path / "fett.pressdesk")
    assert data == [{"start": 4, "end": 8, "type": "strong"}]
    assert json.loads((tmp_path / "fett.pressdesk").read_text("utf-8"))["schemaVersion"] == 2
    assert field.toPlainText() == TEXT  # the text itself is unchanged


def test_ctrl_b_again_on_a_bold_selection_removes_it(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    field = paragraph(qtbot, window)
    select(qtbot, field, 4, 4)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert marks(window) == []
    assert char_format_at(field, 5).fontWeight() != QFont.Weight.Bold
    path = tmp_path / "ohne.pressdesk"
    assert saved_marks(qtbot, window, path) == []
    assert json.loads(path.read_text("utf-8"))["schemaVersion"] == 1  # no marks: version 1


def test_ctrl_i_makes_italic_and_mixes_with_bold(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window)
    select(qtbot, field, 0, 8)  # "Das Land"
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    select(qtbot, field, 4, 4)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert marks(window) == [Mark(0, 8, "emphasis"), Mark(4, 8, "strong")]
    assert char_format_at(field, 1).fontItalic()
    assert char_format_at(field, 5).fontItalic()
    assert char_format_at(field, 5).fontWeight() == QFont.Weight.Bold


def test_ctrl_k_dialog_refuses_an_address_without_https_then_links(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window)
    select(qtbot, field, 29, 8)  # "Duisburg"
    qtbot.keyClick(field, Qt.Key.Key_K, CTRL)
    dialog = window.link_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Link einfügen"
    assert "„Duisburg“" in dialog.text_label.text()
    qtbot.keyClicks(dialog.address, "www.duisburg.de")
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    assert dialog.isVisible()  # refused: the dialog stays, with the German message
    assert "ohne https://" in dialog.message.text()
    assert dialog.message.isVisible()
    assert marks(window) == []
    qtbot.keyClick(dialog.address, Qt.Key.Key_Home)
    qtbot.keyClicks(dialog.address, "https://")
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert marks(window) == [Mark(29, 37, "link", "https://www.duisburg.de")]
    fmt = char_format_at(field, 30)
    assert fmt.fontUnderline()
    assert fmt.foreground().color() == field.palette().color(field.palette().ColorRole.Link)
    assert QApplication.focusWidget() is field


def test_ctrl_k_in_a_link_offers_to_remove_it(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window)
    window.doc.set_value("body[0].marks", [Mark(29, 37, "link", "https://www.duisburg.de")])
    cursor_to(qtbot, field, 32)  # inside "Duisburg", nothing selected
    qtbot.keyClick(field, Qt.Key.Key_K, CTRL)
    dialog = window.link_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.address.text() == "https://www.duisburg.de"
    assert dialog.remove_button is not None
    qtbot.waitUntil(dialog.address.hasFocus)
    qtbot.keyClick(dialog.address, Qt.Key.Key_E, ALT)  # "Link &entfernen"
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert marks(window) == []
    assert not char_format_at(field, 30).fontUnderline()


def test_typing_inside_and_after_bold_extends_it_after_a_link_not(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Land und Bund")
    window.doc.set_value(
        "body[0].marks", [Mark(0, 4, "strong"), Mark(9, 13, "link", "https://www.bund.de")]
    )
    cursor_to(qtbot, field, 2)
    qtbot.keyClicks(field, "xx")  # inside bold
    cursor_to(qtbot, field, 6)
    qtbot.keyClicks(field, "es")  # right after bold: "Landxxes"
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, " jetzt")  # right after the link: plain
    assert window.doc.draft.body[0].text == "Laxxndes und Bund jetzt"
    assert marks(window) == [Mark(0, 8, "strong"), Mark(13, 17, "link", "https://www.bund.de")]
    assert char_format_at(field, 7).fontWeight() == QFont.Weight.Bold
    assert not char_format_at(field, 19).fontUnderline()  # " jetzt" is no link


def test_live_typography_before_a_mark_keeps_it_on_its_word(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Wort")
    window.doc.set_value("body[0].marks", [Mark(0, 4, "strong")])
    cursor_to(qtbot, field, 0)
    qtbot.keyClicks(field, 'a -- "b" ')  # becomes „a – „b“ “ while typing
    text = window.doc.draft.body[0].text
    assert text == "a – „b“ Wort"
    assert marks(window) == [Mark(8, 12, "strong")]


def test_undo_and_redo_restore_marks_exactly(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window)
    select(qtbot, field, 4, 4)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    cursor_to(qtbot, field, 0)
    qtbot.keyClicks(field, "Heute: ")
    assert marks(window) == [Mark(11, 15, "strong")]
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)  # the typing
    assert window.doc.draft.body[0].text == TEXT
    assert marks(window) == [Mark(4, 8, "strong")]
    assert char_format_at(field, 5).fontWeight() == QFont.Weight.Bold
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)  # the bold
    assert marks(window) == []
    assert char_format_at(field, 5).fontWeight() != QFont.Weight.Bold
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Y, CTRL)
    assert marks(window) == [Mark(11, 15, "strong")]
    assert field.toPlainText() == "Heute: " + TEXT
    assert char_format_at(field, 12).fontWeight() == QFont.Weight.Bold


def test_return_splits_and_backspace_joins_with_marks_on_their_words(
    qtbot: Any, window: Any
) -> None:
    field = paragraph(qtbot, window, "Erster Satz. Zweiter Satz.")
    window.doc.set_value("body[0].marks", [Mark(0, 6, "strong"), Mark(13, 20, "emphasis")])
    count = len(window.doc.draft.body)
    cursor_to(qtbot, field, 13)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    body = window.doc.draft.body
    assert len(body) == count + 1
    assert (body[0].text, body[0].marks) == ("Erster Satz.", [Mark(0, 6, "strong")])
    assert (body[1].text, body[1].marks) == ("Zweiter Satz.", [Mark(0, 7, "emphasis")])
    second = window.body_editor.blocks[1].text
    assert char_format_at(second, 1).fontItalic()
    qtbot.keyClick(second, Qt.Key.Key_Backspace)  # the cursor is at its start
    body = window.doc.draft.body
    assert len(body) == count
    assert body[0].text == "Erster Satz. Zweiter Satz."
    assert body[0].marks == [Mark(0, 6, "strong"), Mark(13, 20, "emphasis")]


def test_emoji_before_a_mark_keeps_the_offsets_in_code_points(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    field = paragraph(qtbot, window, "")
    event = QInputMethodEvent()
    event.setCommitString("😀")  # from the emoji picker, as a person enters it
    QApplication.sendEvent(field, event)
    qtbot.keyClicks(field, " Fett und mehr")
    assert window.doc.draft.body[0].text == "😀 Fett und mehr"
    select(qtbot, field, 2, 4)  # arrow keys step over the emoji as one character
    assert field.textCursor().selectedText() == "Fett"
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert marks(window) == [Mark(2, 6, "strong")]
    assert saved_marks(qtbot, window, tmp_path / "emoji.pressdesk") == [
        {"start": 2, "end": 6, "type": "strong"}
    ]
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, ' "ok" ')  # live typography after the emoji lands on the quotes
    assert window.doc.draft.body[0].text == "😀 Fett und mehr „ok“ "
    qtbot.keyClick(field, Qt.Key.Key_Left)
    qtbot.keyClick(field, Qt.Key.Key_Left)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # split after "„ok": marks stay on "Fett"
    assert window.doc.draft.body[0].text == "😀 Fett und mehr „ok"
    assert window.doc.draft.body[1].text == "“ "
    assert window.doc.draft.body[0].marks == [Mark(2, 6, "strong")]


def test_a_file_with_marks_opens_and_shows_them(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    from pressdesk.model import dump_draft, load_draft
    from pressdesk.model.files import parse_draft

    window = make_window()
    draft = window.doc.snapshot()
    draft.body[0].text = TEXT
    draft.body[0].marks = [Mark(4, 8, "strong"), Mark(29, 37, "link", "https://duisburg.de")]
    path = tmp_path / "mit-marken.pressdesk"
    path.write_bytes(dump_draft(draft))
    assert load_draft(path).body[0].marks == draft.body[0].marks
    assert parse_draft(path.read_bytes()).file_version() == 2
    other = make_window(path)
    field = other.body_editor.blocks[0].text
    assert field.toPlainText() == TEXT
    assert char_format_at(field, 5).fontWeight() == QFont.Weight.Bold
    assert char_format_at(field, 30).fontUnderline()
    assert char_format_at(field, 1).fontWeight() != QFont.Weight.Bold
    assert field.link_at(30) is not None and field.link_at(30).url == "https://duisburg.de"


def test_formatting_is_greyed_where_it_is_impossible(qtbot: Any, window: Any) -> None:
    headline = window.text_form.headline
    window.registry.focus("headline")
    qtbot.waitUntil(headline.hasFocus)
    before = window.doc.draft.headline
    assert not window.bold_action.isEnabled()
    assert not window.link_action.isEnabled()
    qtbot.keyClick(headline, Qt.Key.Key_Home)
    for key in (Qt.Key.Key_B, Qt.Key.Key_I, Qt.Key.Key_K):
        qtbot.keyClick(headline, key, CTRL)
    assert window.doc.draft.headline == before  # Strg+K did not delete the line
    assert window.link_dialog is None
    # A paragraph: the commands come alive; a subheading (Strg+3): greyed again.
    field = paragraph(qtbot, window)
    cursor_to(qtbot, field, 5)  # in a word (after the final "." there is nothing to format)
    assert window.bold_action.isEnabled() and window.italic_action.isEnabled()
    window.doc.set_value("body[0].marks", [Mark(4, 8, "strong")])
    qtbot.keyClick(field, Qt.Key.Key_3, CTRL)
    assert window.doc.draft.body[0].type == "subheading"
    assert not window.bold_action.isEnabled()
    assert window.doc.draft.body[0].marks == [Mark(4, 8, "strong")]  # kept, unused
    qtbot.keyClick(field, Qt.Key.Key_1, CTRL)
    cursor_to(qtbot, field, 5)
    assert window.bold_action.isEnabled()
    assert char_format_at(field, 5).fontWeight() == QFont.Weight.Bold


def test_format_menu_by_mnemonics(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window)
    select(qtbot, field, 4, 4)
    qtbot.keyClick(field, Qt.Key.Key_O, ALT)  # F&ormat
    menu = window.format_menu
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_U)  # K&ursiv
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert marks(window) == [Mark(4, 8, "emphasis")]
    texts = [a.text() for a in menu.actions()]
    assert texts == ["&Fett", "K&ursiv", "&Link …"]
    keys = dict(window.shortcut_list())
    assert keys["Fett"] == "Ctrl+B" or keys["Fett"] == "Strg+B"


def test_pasting_several_paragraphs_keeps_marks_on_their_words(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Vorne fett, hinten kursiv.")
    window.doc.set_value("body[0].marks", [Mark(6, 10, "strong"), Mark(19, 25, "emphasis")])
    count = len(window.doc.draft.body)
    cursor_to(qtbot, field, 11)
    QApplication.clipboard().setText(" Eins.\nZwei.")
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
    body = window.doc.draft.body
    assert len(body) == count + 1
    assert body[0].text == "Vorne fett, Eins."
    assert body[0].marks == [Mark(6, 10, "strong")]
    assert body[1].text == "Zwei. hinten kursiv."
    assert body[1].text[body[1].marks[0].start : body[1].marks[0].end] == "kursiv"


def test_quote_text_takes_formatting_its_speaker_and_subheadings_do_not(
    qtbot: Any, window: Any
) -> None:
    field = paragraph(qtbot, window)
    qtbot.keyClick(field, Qt.Key.Key_2, CTRL)  # Block als Zitat
    assert window.doc.draft.body[0].type == "quote"
    window.registry.focus("body[0].text")
    qtbot.waitUntil(field.hasFocus)
    select(qtbot, field, 0, 3)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert marks(window) == [Mark(0, 3, "strong")]
    speaker = window.body_editor.blocks[0].speaker
    window.registry.focus("body[0].speaker")
    qtbot.waitUntil(speaker.hasFocus)
    assert not window.bold_action.isEnabled()
    qtbot.keyClicks(speaker, "Anna")
    qtbot.keyClick(speaker, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(speaker, Qt.Key.Key_B, CTRL)
    assert marks(window) == [Mark(0, 3, "strong")]  # nothing happened to the quote
    window.registry.focus("body[0].text")
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_3, CTRL)  # Zwischenüberschrift: kept, unused, greyed
    qtbot.waitUntil(field.hasFocus)
    assert not window.bold_action.isEnabled() and not window.italic_action.isEnabled()
    assert window.doc.draft.body[0].marks == [Mark(0, 3, "strong")]
    qtbot.keyClick(field, Qt.Key.Key_4, CTRL)  # Aufzählung: the items field has the focus
    items = window.body_editor.blocks[0].items
    qtbot.waitUntil(items.hasFocus)
    cursor_to(qtbot, items, 1)
    assert window.bold_action.isEnabled()  # list items take formatting (format version 3)
    assert window.doc.draft.body[0].item_marks == [[Mark(0, 3, "strong")]]  # moved along


def test_link_address_shows_as_tooltip(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    field = paragraph(qtbot, window)
    window.doc.set_value("body[0].marks", [Mark(29, 37, "link", "https://www.duisburg.de")])
    cursor = QTextCursor(field.document())
    cursor.setPosition(32)
    rect = field.cursorRect(cursor)
    viewport = field.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), viewport.mapToGlobal(rect.center()))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == "https://www.duisburg.de"


def test_context_menu_offers_bold_italic_link(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QTimer

    field = paragraph(qtbot, window)
    select(qtbot, field, 4, 4)
    seen: list[str] = []

    def choose_bold() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None
        seen.extend(a.text() for a in menu.actions() if a.isEnabled() and a.text())
        qtbot.keyClick(menu, Qt.Key.Key_F)  # &Fett
        if menu.isVisible():  # no such entry: close, so the test fails instead of waiting
            menu.close()

    QTimer.singleShot(100, choose_bold)
    # What the context-menu key (or a right click) sends the field.
    at = field.cursorRect().center()
    reason = QContextMenuEvent.Reason.Keyboard
    QApplication.sendEvent(field, QContextMenuEvent(reason, at, field.mapToGlobal(at)))
    qtbot.waitUntil(lambda: marks(window) == [Mark(4, 8, "strong")])
    assert seen[:3] == ["&Fett", "K&ursiv", "&Link …"]


def test_undo_of_bold_from_another_field_returns_to_the_paragraph(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window)
    select(qtbot, field, 4, 4)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    window.registry.focus("headline")
    qtbot.waitUntil(window.text_form.headline.hasFocus)
    qtbot.keyClick(window.text_form.headline, Qt.Key.Key_Z, CTRL)
    assert marks(window) == []
    qtbot.waitUntil(field.hasFocus)


def test_deleting_and_pasting_move_marks_with_the_text(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Alt und fett und neu")
    window.doc.set_value("body[0].marks", [Mark(8, 12, "strong"), Mark(17, 20, "emphasis")])
    cursor_to(qtbot, field, 0)
    for _ in range(4):
        qtbot.keyClick(field, Qt.Key.Key_Delete)  # "Alt " goes
    assert marks(window) == [Mark(4, 8, "strong"), Mark(13, 16, "emphasis")]
    select(qtbot, field, 4, 4)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # the bold word itself goes: so does its mark
    assert window.doc.draft.body[0].text == "und  und neu"
    assert marks(window) == [Mark(9, 12, "emphasis")]
    cursor_to(qtbot, field, 12)  # right at the end of the italic "neu"
    QApplication.clipboard().setText("e Zeit")
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)  # pasted on one line: continues the italic
    assert window.doc.draft.body[0].text == "und  und neue Zeit"
    assert marks(window) == [Mark(9, 18, "emphasis")]


def test_spelling_underlines_stay_on_bold_words(qtbot: Any, make_window: Any) -> None:
    from PySide6.QtGui import QTextCharFormat

    from pressdesk.ui.dictionary import dictionary_available

    if not dictionary_available():
        pytest.skip("kein deutsches Wörterbuch (libenchant-2-2, hunspell-de-de)")
    window = make_window(spelling=True)
    qtbot.waitUntil(
        lambda: window.spell is not None and window.spell.dictionary is not None, timeout=20000
    )
    field = paragraph(qtbot, window, "Das Land hilft Integrazion sehr")
    select(qtbot, field, 15, 11)  # "Integrazion"
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert marks(window) == [Mark(15, 26, "strong")]

    def underlined() -> list[str]:
        block = field.document().firstBlock()
        wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        return [
            block.text()[r.start : r.start + r.length]
            for r in block.layout().formats()
            if r.format.underlineStyle() == wavy
        ]

    qtbot.waitUntil(lambda: underlined() == ["Integrazion"], timeout=10000)
    assert char_format_at(field, 16).fontWeight() == QFont.Weight.Bold


X11_SCRIPT = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from pressdesk.ui.app import create_window
window = create_window(None, "nrw", spelling=False, preview=False)
window.show()
QTest.qWaitForWindowExposed(window)
window.activateWindow()
QTest.qWait(200)
field = window.header_form.reference
field.setFocus()
QTest.qWait(100)
QTest.keyClick(field, Qt.Key.Key_Home)
QTest.keyClick(field, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
print("enabled", window.link_action.isEnabled())
print("reference", window.doc.draft.header.reference)
window.doc.undo_stack.setClean()
"""


@needs_xvfb
def test_greyed_ctrl_k_does_not_delete_the_line_on_x11(tmp_path: Path) -> None:
    """On an X11 desktop Qt binds Strg+K in a field to "delete to the end of the line"
    (offscreen it binds nothing); greyed there, the Link command must not let it through."""
    out = run_editor_script_on_x11(X11_SCRIPT, tmp_path / "userdata")
    assert "enabled False" in out
    assert "reference L-Duisburg" in out


def test_a_selected_www_address_is_suggested_as_its_link(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Mehr unter www.land.nrw heute.")
    select(qtbot, field, 11, 12)
    qtbot.keyClick(field, Qt.Key.Key_K, CTRL)
    dialog = window.link_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.address.text() == "https://www.land.nrw"
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert marks(window) == [Mark(11, 23, "link", "https://www.land.nrw")]
