"""Driving the review panels as two people would: helpers shared by the review UI tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pressdesk.store.api import Store

PEOPLE = {"anna": "author", "ben": "reviewer", "carla": "reviewer"}


class FakeReviewDialogs:
    """Canned answers for the review's modal questions; every question is recorded."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, Any]] = []
        self.name: str | None = None
        self.submit_answer: tuple[list[str], str] | None = ([], "")
        self.conflict_answer = "mine"
        self.store_answer: str | None = None
        self.store_test: str = ""

    def ask_name(self, default: str) -> str | None:
        self.asked.append(("name", default))
        return self.name

    def submit(self, reviewers: list[str]) -> tuple[list[str], str] | None:
        self.asked.append(("submit", list(reviewers)))
        return self.submit_answer

    def conflict(self, message: str, diff_html: str) -> str:
        self.asked.append(("conflict", (message, diff_html)))
        return self.conflict_answer

    def store_settings(self, url: str, test: Any) -> str | None:
        self.asked.append(("store", url))
        if self.store_answer is not None:
            self.store_test = test(self.store_answer)
        return self.store_answer


def sqlite_library(folder: Path) -> str:
    url = f"sqlite:///{folder / 'bibliothek.sqlite'}"
    with Store(url, user="owner") as setup:
        for name, role in PEOPLE.items():
            setup.set_role(name, role)
    return url


def open_as(make_window: Any, url: str, user: str, **options: Any) -> Any:
    """A main window of ``user`` with the review installed (the store polled every 50 ms)."""
    from pressdesk.ui.review import install

    window = make_window(**options)
    install(window, url, user, poll_ms=50, dialogs=FakeReviewDialogs())
    return window


def trigger(window: Any, action: Any) -> None:
    """A menu command, as chosen from the menu (the action must be enabled)."""
    assert action.isEnabled(), action.text()
    action.trigger()
    QApplication.processEvents()


def type_at_end(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def select_word_at_start(qtbot: Any, widget: Any) -> None:
    """Click into a paragraph and select its first word with the keyboard."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(
        widget,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def activate(qtbot: Any, window: Any) -> None:
    """Bring the person's window to the front: shortcuts go to the active window."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def save(qtbot: Any, window: Any) -> None:
    """Strg+S in the field the person is typing in."""
    activate(qtbot, window)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
