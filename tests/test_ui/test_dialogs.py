"""The real dialogs map the user's button to the answer the window expects."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from pressdesk.ui.dialogs import Dialogs


def test_save_changes_answers(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    dialogs = Dialogs(window)
    seen: dict[str, Any] = {}
    current: dict[str, Any] = {}

    def fake_exec(box: QMessageBox) -> int:
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        return int(current["answer"].value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    for answer, expected in (
        (QMessageBox.StandardButton.Save, "save"),
        (QMessageBox.StandardButton.Discard, "discard"),
        (QMessageBox.StandardButton.Cancel, "cancel"),
    ):
        current["answer"] = answer
        assert dialogs.save_changes("mitteilung.pressdesk") == expected
    assert "„mitteilung.pressdesk“ wurde geändert" in seen["text"]
    # Each button has its own Alt+letter (Alt+V discards, as in Word).
    assert sorted(seen["buttons"]) == ["&Abbrechen", "&Speichern", "&Verwerfen"]


def test_refuse_export_lists_the_errors(qtbot: Any, window: Any, monkeypatch: Any) -> None:
    shown = {}
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.update(t=text))
    window.doc.set_value("headline", "")
    errors = [p for p in window.validate_now() if p.is_error]
    Dialogs(window).refuse_export(errors)
    assert "Der Entwurf enthält Fehler" in shown["t"]
    assert "• Überschrift" in shown["t"]
