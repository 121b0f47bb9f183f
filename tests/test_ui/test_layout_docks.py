"""The window as a press officer sees it with the library open: the form fits its
column (no horizontal scroll bar, no field cut at its right edge) and the library's
table fits its dock, at 1280 × 720 and 1280 × 800."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from pressdesk.model import load_draft
from pressdesk.paths import reference_sample
from pressdesk.store.api import Store
from tests.test_ui.review_support import open_as, sqlite_library
from tests.test_ui.test_review_screenshots import library_with_work

SIZES = [(1280, 720), (1280, 800)]


def settle(qtbot: Any) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(30)


def cut_fields(window: Any) -> list[str]:
    """The visible fields of the form whose right edge lies outside the scroll area's
    viewport (described by their class and text, for the message)."""
    viewport = window.form_scroll.viewport()
    cut = []
    for widget in window.form_page.findChildren(QWidget):
        if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        right = widget.mapTo(viewport, QPoint(widget.width(), 0)).x()
        if right > viewport.width():
            text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
            cut.append(f"{type(widget).__name__} {text!r} ends at {right} > {viewport.width()}")
    return cut


def assert_form_fits(window: Any) -> None:
    scroll = window.form_scroll
    assert not scroll.horizontalScrollBar().isVisible(), (
        f"form column {scroll.width()} px, its rows need {window.form_page.minimumSizeHint()}"
    )
    assert cut_fields(window) == []


@pytest.mark.parametrize("size", SIZES)
def test_the_form_fits_its_column_with_and_without_the_library(
    qtbot: Any, make_window: Any, tmp_path: Path, size: tuple[int, int]
) -> None:
    url = sqlite_library(tmp_path)
    with Store(url, user="anna") as store:
        store.add(load_draft(reference_sample()))
    window = open_as(make_window, url, "ben", preview=True)
    window.resize(*size)
    settle(qtbot)
    review = window.review
    review.show_library()
    settle(qtbot)
    assert review.library_dock.isVisible() and review.library_dock.width() > 300
    assert_form_fits(window)
    # the preview gives the room, not the form (and it is still there)
    assert window.preview.width() > 200
    # the folded sender's rows and a quote's speaker row fit as well
    qtbot.mouseClick(window.press_office_form.toggle, Qt.MouseButton.LeftButton)
    window.body_editor.add("quote", at=0)
    settle(qtbot)
    assert window.press_office_form.fields["organisation"].isVisible()
    assert window.body_editor.blocks[0].speaker.isVisible()
    assert_form_fits(window)
    review.library_dock.close()
    review.queue_dock.close()
    settle(qtbot)
    assert not review.library_dock.isVisible()
    assert_form_fits(window)
    assert window.form_scroll.width() > 600  # the room is the form's again
    review.show_library()
    settle(qtbot)
    assert_form_fits(window)


def test_the_form_column_grows_with_a_wider_row(qtbot: Any, make_window: Any) -> None:
    """A row added later that needs more room (a long social-media address header, a
    new label) widens the column instead of bringing the horizontal bar back."""
    window = make_window()
    window.resize(900, 720)  # the form at its narrowest next to the preview
    window.splitter.setSizes([100, 800])
    settle(qtbot)
    assert_form_fits(window)
    before = window.form_scroll.width()
    window.text_form.headline.setMinimumWidth(before)  # this row now needs more
    settle(qtbot)
    assert window.form_scroll.width() > before
    assert_form_fits(window)


@pytest.mark.parametrize("size", SIZES)
def test_the_library_table_fits_its_dock_headlines_elided(
    qtbot: Any, make_window: Any, tmp_path: Path, size: tuple[int, int]
) -> None:
    url, _ = library_with_work(tmp_path)
    window = open_as(make_window, url, "anna")
    window.resize(*size)
    window.review.show_library()
    settle(qtbot)
    panel = window.review.library
    view, model = panel.view, panel.model
    assert model.rowCount() == 5
    header = view.horizontalHeader()
    assert not view.horizontalScrollBar().isVisible()
    widths = [header.sectionSize(c) for c in range(model.columnCount())]
    # every column inside the table, the headline's taking what the others leave
    assert sum(widths) == view.viewport().width()
    headline = model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert headline == "Überschrift"
    for column, width in enumerate(widths):
        if column != 2:
            assert width >= view.sizeHintForColumn(column), model.headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
            )  # short columns show their text whole
    assert widths[2] >= 80
    # a headline longer than its column ends in "…", the whole of it in the tooltip
    index = model.index(0, 2)
    text = model.data(index, Qt.ItemDataRole.DisplayRole)
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
    shown = view.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, widths[2] - 8)
    assert shown.endswith("…") and shown != text
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == text
    assert window.form_scroll.width() >= window.form_page.minimumSizeHint().width()
    assert_form_fits(window)


def test_the_problems_panel_stays_one_line_beside_the_comments_tab(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    """With the review installed the problems share their panel with the comments: the
    comments' list and input row take height only while their tab is shown."""
    url, _ = library_with_work(tmp_path)
    window = open_as(make_window, url, "anna")
    window.resize(1280, 720)
    window.validate_now()
    settle(qtbot)
    tabs = window.review.tabs
    assert window.problems == [] and tabs.currentIndex() == 0
    small = window.problems_dock.height()
    assert small < 90  # the form gets the height
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    settle(qtbot)
    comments = window.review.comments
    assert tabs.currentWidget() is comments
    assert comments.height() >= comments.minimumSizeHint().height()  # input row whole
    assert comments.input.isVisible()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    settle(qtbot)
    assert window.problems_dock.height() == small
