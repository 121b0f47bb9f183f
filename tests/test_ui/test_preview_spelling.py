"""The live preview shows the real PDF; spell checking underlines unknown words."""

from __future__ import annotations

import io
from typing import Any

import pypdf

from pressdesk.export import pdf
from pressdesk.ui.dictionary import DictionaryMissing
from tests.test_ui.spelling_support import needs_dictionary, spelling_window, underlined


def test_preview_shows_page_count_of_the_export(qtbot: Any, make_window: Any) -> None:
    window = make_window(preview=True)
    qtbot.waitUntil(lambda: window.preview.pages > 0, timeout=30000)
    expected = len(
        pypdf.PdfReader(
            io.BytesIO(pdf.render_pdf(window.doc.draft, profile=window.doc.profile))
        ).pages
    )
    assert window.preview.pages == expected
    assert f"{expected} Seiten" in window.preview.status.text() or expected == 1

    # Three more long paragraphs make it longer; the preview follows after the pause.
    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        for _ in range(3):
            window.body_editor.add("paragraph")
            window.doc.set_value(
                f"body[{len(window.doc.draft.body) - 1}].text",
                window.doc.draft.body[1].text * 3,
            )
    qtbot.waitUntil(
        lambda: not window.preview._busy and not window.preview.timer.isActive(), timeout=30000
    )
    longer = len(
        pypdf.PdfReader(
            io.BytesIO(pdf.render_pdf(window.doc.draft, profile=window.doc.profile))
        ).pages
    )
    qtbot.waitUntil(lambda: window.preview.pages == longer, timeout=30000)
    assert longer > expected


def test_hidden_preview_renders_when_shown_again(qtbot: Any, make_window: Any) -> None:
    window = make_window(preview=True)
    qtbot.waitUntil(lambda: window.preview.pages > 0, timeout=30000)
    qtbot.waitUntil(lambda: not window.preview._busy, timeout=30000)
    window.preview_action.trigger()  # F9: hide
    assert not window.preview.isVisible()
    before = window.preview._generation
    window.doc.set_value("subheadline", "Neue Unterzeile")
    window.preview.refresh_now()
    assert window.preview._generation == before
    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        window.preview_action.trigger()  # F9: show
    assert window.preview._generation == before + 1


def test_preview_without_exporter_is_an_error_not_a_hint(
    qtbot: Any, make_window: Any, monkeypatch: Any
) -> None:
    """The exporter is part of PressDesk: missing, the installation is broken (issue 13/11)."""
    import sys

    monkeypatch.setitem(sys.modules, "pressdesk.export.pdf", None)
    with qtbot.captureExceptions() as raised:
        window = make_window(preview=True)
        qtbot.waitUntil(lambda: bool(raised), timeout=10000)
    assert isinstance(raised[0][1], ImportError)
    assert "Programmfehler" in window.preview.status.text()
    assert window.preview.pages == 0


@needs_dictionary
def test_spelling_underlines_unknown_words(qtbot: Any, make_window: Any) -> None:
    window = spelling_window(qtbot, make_window)
    field = window.text_form.subheadline
    field.setFocus()
    qtbot.keyClicks(field, "Die Landesregierung foerdert Integrazion")
    qtbot.waitUntil(lambda: "Integrazion" in underlined(field), timeout=10000)
    assert "Landesregierung" not in underlined(field)
    window.spell.add_to_personal("Integrazion")
    assert "Integrazion" not in underlined(field)


def test_spelling_without_dictionary_says_so_once(
    qtbot: Any, make_window: Any, monkeypatch: Any, tmp_path: Any
) -> None:
    from pressdesk.ui import spelling

    def missing() -> None:
        raise DictionaryMissing("Kein deutsches Wörterbuch gefunden – Prüfung aus.")

    monkeypatch.setattr(spelling, "open_dictionary", missing)
    window = make_window(spelling=True)
    qtbot.waitUntil(lambda: "Wörterbuch" in window.statusBar().currentMessage(), timeout=5000)
    qtbot.keyClicks(window.text_form.subheadline, "Tippfehlr")
    assert window.doc.draft.subheadline == "Tippfehlr"


@needs_dictionary
def test_spelling_suggestion_replaces_word(qtbot: Any, make_window: Any) -> None:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QMenu

    window = spelling_window(qtbot, make_window)
    field = window.text_form.subheadline
    field.setFocus()
    qtbot.keyClicks(field, "Besuch im Hauss")
    qtbot.waitUntil(lambda: "Hauss" in underlined(field), timeout=10000)
    menu = QMenu(field)
    cursor = field.textCursor()
    cursor.setPosition(len("Besuch im Ha"))
    window.spell.fill_menu(field, menu, QTextCursor(cursor))
    assert any("Wörterbuch" in a.text() for a in menu.actions())

    def suggestion() -> Any:
        return next((a for a in menu.actions() if a.text() == "Haus"), None)

    qtbot.waitUntil(lambda: suggestion() is not None, timeout=15000)
    suggestion().trigger()
    assert window.doc.draft.subheadline == "Besuch im Haus"
    window.doc.undo_stack.undo()
    assert window.doc.draft.subheadline == "Besuch im Hauss"
