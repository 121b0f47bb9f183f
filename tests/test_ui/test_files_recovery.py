"""Crash recovery keyed by session, not process id (issue 13, points 3 and 10)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from pressdesk.ui.recovery import RecoveryStore

SESSION = textwrap.dedent(
    """
    import json, os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    {force_pid}
    from pressdesk.model import Draft
    from pressdesk.ui.recovery import RecoveryStore

    folder = Path(sys.argv[1])
    store = RecoveryStore(folder)
    if sys.argv[2] == "crash":
        store.write(Draft(headline="Vor dem Absturz getippt"), None)
        signal.raise_signal(signal.SIGKILL)
    found = [r.draft.headline for r in store.orphans()]
    store.close()  # a clean quit
    print(json.dumps({{"pid": os.getpid(), "found": found}}))
    """
)


def _unshare_works() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(
        ["unshare", "--pid", "--fork", "--mount-proc", "true"], capture_output=True, check=False
    )
    return probe.returncode == 0


def _session(folder: Path, what: str, isolate: bool) -> subprocess.CompletedProcess[str]:
    force = "" if isolate else "os.getpid = lambda: 4242  # the same id every start"
    command = [sys.executable, "-c", SESSION.format(force_pid=force), str(folder), what]
    if isolate:  # a fresh pid namespace: the editor gets the same pid every time
        shell = '"$@"; exit $?'  # pid 1 is the shell: init would ignore the SIGKILL
        command = ["unshare", "--pid", "--fork", "--mount-proc", "sh", "-c", shell, "sh", *command]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


@pytest.mark.parametrize("isolate", [True, False], ids=["pid-namespace", "forced-pid"])
def test_a_restart_with_the_same_pid_still_offers_the_crashed_draft(
    tmp_path: Path, isolate: bool
) -> None:
    if isolate and not _unshare_works():
        pytest.skip("unshare --pid needs root and a kernel that allows it")
    folder = tmp_path / "recovery"
    crashed = _session(folder, "crash", isolate)
    assert crashed.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL), crashed.stderr
    left = list(folder.glob("*.json"))
    assert len(left) == 1
    crashed_pid = json.loads(left[0].read_text(encoding="utf-8"))["pid"]

    restarted = _session(folder, "quit", isolate)
    assert restarted.returncode == 0, restarted.stderr
    report = json.loads(restarted.stdout)
    assert report["pid"] == crashed_pid  # the same id as the crashed editor had
    assert report["found"] == ["Vor dem Absturz getippt"]
    # The clean quit removed only its own file: the crashed session's draft is still there.
    assert list(folder.glob("*.json")) == left


def test_recovery_files_are_private(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        window = make_window(recovery=RecoveryStore(tmp_path / "recovery"))
        qtbot.keyClick(window.header_form.reference, Qt.Key.Key_End)
        qtbot.keyClicks(window.header_form.reference, "-Sperrfrist")
        window.autosaver.save_now()
    finally:
        os.umask(old)
    assert stat.S_IMODE(window.recovery.file.stat().st_mode) == 0o600
    assert stat.S_IMODE(window.recovery.folder.stat().st_mode) == 0o700
    assert "L-Duisburg-Sperrfrist" in window.recovery.file.read_text(encoding="utf-8")
    window.dialogs.changes_answer = "discard"
    assert window.close()
    assert not list((tmp_path / "recovery").iterdir())  # a clean quit leaves nothing


def test_typing_key_by_key_then_kill_restores_in_the_next_window(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    """The whole path through the editor: autosave, crash, offer, restore."""
    folder = tmp_path / "recovery"
    code = textwrap.dedent(
        f"""
        import os, signal
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["PRESSDESK_DATA_DIR"] = {str(tmp_path / "data")!r}
        from pathlib import Path
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from pressdesk.ui.app import create_window
        from pressdesk.ui.recovery import RecoveryStore
        window = create_window(None, "nrw", spelling=False, preview=False,
                               recovery=RecoveryStore(Path({str(folder)!r})))
        window.show()
        field = window.text_form.subheadline
        field.setFocus()
        QTest.keyClicks(field, "Ungesichert")
        window.autosaver.save_now()
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    restored = make_window(recovery=RecoveryStore(folder))
    qtbot.waitUntil(lambda: any(a[0] == "restore" for a in restored.dialogs.asked), timeout=5000)
    assert restored.text_form.subheadline.toPlainText().endswith("Ungesichert")
    assert restored.isWindowModified()
    qtbot.keyClick(restored.text_form.subheadline, Qt.Key.Key_End)
    restored.dialogs.changes_answer = "discard"
    assert restored.close()
    assert not list(folder.glob("*.json"))
