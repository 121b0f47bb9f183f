"""What the editor loads at start (issue 14, point 15): structure, never time.

The window must come quickly and the memory stay low; what is not needed for the
first paint comes after it, and the library (SQLAlchemy, Alembic, a new SQLite file)
only when there is one or the user asks for it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from tests.test_ui.review_support import FakeReviewDialogs

# The editor on first start with the sample, run until the review panels are installed,
# the preview shows pages and the spell checker has its dictionary (or says it has none).
CHILD = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import pressdesk.ui.dictionary as dictionary
import pressdesk.ui.main_window as mw
from pressdesk.ui.app import run

windows, missing = [], []
opened = dictionary._open
def record_open(language):
    print("DICTIONARY", "after-show" if windows and windows[0].isVisible() else "before-show")
    try:
        return opened(language)
    except dictionary.DictionaryMissing:
        missing.append(language)
        raise
dictionary._open = record_open

original = mw.MainWindow.showEvent
def shown(self, event):
    original(self, event)
    if windows:
        return
    windows.append(self)
    before = ("sqlalchemy", "reportlab", "importlib.metadata", "pressdesk.ui.about")
    print("SHOWN", *(name in sys.modules for name in before), flush=True)
    waited = [0]
    def check():
        waited[0] += 1
        spell = self.spell
        ready = spell is not None and (spell.dictionary is not None or missing)
        if (self.review is None or self.preview.pages == 0 or not ready) and waited[0] < 600:
            QTimer.singleShot(100, check)
            return
        print("READY", self.review is not None, self.preview.pages, flush=True)
        for name in ("sqlalchemy", "alembic", "psycopg", "ssl"):
            print("MODULE", name, name in sys.modules, flush=True)
        import linecache
        print("SOURCES", len([f for f in linecache.cache if f.endswith(".py")]), flush=True)
        self.doc.undo_stack.setClean()
        QApplication.instance().exit(0)
    QTimer.singleShot(100, check)
mw.MainWindow.showEvent = shown
sys.exit(run(None, "nrw"))
"""


def run_editor_process(
    tmp_path: Path, args: list[str], **env: str
) -> subprocess.CompletedProcess[str]:
    """A fresh Python running ``args`` as a first start: empty user folders, no library."""
    environ = {k: v for k, v in os.environ.items() if k != "PRESSDESK_STORE"}
    environ.update(
        QT_QPA_PLATFORM="offscreen",
        PRESSDESK_DATA_DIR=str(tmp_path / "userdata"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),  # where the local library would be
        **env,
    )
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=environ, timeout=180
    )


def start_editor(tmp_path: Path, **env: str) -> dict[str, list[str]]:
    done = run_editor_process(tmp_path, ["-c", CHILD], **{"PRESSDESK_USER": "anna", **env})
    assert done.returncode == 0, done.stderr[-2000:]
    found: dict[str, list[str]] = {}
    for line in done.stdout.splitlines():
        name, _, rest = line.partition(" ")
        found.setdefault(name, []).append(rest)
    return found


def test_start_without_a_library_loads_no_sqlalchemy(tmp_path: Path) -> None:
    found = start_editor(tmp_path)
    # neither the store, the exporter nor the About dialog (package metadata) yet
    assert found["SHOWN"] == ["False False False False"]
    assert found["READY"] == ["True 2"]  # review panels in place, the sample previewed
    assert found["MODULE"] == ["sqlalchemy False", "alembic False", "psycopg False", "ssl False"]
    # PySide6 reads each imported module's source; none is kept (about 280 before, 11 MB)
    assert int(found["SOURCES"][0]) < 10
    assert not (tmp_path / "xdg-data" / "pressdesk" / "bibliothek.sqlite").exists()


def test_start_with_a_library_opens_it(tmp_path: Path) -> None:
    """A library chosen before (here through PRESSDESK_STORE) is shown at start."""
    library = tmp_path / "team.sqlite"
    found = start_editor(tmp_path, PRESSDESK_STORE=f"sqlite:///{library}")
    assert found["MODULE"][0] == "sqlalchemy True"
    assert library.exists()


def test_dictionary_loads_after_the_window_is_shown(tmp_path: Path) -> None:
    found = start_editor(tmp_path)
    assert found.get("DICTIONARY", ["after-show"]) == ["after-show"]
    assert found["SHOWN"]


def test_local_library_is_where_the_store_puts_it(tmp_path: Path, monkeypatch: Any) -> None:
    from pressdesk.store.backend import default_url
    from pressdesk.ui.review.settings import default_library

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_url() == f"sqlite:///{default_library()}"


def test_first_take_in_creates_the_library(
    make_window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from pressdesk.ui.review import install

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("PRESSDESK_STORE", raising=False)
    monkeypatch.setenv("PRESSDESK_USER", "anna")
    window = make_window()
    review = install(window, dialogs=FakeReviewDialogs())
    assert review.store is None
    assert review.identity.text() == "ohne Bibliothek"
    library = tmp_path / "xdg-data" / "pressdesk" / "bibliothek.sqlite"
    assert not library.exists()
    # Datei › In Bibliothek aufnehmen, as chosen from the menu
    assert review.take_action.isEnabled()
    review.take_action.trigger()
    QApplication.processEvents()
    assert review.store is not None
    assert review.draft_id is not None
    assert library.exists()
    assert "anna" in review.identity.text()
    assert not [a for a in window.dialogs.asked if a[0] == "error"]


def test_f6_opens_the_library_on_first_use(
    make_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtCore import Qt

    from pressdesk.ui.review import install

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.delenv("PRESSDESK_STORE", raising=False)
    monkeypatch.setenv("PRESSDESK_USER", "anna")
    window = make_window()
    review = install(window, dialogs=FakeReviewDialogs())
    assert review.store is None and not review.library_dock.isVisible()
    with qtbot.waitActive(window):  # shortcuts work in the active window only
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: review.library_dock.isVisible())
    assert review.store is not None
    assert (tmp_path / "xdg-data" / "pressdesk" / "bibliothek.sqlite").exists()


# The editor on a slow or busy machine: half a second passes between show() and the
# first paint. Records what is already done when the window is painted the first time.
SLOW_CHILD = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
import pressdesk.ui.main_window as mw
from pressdesk.ui.app import run

windows = []

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and windows and watched is windows[0]:
            window = windows[0]
            window.removeEventFilter(self)
            form = window.body_editor.blocks[0].text
            print("PAINT", window.review is not None, window.preview._active,
                  form.height() > 4 * form.fontMetrics().lineSpacing(), flush=True)
        return False

spy = FirstPaint()
original = mw.MainWindow.showEvent
def shown(self, event):
    original(self, event)
    if windows:
        return
    windows.append(self)
    self.installEventFilter(spy)
    QTimer.singleShot(0, lambda: time.sleep(0.5))  # the busy machine
    waited = [0]
    def check():
        waited[0] += 1
        if (self.review is None or self.preview.pages == 0) and waited[0] < 600:
            QTimer.singleShot(100, check)
            return
        print("READY", self.review is not None, self.preview.pages, flush=True)
        self.doc.undo_stack.setClean()
        QApplication.instance().exit(0)
    QTimer.singleShot(100, check)
mw.MainWindow.showEvent = shown
sys.exit(run(None, "nrw"))
"""


def test_first_paint_does_not_wait_for_the_start_up_work(tmp_path: Path) -> None:
    """The checks, the preview and the review panels start after the first frame, not
    a fixed time after show(): on a busy machine they delayed the first paint."""
    done = run_editor_process(tmp_path, ["-c", SLOW_CHILD], PRESSDESK_USER="anna")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    # the first frame: the whole form (the first paragraph at its full height), but
    # neither the review panels nor the preview's work yet
    assert "PAINT False False True" in lines
    assert "READY True 2" in lines  # both follow a moment later


def test_self_test_quits_as_a_user_does(tmp_path: Path) -> None:
    """``pressdesk --self-test`` closes its window: no lock file is left beside the
    sample, and the background work ends before the process does (exit code 0)."""
    from pressdesk.paths import reference_sample

    sample = reference_sample()
    lock = sample.with_name(f".~lock.{sample.name}#")
    main = "from pressdesk.cli import main; raise SystemExit(main())"
    done = run_editor_process(tmp_path, ["-c", main, "--self-test"])
    lock_left = lock.exists()
    lock.unlink(missing_ok=True)  # a failed run must not leave it for the next tests
    assert "Selbsttest bestanden" in done.stdout, done.stdout + done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-2000:]
    assert not lock_left


# At the first paint: did PySide6 build QStyle (the class with all its enums, ~14 ms)?
STYLE_CHILD = """
import sys
import PySide6.QtWidgets as widgets
lazy = "QStyle" not in widgets.__dict__  # this PySide6 builds its classes on first use
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import pressdesk.ui.main_window as mw
from pressdesk.ui.app import run

original = mw.MainWindow.showEvent
def shown(self, event):
    original(self, event)
    def painted():
        QApplication.processEvents()
        print("LAZY", lazy, "STYLE", "QStyle" in widgets.__dict__, flush=True)
        QApplication.instance().exit(0)
    QTimer.singleShot(0, painted)
mw.MainWindow.showEvent = shown
sys.exit(run(None, "nrw"))
"""


def test_the_first_paint_does_not_build_the_style_class(tmp_path: Path) -> None:
    """The form column's width asks its scroll bar, not the style: QStyle with its
    enums is built in PySide6 only when a style icon is needed after the first frame."""
    done = run_editor_process(tmp_path, ["-c", STYLE_CHILD], PRESSDESK_USER="anna")
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(x for x in done.stdout.splitlines() if x.startswith("LAZY"))
    if line.startswith("LAZY False"):
        pytest.skip("this PySide6 builds all its classes on import")
    assert line == "LAZY True STYLE False"
