"""„Veröffentlichen …“ in the window, on the SQLite store, with two people.

Anna writes and submits, Ben approves, Anna publishes from the Prüfung menu by
keyboard (Alt+P, E): the website folder gets the package, the PDF has no ENTWURF and
the banner says „Veröffentlicht“. A release under a future Sperrfrist shows when it
will go out, and publishing it early is refused with the store's reason, writing nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pressdesk.model import Embargo
from pressdesk.store.api import Store
from pressdesk.ui.review import settings
from tests.test_export.pdfread import page_texts
from tests.test_publish.conftest import files_in
from tests.test_store.helpers import reference
from tests.test_ui.review_support import activate, open_as, sqlite_library, trigger

LEFT = Qt.MouseButton.LeftButton
ALT = Qt.KeyboardModifier.AltModifier


class FakePublishDialogs:
    def __init__(self, folder: Path, speech_started: bool = False) -> None:
        self.folder = folder
        self.speech_started = speech_started
        self.asked: list[str] = []

    def ask_folder(self, current: str) -> str | None:
        self.asked.append(current)
        return str(self.folder)

    def confirm_speech(self) -> bool:
        self.asked.append("speech")
        return self.speech_started


def publish_by_keyboard(qtbot: Any, window: Any) -> None:
    """Alt+P opens „Prüfung“, E chooses „Veröffentlichen …“."""
    activate(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=2000)
    menu = QApplication.activePopupWidget()
    assert menu is window.review.review_menu
    qtbot.keyClick(menu, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=2000)
    QApplication.processEvents()


def test_approved_release_is_published_from_the_menu(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    url = sqlite_library(tmp_path)
    anna = open_as(make_window, url, "anna")
    ben = open_as(make_window, url, "ben")
    a, b = anna.review, ben.review
    site = tmp_path / "website"
    a.publishing.dialogs = FakePublishDialogs(site)

    trigger(anna, a.take_action)
    action = a.publishing.action
    assert not action.isEnabled()
    assert "Noch nicht freigegeben (Status „Entwurf“)" in action.toolTip()
    a.dialogs.submit_answer = ([], "")
    trigger(anna, a.submit_action)
    assert not action.isEnabled() and "„In Prüfung“" in action.toolTip()

    qtbot.waitUntil(lambda: len(b.queue.entries) == 1, timeout=5000)
    qtbot.mouseClick(b.queue.open_button, LEFT)
    assert not b.publishing.action.isEnabled()
    qtbot.mouseClick(b.queue.approve_button, LEFT)
    qtbot.waitUntil(lambda: a.banner.text().startswith("Freigegeben von ben"), timeout=5000)
    assert action.isEnabled()
    assert "veröffentlicht" not in a.banner.text()  # no Sperrfrist: nothing scheduled

    publish_by_keyboard(qtbot, anna)
    qtbot.waitUntil(lambda: "info" in [k for k, _ in anna.dialogs.asked], timeout=10000)
    written = files_in(site)
    pdfs = [name for name in written if name.endswith(".pdf") and "/" not in name]
    assert len(pdfs) == 1 and any(name.endswith(".html") for name in written)
    [(_, text)] = [q for q in anna.dialogs.asked if q[0] == "info"]
    assert text.startswith("Veröffentlicht: ") and f"Dateien in {site}" in text
    count = int(text.split()[1])
    assert count >= 2
    pdf_text = "\n".join(page_texts(written[pdfs[0]]))
    assert anna.doc.draft.headline.split()[0] in pdf_text
    assert "ENTWURF" not in pdf_text
    assert a.banner.text().startswith("Veröffentlicht – freigegeben von ben")
    assert a.banner.kind == "published"
    assert "Veröffentlicht" in anna.windowTitle()
    assert settings.load()["website"] == str(site)  # asked with this folder next time
    with Store(url, user="anna") as store:
        assert store.show(a.draft_id).summary.state == "published"
        assert [e.kind for e in store.history(a.draft_id)][-1] == "published"
    # Ben's window follows without a restart
    qtbot.waitUntil(lambda: b.banner.text().startswith("Veröffentlicht"), timeout=5000)


def test_publishing_before_the_sperrfrist_is_refused_and_writes_nothing(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    url = sqlite_library(tmp_path)
    draft = reference()
    draft.header.embargo = Embargo("2099-03-12", "11:00")
    with Store(url, user="anna") as store:
        draft_id = store.add(draft)
        store.submit(draft_id)
    with Store(url, user="ben") as store:
        store.approve(draft_id)
    anna = open_as(make_window, url, "anna")
    a = anna.review
    site = tmp_path / "website"
    a.publishing.dialogs = FakePublishDialogs(site)
    assert a.open_release(draft_id)
    assert "wird am 12.03.2099 um 11:00 Uhr veröffentlicht" in a.banner.text()
    assert a.publishing.action.isEnabled()  # the store decides, and names the reason

    publish_by_keyboard(qtbot, anna)
    qtbot.waitUntil(lambda: "error" in [k for k, _ in anna.dialogs.asked], timeout=10000)
    [(_, reason)] = [q for q in anna.dialogs.asked if q[0] == "error"]
    assert "Sperrfrist: 12.03.2099, 11:00" in reason
    assert not [q for q in anna.dialogs.asked if q[0] == "info"]
    assert files_in(site) == {}
    assert a.banner.text().startswith("Freigegeben von ben")
    with Store(url, user="anna") as store:
        assert store.show(draft_id).summary.state == "approved"


def _approved_in_store(url: str, embargo: Embargo) -> int:
    draft = reference()
    draft.header.embargo = embargo
    with Store(url, user="anna") as store:
        draft_id = store.add(draft)
        store.submit(draft_id)
    with Store(url, user="ben") as store:
        store.approve(draft_id)
    return draft_id


def test_speech_start_goes_out_only_on_a_persons_word(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    url = sqlite_library(tmp_path)
    draft_id = _approved_in_store(url, Embargo("2018-07-18", "", at_speech_start=True))
    ben = open_as(make_window, url, "ben")
    b = ben.review
    site = tmp_path / "website"
    b.publishing.dialogs = FakePublishDialogs(site, speech_started=False)
    assert b.open_release(draft_id)
    assert "Sperrfrist: wird nach Redebeginn veröffentlicht" in b.banner.text()

    publish_by_keyboard(qtbot, ben)  # „Hat die Rede begonnen?“ – Nein
    assert b.publishing.dialogs.asked[-1] == "speech"
    assert files_in(site) == {}
    assert b.banner.text().startswith("Freigegeben von ben")

    b.publishing.dialogs.speech_started = True
    publish_by_keyboard(qtbot, ben)
    qtbot.waitUntil(lambda: b.banner.text().startswith("Veröffentlicht"), timeout=10000)
    assert any(name.endswith(".pdf") for name in files_in(site))
