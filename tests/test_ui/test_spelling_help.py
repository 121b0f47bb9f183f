"""Spelling help a press officer relies on: quick suggestions, names, the own dictionary.

keyClicks types ASCII only here: Qt's test keyboard asserts on umlauts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from pressdesk.ui.dictionary import open_dictionary
from tests.test_ui.spelling_support import needs_dictionary, spelling_window, underlined

pytestmark = needs_dictionary


def menu_for(window: Any, field: Any, position: int) -> QMenu:
    menu = QMenu(field)
    cursor = field.textCursor()
    cursor.setPosition(position)
    window.spell.fill_menu(field, menu, QTextCursor(cursor))
    return menu


def test_dictionary_suggests_the_right_word() -> None:
    # How long a suggestion takes is measured by hand (bench/), not asserted here.
    dictionary = open_dictionary()
    assert dictionary.lookup("Pressemitteilung")
    assert not dictionary.lookup("Landesregierug")
    assert "Landesregierung" in dictionary.suggest("Landesregierug")


def test_menu_has_suggestions_at_once_for_an_underlined_word(qtbot: Any, make_window: Any) -> None:
    window = spelling_window(qtbot, make_window)
    field = window.text_form.subheadline
    field.setFocus()
    qtbot.keyClicks(field, "Die Landesregierug handelt")
    qtbot.waitUntil(lambda: "Landesregierug" in underlined(field), timeout=10000)
    # While the user reads, the suggestions are looked up in the background …
    qtbot.waitUntil(lambda: "Landesregierug" in window.spell.suggestions, timeout=20000)
    # … so the menu opens with them, not with "Vorschläge werden gesucht".
    menu = menu_for(window, field, len("Die Landes"))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Landesregierung"
    assert menu.actions()[0].font().bold()
    assert not any("gesucht" in t for t in texts)


def test_status_bar_says_how_to_fix_or_add_a_word(qtbot: Any, make_window: Any) -> None:
    window = spelling_window(qtbot, make_window)
    qtbot.waitUntil(lambda: "Rechtsklick" in window.statusBar().currentMessage(), timeout=20000)
    assert "Wörterbuch" in window.statusBar().currentMessage()


def test_add_to_dictionary_is_offered_and_kept(qtbot: Any, make_window: Any, data_dir: Any) -> None:
    window = spelling_window(qtbot, make_window)
    field = window.text_form.subheadline
    field.setFocus()
    qtbot.keyClicks(field, "Besuch bei Kowalczyk")
    qtbot.waitUntil(lambda: "Kowalczyk" in underlined(field), timeout=10000)
    menu = menu_for(window, field, len("Besuch bei Ko"))
    add = next(a for a in menu.actions() if a.text() == "„Kowalczyk“ zum Wörterbuch hinzufügen")
    add.trigger()
    assert "Kowalczyk" not in underlined(field)
    assert "Kowalczyk" in (data_dir / "woerterbuch.txt").read_text(encoding="utf-8").split()


def test_names_given_in_the_draft_are_not_underlined(qtbot: Any, make_window: Any) -> None:
    window = spelling_window(qtbot, make_window)
    window.body_editor.add("quote")
    quote = window.body_editor.blocks[-1]
    quote.text.setFocus()
    qtbot.keyClicks(quote.text, "Kowalczyk dankt allen. Das KOMMAN-Programm wirkt.")
    qtbot.waitUntil(lambda: "Kowalczyk" in underlined(quote.text), timeout=10000)
    assert "KOMMAN" not in underlined(quote.text)  # an abbreviation in capitals
    quote.speaker.setFocus()
    qtbot.keyClicks(quote.speaker, "Dr. Ralf Kowalczyk, Integrationsdezernent")
    qtbot.waitUntil(lambda: "Kowalczyk" not in underlined(quote.text), timeout=15000)
    # The speaker field names her, so a typo of another word is still found.
    qtbot.keyClicks(quote.text, " Tippfehlr")
    qtbot.waitUntil(lambda: "Tippfehlr" in underlined(quote.text), timeout=10000)


def test_mail_and_web_addresses_are_not_underlined(qtbot: Any, make_window: Any) -> None:
    window = spelling_window(qtbot, make_window)
    field = window.closing_form.contact
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Mail an presse@stk.nrw.de oder www.land.nrw/presse, Tippfehlr")
    qtbot.waitUntil(lambda: "Tippfehlr" in underlined(field), timeout=10000)
    assert underlined(field) == ["Tippfehlr"]
