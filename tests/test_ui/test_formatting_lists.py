"""Bold, italic and links in list items (a "Weitere Informationen" list with a link),
typed as a person does: Strg+B/I/K in the items field, saved as format version 3."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from pressdesk.model import Mark
from pressdesk.model.files import dump_draft
from pressdesk.ui.widgets import new_mime_data
from tests.test_ui.test_formatting import (
    CTRL,
    char_format_at,
    paragraph,
    select,
)
from tests.test_ui.test_formatting_paste import browser_clipboard, list_with_new_line

URL = "https://www.land.nrw"


def items_field(qtbot: Any, window: Any, index: int = 0) -> Any:
    field = window.body_editor.blocks[index].items
    qtbot.waitUntil(field.hasFocus)
    return field


def item_marks(window: Any, index: int = 0) -> list[list[Mark]]:
    return [list(m) for m in window.doc.draft.body[index].item_marks]


def test_ctrl_b_and_ctrl_k_in_list_items_are_saved_as_version_3(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    field = paragraph(qtbot, window, "Programm im Netz")
    qtbot.keyClick(field, Qt.Key.Key_4, CTRL)  # Aufzählung
    items = items_field(qtbot, window)
    assert window.bold_action.isEnabled() and window.link_action.isEnabled()
    qtbot.keyClick(items, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(items, Qt.Key.Key_Return)
    qtbot.keyClicks(items, "Mehr unter www.land.nrw")
    assert window.doc.draft.body[0].items == ["Programm im Netz", "Mehr unter www.land.nrw"]
    select(qtbot, items, 0, 8)  # "Programm"
    qtbot.keyClick(items, Qt.Key.Key_B, CTRL)
    select(qtbot, items, 17 + 11, 12)  # "www.land.nrw" on the second line
    qtbot.keyClick(items, Qt.Key.Key_K, CTRL)
    dialog = window.link_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.address.text() == URL
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert item_marks(window) == [[Mark(0, 8, "strong")], [Mark(11, 23, "link", URL)]]
    assert char_format_at(items, 3).fontWeight() == QFont.Weight.Bold
    assert char_format_at(items, 30).fontUnderline()
    # Typing at the start of the second item moves its link along.
    select(qtbot, items, 17, 0)
    qtbot.keyClicks(items, "Alles ")
    assert item_marks(window) == [[Mark(0, 8, "strong")], [Mark(17, 29, "link", URL)]]
    window.dialogs.next_path = tmp_path / "liste.pressdesk"
    qtbot.keyClick(items, Qt.Key.Key_S, CTRL)
    data = json.loads((tmp_path / "liste.pressdesk").read_text("utf-8"))
    assert data["schemaVersion"] == 3
    assert data["body"][0]["itemMarks"] == [
        [{"start": 0, "end": 8, "type": "strong"}],
        [{"start": 17, "end": 29, "type": "link", "url": URL}],
    ]


def test_undo_and_redo_restore_item_marks(qtbot: Any, window: Any) -> None:
    items = list_with_new_line(qtbot, window, "Eins")
    qtbot.keyClicks(items, "Zwei")
    select(qtbot, items, 5, 4)
    qtbot.keyClick(items, Qt.Key.Key_I, CTRL)
    assert item_marks(window) == [[], [Mark(0, 4, "emphasis")]]
    qtbot.keyClick(items, Qt.Key.Key_Z, CTRL)
    assert item_marks(window) == []
    assert not char_format_at(items, 6).fontItalic()
    qtbot.keyClick(items, Qt.Key.Key_Y, CTRL)
    assert item_marks(window) == [[], [Mark(0, 4, "emphasis")]]
    assert char_format_at(items, 6).fontItalic()


def test_making_a_formatted_paragraph_a_list_and_back_keeps_the_formatting(
    qtbot: Any, window: Any
) -> None:
    field = paragraph(qtbot, window, "Nur fett hier")
    select(qtbot, field, 4, 4)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_4, CTRL)
    items = items_field(qtbot, window)
    block = window.doc.draft.body[0]
    assert (block.items, block.item_marks, block.marks) == (
        ["Nur fett hier"],
        [[Mark(4, 8, "strong")]],
        [],
    )
    assert char_format_at(items, 5).fontWeight() == QFont.Weight.Bold
    qtbot.keyClick(items, Qt.Key.Key_1, CTRL)  # Absatz
    block = window.doc.draft.body[0]
    assert (block.text, block.marks, block.item_marks) == (
        "Nur fett hier",
        [Mark(4, 8, "strong")],
        [],
    )


def test_a_bold_item_dragged_within_the_list_stays_bold(qtbot: Any, window: Any) -> None:
    from tests.test_ui.test_formatting_drag import drop

    items = list_with_new_line(qtbot, window, "Erster Punkt")
    qtbot.keyClicks(items, "Zweiter Punkt ")
    select(qtbot, items, 0, 6)
    qtbot.keyClick(items, Qt.Key.Key_B, CTRL)  # "Erster" bold
    select(qtbot, items, 0, 6)
    drop(items, 27, items.createMimeDataFromSelection(), Qt.DropAction.CopyAction)
    assert window.doc.draft.body[0].items == ["Erster Punkt", "Zweiter Punkt Erster"]
    assert item_marks(window) == [[Mark(0, 6, "strong")], [Mark(14, 20, "strong")]]


WINDOWS_LINES = "Erster Punkt\r\nZweiter Punkt\r\n"
WORD_HTML = (  # Word's clipboard: a <p> per line, CRLF between them
    "<html><body><!--StartFragment-->"
    "<p class=MsoListParagraph><b>Erster</b> Punkt<o:p></o:p></p>\r\n"
    "<p class=MsoListParagraph>Zweiter Punkt<o:p></o:p></p>"
    "<!--EndFragment--></body></html>"
)


@pytest.mark.parametrize("html", [None, WORD_HTML], ids=["plain", "word"])
def test_windows_lines_pasted_into_a_list_become_two_items(
    qtbot: Any, window: Any, html: str | None
) -> None:
    items = list_with_new_line(qtbot, window, "Vorher")
    before = (list(window.doc.draft.body[0].items), item_marks(window))
    assert before == (["Vorher", ""], [])
    if html is None:
        data = new_mime_data()
        data.setText(WINDOWS_LINES)
        QApplication.clipboard().setMimeData(data)
    else:
        browser_clipboard(WINDOWS_LINES, html)
    qtbot.keyClick(items, Qt.Key.Key_V, CTRL)
    block = window.doc.draft.body[0]
    assert block.items == ["Vorher", "Erster Punkt", "Zweiter Punkt"]  # no empty item after
    assert b"\\r" not in dump_draft(window.doc.draft) and "\r" not in items.toPlainText()
    bold = [[], [Mark(0, 6, "strong")]] if html else []
    assert item_marks(window) == bold
    after = (list(block.items), item_marks(window))
    qtbot.keyClicks(items, " und mehr")  # typing after the paste is a step of its own
    qtbot.keyClick(items, Qt.Key.Key_Z, CTRL)
    assert (list(window.doc.draft.body[0].items), item_marks(window)) == after
    qtbot.keyClick(items, Qt.Key.Key_Z, CTRL)  # the paste alone, not the Return before it
    assert (list(window.doc.draft.body[0].items), item_marks(window)) == before
    assert items.toPlainText() == "Vorher\n"
    qtbot.keyClick(items, Qt.Key.Key_Y, CTRL)
    assert (list(window.doc.draft.body[0].items), item_marks(window)) == after


def test_windows_lines_pasted_before_an_item_keep_it_an_item(qtbot: Any, window: Any) -> None:
    items = list_with_new_line(qtbot, window, "Vorher")
    qtbot.keyClicks(items, "Dritter Punkt")
    qtbot.keyClick(items, Qt.Key.Key_Home)  # the start of "Dritter Punkt"
    data = new_mime_data()
    data.setText(WINDOWS_LINES)
    QApplication.clipboard().setMimeData(data)
    qtbot.keyClick(items, Qt.Key.Key_V, CTRL)
    assert window.doc.draft.body[0].items == [
        "Vorher",
        "Erster Punkt",
        "Zweiter Punkt",
        "Dritter Punkt",
    ]
