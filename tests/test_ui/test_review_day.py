"""The whole review day in the window, on the SQLite store, with two people.

Anna writes and submits; Ben comments on a paragraph and sends it back; Anna edits
and resubmits; Ben reads the diff and approves; Anna's next edit voids the approval;
Ben's queue follows without a restart; a conflicting save loses no text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from pressdesk.store.api import Store
from pressdesk.ui import fileops
from tests.pg_server import Library
from tests.test_export.pdfread import page_texts
from tests.test_ui.review_support import (
    open_as,
    save,
    select_word_at_start,
    sqlite_library,
    trigger,
    type_at_end,
)

LEFT = Qt.MouseButton.LeftButton


def has_draft_mark(path: Path) -> bool:
    """ENTWURF is drawn as outlines in a Watermark artifact, never as text."""
    from pressdesk.publish.pdfua import page_marks

    return any(m.watermarks for m in page_marks(path.read_bytes()))


def pdf_text(path: Path) -> str:
    return "\n".join(page_texts(path.read_bytes()))


def run_the_day(qtbot: Any, anna: Any, ben: Any, url: str, tmp_path: Path) -> None:
    a, b = anna.review, ben.review
    # Anna writes: a new sentence at the end of the first paragraph, then takes the
    # release into the library and gives it to Ben, who must co-sign.
    first = anna.body_editor.blocks[0].text
    type_at_end(qtbot, first, " Neu: Sprechstunden am Abend.")
    assert "Lokale Datei" in a.banner.text() or "Neuer Entwurf" in a.banner.text()
    trigger(anna, a.take_action)
    assert "Entwurf, Version 1" in a.banner.text()
    assert not anna.isWindowModified()
    a.dialogs.submit_answer = (["ben"], "30.11.2026 14:00")
    trigger(anna, a.submit_action)
    [(_, team)] = [q for q in a.dialogs.asked if q[0] == "submit"]
    assert "ben" in team and "carla" in team and "anna" not in team  # reviewers, not Anna
    assert a.banner.text().startswith("In Prüfung bei ben")
    assert "Frist 30.11.2026 14:00" in a.banner.text()
    assert "In Prüfung" in anna.windowTitle()

    # Ben's queue updates by itself; he opens the release from it.
    qtbot.waitUntil(lambda: len(b.queue.entries) == 1, timeout=5000)
    assert b.queue_dock.windowTitle() == "Zur Prüfung (1)"
    row = b.queue.tree.topLevelItem(0)
    assert row is not None and row.text(2).startswith(anna.doc.draft.headline)
    assert "von anna · freigegeben: noch niemand · fehlt: ben" in row.text(2)
    qtbot.mouseClick(b.queue.open_button, LEFT)
    assert "Sprechstunden am Abend" in ben.body_editor.blocks[0].text.toPlainText()

    # Ben selects the first word of the paragraph and comments beside it.
    paragraph = ben.body_editor.blocks[0].text
    select_word_at_start(qtbot, paragraph)
    qtbot.keyClick(
        paragraph,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert b.comments.input.hasFocus()
    assert "Absatz" in b.comments.target.text() or "Block" in b.comments.target.text()
    qtbot.keyClicks(b.comments.input, "Bitte den Titel ausschreiben.")
    qtbot.keyClick(b.comments.input, Qt.Key.Key_Return)
    assert paragraph.property("comment") == "open"
    assert b.tabs.tabText(1) == "Kommentare (1)"
    [note] = b.detail.comments
    assert note.field_path == "body[0].text"
    assert note.text.startswith("„Integrationsstaatssekretärin")

    # … and sends it back with a reason typed into the queue.
    qtbot.keyClicks(b.queue.reason, "Titel ausschreiben, dann gern.")
    qtbot.mouseClick(b.queue.return_button, LEFT)
    assert b.queue.entries == []
    assert b.queue_dock.windowTitle() == "Zur Prüfung (0)"

    # Anna sees it without a restart: banner, comment beside her paragraph.
    qtbot.waitUntil(lambda: "Änderungen erbeten von ben" in a.banner.text(), timeout=5000)
    assert "Titel ausschreiben, dann gern." in a.banner.text()
    mine = anna.body_editor.blocks[0].text
    assert mine.property("comment") == "open"
    assert a.tabs.tabText(1) == "Kommentare (1)"
    type_at_end(qtbot, mine, " Titel jetzt ausgeschrieben.")
    save(qtbot, anna)
    assert not anna.isWindowModified()
    assert "Entwurf, Version 2" in a.banner.text()
    item = a.comments.tree.topLevelItem(0)
    assert item is not None
    a.tabs.setCurrentWidget(a.comments)
    qtbot.mouseClick(
        a.comments.tree.viewport(), LEFT, pos=a.comments.tree.visualItemRect(item).center()
    )
    qtbot.keyClicks(a.comments.input, "Erledigt, danke.")
    qtbot.mouseClick(a.comments.reply_button, LEFT)
    qtbot.mouseClick(a.comments.resolve_button, LEFT)
    assert mine.property("comment") == ""
    assert a.tabs.tabText(1) == "Kommentare"
    a.dialogs.submit_answer = (["ben"], "")
    trigger(anna, a.submit_action)

    # Ben's queue has it again; he reads what changed and approves.
    qtbot.waitUntil(lambda: len(b.queue.entries) == 1, timeout=5000)
    qtbot.mouseClick(b.queue.open_button, LEFT)
    assert "ausgeschrieben" in ben.body_editor.blocks[0].text.toPlainText()
    qtbot.mouseClick(b.history.since_button, LEFT)
    assert b.history_dock.isVisible()
    assert "Titel jetzt ausgeschrieben." in b.history.diff.toPlainText()
    assert "#c8e6c9" in b.history.html and "ausgeschrieben.</ins>" in b.history.html
    qtbot.mouseClick(b.queue.approve_button, LEFT)
    assert b.banner.text().startswith("Freigegeben von ben am")
    assert b.queue.entries == []

    # Anna: approved and unchanged, so the export leaves out ENTWURF and says so.
    qtbot.waitUntil(lambda: a.banner.text().startswith("Freigegeben von ben"), timeout=5000)
    assert "Inhalt unverändert" in a.banner.text()
    assert "ohne ENTWURF" in anna.export_pdf_action.text()
    final = fileops.export(anna, "pdf", tmp_path / "final.pdf")
    assert final is not None and not has_draft_mark(final)
    assert "ENTWURF" not in pdf_text(final)

    # Ben opens it to make a small change of his own, and has not saved yet …
    b.open_release(a.draft_id)
    type_at_end(qtbot, ben.body_editor.blocks[1].text, " Ergaenzt von Ben.")
    # … when Anna's next edit voids the approval.
    type_at_end(qtbot, anna.text_form.subheadline, "Abendsprechstunden ab Dezember")
    assert "beim Speichern erlischt die Freigabe" in a.banner.text()
    assert "mit ENTWURF" in anna.export_pdf_action.text()
    save(qtbot, anna)
    assert a.banner.text().startswith("Freigabe erloschen: geändert nach der Freigabe")
    assert "Entwurf" in anna.windowTitle()
    draft_copy = fileops.export(anna, "pdf", tmp_path / "entwurf.pdf")
    assert draft_copy is not None and has_draft_mark(draft_copy)

    # Ben's unsaved text is based on the older version: his save is refused, he
    # reads the diff and keeps his as a new version. Nobody's text is lost.
    qtbot.waitUntil(lambda: "hat inzwischen Version" in b.banner.text(), timeout=5000)
    b.dialogs.conflict_answer = "mine"
    save(qtbot, ben)
    [(_, (message, diff))] = [q for q in b.dialogs.asked if q[0] == "conflict"]
    assert "anna" in message and "nicht verloren" in message
    assert "Ergaenzt von Ben." in diff
    assert not ben.isWindowModified()
    with Store(url, user="anna") as store:
        detail = store.show(a.draft_id)
        kinds = [v.kind for v in detail.versions]
        assert kinds == ["version", "version", "version", "conflict", "version"]
        current = store.get(a.draft_id)
        anna_version = store.get(a.draft_id, 3)
    assert "Ergaenzt von Ben." in current.body[1].text
    assert anna_version.subheadline == "Abendsprechstunden ab Dezember"
    # Anna's window shows the newest version by itself (she had nothing unsaved).
    qtbot.waitUntil(
        lambda: "Ergaenzt von Ben." in anna.body_editor.blocks[1].text.toPlainText(), timeout=5000
    )


def test_the_whole_day_on_sqlite(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    url = sqlite_library(tmp_path)
    anna = open_as(make_window, url, "anna")
    ben = open_as(make_window, url, "ben")
    assert not ben.review.queue.entries
    run_the_day(qtbot, anna, ben, url, tmp_path)


def test_the_whole_day_on_the_postgresql_server(
    qtbot: Any, make_window: Any, tmp_path: Path, pg_library: Library
) -> None:
    """The same day against the suite's PostgreSQL server: each person logs in as
    themselves (the database knows who is a reviewer and enforces four eyes)."""
    anna = open_as(make_window, pg_library.url_for("anna"), "anna")
    ben = open_as(make_window, pg_library.url_for("ben"), "ben")
    assert anna.review.user == "anna" and ben.review.role == "reviewer"
    assert "postgresql://ben@" in ben.review.identity.toolTip()
    run_the_day(qtbot, anna, ben, pg_library.url_for("anna"), tmp_path)
