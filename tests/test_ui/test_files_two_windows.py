"""Two windows, one file: lock, check before saving, file watcher (issue 13, point 2).

The main case runs the other window as a real second process on the same file.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from pressdesk.model.files import load_draft, save_draft
from pressdesk.model.lock import lock_path
from pressdesk.paths import reference_sample
from pressdesk.ui import fileops
from tests.conftest import REPO
from tests.test_ui.conftest import FakeDialogs


class GuardDialogs(FakeDialogs):
    """Canned answers for the lock and "changed on disk" questions too."""

    def __init__(self, locked: str = "readonly", changed: list[str] | None = None) -> None:
        super().__init__()
        self.locked_answer = locked
        self.changed_answers = list(changed or [])
        self.read_only_answer = "cancel"

    def locked(self, name: str, owner: str) -> str:
        self.asked.append(("locked", f"{name}: {owner}"))
        return self.locked_answer

    def changed_on_disk(self, name: str) -> str:
        self.asked.append(("changed", name))
        return self.changed_answers.pop(0) if self.changed_answers else "cancel"

    def read_only(self, name: str, message: str) -> str:
        self.asked.append(("read_only", message))
        return self.read_only_answer

    def show_diff(self, name: str, diff: str) -> None:
        self.asked.append(("diff", diff))


OTHER_WINDOW = textwrap.dedent(
    """
    import json, os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["PRESSDESK_DATA_DIR"] = sys.argv[2]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from pressdesk.ui import fileops
    from pressdesk.ui.app import create_window
    from tests.test_ui.test_files_two_windows import GuardDialogs

    window = create_window(sys.argv[1], "nrw", spelling=False, preview=False)
    window.dialogs = GuardDialogs(locked=sys.argv[3])
    window.show()
    for _ in range(20):
        app.processEvents()  # the lock question comes once the window is up
    field = window.text_form.headline
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_End)
    QTest.keyClicks(field, " (Fassung A)")
    saved = fileops.save(window)
    print(json.dumps({"asked": window.dialogs.asked, "saved": saved}), flush=True)
    window.close()
    os._exit(0)  # no teardown order games at interpreter exit
    """
)


def other_window(path: Path, data: Path, answer: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", OTHER_WINDOW, str(path), str(data), answer],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return report


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "d.pressdesk"
    shutil.copy(reference_sample(), path)
    return path


def type_into_headline(qtbot: Any, window: Any, text: str) -> None:
    field = window.text_form.headline
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_End)
    qtbot.keyClicks(field, text)


def test_two_processes_on_one_file_lose_nothing(
    qtbot: Any, make_window: Any, draft_file: Path, tmp_path: Path, data_dir: Path
) -> None:
    b = make_window(draft_file)
    qtbot.waitUntil(lambda: b.guard.lock is not None, timeout=5000)
    assert lock_path(draft_file).exists()
    b.dialogs = GuardDialogs(changed=["compare", "cancel", "save_as"])

    # The other process finds the lock, opens anyway, types and saves.
    a = other_window(draft_file, tmp_path / "data-a", "open")
    assert a["saved"]
    (kind, question), *_ = a["asked"]
    assert kind == "locked" and question.startswith("d.pressdesk: ")
    assert " auf " in question and " seit " in question  # who and since when
    a_text = load_draft(draft_file).headline
    assert a_text.endswith("(Fassung A)")

    # This window notices at once, and counts as modified: closing would ask.
    qtbot.waitUntil(lambda: b.guard.changed_outside, timeout=10000)
    assert b.isWindowModified()
    assert "außerhalb dieses Fensters geändert" in b.statusBar().currentMessage()

    # Saving here asks; "Vergleichen" shows both, "Abbrechen" keeps A's file.
    type_into_headline(qtbot, b, " (Fassung B)")
    qtbot.keyClick(b, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    kinds = [k for k, _ in b.dialogs.asked]
    assert kinds == ["changed", "diff", "changed"]
    diff = b.dialogs.asked[1][1]
    assert "-" in diff and "(Fassung A)" in diff and "(Fassung B)" in diff
    assert load_draft(draft_file).headline == a_text

    # "Meine behalten" saves under a new name; A's file stays A's.
    b.dialogs.next_path = tmp_path / "b.pressdesk"
    qtbot.keyClick(b, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_draft(tmp_path / "b.pressdesk").headline.endswith("(Fassung B)")
    assert load_draft(draft_file).headline == a_text
    assert not b.isWindowModified()
    assert lock_path(tmp_path / "b.pressdesk").exists()
    assert not lock_path(draft_file).exists()  # B let go of the old file
    assert b.close()
    assert not lock_path(tmp_path / "b.pressdesk").exists()


def test_the_second_window_offers_read_only_and_never_overwrites(
    qtbot: Any, make_window: Any, draft_file: Path, tmp_path: Path
) -> None:
    first = make_window(draft_file)
    qtbot.waitUntil(lambda: first.guard.lock is not None, timeout=5000)
    before = draft_file.read_bytes()
    a = other_window(draft_file, tmp_path / "data-a", "readonly")
    assert not a["saved"]
    assert [k for k, _ in a["asked"]] == ["locked", "read_only"]
    assert "schreibgeschützt geöffnet" in a["asked"][1][1]
    assert draft_file.read_bytes() == before


def test_cancel_at_the_lock_question_keeps_the_current_draft(
    qtbot: Any, make_window: Any, draft_file: Path
) -> None:
    first = make_window(draft_file)
    qtbot.waitUntil(lambda: first.guard.lock is not None, timeout=5000)
    second = make_window()
    second.dialogs = GuardDialogs(locked="cancel")
    assert not fileops.open_file(second, draft_file)
    assert second.doc.path is None
    assert second.dialogs.asked[-1][0] == "locked"


def test_opening_the_same_file_again_in_the_same_window_does_not_ask(
    qtbot: Any, make_window: Any, draft_file: Path
) -> None:
    window = make_window(draft_file)
    qtbot.waitUntil(lambda: window.guard.lock is not None, timeout=5000)
    window.dialogs = GuardDialogs(locked="cancel")
    assert fileops.open_file(window, draft_file)
    assert window.dialogs.asked == []
    assert window.guard.lock is not None and lock_path(draft_file).exists()


def test_take_theirs_shows_the_other_version(
    qtbot: Any, make_window: Any, draft_file: Path
) -> None:
    window = make_window(draft_file)
    qtbot.waitUntil(lambda: window.guard.lock is not None, timeout=5000)
    window.dialogs = GuardDialogs(changed=["theirs"])
    other = load_draft(draft_file)
    other.headline = "Von einem anderen Programm gespeichert"
    save_draft(other, draft_file)
    type_into_headline(qtbot, window, " - meine Fassung")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.text_form.headline.toPlainText() == "Von einem anderen Programm gespeichert"
    assert load_draft(draft_file).headline == "Von einem anderen Programm gespeichert"
    assert not window.isWindowModified()


def test_a_read_only_file_offers_save_as(
    qtbot: Any, make_window: Any, draft_file: Path, tmp_path: Path
) -> None:
    draft_file.chmod(0o444)
    window = make_window(draft_file)
    qtbot.waitUntil(lambda: window.guard.path == draft_file, timeout=5000)
    window.dialogs = GuardDialogs()
    window.dialogs.read_only_answer = "save_as"
    window.dialogs.next_path = tmp_path / "kopie.pressdesk"
    type_into_headline(qtbot, window, "!")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    kind, message = window.dialogs.asked[0]
    assert kind == "read_only" and "schreibgeschützt" in message
    assert load_draft(tmp_path / "kopie.pressdesk").headline.endswith("!")
    assert not load_draft(draft_file).headline.endswith("!")


def test_an_unmodified_window_asks_before_closing_once_the_file_changed(
    qtbot: Any, make_window: Any, draft_file: Path
) -> None:
    window = make_window(draft_file)
    qtbot.waitUntil(lambda: window.guard.lock is not None, timeout=5000)
    assert not window.isWindowModified()
    other = load_draft(draft_file)
    other.headline = "Überschrieben"
    save_draft(other, draft_file)
    qtbot.waitUntil(lambda: window.isWindowModified(), timeout=10000)
    window.dialogs.changes_answer = "cancel"
    assert not window.close()
    assert window.dialogs.asked[-1] == ("changes", "d.pressdesk")
    window.dialogs.changes_answer = "discard"
    assert window.close()


def test_export_from_the_editor_never_replaces_a_draft(
    make_window: Any, draft_file: Path, tmp_path: Path
) -> None:
    window = make_window(draft_file)
    before = draft_file.read_bytes()
    assert fileops.export(window, "pdf", draft_file) is None
    other = tmp_path / "anderer.pressdesk"
    other.write_bytes(before)
    assert fileops.export(window, "docx", other) is None
    assert draft_file.read_bytes() == before and other.read_bytes() == before
    assert "PressDesk-Entwurf" in window.dialogs.asked[-1][1]
