"""The main window: form on the left, live preview on the right, problems below."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from pressdesk.model.files import DRAFT_SUFFIX
from pressdesk.ui import fileops, menus
from pressdesk.ui.dialogs import Dialogs
from pressdesk.ui.document import EditorDocument
from pressdesk.ui.forms.body import BodyEditor
from pressdesk.ui.forms.header import HeaderForm
from pressdesk.ui.forms.links import ClosingForm
from pressdesk.ui.forms.press_office import PressOfficeForm
from pressdesk.ui.forms.section import Section, align_labels, visual_tab_order
from pressdesk.ui.forms.text import TextForm
from pressdesk.ui.preview import PreviewPane
from pressdesk.ui.problems import ProblemsPanel, summary
from pressdesk.ui.recovery import AutoSaver, RecoveryStore
from pressdesk.ui.registry import PROBLEM_STYLE, FieldRegistry
from pressdesk.ui.widgets import TextField

VALIDATE_MS = 150
STARTUP_DELAY_MS = 300


class _Warmup(QObject):
    done = Signal(int, object)

    def run(self, draft: Any, profile: Any, revision: int) -> None:
        try:
            from pressdesk.validation import validate

            problems = validate(draft, profile)
        except ImportError:
            problems = None
        with contextlib.suppress(RuntimeError):
            self.done.emit(revision, problems)


class MainWindow(QMainWindow):
    # Menu entries other code triggers or checks; menus.build() creates them.
    recent_menu: QMenu
    export_pdf_action: QAction
    export_docx_action: QAction
    undo_action: QAction
    redo_action: QAction
    preview_action: QAction
    spell_action: QAction
    command_keys: set[str]  # every menu shortcut, PortableText: fields leave these alone
    review: Any = None  # the review panels (pressdesk.ui.review.install), if connected

    def __init__(
        self,
        doc: EditorDocument,
        *,
        recovery: RecoveryStore | None = None,
        spelling: bool = True,
        preview: bool = True,
    ) -> None:
        super().__init__()
        self.doc = doc
        doc.setParent(self)
        self.dialogs: Any = Dialogs(self)
        self.problems: list[Any] = []
        self.validation_available = True
        self.setStyleSheet(PROBLEM_STYLE)
        self.registry = FieldRegistry(doc)
        self.registry.ensure_visible = self._ensure_visible
        self._build_form()
        self.preview = PreviewPane(doc)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.form_scroll)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.problems_panel = ProblemsPanel()
        self.problems_panel.problemActivated.connect(self.focus_problem)
        self.problems_dock = QDockWidget("Probleme", self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems_panel)
        self.problems_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problem_label = QLabel()
        self.statusBar().addPermanentWidget(self.problem_label)
        self.validate_timer = QTimer(self)
        self.validate_timer.setSingleShot(True)
        self.validate_timer.setInterval(VALIDATE_MS)
        self.validate_timer.timeout.connect(self.validate_now)
        doc.changed.connect(self.validate_timer.start)
        doc.modifiedChanged.connect(lambda _m: self.update_title())
        doc.reset.connect(self.update_title)
        doc.reset.connect(self.update_tab_order)
        doc.reset.connect(lambda: QTimer.singleShot(0, self, self.focus_start))
        doc.fieldChanged.connect(self._on_field_changed)
        doc.historyApplied.connect(self._show_history_change)
        self.recovery = recovery
        self.autosaver = AutoSaver(doc, recovery) if recovery else None
        self.spell: Any = None
        self._want_spelling = spelling
        self._want_preview = preview
        menus.build(self)
        self.update_title()
        self.resize(1280, 800)
        self.splitter.setSizes([700, 560])
        self._dock_rows = -1
        self._fit_problems_dock()
        self._started = False
        self.setAcceptDrops(True)
        self._warm = _Warmup(self)
        self._hooked_app: QApplication | None = None
        self._hook_app()

    # layout ----------------------------------------------------------------------
    def _build_form(self) -> None:
        page = QWidget()
        page.setObjectName("formPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 4, 12, 12)
        layout.setSpacing(2)
        self.header_form = HeaderForm(self.registry)
        self.press_office_form = PressOfficeForm(self.registry)
        self.text_form = TextForm(self.registry)
        self.body_editor = BodyEditor(self.registry)
        self.closing_form = ClosingForm(self.registry)
        self.sections: list[Section] = [
            self.header_form,
            self.press_office_form,
            self.text_form,
            self.body_editor,
            self.closing_form,
        ]
        for section in self.sections:
            layout.addWidget(section)
        layout.addStretch(1)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidget(page)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setMinimumWidth(520)
        self.form_page = page
        align_labels(page)
        self.update_tab_order()

    def update_tab_order(self) -> None:
        visual_tab_order(self.form_page)

    def focus_start(self) -> None:
        """Cursor where writing starts (New, Open, start), so the first keys typed count."""
        empty_reference = not self.doc.draft.header.reference
        self.registry.focus("header.reference" if empty_reference else "headline")

    def _on_field_changed(self, path: str) -> None:
        if path in ("body", "furtherInformation", "socialMedia", "header.embargo"):
            self.update_tab_order()

    def _show_history_change(self, path: str) -> None:
        """Undo/redo puts the cursor where the change happened, as a word processor does."""
        if path.endswith("].type"):  # a block's type: back into its text, not the type box
            path = path[: -len(".type")]
        if path in self.registry.bound or path.endswith("]"):
            self.registry.focus(path)
        else:
            widget = self.registry.resolve(path)
            if widget is not None:
                self._ensure_visible(widget)

    def _ensure_visible(self, widget: QWidget) -> None:
        parent = widget.parentWidget()
        while parent is not None:
            if isinstance(parent, Section) and not parent.body.isVisible():
                parent.set_expanded(True)
            parent = parent.parentWidget()
        layout = self.form_page.layout()
        if layout is not None:
            layout.activate()
        self.form_scroll.ensureWidgetVisible(widget, 40, 60)
        # New rows (an added block) get their final height a moment later: look again.
        QTimer.singleShot(0, widget, lambda: self._scroll_to(widget))

    # keyboard: mnemonics that reach every field, and the form follows the focus -----
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.AltModifier
            and isinstance(watched, QWidget)
            and watched.window() is self
            and self.form_page.isAncestorOf(watched)
            and event.text().isalpha()
        ):
            # Qt found no visible label for this Alt+letter (it would have taken it as
            # a shortcut): look in the collapsed sections. Never type the letter.
            self.jump_to_mnemonic(event.text())
            return True
        return super().eventFilter(watched, event)

    def _hook_app(self) -> None:
        """Alt+letter for folded sections and the form following the focus need the
        application's key and focus events. Closing the window lets go of them: a window
        waiting for deletion must not be called while its children are torn down."""
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._hooked_app is None:
            app.installEventFilter(self)
            app.focusChanged.connect(self._on_focus_changed)
            self._hooked_app = app

    def _unhook_app(self) -> None:
        app, self._hooked_app = self._hooked_app, None
        if app is not None:
            app.removeEventFilter(self)
            app.focusChanged.disconnect(self._on_focus_changed)

    def jump_to_mnemonic(self, letter: str) -> QWidget | None:
        """The field whose label has ``letter`` underlined, even in a folded section."""
        wanted = QKeySequence.mnemonic(f"&{letter}")
        for label in self.form_page.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is not None and QKeySequence.mnemonic(label.text()) == wanted:
                self._ensure_visible(buddy)
                buddy.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return buddy
        for box in self.form_page.findChildren(QAbstractButton):
            if box.isEnabled() and QKeySequence.mnemonic(box.text()) == wanted:
                self._ensure_visible(box)
                box.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return box
        return None

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field reached by Alt+letter, F4 or a click on a problem is scrolled into view."""
        if new is not None and self.form_page.isAncestorOf(new):
            self._keep_focus_visible()

    def _scroll_to(self, widget: QWidget) -> None:
        with contextlib.suppress(RuntimeError):  # the widget was rebuilt meanwhile
            self.form_scroll.ensureWidgetVisible(widget, 40, 60)

    def shortcut_list(self) -> list[tuple[str, str]]:
        return menus.shortcut_list(self)

    def show_shortcuts(self) -> None:
        menus.show_shortcuts(self)

    # start-up work after the window is visible -------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._hook_app()
        if not self._started:
            self._started = True
            QTimer.singleShot(0, self, self._after_show)

    def _after_show(self) -> None:
        # The first validation imports and warms up the checks (a few hundred ms);
        # it runs in a thread so the window paints and takes keys meanwhile.
        self.focus_start()
        self._warm.done.connect(self._on_warm)
        snapshot, revision, profile = self.doc.snapshot(), self.doc.revision, self.doc.profile
        threading.Thread(
            target=self._warm.run, args=(snapshot, profile, revision), daemon=True
        ).start()
        QTimer.singleShot(STARTUP_DELAY_MS, self, self._start_background)
        if self.recovery is not None:
            QTimer.singleShot(0, self, lambda: fileops.offer_recovery(self))

    def _start_background(self) -> None:
        if self._want_preview:
            self.preview.activate()
        if self._want_spelling:
            self.start_spelling()

    def _on_warm(self, revision: int, problems: Any) -> None:
        if problems is None or revision != self.doc.revision:
            self.validate_now()
        else:
            self._show_problems(problems)

    def start_spelling(self) -> None:
        from pressdesk.ui.spelling import SpellService, names_in

        self.spell = SpellService()
        self.spell.names = names_in(self.doc.draft)
        self.doc.changed.connect(lambda: self.spell.set_names(names_in(self.doc.draft)))
        self.spell.before_replace = self.doc.separate_next
        self.spell.unavailable.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.spell.checked.connect(self.spell.rehighlight_waiting)
        self.spell.ready.connect(self.spell.rehighlight)
        self.spell.ready.connect(
            lambda: self.statusBar().showMessage(
                "Rechtschreibung: Rechtsklick auf ein rot unterstrichenes Wort zeigt Vorschläge "
                "und „zum Wörterbuch hinzufügen“.",
                12000,
            )
        )
        for widget in self.form_page.findChildren(TextField):
            self.spell.attach(widget)
        self.registry.on_bind = self._on_bind
        self.spell.start()

    def _on_bind(self, widget: Any) -> None:
        if self.spell is not None and isinstance(widget, TextField):
            self.spell.attach(widget)

    def _toggle_spelling(self) -> None:
        if self.spell is None:
            self.start_spelling()
            return
        self.spell.enabled = self.spell_action.isChecked()
        self.spell.rehighlight()

    # validation ----------------------------------------------------------------------
    def validate_now(self) -> list[Any]:
        self.validate_timer.stop()
        try:
            from pressdesk.validation import validate
        except ImportError:
            if self.validation_available:
                self.validation_available = False
                self.statusBar().showMessage("Prüfung nicht verfügbar", 10000)
            return []
        self._show_problems(validate(self.doc.draft, self.doc.profile))
        return self.problems

    def _show_problems(self, problems: list[Any]) -> None:
        self.problems = problems
        self.registry.show_problems(self.problems)
        self._mark_sections()
        self.problems_panel.set_problems(self.problems)
        self.problem_label.setText(summary(self.problems))
        self._fit_problems_dock()

    def _fit_problems_dock(self) -> None:
        """As tall as the list needs, so no problems leave the space to the form."""
        rows = self.problems_panel.list.count()
        if rows != self._dock_rows:
            self._dock_rows = rows
            title = self.problems_dock.fontMetrics().height() + 6
            height = self.problems_panel.wanted_height() + title
            self.resizeDocks([self.problems_dock], [height], Qt.Orientation.Vertical)
            QTimer.singleShot(0, self, self._keep_focus_visible)

    def _keep_focus_visible(self) -> None:
        """A taller problems panel shortens the form: the field being typed in stays in view."""
        widget = QApplication.focusWidget()
        if widget is None or not self.form_page.isAncestorOf(widget):
            return
        if isinstance(widget, TextField) and widget.height() > self.form_scroll.height() // 2:
            widget.show_cursor()  # a long paragraph: the line being typed
        else:
            self.form_scroll.ensureWidgetVisible(widget, 40, 40)

    def _mark_sections(self) -> None:
        counts = {id(s): [0, 0] for s in self.sections}
        for problem in self.problems:
            widget = self.registry.resolve(problem.path)
            while widget is not None and id(widget) not in counts:
                widget = widget.parentWidget()
            if widget is not None:
                counts[id(widget)][0 if problem.is_error else 1] += 1
        for section in self.sections:
            section.set_problems(*counts[id(section)])
        self.problems_dock.setWindowTitle(f"Probleme – {summary(self.problems)}")

    def focus_problem(self, path: str) -> None:
        self.registry.focus(path)

    def next_problem(self) -> None:
        if self.problems:
            rows = self.problems_panel.list
            row = (rows.currentRow() + 1) % rows.count()
            rows.setCurrentRow(row)
            self.focus_problem(self.problems_panel.problems[row].path)

    # title and closing ---------------------------------------------------------------
    def display_name(self) -> str:
        in_library = self.review.title_part() if self.review is not None else None
        if in_library:
            return in_library
        return self.doc.path.name if self.doc.path else "Unbenannt"

    def update_title(self) -> None:
        self.setWindowTitle(f"{self.display_name()}[*] – PressDesk")
        self.setWindowModified(self.doc.is_modified)

    # dropping a draft file onto the window opens it --------------------------------
    def dragEnterEvent(self, event: Any) -> None:
        if self._dropped_draft(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        path = self._dropped_draft(event)
        if path is not None:
            event.acceptProposedAction()
            QTimer.singleShot(0, self, lambda: fileops.open_file(self, path))

    @staticmethod
    def _dropped_draft(event: Any) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        files = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        drafts = [f for f in files if f.suffix == DRAFT_SUFFIX]
        return drafts[0] if len(drafts) == 1 else None

    def closeEvent(self, event: QCloseEvent) -> None:
        if not fileops.confirm_discard(self):
            event.ignore()
            return
        if self.recovery is not None:
            self.recovery.discard()
        self._unhook_app()
        event.accept()
