"""Save, reopen, close with unsaved changes, export, recovery after a crash."""

from __future__ import annotations

import os
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from pressdesk.model.files import load_draft
from pressdesk.ui import fileops
from pressdesk.ui.recovery import RecoveryStore
from pressdesk.ui.userdata import recent_files


def test_save_and_reopen(qtbot: Any, window: Any, tmp_path: Path) -> None:
    qtbot.keyClick(window.header_form.reference, Qt.Key.Key_End)
    qtbot.keyClicks(window.header_form.reference, "-2")
    assert window.isWindowModified()
    target = tmp_path / "besuch"
    window.dialogs.next_path = target
    assert fileops.save_as(window)
    saved = tmp_path / "besuch.pressdesk"
    assert load_draft(saved).header.reference == "L-Duisburg-2"
    assert not window.isWindowModified()
    assert window.windowTitle() == "besuch.pressdesk[*] – PressDesk"
    assert recent_files()[0] == saved.resolve()
    fileops.fill_recent(window)
    assert window.recent_menu.actions()[0].text() == "&1 besuch.pressdesk"

    qtbot.keyClick(window.header_form.reference, Qt.Key.Key_End)
    qtbot.keyClicks(window.header_form.reference, "x")
    assert window.isWindowModified()
    window.dialogs.changes_answer = "discard"
    fileops.new(window)
    assert window.doc.draft.headline == ""
    assert window.header_form.date.value() == date.today().isoformat()
    assert window.text_form.headline.toPlainText() == ""
    assert len(window.body_editor.blocks) == 0
    assert fileops.open_file(window, saved)
    assert window.header_form.reference.text() == "L-Duisburg-2"
    assert window.text_form.headline.toPlainText() == load_draft(saved).headline
    assert not window.isWindowModified()
    assert not window.doc.undo_stack.canUndo()

    qtbot.keyClick(window.header_form.reference, Qt.Key.Key_End)
    qtbot.keyClicks(window.header_form.reference, "y")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_draft(saved).header.reference == "L-Duisburg-2y"


def test_open_broken_file_shows_german_error(window: Any, tmp_path: Path) -> None:
    bad = tmp_path / "kaputt.pressdesk"
    bad.write_text("{nicht json", encoding="utf-8")
    assert not fileops.open_file(window, bad)
    kind, text = window.dialogs.asked[-1]
    assert kind == "error" and "beschädigt" in text and "JSON" not in text
    assert window.doc.path is None


def test_close_with_unsaved_changes_asks(qtbot: Any, window: Any) -> None:
    qtbot.keyClicks(window.header_form.reference, "z")
    window.dialogs.changes_answer = "cancel"
    assert not window.close()
    assert window.isVisible()
    assert window.dialogs.asked[-1] == ("changes", "Unbenannt")
    window.dialogs.changes_answer = "discard"
    assert window.close()


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_export(window: Any, tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"mitteilung.{kind}"
    assert fileops.export(window, kind, target) == target
    data = target.read_bytes()
    if kind == "pdf":
        assert data.startswith(b"%PDF")
    else:
        assert "word/document.xml" in zipfile.ZipFile(target).namelist()


def test_export_refused_with_errors(window: Any, tmp_path: Path) -> None:
    window.doc.set_value("headline", "")
    target = tmp_path / "x.pdf"
    assert fileops.export(window, "pdf", target) is None
    assert not target.exists()
    kind, messages = window.dialogs.asked[-1]
    assert kind == "refuse"
    assert any(m.startswith("Überschrift") for m in messages)


def test_suggested_export_name(window: Any) -> None:
    name = Path(fileops.suggested_name(window, ".pdf")).name
    assert name.startswith("2018-07-18_Staatssekretaerin-Gueler")
    assert name.endswith(".pdf")


def test_dialogs_open_where_the_user_works_not_in_the_start_folder(
    window: Any, tmp_path: Path
) -> None:
    # Started from a terminal or a launcher, the working folder means nothing to the user.
    fileops.new(window)
    suggested = Path(fileops.suggested_name(window, ".pressdesk"))
    assert suggested.is_absolute() and suggested.parent != Path.cwd()
    assert suggested.parent.is_dir()

    folder = tmp_path / "Pressemitteilungen"
    folder.mkdir()
    fileops.save_as(window, folder / "alt.pressdesk")
    fileops.new(window)
    assert Path(fileops.suggested_name(window, ".pressdesk")).parent == folder
    fileops.open_file(window)  # the fake dialog answers None: cancelled
    assert window.dialogs.asked[-1] == ("open", str(folder))


def test_typing_without_a_pause_is_still_autosaved(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    window = make_window(recovery=RecoveryStore(tmp_path / "recovery"))
    window.autosaver.timer.setInterval(300)  # the idle pause, never reached below
    window.autosaver.longest.setInterval(400)
    field = window.text_form.subheadline
    field.setFocus()
    for _ in range(12):  # 1.2 s of steady typing, a key every 100 ms
        qtbot.keyClicks(field, "a")
        qtbot.wait(100)
        if window.recovery.file.exists():
            break
    assert window.recovery.file.exists()
    window.recovery.discard()


def test_recovery_after_crash_restores_text(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    crashed = make_window(recovery=RecoveryStore(folder))
    crashed.autosaver.timer.setInterval(50)
    qtbot.keyClicks(crashed.text_form.subheadline, "Neu getippt vor dem Absturz")
    qtbot.waitUntil(lambda: crashed.recovery.file.exists(), timeout=3000)
    # The crash: the window disappears without closing, its recovery file stays.
    crashed.autosaver.timer.stop()
    os.close(crashed.recovery._lock_fd)  # what the kernel does when the process dies
    crashed.autosaver.store = RecoveryStore(tmp_path / "elsewhere")
    crashed.recovery = None
    crashed.hide()

    restored = make_window(recovery=RecoveryStore(folder))
    qtbot.waitUntil(lambda: any(a[0] == "restore" for a in restored.dialogs.asked), timeout=3000)
    assert restored.doc.draft.subheadline == "Neu getippt vor dem Absturz"
    assert restored.text_form.subheadline.toPlainText() == "Neu getippt vor dem Absturz"
    assert restored.isWindowModified()
    assert restored.recovery.file.exists()  # protected again at once
    assert len(list(folder.glob("*.json"))) == 1


def test_clean_close_leaves_no_recovery(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    window = make_window(recovery=RecoveryStore(folder))
    qtbot.keyClicks(window.header_form.reference, "1")
    window.autosaver.save_now()
    assert window.recovery.file.exists()
    window.dialogs.changes_answer = "discard"
    assert window.close()
    assert not list(folder.glob("*.json"))


def test_open_draft_given_on_the_command_line(make_window: Any, tmp_path: Path) -> None:
    from pressdesk.model.files import save_draft
    from pressdesk.profile import load_profile

    draft = load_profile("nrw").new_draft()
    draft.headline = "Aus der Kommandozeile"
    path = tmp_path / "cli.pressdesk"
    save_draft(draft, path)
    window = make_window(path)
    assert window.text_form.headline.toPlainText() == "Aus der Kommandozeile"
    assert window.windowTitle() == "cli.pressdesk[*] – PressDesk"


def test_drop_a_draft_file_opens_it(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from pressdesk.model.files import save_draft

    draft = window.doc.profile.new_draft()
    draft.headline = "Gezogen und fallen gelassen"
    path = tmp_path / "gezogen.pressdesk"
    save_draft(draft, path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.doc.path == path, timeout=2000)
    assert window.text_form.headline.toPlainText() == "Gezogen und fallen gelassen"


def test_only_the_first_start_shows_the_sample(make_window: Any) -> None:
    from pressdesk.ui.userdata import first_start

    assert first_start()
    assert not first_start()
    window = make_window(sample=False)
    assert window.doc.draft.headline == ""
    assert window.doc.draft.header.date == date.today().isoformat()
    assert window.doc.draft.press_office.organisation  # the profile's sender block
