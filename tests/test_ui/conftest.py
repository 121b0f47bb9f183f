"""Fixtures for driving the real editor window offscreen with pytest-qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import Any

import pytest


class FakeDialogs:
    """Canned answers instead of modal boxes; every question is recorded."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, Any]] = []
        self.next_path: Path | None = None
        self.changes_answer = "discard"
        self.print_path: Path | None = None  # "print" into this PDF file
        self.restore_answer = "restore"

    def open_path(self, folder: str = "") -> Path | None:
        self.asked.append(("open", folder))
        return self.next_path

    def save_path(self, suggested: str, file_filter: str = "") -> Path | None:
        self.asked.append(("save", suggested))
        return self.next_path

    def save_changes(self, name: str) -> str:
        self.asked.append(("changes", name))
        return self.changes_answer

    def print_setup(self, printer: Any) -> bool:
        self.asked.append(("print", str(self.print_path)))
        if self.print_path is None:
            return False
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_path))
        return True

    def house_setup(self, profile: Any) -> Path | None:
        self.asked.append(("house", profile.name))
        return self.next_path

    def info(self, title: str, text: str) -> None:
        self.asked.append(("info", text))

    def error(self, title: str, text: str) -> None:
        self.asked.append(("error", text))

    def refuse_export(self, problems: Any) -> None:
        self.asked.append(("refuse", [p.message for p in problems]))

    def restore(self, description: str) -> str:
        self.asked.append(("restore", description))
        return self.restore_answer


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "userdata"
    monkeypatch.setenv("PRESSDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def make_window(qtbot: Any) -> Any:
    from pressdesk.ui.app import create_window

    def make(path: Any = None, **options: Any) -> Any:
        options.setdefault("spelling", False)
        options.setdefault("preview", False)
        from PySide6.QtWidgets import QApplication

        if QApplication.style().name().lower() != "fusion":
            QApplication.setStyle("Fusion")  # once: setting it again re-polishes every widget
            from pressdesk.ui.app import german

            german(QApplication.instance())
        window = create_window(path, "nrw", **options)
        window.dialogs = FakeDialogs()
        window.resize(1280, 800)  # the offscreen screen is 800 × 800; the tests mean a PC's
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: Any) -> Any:
    return make_window()
