"""What a press office expects next to Word: a first start that explains itself,
empty fields that are not errors yet, clear words, a window that fits and is
remembered, printing, a toolbar and a preview that keeps its zoom."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from pressdesk.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def red_fields(window: Any) -> list[str]:
    return [
        path
        for path, widget in window.registry.widgets.items()
        if widget.property("problem") == "error"
    ]


# 13: first start ---------------------------------------------------------------------
def test_first_start_says_the_sample_is_an_example(qtbot: Any, window: Any) -> None:
    note = window.example_note
    assert note.isVisible()
    assert "Beispiel" in note.text() and "Datei › Neu" in note.text()
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    assert not note.isVisible()


def test_new_draft_shows_empty_fields_as_not_yet_filled(qtbot: Any, window: Any) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: focused() is window.header_form.reference)
    window.validate_now()
    assert red_fields(window) == []
    assert "Fehler" not in window.problem_label.text()
    assert "noch leer" in window.problem_label.text()
    panel = [window.problems_panel.list.item(i).text() for i in range(4)]
    assert "Referenz: noch leer" in panel
    assert "Fehler" not in window.text_form.toggle.text()  # section heading
    # Leaving the reference empty makes it a real error; the others stay "noch leer".
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    window.validate_now()
    assert red_fields(window) == ["header.reference"]
    assert "Referenz: fehlt" in window.problem_label.toolTip() + " ".join(
        window.problems_panel.list.item(i).text() for i in range(window.problems_panel.list.count())
    )
    # An export attempt shows every missing field as the error it is, and refuses.
    qtbot.keyClick(focused(), Qt.Key.Key_E, CTRL)
    assert window.dialogs.asked[-1][0] == "refuse"
    assert {"header.reference", "headline", "contact"} <= set(red_fields(window))


def test_opened_draft_shows_missing_fields_as_errors(qtbot: Any, window: Any) -> None:
    window.doc.set_value("headline", "")
    window.validate_now()
    assert "headline" in red_fields(window)


# 14: words ---------------------------------------------------------------------------
def test_form_and_problems_use_the_same_word_for_the_contact_line(window: Any) -> None:
    window.doc.set_value("contact", "")
    problem = next(p for p in window.validate_now() if p.path == "contact")
    label = next(
        label
        for label in window.form_page.findChildren(QLabel)
        if label.buddy() is window.closing_form.contact
    )
    assert label.text().replace("&", "").rstrip(":") == problem.label == "Kontaktzeile"


def test_shortcut_help_is_a_table_of_commands(qtbot: Any, window: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    kind, text = window.dialogs.asked[-1]
    assert kind == "info" and text.startswith("<table")
    assert "<td>Probleme</td>" in text
    assert "Keine Probleme" not in text and "–" not in text.split("Probleme")[1][:10]
    assert "<td>Drucken</td>" in text


# 12: window --------------------------------------------------------------------------
@pytest.mark.parametrize("work_area", [QRect(0, 0, 1280, 720), QRect(0, 0, 1366, 728)])
def test_first_window_fits_a_small_work_area(work_area: QRect) -> None:
    rect = MainWindow.first_geometry(work_area)
    assert work_area.contains(rect.adjusted(0, -32, 0, 0))  # title bar included
    assert rect.width() >= 1200 and rect.height() >= 650


def test_window_size_and_splitter_are_remembered(qtbot: Any, make_window: Any) -> None:
    first = make_window()
    first.resize(760, 700)  # the offscreen screen is 800 × 800
    first.splitter.setSizes([450, 300])
    qtbot.wait(10)
    sizes = first.splitter.sizes()
    first.close()
    from pressdesk.ui.app import create_window

    again = create_window(None, "nrw", spelling=False, preview=False)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (760, 700)
    assert again.splitter.sizes() == sizes


# 11: print, toolbar, preview zoom -------------------------------------------------------
def test_ctrl_p_prints_the_pages_of_the_pdf(qtbot: Any, window: Any, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    from pressdesk.export.pdf import render_pdf

    window.dialogs.print_path = tmp_path / "gedruckt.pdf"
    window.text_form.headline.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_P, CTRL)
    printed = pypdf.PdfReader(str(tmp_path / "gedruckt.pdf"))
    exported = pypdf.PdfReader(io.BytesIO(render_pdf(window.doc.draft, profile=window.doc.profile)))
    assert len(printed.pages) == len(exported.pages) >= 1
    box = printed.pages[0].mediabox  # A4 portrait, as the export
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert "Gedruckt" in window.statusBar().currentMessage()


def test_print_cancelled_prints_nothing(qtbot: Any, window: Any) -> None:
    qtbot.keyClick(focused(), Qt.Key.Key_P, CTRL)
    assert window.dialogs.asked[-1][0] == "print"
    assert "Gedruckt" not in window.statusBar().currentMessage()


def test_toolbar_has_the_main_commands(window: Any) -> None:
    texts = [a.iconText() for a in window.toolbar.actions() if not a.isSeparator()]
    assert texts == [
        "Neu",
        "Öffnen",
        "Speichern",
        "Rückgängig",
        "Wiederholen",
        "PDF",
        "DOCX",
        "Drucken",
    ]
    assert window.toolbar.isVisible()
    assert "Strg+P" in window.print_action.toolTip() or "Ctrl+P" in window.print_action.toolTip()


def test_preview_keeps_its_zoom_when_it_refreshes_and_next_time(
    qtbot: Any, make_window: Any
) -> None:
    pytest.importorskip("pressdesk.export.pdf")
    from PySide6.QtPdfWidgets import QPdfView

    window = make_window(preview=True)
    qtbot.waitUntil(lambda: window.preview.pages > 0, timeout=30000)
    view = window.preview._view
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth  # opens at full width
    qtbot.keyClick(focused(), Qt.Key.Key_Plus, CTRL)
    zoom = view.zoomFactor()
    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        window.doc.set_value("subheadline", "Neue Unterzeile")
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    assert view.zoomFactor() == pytest.approx(zoom)
    window.close()
    from pressdesk.ui.app import create_window

    again = create_window(None, "nrw", spelling=False, preview=True)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.preview.pages > 0, timeout=30000)
    assert again.preview._view.zoomFactor() == pytest.approx(zoom, rel=0.01)
