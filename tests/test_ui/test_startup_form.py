"""The form at the first paint (issue 14, point 15): what is on screen then is the whole
visible form, and what comes after the first paint works the moment a user reaches it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

ERROR_RED = QColor("#c62828")


def first_paint_window(qtbot: Any, look: Any, before_show: Any = None, **options: Any) -> Any:
    """The sample's window; ``look(window)`` runs when its first frame is on screen."""
    from pressdesk.ui.app import create_window
    from tests.test_ui.conftest import FakeDialogs

    if QApplication.style().name().lower() != "fusion":
        QApplication.setStyle("Fusion")
    options.setdefault("spelling", False)
    options.setdefault("preview", False)
    window = create_window(None, "nrw", sample=True, **options)
    window.dialogs = FakeDialogs()
    qtbot.addWidget(window)  # the first start's size, as restore_layout chose it
    seen: list[Any] = []
    window.firstPainted.connect(lambda: seen.append(look(window)))
    if before_show is not None:
        before_show(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: bool(seen))
    return window, seen[0]


def reds(widget: Any) -> int:
    image = widget.grab().toImage()
    return sum(
        1
        for y in range(image.height())
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y) == ERROR_RED
    )


def test_a_field_with_an_error_has_a_red_frame(qtbot: Any, window: Any) -> None:
    headline = window.text_form.headline
    assert reds(headline) == 0
    headline.setFocus()
    headline.selectAll()
    qtbot.keyClick(headline, Qt.Key.Key_Backspace)  # no headline: an error
    window.validate_now()
    assert headline.property("problem") == "error"
    assert reds(headline) > 20  # the frame is drawn, not only the property set
    qtbot.keyClicks(headline, "Staatssekretaerin besucht Integrationszentrum in Duisburg")
    window.validate_now()
    assert headline.property("problem") in ("", None)
    assert reds(headline) == 0


class FirstFrame(QObject):
    """At a field's first paint: the lines of its text and the lines its block (the
    frame around it, which clips it) leaves visible."""

    def __init__(self, field: Any) -> None:
        super().__init__(field)
        self.field = field
        self.seen: list[tuple[int, int]] = []
        field.viewport().installEventFilter(self)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if event.type() == QEvent.Type.Paint and not self.seen:
            field = self.field
            lines = int(field.document().documentLayout().documentSize().height())
            block = field.parentWidget()
            visible = min(field.geometry().bottom(), block.contentsRect().bottom())
            visible -= field.geometry().top() + field.viewport().y()
            self.seen.append((lines, visible // field.fontMetrics().lineSpacing()))
        return False


def test_the_first_paint_shows_the_first_paragraph_whole(qtbot: Any) -> None:
    frames: list[FirstFrame] = []

    def before_show(window: Any) -> None:
        frames.append(FirstFrame(window.body_editor.blocks[0].text))

    first_paint_window(qtbot, lambda w: None, before_show=before_show)
    ((lines, shown),) = frames[0].seen
    assert lines >= 5 and shown >= lines  # not cut off after its first lines
