"""The review panels one by one: library, identity, store dialog, queue at start, withdraw."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTextBrowser

from pressdesk.model import Embargo, load_draft
from pressdesk.paths import reference_sample
from pressdesk.store.api import Store
from pressdesk.ui.review import install, settings
from pressdesk.ui.review.library import PAGE
from tests.test_ui.review_support import (
    FakeReviewDialogs,
    open_as,
    sqlite_library,
    trigger,
)

LEFT = Qt.MouseButton.LeftButton


def fill(url: str, author: str, count: int, word: str = "") -> list[int]:
    base = load_draft(reference_sample())
    ids = []
    with Store(url, user=author) as store:
        for i in range(count):
            draft = copy.deepcopy(base)
            draft.headline = f"Meldung {i:03d} von {author} {word}".strip()
            draft.header.reference = f"{author}-{i}"
            ids.append(store.add(draft))
    return ids


def test_library_loads_page_by_page_newest_first(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    url = sqlite_library(tmp_path)
    fill(url, "anna", PAGE + 30)
    window = open_as(make_window, url, "anna")
    panel = window.review.library
    assert window.review.library_dock.isVisible()
    model = panel.model
    assert model.rowCount() == PAGE  # only the first page was read
    assert model.pages_loaded == 1
    first = model.index(0, 2).data()
    assert first == f"Meldung {PAGE + 29:03d} von anna"  # newest first
    header = Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
    assert [model.headerData(c, *header) for c in range(3)] == ["Status", "Referenz", "Überschrift"]
    bar = panel.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    bar.setValue(bar.maximum())  # scrolled to the end: the next page comes
    qtbot.waitUntil(lambda: model.rowCount() == PAGE + 30, timeout=3000)
    assert model.index(PAGE + 29, 2).data() == "Meldung 000 von anna"
    # somebody adds a release: it appears on top, the selected one stays selected
    panel.view.setCurrentIndex(model.index(5, 2))
    chosen = model.index(5, 2).data()
    fill(url, "dora", 1, "neu")
    qtbot.waitUntil(lambda: model.index(0, 2).data() == "Meldung 000 von dora neu", timeout=3000)
    assert panel.view.currentIndex().row() == 6
    assert panel.view.currentIndex().data() == chosen
    assert model.rowCount() == PAGE + 31


def test_library_filters_by_state_and_author_and_searches_as_you_type(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    url = sqlite_library(tmp_path)
    fill(url, "anna", 3)
    [carla_id] = fill(url, "carla", 1, "Förderprogramme für Sportvereine")
    with Store(url, user="carla") as store:
        embargoed = store.get(carla_id)
        embargoed.header.embargo = Embargo("2026-12-01", "11:00")
        store.update(carla_id, embargoed)
        store.submit(carla_id)
    window = open_as(make_window, url, "anna")
    panel = window.review.library
    model = panel.model
    assert model.rowCount() == 4
    assert model.index(0, 5).data() == "01.12.2026 11:00"  # Sperrfrist in the list
    panel.author.setFocus()
    qtbot.keyClicks(panel.author, "carla")
    assert [r.created_by for r in model.rows] == ["carla"]
    panel.author.setCurrentIndex(0)
    panel.state.setCurrentIndex(panel.state.findText("Entwurf"))
    assert model.rowCount() == 3
    panel.state.setCurrentIndex(0)
    qtbot.keyClicks(panel.search, "Integrationszentrum")  # in every release's text
    qtbot.waitUntil(lambda: model.filters["search"] == "Integrationszentrum", timeout=2000)
    assert model.rowCount() == 4
    panel.search.clear()
    qtbot.keyClicks(panel.search, "Sportverein")  # stemmed: finds "Sportvereine"
    qtbot.waitUntil(lambda: model.filters["search"] == "Sportverein", timeout=2000)
    assert [r.summary.id for r in model.rows] == [carla_id]
    # Enter opens it in the editor
    panel.view.setFocus()
    panel.view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.review.draft_id == carla_id
    assert window.doc.draft.header.embargo == Embargo("2026-12-01", "11:00")
    assert window.review.banner.text().startswith("In Prüfung")
    assert "Sperrfrist: 01.12.2026 11:00" in window.review.banner.text()


def test_first_start_asks_the_name_once(
    qtbot: Any, make_window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.delenv("PRESSDESK_USER", raising=False)
    url = sqlite_library(tmp_path)
    window = make_window()
    dialogs = FakeReviewDialogs()
    dialogs.name = "carla"
    install(window, url, dialogs=dialogs)
    assert [q[0] for q in dialogs.asked] == ["name"]
    assert dialogs.asked[0][1] == settings.login_name()  # the OS login is offered
    assert window.review.user == "carla"
    assert "carla (Prüfung)" in window.review.identity.text()
    assert window.problems_panel.isVisible()  # the first tab beside „Kommentare“
    assert window.review.tabs.tabText(0) == "Probleme"
    again = make_window()
    second = FakeReviewDialogs()
    install(again, url, dialogs=second)
    assert second.asked == []  # remembered
    assert again.review.user == "carla"


def test_unreachable_server_says_so_and_local_files_keep_working(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    window = make_window()
    dialogs = FakeReviewDialogs()
    bad = f"postgresql://nobody@/pressdesk?host={tmp_path / 'kein-server'}"
    install(window, bad, "anna", dialogs=dialogs)
    assert window.review.store is None
    message = window.statusBar().currentMessage()
    assert message.startswith("Keine Verbindung zur Bibliothek")
    assert "lokalen Dateien" in message
    assert "ohne Bibliothek" in window.review.identity.text()
    assert not window.review.take_action.isEnabled()
    # Datei → Ablage …: the connection test answers in German; local is fine
    dialogs.store_answer = bad
    trigger(window, window.review.store_action)
    assert dialogs.store_test.startswith("Keine Verbindung zur Bibliothek")
    local = sqlite_library(tmp_path)
    dialogs.store_answer = None
    assert window.review.test_connection(local).startswith("Verbindung in Ordnung")
    # saving to a file still works
    target = tmp_path / "lokal.pressdesk"
    from pressdesk.ui import fileops

    assert fileops.save_as(window, target)
    assert target.exists()


def test_reviewer_sees_the_queue_first_due_first_overdue_marked(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    url = sqlite_library(tmp_path)
    late, later, plain = fill(url, "anna", 3)
    with Store(url, user="anna") as store:
        store.submit(late, due="01.01.2020 09:00")
        store.submit(later, due="31.12.2099 14:00")
        store.submit(plain)
    window = open_as(make_window, url, "ben")
    review = window.review
    assert review.queue_dock.isVisible()
    qtbot.waitUntil(lambda: window.focusWidget() is review.queue.tree, timeout=2000)
    titles = [review.queue.tree.topLevelItem(i).text(2).split("\n")[0] for i in range(3)]
    assert titles == ["Meldung 000 von anna", "Meldung 001 von anna", "Meldung 002 von anna"]
    first = review.queue.tree.topLevelItem(0)
    assert first.text(0) == "01.01.2020 09:00\nüberfällig"
    assert "überfällig" not in review.queue.tree.topLevelItem(1).text(0)
    assert review.queue_dock.windowTitle() == "Zur Prüfung (3)"
    # an author has no queue
    author = open_as(make_window, url, "anna")
    assert not author.review.queue_dock.isVisible()


def test_author_withdraws_and_four_eyes_comes_from_the_store(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    url = sqlite_library(tmp_path)
    window = open_as(make_window, url, "carla")  # a reviewer writing her own release
    review = window.review
    trigger(window, review.take_action)
    trigger(window, review.submit_action)
    assert review.banner.text().startswith("In Prüfung")
    trigger(window, review.approve_action)
    [(kind, text)] = window.dialogs.asked
    assert kind == "error" and "Vier-Augen-Prinzip" in text
    trigger(window, review.withdraw_action)
    assert review.banner.text().startswith("Entwurf, Version 1")
    assert not review.withdraw_action.isEnabled()
    assert review.submit_action.isEnabled()
    kinds = [e.kind for e in review.events]
    assert kinds == ["created", "submitted", "recalled"]
    assert review.history.events.topLevelItem(0).text(2) == "aus der Prüfung zurückgenommen"


def test_conflict_take_theirs_keeps_mine_as_a_conflict_version(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    url = sqlite_library(tmp_path)
    [draft_id] = fill(url, "anna", 1)
    window = open_as(make_window, url, "anna")
    review = window.review
    review.open_release(draft_id)
    field = window.text_form.subheadline
    field.setFocus()
    qtbot.keyClicks(field, "Meine Unterzeile")
    with Store(url, user="dora") as dora:  # saves in between
        theirs = dora.get(draft_id)
        theirs.subheadline = "Doras Unterzeile"
        dora.update(draft_id, theirs, base=1)
    review.dialogs.conflict_answer = "theirs"
    from pressdesk.ui import fileops

    assert fileops.save(window)
    assert window.doc.draft.subheadline == "Doras Unterzeile"
    assert field.toPlainText() == "Doras Unterzeile"
    assert not window.isWindowModified()
    assert "Version 3 (Konflikt)" in window.statusBar().currentMessage()
    with Store(url, user="anna") as store:
        assert store.get(draft_id, 3).subheadline == "Meine Unterzeile"  # not lost
        assert store.get(draft_id).subheadline == "Doras Unterzeile"
    assert review.history.new.findText("Version 3 (Konflikt) – anna") >= 0


def test_store_dialog_typed_by_a_person(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    """Datei → Ablage …: choose the team server, type its address, test, get German."""
    from pressdesk.ui.review.dialogs import StoreDialog

    window = make_window()
    install(window, sqlite_library(tmp_path), "anna", dialogs=FakeReviewDialogs())
    dialog = StoreDialog("", window.review.test_connection, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.local.isChecked()
    qtbot.mouseClick(dialog.server, LEFT)
    qtbot.keyClicks(dialog.address, f"postgresql://anna@/pressdesk?host={tmp_path}/nichts")
    test_button = next(b for b in dialog.findChildren(QPushButton) if "testen" in b.text())
    qtbot.mouseClick(test_button, LEFT)
    assert dialog.outcome.text().startswith("Keine Verbindung zur Bibliothek")
    assert dialog.url().startswith("postgresql://anna@")
    qtbot.mouseClick(dialog.local, LEFT)
    assert dialog.url() == ""


def test_submit_dialog_chooses_cosigners_and_a_due_time(qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from pressdesk.ui.review.dialogs import SubmitDialog

    dialog = SubmitDialog(["ben", "carla"])
    qtbot.addWidget(dialog)
    dialog.show()
    carla = dialog.people.item(1)
    rect = dialog.people.visualItemRect(carla)
    dialog.people.setCurrentItem(carla)
    dialog.people.setFocus()
    qtbot.keyClick(dialog.people.viewport(), Qt.Key.Key_Space)  # tick her
    assert rect.isValid() and carla.checkState() == Qt.CheckState.Checked
    dialog.due.setFocus()
    qtbot.keyClicks(dialog.due, "30.11.2026 14:00")
    box = dialog.findChild(QDialogButtonBox)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Zur Prüfung geben"
    qtbot.mouseClick(ok, LEFT)
    assert dialog.result() == 1
    assert dialog.chosen() == ["carla"] and dialog.due.text() == "30.11.2026 14:00"


def test_conflict_dialog_shows_the_diff_and_offers_three_ways(qtbot: Any) -> None:
    from pressdesk.store.diff import diff_drafts
    from pressdesk.ui.review.dialogs import ConflictDialog
    from pressdesk.ui.review.history import diff_html

    theirs = load_draft(reference_sample())
    mine = copy.deepcopy(theirs)
    mine.headline = mine.headline.replace("besucht", "besichtigt")
    html = diff_html(diff_drafts(theirs, mine), lambda p: {"headline": "Überschrift"}[p])
    for label, answer in (("Meine", "mine"), ("Ihre", "theirs"), ("Weiter", "cancel")):
        dialog = ConflictDialog("Ben hat inzwischen gespeichert.", html)
        qtbot.addWidget(dialog)
        dialog.show()
        text = dialog.findChild(QTextBrowser).toPlainText()
        assert "Überschrift" in text and "besucht" in text and "besichtigt" in text
        button = next(b for b in dialog.findChildren(QPushButton) if label in b.text())
        qtbot.mouseClick(button, LEFT)
        assert dialog.answer == answer


def test_review_menu_entries_have_distinct_alt_letters(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    from PySide6.QtGui import QKeySequence

    window = open_as(make_window, sqlite_library(tmp_path), "anna")
    for title in ("&Datei", "&Prüfung"):
        [menu] = [a.menu() for a in window.menuBar().actions() if a.text() == title]
        letters = [
            QKeySequence.mnemonic(a.text()).toString()
            for a in menu.actions()
            if not a.isSeparator() and "&" in a.text()
        ]
        assert len(letters) == len(set(letters)), (title, letters)
    keys = dict(window.shortcut_list())
    assert keys["Kommentieren"] in ("Ctrl+Alt+K", "Strg+Alt+K")
    assert keys["Aus der Bibliothek öffnen"] == "F6"
