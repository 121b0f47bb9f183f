"""Typing into the form, live validation, the problems panel, blocks, undo/redo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from pressdesk.validation import validate


def clear_and_type(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(widget, text)


def problem_paths(window: Any) -> list[str]:
    return [p.path for p in window.problems]


def test_sample_has_no_errors_and_fields_show_it(window: Any) -> None:
    draft = window.doc.draft
    assert window.text_form.headline.toPlainText() == draft.headline
    assert window.header_form.reference.text() == "L-Duisburg"
    assert window.header_form.date.value() == "2018-07-18"
    assert len(window.body_editor.blocks) == len(draft.body)
    assert not [p for p in validate(draft, window.doc.profile) if p.is_error]
    assert window.windowTitle().startswith("Unbenannt")
    assert not window.isWindowModified()


def test_typing_updates_draft_with_german_typography(qtbot: Any, window: Any) -> None:
    field = window.text_form.headline
    clear_and_type(qtbot, field, 'Land foerdert "Integration" -- jetzt')
    assert window.doc.draft.headline == "Land foerdert „Integration“ – jetzt"
    assert field.toPlainText() == window.doc.draft.headline
    assert window.isWindowModified()
    assert window.text_form.headline_count.text().startswith("35 Zeichen")


def test_problem_appears_and_disappears(qtbot: Any, window: Any) -> None:
    field = window.text_form.headline
    clear_and_type(qtbot, field, "")
    qtbot.waitUntil(lambda: "headline" in problem_paths(window), timeout=2000)
    assert field.property("problem") == "error"
    assert "Überschrift" in field.toolTip()
    assert window.problems_panel.list.count() >= 1
    assert "Fehler" in window.problem_label.text()
    qtbot.keyClicks(field, "Land staerkt Kommunale Integrationszentren in ganz NRW")
    qtbot.waitUntil(lambda: "headline" not in problem_paths(window), timeout=2000)
    assert field.property("problem") in ("", None)


def test_click_problem_focuses_field_in_collapsed_section(qtbot: Any, window: Any) -> None:
    email = window.press_office_form.fields["email"]
    assert not email.isVisible()  # the sender block starts collapsed
    window.doc.set_value("pressOffice.email", "presse(at)stk")
    window.validate_now()
    assert "1 Fehler" in window.press_office_form.toggle.text()
    panel = window.problems_panel
    row = next(i for i, p in enumerate(panel.problems) if p.path == "pressOffice.email")
    item = panel.list.item(row)
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is email, timeout=2000)
    assert email.isVisible()
    assert email.property("problem") == "error"


def test_problem_on_list_entry_lands_in_list_field(qtbot: Any, window: Any) -> None:
    window.doc.set_value("furtherInformation", [])
    body0 = window.doc.draft.body[0].text
    window.doc.set_value("body[0].text", "")
    window.validate_now()
    window.focus_problem("body[0].text")
    assert QApplication.focusWidget() is window.body_editor.blocks[0].text
    window.doc.set_value("body[0].text", body0)


def test_add_move_remove_blocks_with_undo_redo(qtbot: Any, window: Any) -> None:
    body = window.body_editor
    n = len(window.doc.draft.body)
    qtbot.mouseClick(body.add_buttons["quote"], Qt.MouseButton.LeftButton)
    assert len(window.doc.draft.body) == n + 1
    assert len(body.blocks) == n + 1
    new = body.blocks[-1]
    assert window.doc.draft.body[-1].type == "quote"
    assert new.speaker.isVisibleTo(window) and not new.items.isVisibleTo(window)
    qtbot.keyClicks(new.text, '"Wir bleiben dran"')
    qtbot.keyClicks(new.speaker, "Serap Gueler, Staatssekretaerin")
    assert window.doc.draft.body[-1].text == "„Wir bleiben dran“"

    body.move_block(n, -1)
    assert window.doc.draft.body[n - 1].text == "„Wir bleiben dran“"
    assert body.blocks[n - 1].text.toPlainText() == "„Wir bleiben dran“"
    first = window.doc.draft.body[0].text
    body.remove(0)
    assert window.doc.draft.body[0].text != first
    assert len(body.blocks) == n

    window.undo_action.trigger()  # remove
    assert window.doc.draft.body[0].text == first
    window.undo_action.trigger()  # move
    assert window.doc.draft.body[n].text == "„Wir bleiben dran“"
    window.undo_action.trigger()  # speaker typing
    assert window.doc.draft.body[n].speaker == ""
    window.undo_action.trigger()  # quote typing
    window.undo_action.trigger()  # add
    assert len(window.doc.draft.body) == n
    assert len(body.blocks) == n
    assert not window.isWindowModified()
    for _ in range(5):
        window.redo_action.trigger()
    assert len(body.blocks) == n
    assert window.doc.draft.body[n - 2].speaker == "Serap Gueler, Staatssekretaerin"


def test_block_type_change_keeps_text(qtbot: Any, window: Any) -> None:
    block = window.body_editor.blocks[1]
    text = window.doc.draft.body[1].text
    block.type.setCurrentIndex(block.type.findData("list"))
    block.type.activated.emit(block.type.currentIndex())
    assert window.doc.draft.body[1].type == "list"
    assert block.items.isVisibleTo(window) and not block.text.isVisibleTo(window)
    assert window.doc.draft.body[1].items == [text]  # the text is the list's item now
    assert block.items.toPlainText() == text
    window.doc.undo_stack.undo()
    assert window.doc.draft.body[1].type == "paragraph"
    assert window.doc.draft.body[1].text == text
    assert block.text.isVisibleTo(window)


def test_undo_redo_typing_with_keyboard(qtbot: Any, window: Any) -> None:
    field = window.closing_form.contact
    before = window.doc.draft.contact
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, " Danke.")
    assert window.doc.draft.contact == before + " Danke."
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.draft.contact == before
    assert field.toPlainText() == before
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert field.toPlainText() == before + " Danke."


def test_embargo_toggle_and_fields(qtbot: Any, window: Any) -> None:
    form = window.header_form
    assert not form.embargo_row.isEnabled()
    qtbot.mouseClick(form.has_embargo, Qt.MouseButton.LeftButton)
    assert window.doc.draft.header.embargo is not None
    assert window.doc.draft.header.embargo.date == "2018-07-18"
    assert form.embargo_date.value() == "2018-07-18"
    qtbot.keyClicks(form.embargo_time, "10:30")
    assert window.doc.draft.header.embargo.time == "10:30"
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert window.doc.draft.header.embargo is None
    assert not form.has_embargo.isChecked()


def test_links_add_and_remove(qtbot: Any, window: Any) -> None:
    links = window.closing_form.further
    n = len(window.doc.draft.further_information)
    qtbot.mouseClick(links.add_button, Qt.MouseButton.LeftButton)
    assert len(window.doc.draft.further_information) == n + 1
    field = window.registry.widgets[f"furtherInformation[{n}].url"]
    assert QApplication.focusWidget() is window.registry.widgets[f"furtherInformation[{n}].text"]
    qtbot.keyClicks(field, "https://www.land.nrw/presse")
    assert window.doc.draft.further_information[n].url == "https://www.land.nrw/presse"
    links.remove(n)
    assert len(window.doc.draft.further_information) == n


def test_tab_order_follows_the_form(qtbot: Any, window: Any) -> None:
    def tab_from(widget: Any, count: int) -> list[Any]:
        widget.setFocus()
        seen = []
        for _ in range(count):
            seen.append(QApplication.focusWidget())
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        return seen

    text = window.text_form
    seen = tab_from(text.announcement, 4)
    assert seen[:3] == [text.announcement, text.headline, text.subheadline]
    blocks = window.body_editor.blocks
    seen = tab_from(blocks[0].text, 2)
    assert seen == [blocks[0].text, blocks[1].text]

    window.body_editor.add("quote")
    last = window.body_editor.blocks[-1]
    seen = tab_from(last.text, 3)
    assert seen == [last.text, last.speaker, window.body_editor.add_buttons["paragraph"]]


def test_label_mnemonics_move_the_focus(qtbot: Any, window: Any) -> None:
    window.text_form.subheadline.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.header_form.date
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is window.closing_form.contact


def test_date_picker_edits_and_undoes_with_keyboard(qtbot: Any, window: Any) -> None:
    date = window.header_form.date
    date.setFocus()
    qtbot.keyClick(date, Qt.Key.Key_Home)  # the day
    qtbot.keyClick(date, Qt.Key.Key_Up)
    assert window.doc.draft.header.date == "2018-07-19"
    qtbot.keyClick(date, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.draft.header.date == "2018-07-18"
    assert date.value() == "2018-07-18"


def test_shortcut_help_lists_the_commands(qtbot: Any, window: Any) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    kind, text = window.dialogs.asked[-1]
    assert kind == "info"
    for expected in ("Speichern", "Als PDF exportieren", "Absatz einfügen", "Nächstes Problem"):
        assert expected in text


def test_typing_after_new_lands_in_the_reference(qtbot: Any, window: Any) -> None:
    # The sample opens with the cursor in the headline, not in the scroll area.
    assert QApplication.focusWidget() is window.text_form.headline
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.header_form.reference)
    qtbot.keyClicks(QApplication.focusWidget(), "Nr. 47/26")
    assert window.doc.draft.header.reference == "Nr. 47/26"


def test_focused_section_heading_is_visible(qtbot: Any, window: Any) -> None:
    # Tab reaches the headings, and Space folds a section: the user must see it coming.
    toggle = window.press_office_form.toggle
    window.text_form.headline.setFocus()
    unfocused = toggle.grab().toImage()
    toggle.setFocus()
    qtbot.waitUntil(toggle.hasFocus)
    assert toggle.grab().toImage() != unfocused


def test_block_type_changes_from_the_keyboard(qtbot: Any, window: Any) -> None:
    block = window.body_editor.blocks[1]
    block.text.setFocus()
    qtbot.waitUntil(block.text.hasFocus)
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(block.text, Qt.Key.Key_2, ctrl)
    assert window.doc.draft.body[1].type == "quote"
    block = window.body_editor.blocks[1]
    assert block.speaker.isVisibleTo(window)
    assert QApplication.focusWidget() is block.text  # still writing in the same block
    qtbot.keyClick(block.text, Qt.Key.Key_1, ctrl)
    assert window.doc.draft.body[1].type == "paragraph"
    window.doc.undo_stack.undo()
    assert window.doc.draft.body[1].type == "quote"
    assert QApplication.focusWidget() is window.body_editor.blocks[1].text
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert "Block als Zitat" in window.dialogs.asked[-1][1]


def test_embargo_time_accepts_how_people_write_it(qtbot: Any, window: Any) -> None:
    header = window.header_form
    qtbot.mouseClick(header.has_embargo, Qt.MouseButton.LeftButton)
    assert window.doc.draft.header.embargo.date == window.doc.draft.header.date
    assert QApplication.focusWidget() is header.embargo_time  # the part still missing
    qtbot.keyClicks(header.embargo_time, "10.30 Uhr")
    qtbot.keyClick(header.embargo_time, Qt.Key.Key_Tab)
    assert window.doc.draft.header.embargo.time == "10:30"
    assert header.embargo_time.text() == "10:30"
    assert not [p for p in window.validate_now() if p.path.startswith("header.embargo")]


def test_undo_shows_the_field_it_changed(qtbot: Any, window: Any) -> None:
    sub = window.text_form.subheadline
    sub.setFocus()
    qtbot.keyClicks(sub, "Neu")
    window.doc.separate_next()
    contact = window.closing_form.contact
    window.registry.focus("contact")  # far below: the subheadline is scrolled out of view
    qtbot.waitUntil(contact.hasFocus)
    qtbot.keyClick(contact, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.draft.subheadline == ""
    assert QApplication.focusWidget() is sub
    top = sub.mapTo(window.form_scroll.viewport(), sub.rect().topLeft()).y()
    assert 0 <= top < window.form_scroll.viewport().height()
    qtbot.keyClick(sub, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.draft.subheadline == "Neu"


def test_tab_leaves_the_date_field_instead_of_walking_its_parts(qtbot: Any, window: Any) -> None:
    header = window.header_form
    header.reference.setFocus()
    qtbot.keyClick(header.reference, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is header.date
    qtbot.keyClick(header.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "03122026")  # digits only: TTMMJJJJ
    assert window.doc.draft.header.date == "2026-12-03"
    qtbot.keyClick(header.date, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is header.has_embargo
    assert header.date.text() == "03.12.2026"
    qtbot.keyClick(header.has_embargo, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is header.date


def test_return_in_a_paragraph_starts_a_new_paragraph(qtbot: Any, window: Any) -> None:
    # The exporters join the lines of one block, so a line break would vanish in the PDF.
    count = len(window.doc.draft.body)
    first = window.body_editor.blocks[0].text
    text = window.doc.draft.body[0].text
    cut = text.index(" „Mir ist wichtig")
    first.setFocus()
    cursor = first.textCursor()
    cursor.setPosition(cut)
    first.setTextCursor(cursor)
    qtbot.keyClick(first, Qt.Key.Key_Return)
    body = window.doc.draft.body
    assert len(body) == count + 1
    assert body[0].text == text[:cut]
    assert body[1].type == "paragraph" and body[1].text == text[cut:].lstrip()
    new = window.body_editor.blocks[1].text
    assert QApplication.focusWidget() is new and new.textCursor().position() == 0
    qtbot.keyClicks(new, "Sie sagte: ")
    assert window.doc.draft.body[1].text.startswith("Sie sagte: „Mir ist wichtig")
    window.doc.undo_stack.undo()
    assert window.doc.draft.body[1].text == text[cut:].lstrip()
    # Backspace at the start of the new paragraph joins it back, as in a word processor.
    new = window.body_editor.blocks[1].text
    new.setFocus()
    new.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(new, Qt.Key.Key_Backspace)
    assert len(window.doc.draft.body) == count
    assert window.doc.draft.body[0].text == text  # the space Return took is back
    first = window.body_editor.blocks[0].text
    assert QApplication.focusWidget() is first and first.textCursor().position() == cut + 1
    window.doc.undo_stack.undo()
    window.doc.undo_stack.undo()
    assert window.doc.draft.body[0].text == text and len(window.doc.draft.body) == count


def test_return_in_the_contact_line_moves_on_instead_of_a_vanishing_break(
    qtbot: Any, window: Any
) -> None:
    contact = window.closing_form.contact
    window.registry.focus("contact")
    qtbot.waitUntil(contact.hasFocus)
    qtbot.keyClick(contact, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(contact, Qt.Key.Key_Return)
    assert "\n" not in window.doc.draft.contact
    assert QApplication.focusWidget() is window.closing_form.photo_credits


def test_pasted_paragraphs_become_paragraph_blocks(qtbot: Any, window: Any) -> None:
    from PySide6.QtCore import QMimeData

    count = len(window.doc.draft.body)
    field = window.body_editor.blocks[1].text
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    before = window.doc.draft.body[1].text
    mime = QMimeData()
    mime.setText(' Angefügt.\r\n\r\nZweiter Absatz mit "Zitat".\nDritter Absatz.\n')
    field.insertFromMimeData(mime)  # what Strg+V does with the clipboard
    body = window.doc.draft.body
    assert len(body) == count + 2
    assert body[1].text == before + " Angefügt."
    assert body[2].text == "Zweiter Absatz mit „Zitat“."
    assert body[3].text == "Dritter Absatz."
    window.doc.undo_stack.undo()
    assert len(window.doc.draft.body) == count and window.doc.draft.body[1].text == before
