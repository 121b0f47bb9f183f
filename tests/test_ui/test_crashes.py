"""Crash hunting: the Qt binding's reference counts, the crash log, workers, a soak.

The soak test drives the editor with random edits, block changes, undo/redo,
preview refreshes, exports and open/close. In CI it runs a few seconds;
``PRESSDESK_SOAK_SECONDS=600 pytest tests/test_ui/test_crashes.py -k soak`` runs it
for ten minutes by hand (``PRESSDESK_SOAK_SEED`` repeats a run).
"""

from __future__ import annotations

import gc
import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from pressdesk.paths import samples_dir
from pressdesk.ui import fileops, workers
from pressdesk.ui.dictionary import dictionary_available
from pressdesk.ui.widgets import LinesField, TextField

REPO = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier


def test_qt_calls_keep_none_alive(qtbot: Any) -> None:
    """PySide6 6.12.0 on Python 3.11 loses a reference to None per call of a method
    that returns nothing; the editor died after some thousand key presses with
    "Fatal Python error: none_dealloc" (or bool_dealloc, or a segmentation fault)."""
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.show()
    before = sys.getrefcount(None)
    for i in range(2000):
        widget.setText(str(i))
        widget.update()
    assert abs(sys.getrefcount(None) - before) < 100


def run_child(code: str, data_dir: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PRESSDESK_DATA_DIR=str(data_dir))
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
    )


def test_a_hard_crash_leaves_a_log_in_the_data_folder(tmp_path: Path) -> None:
    result = run_child(
        """
        import faulthandler
        from pressdesk.ui.app import enable_crash_log
        enable_crash_log()
        faulthandler._sigsegv()
        """,
        tmp_path,
    )
    assert result.returncode != 0
    log = (tmp_path / "absturz.log").read_text(encoding="utf-8")
    assert "PressDesk gestartet" in log
    assert "Segmentation fault" in log and "<string>" in log  # the Python stack


def test_workers_never_import(tmp_path: Path) -> None:
    """A module imported for the first time in a worker thread runs PySide's import
    hook there; the UI thread does every job once first (pressdesk.ui.workers)."""
    result = run_child(
        """
        import sys, threading
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from pressdesk.ui.app import create_window
        from pressdesk.ui.dictionary import dictionary_available
        window = create_window(None, "nrw", spelling=dictionary_available(), preview=True)
        window.show()
        while window.preview.pages == 0 or (window._want_spelling and (
                window.spell is None or window.spell.dictionary is None)):
            QTest.qWait(50)
        QTest.qWait(300)
        from pressdesk.export.pdf import render_pdf
        from pressdesk.model import load_draft
        from pressdesk.paths import samples_dir
        from pressdesk.validation import validate
        drafts = [load_draft(p) for p in sorted(samples_dir().glob("*.pressdesk"))]
        before = set(sys.modules)
        def job():
            for draft in drafts:
                validate(draft, window.doc.profile)
                render_pdf(draft, profile=window.doc.profile, final=False)
                if window.spell is not None:
                    for word in draft.headline.split():
                        window.spell.dictionary.lookup(word)
                        window.spell.dictionary.suggest(word)
        thread = threading.Thread(target=job)
        thread.start()
        thread.join()
        print("NEW", sorted(set(sys.modules) - before))
        window.close()
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "NEW []" in result.stdout, result.stdout


# soak -------------------------------------------------------------------------------
def _text_fields(window: Any) -> list[QWidget]:
    fields = [
        w
        for w in window.form_page.findChildren(QWidget)
        if isinstance(w, TextField | QLineEdit) and w.isVisible() and w.isEnabled()
    ]
    return [w for w in fields if not w.isReadOnly()] if fields else []


def _check_form_equals_draft(window: Any) -> None:
    registry = window.registry
    for path in list(registry.bound):
        widget = registry.widgets[path]
        try:
            value = window.doc.value(path)
        except (IndexError, AttributeError):
            continue
        if isinstance(widget, LinesField):
            assert widget.lines() == list(value), path
        elif isinstance(widget, TextField):
            assert widget.toPlainText() == value, path
        elif isinstance(widget, QLineEdit) and not widget.hasFocus():
            assert widget.text() == value or path.endswith("date"), path
    assert len(window.body_editor.blocks) == len(window.doc.draft.body)


def _press(qtbot: Any, window: Any, key: Any, modifiers: Any = CTRL) -> None:
    """A key to whatever has the focus (a folded section may have taken it away)."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def _soak_step(qtbot: Any, window: Any, rng: random.Random, out: Path) -> None:
    body = window.body_editor
    action = rng.choices(
        [
            "type",
            "block",
            "retype",
            "move",
            "undo",
            "redo",
            "preview",
            "export",
            "open",
            "new",
            "fold",
            "problem",
        ],
        weights=[30, 6, 8, 4, 10, 6, 4, 1, 1, 1, 3, 3],
    )[0]
    focus = QApplication.focusWidget()
    if action == "type":
        fields = _text_fields(window)
        if fields:
            field = rng.choice(fields)
            field.setFocus()
            # QTest types ASCII only; the typography makes „…“ and – of it.
            words = ["Land", " foerdert", ' "Integration"', " 24.12.2026", " -- ", " Dr. Beispiel"]
            qtbot.keyClicks(field, rng.choice(words))
            if rng.random() < 0.2:
                qtbot.keyClick(field, Qt.Key.Key_Backspace)
    elif action == "block" and focus is not None:
        _press(qtbot, window, Qt.Key.Key_Return)
    elif action == "retype" and body.blocks:
        block = rng.choice(body.blocks)
        (block.items if block.items.isVisible() else block.text).setFocus()
        _press(qtbot, window, rng.choice("1234"))
    elif action == "move" and body.blocks:
        rng.choice(body.blocks).text.setFocus()
        key = rng.choice([Qt.Key.Key_Up, Qt.Key.Key_Down])
        modifiers = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        _press(qtbot, window, key, modifiers)
    elif action in ("undo", "redo"):
        for _ in range(rng.randint(1, 4)):
            (window.undo_action if action == "undo" else window.redo_action).trigger()
    elif action == "preview":
        window.preview.refresh_now()
    elif action == "export":
        window.dialogs.next_path = out / "soak.pdf"
        fileops.export(window, "pdf")
    elif action == "open":
        fileops.open_file(window, rng.choice(sorted(samples_dir().glob("*.pressdesk"))))
    elif action == "new":
        fileops.new(window)
    elif action == "fold":
        section = rng.choice(window.sections)
        section.set_expanded(not section.body.isVisible())
    elif action == "problem":
        window.next_problem()
    qtbot.wait(rng.choice([0, 1, 5, 30]))


def test_soak(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    seconds = float(os.environ.get("PRESSDESK_SOAK_SECONDS", "6"))
    seed = int(os.environ.get("PRESSDESK_SOAK_SEED", str(random.randrange(10**6))))
    rng = random.Random(seed)
    print(f"soak: {seconds} s, PRESSDESK_SOAK_SEED={seed}")
    # Garbage of earlier tests (reportlab documents, closed windows) holds tens of
    # thousands of references to None; collected in the middle of the soak it looked
    # like the loss below (a CI run, seed 828174: one collection before it freed 32,119).
    gc.collect()
    none_before = sys.getrefcount(None)
    deadline = time.monotonic() + seconds
    windows = steps = 0
    while time.monotonic() < deadline:
        window = make_window(preview=True, spelling=dictionary_available())
        windows += 1
        for _ in range(rng.randint(20, 120)):
            _soak_step(qtbot, window, rng, tmp_path)
            steps += 1
            if time.monotonic() > deadline:
                break
        qtbot.waitUntil(lambda w=window: not w.preview._busy, timeout=30000)
        qtbot.wait(50)
        _check_form_equals_draft(window)
        window.doc.undo_stack.setClean()  # close without the question
        window.close()
        assert workers.wait_all(10), workers.running()
        qtbot.wait(10)
    print(f"soak: {windows} windows, {steps} steps")
    assert steps > 20
    gc.collect()
    assert sys.getrefcount(None) > none_before - 1000  # no steady loss (6.12.0)


@pytest.mark.skipif(not dictionary_available(), reason="kein deutsches Wörterbuch")
def test_soak_environment_has_a_dictionary() -> None:
    assert dictionary_available()
