"""A broken exporter is a bug that shows, not a hint in the status bar (issue 13, point 11)."""

from __future__ import annotations

from typing import Any

import pytest

import pressdesk.export.pdf as pdf_export
from pressdesk.export import ExportError


def test_a_program_error_in_the_exporter_is_raised_not_shown_as_a_hint(
    qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise KeyError("layout")  # a bug in the exporter

    monkeypatch.setattr(pdf_export, "render_pdf", broken)
    window = make_window(preview=False)
    with qtbot.captureExceptions() as raised:
        window.preview.activate()
        qtbot.waitUntil(lambda: bool(raised), timeout=10000)
    assert isinstance(raised[0][1], KeyError)
    assert "layout" not in window.preview.status.text()
    assert "Programmfehler" in window.preview.status.text()
    assert not window.preview._busy  # the next change renders again


def test_a_user_caused_export_error_is_shown_in_german(
    qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing_font(*args: Any, **kwargs: Any) -> bytes:
        raise ExportError("Die Schrift „Hausschrift“ ist nicht installiert.")

    monkeypatch.setattr(pdf_export, "render_pdf", missing_font)
    window = make_window(preview=False)
    window.preview.activate()
    qtbot.waitUntil(lambda: "Hausschrift" in window.preview.status.text(), timeout=10000)
    assert window.preview.status.text().startswith("Vorschau nicht möglich:")
