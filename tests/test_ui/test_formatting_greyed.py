"""Formatting commands that would do nothing visible are greyed, and their keys do
nothing (issue 14 point 10: no command the user can reach is silently without effect)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from pressdesk.model import Mark
from pressdesk.paths import profiles_dir
from tests.test_ui.test_formatting import CTRL, SHIFT, char_format_at, marks, paragraph, select


def test_italic_is_greyed_in_a_quote_which_is_set_in_italic(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Wir fangen heute an.")
    select(qtbot, field, 0, 3)
    assert window.italic_action.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)  # "Wir" italic in the paragraph
    assert char_format_at(field, 1).fontItalic()
    qtbot.keyClick(field, Qt.Key.Key_2, CTRL)  # Zitat: the layout sets it in italic
    window.registry.focus("body[0].text")
    qtbot.waitUntil(field.hasFocus)
    assert not window.italic_action.isEnabled()
    # the kept italic is not shown where the print would not show it either
    assert not char_format_at(field, 1).fontItalic()
    window.doc.set_value("body[0].marks", [])
    select(qtbot, field, 4, 6)
    assert not window.italic_action.isEnabled()
    assert window.bold_action.isEnabled() and window.link_action.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    assert marks(window) == []
    assert not char_format_at(field, 5).fontItalic()
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)  # bold still shows (bold italic)
    assert [m.kind for m in marks(window)] == ["strong"]
    qtbot.keyClick(field, Qt.Key.Key_1, CTRL)  # Absatz again: Kursiv is back
    window.registry.focus("body[0].text")
    qtbot.waitUntil(field.hasFocus)
    select(qtbot, field, 4, 6)
    assert window.italic_action.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    assert char_format_at(field, 5).fontItalic()


def test_formatting_is_greyed_in_the_address_lines(qtbot: Any, window: Any) -> None:
    window.registry.focus("pressOffice.address")
    field = window.registry.widgets["pressOffice.address"]
    qtbot.waitUntil(field.hasFocus)
    assert not window.bold_action.isEnabled()
    assert not window.italic_action.isEnabled()
    assert not window.link_action.isEnabled()
    before = list(window.doc.draft.press_office.address)
    qtbot.keyClick(field, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_End, SHIFT)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert window.doc.draft.press_office.address == before
    assert char_format_at(field, 1).fontWeight() != QFont.Weight.Bold


def test_nothing_to_format_at_the_cursor_greys_the_commands(qtbot: Any, window: Any) -> None:
    field = paragraph(qtbot, window, "Eins  zwei. ")
    actions = (window.bold_action, window.italic_action, window.link_action)
    assert not any(a.isEnabled() for a in actions)  # the cursor after the last space
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert marks(window) == []
    select(qtbot, field, 2, 0)  # inside "Eins": the word at the cursor
    assert all(a.isEnabled() for a in actions)
    select(qtbot, field, 4, 2)  # the two spaces
    assert not any(a.isEnabled() for a in actions)
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    assert marks(window) == []
    select(qtbot, field, 3, 3)  # "s  " has a letter: formatting shows
    qtbot.keyClick(field, Qt.Key.Key_B, CTRL)
    assert [m.kind for m in marks(window)] == ["strong"]


def test_link_stays_reachable_with_the_cursor_on_a_linked_space(qtbot: Any, window: Any) -> None:
    from pressdesk.model import Mark

    field = paragraph(qtbot, window, "Mehr unter land nrw")
    window.doc.set_value("body[0].marks", [Mark(11, 19, "link", "https://www.land.nrw")])
    select(qtbot, field, 15, 0)  # between "land" and " nrw": no word, but a link
    select(qtbot, field, 15, 1)  # the linked space itself
    assert not window.bold_action.isEnabled()
    assert window.link_action.isEnabled()  # to change or remove the link


def test_a_profile_with_upright_quotes_offers_and_shows_italic_in_them(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """The profile decides: where its quotes are upright, italic in a quote shows in the
    PDF and on the page, so the editor offers it, shows it and does not warn."""
    field = paragraph(qtbot, window, "Wir fangen heute an.")
    select(qtbot, field, 0, 3)
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_2, CTRL)  # Zitat
    window.validate_now()
    warned = [p.message for p in window.problems_panel.problems if p.path.startswith("body[0]")]
    assert any("Kursiv ist in einem Zitat nicht zu sehen" in m for m in warned)
    raw = json.loads((profiles_dir() / "nrw.json").read_text(encoding="utf-8"))
    raw["roles"]["quote"]["italic"] = False
    upright = tmp_path / "aufrecht.json"
    upright.write_text(json.dumps(raw), encoding="utf-8")
    window.choose_profile(str(upright))
    window.registry.focus("body[0].text")
    qtbot.waitUntil(field.hasFocus)
    assert char_format_at(field, 1).fontItalic()  # the kept italic shows now
    select(qtbot, field, 4, 6)
    assert window.italic_action.isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_I, CTRL)
    assert marks(window) == [Mark(0, 3, "emphasis"), Mark(4, 10, "emphasis")]
    assert char_format_at(field, 5).fontItalic()
    window.validate_now()
    warned = [p.message for p in window.problems_panel.problems if p.path.startswith("body[0]")]
    assert not any("Kursiv" in m for m in warned)
