"""The review in the main window: one object between the store and the panels.

Nothing here decides a workflow question. The store says what state a release is in,
who may approve and whether a save conflicts; this class shows it and calls the
store with what the user did. A :class:`QTimer` polls the store's change token, so
what others do shows up without a restart.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pressdesk.store.errors import StaleVersionError, StoreError
from pressdesk.store.workflow import APPROVED, PUBLISHED, STATE_LABELS
from pressdesk.ui import fileops
from pressdesk.ui.review import settings
from pressdesk.ui.review.banner import StateBanner
from pressdesk.ui.review.comments import COMMENT_STYLE, CommentsPanel
from pressdesk.ui.review.dialogs import ReviewDialogs
from pressdesk.ui.review.history import HistoryPanel, diff_html
from pressdesk.ui.review.library import LibraryPanel
from pressdesk.ui.review.publishing import Publishing
from pressdesk.ui.review.queue import QueuePanel, due_text

if TYPE_CHECKING:
    from pressdesk.store.api import Store
    from pressdesk.store.records import DraftDetail
    from pressdesk.ui.main_window import MainWindow

POLL_MS = 1000
LEFT_DOCK_WIDTH = 440  # the library and the queue at least, when they open
PREVIEW_KEEPS = 260  # of the window's width when they open wider
T = TypeVar("T")


class ReviewController(QObject):
    def __init__(self, window: MainWindow, *, poll_ms: int = POLL_MS, dialogs: Any = None) -> None:
        super().__init__(window)
        self.window = window
        self.doc = window.doc
        self.dialogs: Any = dialogs or ReviewDialogs(window)
        self.store: Store | None = None
        self.user = ""
        self.role = ""
        self.draft_id: int | None = None
        self.base: int | None = None  # the version the editor's text is based on
        self.detail: DraftDetail | None = None
        self.events: list[Any] = []
        self.queue_entries: list[Any] = []
        self.field: str | None = None  # the form field last worked in: comments go there
        self.selection = ""
        self._token = -1
        self._opening = False
        self._connect_later: tuple[str | None] | None = None  # (user,): open on first use
        self._marked: list[QWidget] = []
        self._build()
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)
        self.doc.reset.connect(self._on_doc_reset)
        self.doc.modifiedChanged.connect(lambda _m: self._show_state())
        self.doc.changed.connect(self._update_export_labels)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus)
        window.destroyed.connect(lambda *_: self._let_go(app))
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """No polling while the window is closed or hidden."""
        if watched is self.window:
            if event.type() == QEvent.Type.Hide:
                self.timer.stop()
            elif event.type() == QEvent.Type.Show and self.store is not None:
                self.timer.start()
        return False

    # building the panels and menus -------------------------------------------------
    def _build(self) -> None:
        w = self.window
        self.banner = StateBanner()
        central = w.takeCentralWidget()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        if central is not None:
            layout.addWidget(central, 1)
            central.show()
        w.setCentralWidget(page)
        page.show()
        w.setStyleSheet(COMMENT_STYLE + w.styleSheet())

        self.library = LibraryPanel()
        self.library.openRequested.connect(self.open_release)
        self.library_dock = self._dock("Bibliothek", "libraryDock", self.library)
        self.queue = QueuePanel()
        self.queue.openRequested.connect(self.open_release)
        self.queue.approveRequested.connect(lambda i, v: self.approve(i, v))
        self.queue.returnRequested.connect(lambda i, v, r: self.send_back(i, v, r))
        self.queue_dock = self._dock("Zur Prüfung", "queueDock", self.queue)
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.queue_dock)
        w.tabifyDockWidget(self.library_dock, self.queue_dock)
        self.history = HistoryPanel()
        self.history.diffRequested.connect(self.show_diff)
        self.history.sinceApprovalRequested.connect(self.show_changes_since_approval)
        self.history_dock = self._dock("Verlauf", "historyDock", self.history)
        w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.history_dock)
        w.tabifyDockWidget(self.queue_dock, self.history_dock)  # the form and preview keep room
        self.history_dock.hide()
        for dock in (self.library_dock, self.queue_dock):
            dock.hide()

        self.comments = CommentsPanel()
        self.comments.commentRequested.connect(self.comment)
        self.comments.replyRequested.connect(self.reply)
        self.comments.resolveRequested.connect(self.resolve)
        self.comments.fieldActivated.connect(w.registry.focus)
        self.tabs = QTabWidget()
        # the dock lets go of the problems panel first (it hides what it lets go of),
        # then the panel becomes the first tab
        w.problems_dock.setWidget(self.tabs)
        self.tabs.addTab(w.problems_panel, "Probleme")
        self.tabs.addTab(self.comments, "Kommentare")
        self.tabs.setCurrentIndex(0)
        w.problems_panel.show()
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed(0)

        self.identity = QLabel()
        w.statusBar().addPermanentWidget(self.identity)
        self._menus()

    def _fit_bottom(self, height: int = 0) -> None:
        w = self.window
        wanted = height or (
            w.problems_panel.wanted_height()
            + self.tabs.tabBar().sizeHint().height()
            + w.problems_dock.fontMetrics().height()
            + 8
        )
        w.resizeDocks([w.problems_dock], [wanted], Qt.Orientation.Vertical)

    def _fit_left_docks(self) -> None:
        """The library as wide as its columns want, as far as the form keeps the width
        its rows need and the preview PREVIEW_KEEPS; the form never gets less."""
        w = self.window
        room = w.width() - w.form_scroll.minimumSizeHint().width() - PREVIEW_KEEPS - 2 * 12
        width = max(LEFT_DOCK_WIDTH, min(self.library.wanted_width(), room))
        w.resizeDocks([self.library_dock], [width], Qt.Orientation.Horizontal)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        return dock

    def _action(self, menu: QMenu, text: str, slot: Callable[[], Any], key: str = "") -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
            self.window.command_keys.add(
                QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)
            )
        action.triggered.connect(lambda *_: slot())
        menu.addAction(action)
        return action

    def _menus(self) -> None:
        w = self.window
        from pressdesk.ui.menus import fill

        fill(w)  # its entries go between them
        bar = w.menuBar()
        menus = {a.text(): a.menu() for a in bar.actions()}
        file_menu = menus.get("&Datei")
        if isinstance(file_menu, QMenu):
            extra = QMenu(w)
            self.open_library_action = self._action(
                extra, "Aus der Bibl&iothek öffnen …", self.show_library, "F6"
            )
            self.take_action = self._action(extra, "In Bibliothek &aufnehmen", self.take_in)
            self.store_action = self._action(extra, "Ab&lage …", self.configure_store)
            quit_action = next((a for a in file_menu.actions() if a.text() == "&Beenden"), None)
            for action in extra.actions():
                file_menu.insertAction(quit_action, action)  # type: ignore[arg-type]
            file_menu.insertSeparator(quit_action)  # type: ignore[arg-type]
        help_action = next((a for a in bar.actions() if a.text() == "&Hilfe"), None)
        menu = QMenu("&Prüfung", w)
        self.submit_action = self._action(menu, "&Zur Prüfung geben …", self.submit)
        self.withdraw_action = self._action(menu, "Zurückzie&hen", self.withdraw)
        menu.addSeparator()
        self.approve_action = self._action(menu, "&Freigeben", lambda: self.approve())
        self.send_back_action = self._action(menu, "Zurück&geben …", self.focus_send_back)
        self.comment_action = self._action(menu, "&Kommentieren", self.focus_comment, "Ctrl+Alt+K")
        menu.addSeparator()
        self.queue_action = self._action(menu, "Zur &Prüfung (Liste)", self.show_queue, "F7")
        self.history_action = self._action(menu, "&Verlauf", self.show_history)
        self.since_action = self._action(
            menu, "Änderungen seit der letzten F&reigabe", self.show_changes_since_approval
        )
        if help_action is not None:
            bar.insertMenu(help_action, menu)
        else:
            bar.addMenu(menu)
        self.review_menu = menu
        self.publishing = Publishing(self)
        self._update_actions()

    def _let_go(self, app: Any) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            app.focusChanged.disconnect(self._on_focus)

    # the store -------------------------------------------------------------------
    def connect_store(self, url: str | None = None, user: str | None = None) -> bool:
        """Open the library (the saved one without ``url``); False when it is not reachable,
        and the editor keeps working on local files."""
        from pressdesk.store import backend
        from pressdesk.store.api import ENV_USER, Store

        saved = settings.load()
        if url is None:
            url = saved.get("store") or None
        if user is None:
            import os

            user = os.environ.get(ENV_USER) or saved.get("user")
            if not user:
                user = self.dialogs.ask_name(settings.login_name()) or settings.login_name()
                settings.save(user=user)
        self._connect_later = None
        old, self.store = self.store, None
        if old is not None:
            old.close()
        self.timer.stop()
        try:
            store = Store(url, user=user)
        except StoreError as exc:
            self.identity.setText(f"{user} · ohne Bibliothek")
            self.window.statusBar().showMessage(
                f"{exc} – Sie arbeiten mit lokalen Dateien weiter.", 30000
            )
            self.refresh()
            return False
        self.store = store
        self.user = store.user
        self.role = store.role_of(self.user)
        role = "Prüfung" if self.role == "reviewer" else "Redaktion"
        where = backend.describe(store.url)
        short = where.rsplit("/", 1)[-1] if store.url.startswith("sqlite") else where
        self.identity.setText(f"{self.user} ({role}) · Bibliothek {short}")
        self.identity.setToolTip(where)
        self.library.model.set_store(store)
        self._token = store.change_token()
        self.refresh()
        self.library_dock.show()
        self.queue_dock.setVisible(self.role == "reviewer")
        self._fit_left_docks()
        if self.queue_entries:  # a reviewer with work waiting sees the queue first
            self.queue_dock.raise_()
            QTimer.singleShot(0, self.queue.tree, self.queue.tree.setFocus)
        else:
            self.library_dock.raise_()
        self.timer.start()
        return True

    def connect_on_first_use(self, user: str | None = None) -> None:
        """No library yet: the store (SQLAlchemy, Alembic, a new SQLite file) is opened
        when the user first needs it, not at start."""
        self._connect_later = (user,)
        self.identity.setText("ohne Bibliothek")
        self.identity.setToolTip(
            "Die Bibliothek wird beim ersten „In Bibliothek aufnehmen“ angelegt (Datei-Menü)."
        )
        self._update_actions()

    def _connect_now(self) -> bool:
        """Open the store now if it was left for first use; True when one is open."""
        if self.store is None and self._connect_later is not None:
            (user,) = self._connect_later
            self._connect_later = None
            self.connect_store(None, user)
        return self.store is not None

    def test_connection(self, url: str) -> str:
        from pressdesk.store.api import Store

        try:
            with Store(url or None, user=self.user or settings.login_name()) as store:
                return f"Verbindung in Ordnung: {store.count()} Pressemitteilungen."
        except StoreError as exc:
            return str(exc)

    def configure_store(self) -> None:
        current = self.store.url if self.store is not None else settings.load().get("store", "")
        chosen = self.dialogs.store_settings(current or "", self.test_connection)
        if chosen is None:
            return
        settings.save(store=chosen)
        self.connect_store(chosen or None, self.user or None)

    def _call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """One store call; a German refusal goes to the user, the panels are refreshed."""
        try:
            return fn(*args, **kwargs)
        except StoreError as exc:
            self.window.dialogs.error("Nicht möglich", str(exc))
            return None
        finally:
            self.refresh()

    # watching for what others do -------------------------------------------------
    def poll(self) -> bool:
        """True when somebody changed something in the library since the last look."""
        if self.store is None:
            return False
        import sqlalchemy as sa

        try:
            token = self.store.change_token()
        except (StoreError, sa.exc.OperationalError):
            self.window.statusBar().showMessage(
                "Die Verbindung zur Bibliothek ist unterbrochen; es wird weiter versucht.", 5000
            )
            return False
        if token == self._token:
            return False
        self.refresh()
        return True

    def refresh(self) -> None:
        store = self.store
        if store is not None:
            self._token = store.change_token()
            self.library.refresh()
            self.library.set_authors(store.authors())
            self.queue_entries = store.review_queue()
        else:
            self.queue_entries = []
        self.queue.set_entries(self.queue_entries)
        count = len(self.queue_entries)
        self.queue_dock.setWindowTitle(f"Zur Prüfung ({count})")
        self.queue_action.setText(f"Zur &Prüfung ({count})")
        self._refresh_open()

    def _refresh_open(self) -> None:
        store, draft_id = self.store, self.draft_id
        if store is None or draft_id is None:
            self.detail, self.events = None, []
            self.comments.set_comments([], {})
            self.history.set_history([], [], lambda s: s)
        else:
            from pressdesk.store.api import local_time

            self.detail = store.show(draft_id)
            self.events = store.history(draft_id)
            current = self.detail.summary.current_version
            if current != self.base and not self.doc.is_modified:
                # somebody saved a newer version and nothing here is unsaved: show it
                self._opening = True
                try:
                    self.doc.replace(store.get(draft_id, current), None)
                finally:
                    self._opening = False
                self.base = current
                self.window.statusBar().showMessage(
                    f"Version {current} von {self._author_of(current)} geladen", 8000
                )
            self.comments.set_comments(self.detail.comments, self.window.registry.labels)
            self.history.set_history(self.events, self.detail.versions, local_time)
        self._mark_fields()
        open_count = self.comments.open_count
        self.tabs.setTabText(1, f"Kommentare ({open_count})" if open_count else "Kommentare")
        self._show_state()
        self._update_actions()

    # opening and saving ---------------------------------------------------------------
    def show_library(self) -> None:
        self._connect_now()
        self.library_dock.show()
        self.library_dock.raise_()
        self.library.search.setFocus()

    def show_queue(self) -> None:
        self._connect_now()
        self.queue_dock.show()
        self.queue_dock.raise_()
        self.queue.tree.setFocus()

    def open_release(self, draft_id: int) -> bool:
        store = self.store
        if store is None or not fileops.confirm_discard(self.window):
            return False
        try:
            draft = store.get(draft_id)
            version = store.current_version(draft_id)
        except StoreError as exc:
            self.window.dialogs.error("Öffnen nicht möglich", str(exc))
            return False
        self._opening = True
        try:
            self.doc.replace(draft, None)
        finally:
            self._opening = False
        self.draft_id, self.base = draft_id, version
        self._refresh_open()
        self.window.update_title()
        self.window.statusBar().showMessage(f"Aus der Bibliothek geöffnet (Version {version})")
        return True

    def _on_doc_reset(self) -> None:
        if not self._opening and self.draft_id is not None:  # Neu / Öffnen of a file
            self.draft_id = self.base = None
            self._refresh_open()

    def handles_save(self) -> bool:
        return self.store is not None and self.draft_id is not None

    def save(self) -> bool:
        """Save the editor's text as a new version of the open release."""
        store, draft_id = self.store, self.draft_id
        assert store is not None and draft_id is not None
        try:
            result = store.update(draft_id, self.doc.snapshot(), base=self.base)
        except StaleVersionError as exc:
            return self._conflict(exc)
        except StoreError as exc:
            self.window.dialogs.error("Speichern nicht möglich", str(exc))
            return False
        self._saved(result.version)
        what = "" if result.changes_content else " (Text unverändert)"
        self.window.statusBar().showMessage(f"Gespeichert als Version {result.version}{what}", 5000)
        return True

    def _saved(self, version: int) -> None:
        self.base = version
        self.doc.undo_stack.setClean()
        self.refresh()
        self.window.update_title()

    def _conflict(self, exc: StaleVersionError) -> bool:
        store, draft_id = self.store, self.draft_id
        assert store is not None and draft_id is not None
        current = store.current_version(draft_id)
        changes = store.diff(draft_id, current, exc.conflict_version)
        answer = self.dialogs.conflict(str(exc), diff_html(changes, self.label))
        if answer == "mine":
            try:
                result = store.update(draft_id, self.doc.snapshot(), base=current)
            except StoreError as again:
                self.window.dialogs.error("Speichern nicht möglich", str(again))
                return False
            self._saved(result.version)
            self.window.statusBar().showMessage(
                f"Ihre Fassung ist Version {result.version}; die andere bleibt als "
                f"Version {current} im Verlauf.",
                8000,
            )
            return True
        if answer == "theirs":
            self._opening = True
            try:
                self.doc.replace(store.get(draft_id), None)
            finally:
                self._opening = False
            self.base = current
            self.refresh()
            self.window.statusBar().showMessage(
                f"Version {current} übernommen; Ihre Fassung bleibt als Version "
                f"{exc.conflict_version} (Konflikt) im Verlauf.",
                8000,
            )
            return True
        self.refresh()
        return False

    def take_in(self) -> None:
        """„In Bibliothek aufnehmen“: the open draft becomes a release in the library."""
        self._connect_now()
        store = self.store
        if store is None:
            self.window.dialogs.error(
                "Keine Bibliothek", "Es ist keine Bibliothek verbunden (Datei → Ablage …)."
            )
            return
        if self.draft_id is not None:
            self.window.dialogs.info("Schon in der Bibliothek", "Dieser Entwurf ist schon dort.")
            return
        draft_id = self._call(store.add, self.doc.snapshot())
        if draft_id is not None:
            self.draft_id = draft_id
            self._saved(1)
            self.window.statusBar().showMessage("In die Bibliothek aufgenommen (Version 1)", 5000)

    # workflow steps: the store decides, we ask and show --------------------------------
    def _save_first(self) -> bool:
        return not self.doc.is_modified or self.save()

    def submit(self) -> None:
        store, draft_id = self.store, self.draft_id
        if store is None or draft_id is None or not self._save_first():
            return
        team = [name for name, role in store.team() if role == "reviewer" and name != self.user]
        answer = self.dialogs.submit(team)
        if answer is None:
            return
        cosigners, due = answer
        state = self._call(store.submit, draft_id, cosigners, due or None)
        if state is not None:
            self.window.statusBar().showMessage("Zur Prüfung gegeben", 5000)

    def withdraw(self) -> None:
        if self.store is not None and self.draft_id is not None:
            self._call(self.store.withdraw, self.draft_id)

    def approve(self, draft_id: int | None = None, version: int | None = None) -> None:
        store = self.store
        if draft_id is None:
            draft_id, version = self.draft_id, self.base
        if store is None or draft_id is None:
            return
        if draft_id == self.draft_id and self.doc.is_modified:
            self.window.dialogs.error(
                "Erst speichern oder verwerfen",
                "Im Editor ist ungespeicherter Text. Freigegeben wird, was in der Bibliothek "
                "steht; bitte erst speichern (dann prüft eine andere Person) oder die "
                "Änderungen verwerfen.",
            )
            return
        result = self._call(store.approve, draft_id, version=version)
        if result is not None:
            missing = f"; es fehlt noch: {', '.join(result.missing)}" if result.missing else ""
            self.window.statusBar().showMessage(
                f"Ihre Freigabe ist eingetragen ({STATE_LABELS[result.state]}){missing}", 8000
            )

    def send_back(self, draft_id: int | None, version: int | None, reason: str) -> None:
        store = self.store
        if draft_id is None:
            draft_id, version = self.draft_id, self.base
        if store is None or draft_id is None:
            return
        if self._call(store.send_back, draft_id, reason, version=version) is not None:
            self.queue.reason.clear()
            self.window.statusBar().showMessage("Zurückgegeben: Änderungen erbeten", 5000)

    def focus_send_back(self) -> None:
        self.show_queue()
        self.queue.reason.setFocus()

    # comments ---------------------------------------------------------------------
    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The form field worked in last is where a comment goes. ``_old`` is never
        touched: Qt also reports the focus leaving a widget that is being destroyed."""
        if new is None or not self.window.form_page.isAncestorOf(new):
            return
        path = self.path_of(new)
        if path is None:
            return
        self.field = path
        self.selection = ""
        self.comments.set_target(self.label(path))
        if isinstance(new, QPlainTextEdit | QLineEdit) and not new.property("pdSelection"):
            new.setProperty("pdSelection", True)
            new.selectionChanged.connect(lambda w=new: self._remember_selection(w))

    def _remember_selection(self, widget: QPlainTextEdit | QLineEdit) -> None:
        """The words marked while typing in the field (a line edit forgets its selection
        when it loses the focus, so it is kept here)."""
        if not widget.hasFocus():
            return
        if isinstance(widget, QPlainTextEdit):
            self.selection = widget.textCursor().selectedText().replace("\u2029", " ")
        else:
            self.selection = widget.selectedText()

    def path_of(self, widget: QWidget) -> str | None:
        registry = self.window.registry
        for path in registry.bound:
            bound = registry.widgets.get(path)
            if bound is not None and (bound is widget or bound.isAncestorOf(widget)):
                return path
        return None

    def label(self, path: str) -> str:
        return self.window.registry.labels.get(path, path)

    def focus_comment(self) -> None:
        self.tabs.setCurrentWidget(self.comments)
        self.window.problems_dock.show()
        self.comments.input.setFocus()

    def comment(self, text: str) -> None:
        store, draft_id = self.store, self.draft_id
        if store is None or draft_id is None:
            self.window.dialogs.error(
                "Kommentar nicht möglich", "Kommentare gibt es nur für Entwürfe in der Bibliothek."
            )
            return
        if self.selection:
            text = f"„{self.selection}“: {text}"
        field = self.field
        try:
            store.comment(draft_id, text, field=field)
        except StoreError:
            if field is None:
                raise
            # the field is not in the saved text yet (a new block): on the whole release
            self._call(store.comment, draft_id, text)
        self.comments.input.clear()
        self.refresh()

    def reply(self, comment_id: int, text: str) -> None:
        store, draft_id = self.store, self.draft_id
        if store is None or draft_id is None:
            return
        if self._call(store.comment, draft_id, text, reply_to=comment_id) is not None:
            self.comments.input.clear()

    def resolve(self, comment_id: int) -> None:
        if self.store is not None and self.draft_id is not None:
            self._call(self.store.resolve, self.draft_id, comment_id)

    def _mark_fields(self) -> None:
        for widget in self._marked:
            if shiboken6.isValid(widget):  # blocks are rebuilt when a text is loaded
                self._set_mark(widget, "")
        self._marked = []
        if self.detail is None:
            return
        registry = self.window.registry
        for c in self.detail.comments:
            if c.parent_id is None and c.resolved_at is None and c.field_path:
                found = registry.resolve(c.field_path)
                if found is not None and all(found is not m for m in self._marked):
                    self._set_mark(found, "open")
                    self._marked.append(found)

    @staticmethod
    def _set_mark(widget: QWidget, value: str) -> None:
        with contextlib.suppress(RuntimeError):
            if widget.property("comment") != value:
                widget.setProperty("comment", value)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def _tab_changed(self, index: int) -> None:
        # A hidden tab does not hold the panel open: the comments' list and input row
        # need their height only while they show, the problems one line when all is well.
        showing = self.tabs.widget(index) is self.comments
        policy = self.comments.sizePolicy()
        policy.setVerticalPolicy(
            QSizePolicy.Policy.Preferred if showing else QSizePolicy.Policy.Ignored
        )
        self.comments.setSizePolicy(policy)
        if showing:
            self._fit_bottom(230)
            # laid out now, not after the next event: a click right after the tab
            # changed finds the list where it shows
            for _ in range(3):
                QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        else:
            self._fit_bottom()

    # history and diff -------------------------------------------------------------
    def show_history(self) -> None:
        self.history_dock.show()
        self.history_dock.raise_()

    def show_diff(self, old: int, new: int) -> None:
        if self.store is None or self.draft_id is None:
            return
        changes = self._call(self.store.diff, self.draft_id, old, new)
        self.history.select(old, new)
        if changes is not None:
            self.history.show_diff(
                f"Von Version {old} zu Version {new}:", diff_html(changes, self.label)
            )
        self.show_history()

    def show_changes_since_approval(self) -> None:
        detail = self.detail
        if detail is None:
            return
        current = detail.summary.current_version
        approved = [r.version_number for r in detail.reviews if r.decision == "approve"]
        seen = [r.version_number for r in detail.reviews]
        if approved:
            old, what = max(approved), "seit der letzten Freigabe"
        elif seen:
            old, what = max(seen), "seit der letzten Prüfung"
        else:
            old, what = 1, "seit der ersten Version"
        if old == current and len(detail.versions) > 1 and not approved:
            old = current - 1
        self.show_diff(old, current)
        self.history.caption.setText(f"Änderungen {what} (Version {old}) bis Version {current}:")

    # state in sight ---------------------------------------------------------------
    def title_part(self) -> str | None:
        if self.detail is None:
            return None
        s = self.detail.summary
        name = s.reference or f"Bibliothek Nr. {s.id}"
        return f"{name} – {STATE_LABELS.get(s.state, s.state)}"

    def _embargo(self) -> str:
        embargo = self.doc.draft.header.embargo
        if embargo is None:
            return ""
        if embargo.at_speech_start:
            return " · Sperrfrist: bei Redebeginn"
        day = embargo.date
        if len(day) == 10 and day[4] == "-":
            day = f"{day[8:10]}.{day[5:7]}.{day[0:4]}"
        return f" · Sperrfrist: {day} {embargo.time}".rstrip()

    def _show_state(self) -> None:
        from pressdesk.store.api import local_time

        detail = self.detail
        if detail is None:
            where = "Lokale Datei" if self.doc.path else "Neuer Entwurf"
            self.banner.show_state("local", f"{where} – nicht in der Bibliothek.{self._embargo()}")
            self._update_export_labels()
            self.window.update_title()
            return
        s = detail.summary
        version = f"Version {s.current_version}"
        approvals = [r for r in detail.reviews if r.decision == "approve"]
        if s.state == APPROVED or s.state == PUBLISHED:
            valid = [r for r in approvals if r.valid] or approvals[-1:]
            names = ", ".join(r.reviewer for r in valid)
            when = local_time(valid[-1].created_at) if valid else ""
            word = "Veröffentlicht – freigegeben" if s.state == PUBLISHED else "Freigegeben"
            if self._unchanged():
                kind = "published" if s.state == PUBLISHED else "approved"
                text = f"{word} von {names} am {when}, Inhalt unverändert"
            else:
                kind = "voided"
                text = (
                    f"{word} von {names} am {when} – Sie haben den Text geändert: "
                    "beim Speichern erlischt die Freigabe"
                )
        elif s.state == "in_review":
            if detail.cosigners:
                text = f"In Prüfung bei {', '.join(detail.cosigners)}"
            else:
                text = "In Prüfung (eine Freigabe genügt)"
            kind = "in_review"
            done = [r.reviewer for r in detail.reviews if r.valid and r.decision == "approve"]
            if detail.cosigners:
                text += f" – freigegeben: {', '.join(done) or 'noch niemand'}"
                if detail.missing:
                    text += f", fehlt: {', '.join(detail.missing)}"
            if s.due_at:
                late = s.due_at < datetime.now().strftime("%Y-%m-%d %H:%M")
                text += f" · Frist {due_text(s.due_at)}" + (" (überfällig)" if late else "")
        elif s.state == "changes_requested":
            last = next((r for r in reversed(detail.reviews) if r.decision == "return"), None)
            kind = "changes_requested"
            text = "Änderungen erbeten"
            if last is not None:
                text += f" von {last.reviewer}: „{last.comment}“"
        elif approvals and max(r.version_number for r in approvals) < detail.content_since:
            kind = "voided"
            text = f"Freigabe erloschen: geändert nach der Freigabe ({version})"
        else:
            kind, text = "draft", f"Entwurf, {version} – noch nicht zur Prüfung gegeben"
        if self.base is not None and s.current_version != self.base:
            text += (
                f" · Achtung: {self._author_of(s.current_version)} hat inzwischen "
                f"Version {s.current_version} gespeichert"
            )
        self.banner.show_state(kind, text + (self.publishing.schedule() or self._embargo()))
        self._update_export_labels()
        self.window.update_title()

    def _author_of(self, number: int) -> str:
        versions = self.detail.versions if self.detail is not None else []
        return next((v.author for v in versions if v.number == number), "")

    def _unchanged(self) -> bool:
        """The editor shows exactly the stored current text (no edits since opening)."""
        if self.detail is None or self.doc.is_modified:
            return False
        from pressdesk.store.canonical import canonical_json, content_hash

        return content_hash(canonical_json(self.doc.draft)) == self.detail.content_hash

    def export_final(self) -> bool:
        """Approved (or published) and unchanged: exports leave out ENTWURF."""
        detail = self.detail
        return (
            detail is not None
            and detail.summary.state in (APPROVED, PUBLISHED)
            and self._unchanged()
        )

    def _update_export_labels(self) -> None:
        final = self.export_final()
        mark = "freigegeben, ohne ENTWURF" if final else "mit ENTWURF"
        w = self.window
        w.export_pdf_action.setText(f"Als &PDF exportieren ({mark}) …")
        w.export_docx_action.setText(f"Als &DOCX exportieren ({mark}) …")

    def _update_actions(self) -> None:
        linked = self.store is not None and self.draft_id is not None
        state = self.detail.summary.state if self.detail is not None else ""
        reviewer = self.role == "reviewer"
        can_take = self.store is not None or self._connect_later is not None
        self.take_action.setEnabled(can_take and self.draft_id is None)
        self.submit_action.setEnabled(linked and state in ("draft", "changes_requested"))
        self.withdraw_action.setEnabled(linked and state == "in_review")
        self.approve_action.setEnabled(linked and reviewer and state == "in_review")
        self.send_back_action.setEnabled(reviewer)
        for action in (self.history_action, self.since_action):
            action.setEnabled(linked)
        self.publishing.update()
