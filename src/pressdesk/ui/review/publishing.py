"""„Veröffentlichen …“ in the review menu: the same core call as ``pressdesk publish``.

Nothing here decides whether a release may go out. The action is only greyed out (with
the reason as tooltip) while the open release is not approved, as a hint; the store's
:func:`pressdesk.store.publishing.publish` checks history, approvals, Sperrfrist and
preflight and gives the German reason of a refusal, which is shown as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from pressdesk.store.errors import StoreError
from pressdesk.store.workflow import APPROVED, PUBLISHED, STATE_LABELS
from pressdesk.ui.review import settings

if TYPE_CHECKING:
    from pressdesk.ui.review.controller import ReviewController

FOLDER_KEY = "website"  # the website folder last published into, in review.json


class PublishDialogs:
    """The one question of publishing; tests replace it with canned answers."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def ask_folder(self, current: str) -> str | None:
        chosen = QFileDialog.getExistingDirectory(
            self.parent, "Website-Ordner für die Veröffentlichung", current
        )
        return chosen or None

    def confirm_speech(self) -> bool:
        """„Sperrfrist: Redebeginn“: only a person can say the speech has begun."""
        answer = QMessageBox.question(
            self.parent,
            "Sperrfrist: Redebeginn",
            "Diese Mitteilung ist bis zum Beginn der Rede gesperrt.\n"
            "Hat die Rede begonnen? Nur dann wird jetzt veröffentlicht.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


class Publishing:
    """The „Veröffentlichen …“ action of one review controller."""

    def __init__(self, controller: ReviewController, dialogs: Any = None) -> None:
        self.controller = controller
        self.window = controller.window
        self.dialogs: Any = dialogs or PublishDialogs(self.window)
        menu = controller.review_menu
        menu.setToolTipsVisible(True)
        # after „Freigeben“ / „Zurückgeben …“ / „Kommentieren“: the last step of the review
        anchor = controller.comment_action
        actions = menu.actions()
        after = actions[actions.index(anchor) + 1] if anchor in actions[:-1] else None
        self.action = controller._action(menu, "V&eröffentlichen …", self.publish)
        if after is not None:
            menu.removeAction(self.action)
            menu.insertAction(after, self.action)
        self.update()

    # what the action and the banner say --------------------------------------------------
    def why_not(self) -> str:
        """German reason the action is greyed out, '' when it is offered."""
        c = self.controller
        if c.store is None:
            return "Keine Bibliothek verbunden (Datei → Ablage …)."
        if c.draft_id is None or c.detail is None:
            return "Veröffentlicht wird eine Pressemitteilung aus der Bibliothek."
        state = c.detail.summary.state
        if state not in (APPROVED, PUBLISHED):
            label = STATE_LABELS.get(state, state)
            return (
                f"Noch nicht freigegeben (Status „{label}“): veröffentlicht wird nur eine "
                "freigegebene Fassung."
            )
        if c.doc.is_modified:
            return (
                "Im Editor ist ungespeicherter Text; veröffentlicht wird nur die freigegebene "
                "Fassung aus der Bibliothek. Bitte erst die Änderungen verwerfen."
            )
        return ""

    def update(self) -> None:
        reason = self.why_not()
        self.action.setEnabled(not reason)
        tip = reason or "Die freigegebene Fassung in den Website-Ordner veröffentlichen."
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def schedule(self) -> str:
        """' · Sperrfrist: wird am … um … Uhr veröffentlicht' for an approved, unchanged
        release whose Sperrfrist has not ended ('' otherwise; the banner then names the
        Sperrfrist as usual)."""
        detail = self.controller.detail
        if detail is None or detail.summary.state != APPROVED or not self.controller._unchanged():
            return ""
        from pressdesk.publish.package import schedule_line

        line = schedule_line(self.controller.doc.draft)
        return f" · Sperrfrist: {line}" if line else ""

    # the command -------------------------------------------------------------------------
    def publish(self) -> None:
        c = self.controller
        store, draft_id = c.store, c.draft_id
        if store is None or draft_id is None:
            return
        folder = self.dialogs.ask_folder(settings.load().get(FOLDER_KEY, ""))
        if not folder:
            return
        settings.save(**{FOLDER_KEY: folder})
        embargo = c.doc.draft.header.embargo  # the stored text: the action needs it unchanged
        speech_started = False
        if embargo is not None and embargo.at_speech_start:
            if not self.dialogs.confirm_speech():
                return
            speech_started = True
        from pressdesk.publish.errors import PublishError
        from pressdesk.store import publishing

        try:
            result = publishing.publish(store, draft_id, folder, speech_started=speech_started)
        except (StoreError, PublishError) as exc:
            self.window.dialogs.error("Nicht veröffentlicht", str(exc))
            return
        finally:
            c.refresh()
        count = len(result.files)
        if result.unchanged:
            text = f"Diese Fassung ist schon veröffentlicht: {count} Dateien in {result.folder}"
        else:
            text = f"Veröffentlicht: {count} Dateien in {result.folder}"
        self.window.statusBar().showMessage(text, 10000)
        self.window.dialogs.info("Veröffentlicht", text)
