"""Pasting several formatted lines: each becomes a paragraph with its bold, italic and
links, whether copied in PressDesk (list items) or from a browser, a mail or Word (the
HTML on the clipboard next to the plain text). Typed as a person does: Shift+arrows,
Strg+C, Strg+V, Strg+Z."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pressdesk.export.pdf import render_pdf
from pressdesk.model import Mark
from pressdesk.ui.widgets import new_mime_data
from tests.pdffonts import fonts_of
from tests.test_ui.test_formatting import CTRL, SHIFT, cursor_to, marks, paragraph, select

URL = "https://www.land.nrw"


def words(window: Any, index: int, kind: str) -> list[str]:
    """The words of block ``index`` that carry ``kind`` (bold, italic, link)."""
    block = window.doc.draft.body[index]
    return [block.text[m.start : m.end] for m in block.marks if m.kind == kind]


def browser_clipboard(text: str, html: str) -> None:
    """What a browser, a mail program or Word puts on the clipboard: text and HTML
    (in a QMimeData made by Qt: one made in Python crashes the tests' exit)."""
    data = new_mime_data()
    data.setText(text)
    data.setHtml(html)
    QApplication.clipboard().setMimeData(data)


BROWSER_TEXT = (
    'Das Land nennt die "Kommunalen" -- Spitzenreiterin ist Duisburg.\n'
    "\n"
    "Ein Wendepunkt, mehr unter Landesportal.\n"
)
BROWSER_HTML = (
    "<html><body><!--StartFragment-->"
    '<p>Das Land nennt die "Kommunalen" -- <b>Spitzenreiterin</b> ist '
    '<a href="javascript:alert(1)">Duisburg</a>.</p>'
    '<p>Ein <i>Wendepunkt</i>, mehr unter <a href="https://www.land.nrw">Landesportal</a>.</p>'
    "<!--EndFragment--></body></html>"
)


def test_paragraphs_from_a_browser_keep_bold_italic_and_links(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Vorne und hinten.")
    count = len(window.doc.draft.body)
    cursor_to(qtbot, field, 6)
    browser_clipboard(BROWSER_TEXT, BROWSER_HTML)
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
    body = window.doc.draft.body
    assert len(body) == count + 1
    # Typography made „Kommunalen“ and the dash (two characters became one): the bold
    # is still on its word, not shifted by one.
    assert body[0].text == "Vorne Das Land nennt die „Kommunalen“ – Spitzenreiterin ist Duisburg."
    assert words(window, 0, "strong") == ["Spitzenreiterin"]
    assert words(window, 0, "link") == []  # a script is no address a reader can open
    assert body[1].text == "Ein Wendepunkt, mehr unter Landesportal.und hinten."
    assert words(window, 1, "emphasis") == ["Wendepunkt"]
    assert words(window, 1, "link") == ["Landesportal"]
    assert [m.url for m in body[1].marks if m.kind == "link"] == [URL]
    # The PDF (what the preview shows) sets them so.
    pdf = render_pdf(window.doc.snapshot(), window.doc.profile)
    assert fonts_of(pdf, "Spitzenreiterin") == {"Carlito-Bold"}
    assert fonts_of(pdf, "Wendepunkt") == {"Carlito-Italic"}
    assert fonts_of(pdf, "Kommunalen") == {"Carlito"}


def list_with_new_line(qtbot: Any, window: Any, first: str) -> Any:
    """The first block typed as ``first``, made a list (Strg+4), the cursor on a new item."""
    field = paragraph(qtbot, window, first)
    qtbot.keyClick(field, Qt.Key.Key_4, CTRL)  # Aufzählung
    items = window.body_editor.blocks[0].items
    qtbot.waitUntil(items.hasFocus)
    qtbot.keyClick(items, Qt.Key.Key_End, CTRL)
    qtbot.keyClick(items, Qt.Key.Key_Return)
    return items


def test_list_items_copied_in_pressdesk_become_formatted_paragraphs(
    qtbot: Any, window: Any
) -> None:
    items = list_with_new_line(qtbot, window, "Programm im Netz")
    qtbot.keyClicks(items, "Mehr im Landesportal")
    select(qtbot, items, 0, 8)  # "Programm"
    qtbot.keyClick(items, Qt.Key.Key_B, CTRL)
    select(qtbot, items, 17 + 8, 11)  # "Landesporta" on the second line
    qtbot.keyClick(items, Qt.Key.Key_I, CTRL)
    qtbot.keyClick(items, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(items, Qt.Key.Key_End, CTRL | SHIFT)  # both items
    qtbot.keyClick(items, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "Programm im Netz\nMehr im Landesportal"
    target = paragraph(qtbot, window, "Vorne hinten.", index=1)
    cursor_to(qtbot, target, 6)
    qtbot.keyClick(target, Qt.Key.Key_V, CTRL)
    body = window.doc.draft.body
    assert body[1].text == "Vorne Programm im Netz"
    assert body[1].marks == [Mark(6, 14, "strong")]
    assert body[2].text == "Mehr im Landesportalhinten."
    assert words(window, 2, "emphasis") == ["Landesporta"]
    assert body[2].type == "paragraph"


def test_a_formatted_paste_over_a_selection_is_one_undo_step(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Alt fett Ende")
    select(qtbot, field, 4, 4)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    before = (window.doc.draft.body[0].text, marks(window), len(window.doc.draft.body))
    select(qtbot, field, 4, 4)  # "fett" is replaced by the pasted lines
    browser_clipboard("Neu eins\nNeu zwei", "<p>Neu <b>eins</b></p><p><i>Neu</i> zwei</p>")
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
    body = window.doc.draft.body
    assert (body[0].text, body[1].text) == ("Alt Neu eins", "Neu zwei Ende")
    pasted = (marks(window, 0), marks(window, 1))
    assert pasted == ([Mark(8, 12, "strong")], [Mark(0, 3, "emphasis")])
    qtbot.keyClick(window.body_editor.blocks[1].text, Qt.Key.Key_Z, CTRL)
    body = window.doc.draft.body
    assert (body[0].text, marks(window), len(body)) == before
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)
    assert (window.doc.draft.body[1].text, (marks(window, 0), marks(window, 1))) == (
        "Neu zwei Ende",
        pasted,
    )


def test_one_line_from_a_browser_keeps_its_bold_a_copied_subheading_brings_none(
    qtbot: Any, window: Any
) -> None:
    field = paragraph(qtbot, window, "Eins drei.")
    cursor_to(qtbot, field, 5)
    # More HTML than text; typography then changes the text in two places.
    browser_clipboard('"zwei" -- ', '<span>Das ist "<b>zwei</b>" -- </span>')
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
    assert window.doc.draft.body[0].text == "Eins „zwei“ – drei."
    assert marks(window) == [Mark(6, 10, "strong")]
    # A subheading is shown bold in its field (Qt's HTML of a copy says so): its words
    # are no bold words of the writer's.
    heading = paragraph(qtbot, window, "Titel", index=1)
    qtbot.keyClick(heading, Qt.Key.Key_3, CTRL)
    assert window.doc.draft.body[1].type == "subheading"
    select(qtbot, heading, 0, 5)
    qtbot.keyClick(heading, Qt.Key.Key_C, CTRL)
    cursor_to(qtbot, field, 0)
    qtbot.keyClick(field, Qt.Key.Key_V, CTRL)
    assert window.doc.draft.body[0].text == "TitelEins „zwei“ – drei."
    assert marks(window) == [Mark(11, 15, "strong")]


def test_a_browser_list_pasted_into_list_items_keeps_bold_and_links(
    qtbot: Any, window: Any
) -> None:
    items = list_with_new_line(qtbot, window, "Vorab")
    browser_clipboard(
        "Beratung vor Ort\nMehr im Landesportal",
        "<ul><li><b>Beratung</b> vor Ort</li>"
        f'<li>Mehr im <a href="{URL}">Landesportal</a></li></ul>',
    )
    qtbot.keyClick(items, Qt.Key.Key_V, CTRL)
    block = window.doc.draft.body[0]
    assert block.items == ["Vorab", "Beratung vor Ort", "Mehr im Landesportal"]
    assert [list(m) for m in block.item_marks] == [
        [],
        [Mark(0, 8, "strong")],
        [Mark(8, 20, "link", URL)],
    ]


COPY_AND_QUIT = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from pressdesk.ui.app import create_window
window = create_window(None, "nrw", spelling=False, preview=False)
window.show()
QTest.qWaitForWindowExposed(window)
window.registry.focus("body[0].text")
field = window.body_editor.blocks[0].text
QTest.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
QTest.keyClicks(field, " Fett")
for _ in range(4):
    QTest.keyClick(field, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
if sys.argv[1] == "bold":
    QTest.keyClick(field, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
QTest.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
print("kopiert", QApplication.clipboard().text())
window.doc.undo_stack.setClean()
QTimer.singleShot(0, window.close)
QTimer.singleShot(50, app.quit)
sys.exit(app.exec())
"""


def test_quitting_after_copying_formatted_text_does_not_crash(tmp_path: Path) -> None:
    """The copy on the clipboard is deleted by Qt as the application goes; a QMimeData
    made in Python then called into a Python already shut down (segmentation fault)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PRESSDESK_DATA_DIR"] = str(tmp_path / "userdata")
    for kind in ("bold", "plain"):
        result = subprocess.run(
            [sys.executable, "-c", COPY_AND_QUIT, kind], env=env, capture_output=True, timeout=120
        )
        assert "kopiert Fett" in result.stdout.decode("utf-8", "replace")
        assert result.returncode == 0, (kind, result.returncode, result.stderr.decode()[-2000:])
