"""The form at the first paint (issue 14, point 15): what is on screen then is the whole
visible form, and what comes after the first paint works the moment a user reaches it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from tests.test_ui.test_layout import field_lefts

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


# With defer_form (how ``pressdesk`` starts), the blocks below the first screen and the
# folded sender's fields are built right after the first paint, or at once when a key
# needs them before.

ALT = Qt.KeyboardModifier.AltModifier


def deferred_window(qtbot: Any, at_first_paint: Any) -> Any:
    """``at_first_paint(window)`` runs when the first frame is on screen, before the rest
    of the form is built; it must find the form unfinished."""

    def look(window: Any) -> None:
        assert window.body_editor.built != [] and not window.press_office_form.filled
        assert len(window.body_editor.built) < len(window.doc.draft.body)
        at_first_paint(window)

    window, _ = first_paint_window(qtbot, look, defer_form=True)
    return window


def test_the_first_frame_has_the_whole_form_s_size(qtbot: Any) -> None:
    at_paint: list[Any] = []

    def look(w: Any) -> None:
        at_paint.append(
            (w.form_page.height(), w.form_page.width(), w.text_form.headline.geometry())
        )

    window = deferred_window(qtbot, look)
    qtbot.waitUntil(lambda: window.press_office_form.filled)
    assert len(window.body_editor.built) == len(window.doc.draft.body)
    height, width, headline = at_paint[0]
    # the blocks built now fit their height to their text a moment later
    qtbot.waitUntil(lambda: abs(height - window.form_page.height()) < 0.02 * height)
    assert width == window.form_page.width()  # no field moves or grows
    assert headline == window.text_form.headline.geometry()
    assert len(field_lefts(window)) == 1  # the sender's fields, built later, line up


def test_mnemonic_to_a_sender_field_built_after_the_first_paint(qtbot: Any) -> None:
    def press(w: Any) -> None:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_I, ALT)  # E&inheit
        qtbot.keyClicks(QApplication.focusWidget(), " NRW")

    window = deferred_window(qtbot, press)
    unit = window.press_office_form.fields["unit"]
    assert QApplication.focusWidget() is unit and unit.isVisible()
    assert window.doc.draft.press_office.unit.endswith(" NRW")


def test_f4_to_a_problem_in_a_block_built_after_the_first_paint(qtbot: Any) -> None:
    def press(w: Any) -> None:
        last = len(w.doc.draft.body) - 1
        w.doc.set_value(f"body[{last}].text", "")  # an empty paragraph: a problem
        w.validate_now()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F4)
        qtbot.keyClicks(QApplication.focusWidget(), "Neuer Schluss")

    window = deferred_window(qtbot, press)
    last = window.body_editor.built[-1]
    assert QApplication.focusWidget() is last.text
    assert window.doc.draft.body[-1].text == "Neuer Schluss"
    qtbot.waitUntil(lambda: not last.text.visibleRegion().isEmpty())  # scrolled to it


def test_tab_runs_through_the_blocks_built_after_the_first_paint(qtbot: Any) -> None:
    window = deferred_window(qtbot, lambda w: None)
    qtbot.waitUntil(lambda: window.press_office_form.filled)
    blocks = window.body_editor.blocks
    blocks[-2].text.setFocus()
    qtbot.keyClick(blocks[-2].text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is blocks[-1].text
    qtbot.keyClick(blocks[-1].text, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.body_editor.add_buttons["paragraph"]


def test_unfolding_the_sender_before_its_fields_are_built(qtbot: Any) -> None:
    lefts: list[set[int]] = []

    def unfold(w: Any) -> None:
        qtbot.mouseClick(w.press_office_form.toggle, Qt.MouseButton.LeftButton)
        w.form_page.layout().activate()
        organisation = w.press_office_form.fields["organisation"]
        fields = (w.header_form.reference, organisation, w.text_form.headline)
        lefts.append({f.mapTo(w.form_page, f.rect().topLeft()).x() for f in fields})

    window = deferred_window(qtbot, unfold)
    assert window.press_office_form.fields["organisation"].isVisible()
    assert len(lefts[0]) == 1  # its labels take the column of the others at once


def next_after_tab(qtbot: Any, window: Any) -> tuple[Any, Any]:
    """The field the cursor is in and the one a Tab typed there moves it to."""
    focused = QApplication.focusWidget() or window.focusWidget() or window
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return (
        window.registry.path_of(focused),
        window.registry.path_of(QApplication.focusWidget() or window.focusWidget()),
    )


def test_the_first_tab_right_after_start_goes_on_in_the_form_s_order(qtbot: Any) -> None:
    from pressdesk.ui.app import create_window
    from tests.test_ui.conftest import FakeDialogs

    built = create_window(None, "nrw", sample=True, spelling=False, preview=False, defer_form=False)
    qtbot.addWidget(built)
    built.dialogs = FakeDialogs()
    built.show()
    qtbot.waitUntil(lambda: built.focusWidget() is not None)
    wanted = next_after_tab(qtbot, built)
    assert wanted == ("headline", "subheadline")
    built.close()

    window = create_window(None, "nrw", sample=True, spelling=False, preview=False)
    qtbot.addWidget(window)
    window.dialogs = FakeDialogs()
    window.show()
    assert window._form_pending  # the rest of the form follows the first paint
    assert next_after_tab(qtbot, window) == wanted
    qtbot.waitUntil(lambda: window.press_office_form.filled)
    qtbot.wait(50)  # the start-up's own moves of the cursor are done: it stays
    assert window.registry.path_of(QApplication.focusWidget() or window.focusWidget()) == (
        "subheadline"
    )
    window.focus_start()  # and once the form is complete, the same
    assert next_after_tab(qtbot, window) == wanted
