"""The window as a press officer sees it with the library open: the form fits its
column (no horizontal scroll bar, no field cut at its right edge) and the library's
table fits its dock, at 1280 × 720 and 1280 × 800."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from pressdesk.model import Embargo, load_draft
from pressdesk.paths import reference_sample
from pressdesk.store.api import Store
from pressdesk.ui.review.library import COLUMNS, GIVE_WAY, HEADLINE
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


SHORT_HEADLINE = "Neue Kitas im ganzen Land"


def library_with_a_short_headline(tmp_path: Path) -> str:
    """The five releases of the screenshots and, newest, one with a short headline and
    an embargo."""
    url, _ = library_with_work(tmp_path)
    draft = load_draft(reference_sample())
    draft.headline = SHORT_HEADLINE
    draft.header.reference = "PM 6/2026"
    draft.header.embargo = Embargo("2026-12-05", "10:00")
    with Store(url, user="anna") as store:
        store.add(draft)
    return url


def shown_columns(view: Any) -> list[str]:
    model = view.model()
    return [COLUMNS[c] for c in range(model.columnCount()) if not view.isColumnHidden(c)]


def assert_table_fits(view: Any) -> None:
    """No sideways scroll bar, the shown columns fill the table, the short ones show
    their text whole and the headline has at least 200 px."""
    header = view.horizontalHeader()
    assert not view.horizontalScrollBar().isVisible()
    shown = [c for c in range(len(COLUMNS)) if not view.isColumnHidden(c)]
    assert sum(header.sectionSize(c) for c in shown) == view.viewport().width()
    for column in shown:
        if column != HEADLINE:
            assert header.sectionSize(column) >= view.sizeHintForColumn(column), COLUMNS[column]
    assert header.sectionSize(HEADLINE) >= 200


@pytest.mark.parametrize("size", SIZES)
def test_the_library_headline_is_readable_the_short_columns_give_way(
    qtbot: Any, make_window: Any, tmp_path: Path, size: tuple[int, int]
) -> None:
    url = library_with_a_short_headline(tmp_path)
    window = open_as(make_window, url, "anna")
    window.resize(*size)
    window.review.show_library()
    settle(qtbot)
    panel = window.review.library
    view, model = panel.view, panel.model
    assert model.rowCount() == 6
    assert_table_fits(view)
    shown = shown_columns(view)
    assert shown[:3] == ["Status", "Referenz", "Überschrift"]
    # the less important columns gave way, the least important first
    hidden = [name for name in COLUMNS if name not in shown]
    assert hidden and hidden == sorted(hidden, key=GIVE_WAY.index)
    assert "Sperrfrist" in hidden
    assert len(hidden) < 3 or hidden == list(GIVE_WAY)
    # the short headline shows whole, not "Neue Kitas im…"
    index = model.index(0, HEADLINE)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == SHORT_HEADLINE
    room = view.visualRect(index).width() - 8
    assert view.fontMetrics().horizontalAdvance(SHORT_HEADLINE) <= room
    assert (
        view.fontMetrics().elidedText(SHORT_HEADLINE, Qt.TextElideMode.ElideRight, room)
        == SHORT_HEADLINE
    )
    # the hidden columns' values are in the row's tooltip, on every cell of the row
    embargo = model.data(model.index(0, COLUMNS.index("Sperrfrist")), Qt.ItemDataRole.DisplayRole)
    assert embargo == "05.12.2026 10:00"
    for column in (0, HEADLINE):
        tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
        assert tip.splitlines()[0] == SHORT_HEADLINE
        assert f"Sperrfrist: {embargo}" in tip.splitlines()
    assert window.form_scroll.width() >= window.form_page.minimumSizeHint().width()
    assert_form_fits(window)


def test_a_wider_library_dock_shows_all_columns_a_narrower_hides_them(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    url = library_with_a_short_headline(tmp_path)
    window = open_as(make_window, url, "anna")
    window.resize(1280, 800)
    review = window.review
    review.show_library()
    settle(qtbot)
    view, model = review.library.view, review.library.model
    assert "Sperrfrist" not in shown_columns(view)
    window.resize(1920, 800)
    window.resizeDocks([review.library_dock], [900], Qt.Orientation.Horizontal)
    settle(qtbot)
    assert shown_columns(view) == list(COLUMNS)
    assert_table_fits(view)
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip == SHORT_HEADLINE  # nothing hidden, nothing more to tell
    # narrower again: Sperrfrist gives way first, then Autor, then Datum
    seen = []
    for width in range(900, 250, -20):
        window.resizeDocks([review.library_dock], [width], Qt.Orientation.Horizontal)
        settle(qtbot)
        shown = shown_columns(view)
        assert not view.horizontalScrollBar().isVisible(), width
        assert shown[:3] == ["Status", "Referenz", "Überschrift"], width
        if shown not in seen:
            seen.append(shown)
    assert seen == [
        list(COLUMNS),
        ["Status", "Referenz", "Überschrift", "Autor", "Datum"],
        ["Status", "Referenz", "Überschrift", "Datum"],
        ["Status", "Referenz", "Überschrift"],
    ]
    # and wider again shows them again
    window.resizeDocks([review.library_dock], [900], Qt.Orientation.Horizontal)
    settle(qtbot)
    assert shown_columns(view) == list(COLUMNS)
