"""Dragging and copying formatted text: the formatting travels with its words.

Offscreen Qt has no drag-and-drop loop (QDrag.exec returns at once): a move inside
one field is a real drag on Xvfb (X11). The other tests hand the fields what Qt's
drag hands them: the mime data of the selection (``createMimeDataFromSelection``, as
Qt's drag start takes it) in the enter, move and drop events sent to the field's
viewport; after a move to another field the source removes its selection (as
``QWidgetTextControl`` does).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from pressdesk.model import Mark
from tests.test_ui.test_formatting import CTRL, marks, paragraph, select
from tests.xvfb import needs_xvfb, run_editor_script_on_x11


def drop(field: Any, index: int, data: QMimeData, action: Qt.DropAction) -> None:
    """Release a drag over ``field`` right before its character ``index``."""
    cursor = QTextCursor(field.document())
    cursor.setPosition(index)
    rect = field.cursorRect(cursor)
    at = QPoint(rect.left() + 1, rect.center().y())
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # What Qt sends a widget under a drag: enter, move, drop.
    for event in (
        QDragEnterEvent(at, action, data, left, none),
        QDragMoveEvent(at, action, data, left, none),
        QDropEvent(QPointF(at), action, data, left, none),
    ):
        QApplication.sendEvent(field.viewport(), event)
        assert event.isAccepted()


X11_DRAG = """
import sys
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from pressdesk.model import Mark
from pressdesk.ui.app import create_window
window = create_window(None, "nrw", spelling=False, preview=False)
window.resize(1280, 800)
window.show()
QTest.qWaitForWindowExposed(window)
window.activateWindow()
window.registry.focus("body[0].text")
field = window.body_editor.blocks[0].text
QTest.qWait(100)
QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
QTest.keyClick(field, Qt.Key.Key_Delete)
QTest.keyClicks(field, "Fett hier und dort normal.")
QTest.keyClick(field, Qt.Key.Key_Home)
for _ in range(4):
    QTest.keyClick(field, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
QTest.keyClick(field, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
QTest.keyClick(field, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # "Fett "
viewport = field.viewport()

def point(index):
    cursor = QTextCursor(field.document())
    cursor.setPosition(index)
    rect = field.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())

target = point(19)  # before "normal"

def over_the_field():
    # Inside Qt's drag loop: the field under the mouse gets enter, move, drop.
    data = field.createMimeDataFromSelection()
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    move = Qt.DropAction.MoveAction
    for event in (QDragEnterEvent(target, move, data, left, none),
                  QDragMoveEvent(target, move, data, left, none),
                  QDropEvent(QPointF(target), move, data, left, none)):
        QApplication.sendEvent(viewport, event)
        print(type(event).__name__, event.isAccepted(), event.source() is viewport)
    QTest.mouseRelease(viewport, left, none, target)  # ends the drag loop

QTimer.singleShot(300, over_the_field)
QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point(2))
QTest.mouseMove(viewport, point(3))
QTest.mouseMove(viewport, target)  # far enough: Qt starts the drag (its loop runs here)
QTest.qWait(200)
print("text", window.doc.draft.body[0].text)
print("marks", window.doc.draft.body[0].marks)
window.doc.undo_stack.setClean()
"""


@needs_xvfb
def test_dragging_a_bold_word_inside_a_paragraph_keeps_it_bold(tmp_path: Path) -> None:
    """A real drag on X11: mouse press on the selection and a move start Qt's drag,
    whose loop delivers the drop to the same field (offscreen Qt has no drag loop)."""
    out = run_editor_script_on_x11(X11_DRAG, tmp_path / "userdata")
    assert "QDropEvent True True" in out  # dropped on itself: a move inside the field
    assert "text hier und dort Fett normal." in out
    assert "marks [Mark(start=14, end=18, kind='strong', url='')]" in out


def test_dragging_a_bold_word_to_another_paragraph_keeps_it_bold(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Fett hier und dort normal.")
    select(qtbot, field, 0, 4)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    select(qtbot, field, 0, 5)  # "Fett "
    other = window.body_editor.blocks[1].text
    assert window.doc.draft.body[1].type == "paragraph"
    before = window.doc.draft.body[1].text
    drop(other, 0, field.createMimeDataFromSelection(), Qt.DropAction.MoveAction)
    field.textCursor().removeSelectedText()  # Qt's drag, moved elsewhere
    assert window.doc.draft.body[1].text == "Fett " + before
    assert window.doc.draft.body[1].marks == [Mark(0, 4, "strong")]
    assert window.doc.draft.body[0].text == "hier und dort normal."
    assert marks(window) == []


def test_dragging_a_link_to_another_paragraph_keeps_its_address(qtbot: Any, window: Any) -> None:
    first = paragraph(qtbot, window, "Mehr unter land.nrw und sonst nichts.")
    url = "https://www.land.nrw"
    window.doc.set_value("body[0].marks", [Mark(0, 4, "emphasis"), Mark(11, 19, "link", url)])
    second = paragraph(qtbot, window, "Zweiter Absatz.", index=1)
    select(qtbot, first, 0, 19)  # "Mehr unter land.nrw": italic, plain, link
    drop(second, 15, first.createMimeDataFromSelection(), Qt.DropAction.CopyAction)
    text = window.doc.draft.body[1].text
    assert text == "Zweiter Absatz.Mehr unter land.nrw"
    assert window.doc.draft.body[1].marks == [Mark(15, 19, "emphasis"), Mark(26, 34, "link", url)]
    # The copy left the first paragraph as it was.
    assert marks(window) == [Mark(0, 4, "emphasis"), Mark(11, 19, "link", url)]


def test_text_dropped_from_another_program_brings_its_html_bold_plain_text_none(
    qtbot: Any, window: Any
) -> None:
    field = paragraph(qtbot, window, "Eins zwei drei.")
    window.doc.set_value("body[0].marks", [Mark(5, 9, "strong")])
    data = QMimeData()
    data.setText("neu ")  # what a mail program offers
    drop(field, 0, data, Qt.DropAction.CopyAction)
    assert window.doc.draft.body[0].text == "neu Eins zwei drei."
    assert marks(window) == [Mark(9, 13, "strong")]
    data = QMimeData()
    data.setText("alt ")  # what a browser offers: the text and its HTML
    data.setHtml("<b>alt</b> ")
    drop(field, 0, data, Qt.DropAction.CopyAction)
    assert window.doc.draft.body[0].text == "alt neu Eins zwei drei."
    assert marks(window) == [Mark(0, 3, "strong"), Mark(13, 17, "strong")]


def test_cut_and_paste_carries_formatting(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Kursiv und Rest.")
    window.doc.set_value("body[0].marks", [Mark(0, 6, "emphasis")])
    select(qtbot, field, 0, 7)
    qtbot.keyClick(field, Qt.Key.Key_X, CTRL)
    assert window.doc.draft.body[0].text == "und Rest."
    assert marks(window) == []
    select(qtbot, field, 9, 0)
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
    assert window.doc.draft.body[0].text == "und Rest.Kursiv "
    assert marks(window) == [Mark(9, 15, "emphasis")]
