"""The main window: form on the left, live preview on the right, problems below."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pressdesk.model.files import DRAFT_SUFFIX
from pressdesk.ui import menus, workers
from pressdesk.ui.dialogs import Dialogs
from pressdesk.ui.document import EditorDocument
from pressdesk.ui.fileguard import FileGuard
from pressdesk.ui.forms import press_office
from pressdesk.ui.forms.body import BodyEditor
from pressdesk.ui.forms.header import HeaderForm
from pressdesk.ui.forms.links import ClosingForm
from pressdesk.ui.forms.press_office import PressOfficeForm
from pressdesk.ui.forms.section import Section, align_labels, visual_tab_order
from pressdesk.ui.forms.text import TextForm
from pressdesk.ui.preview import PreviewPane
from pressdesk.ui.problems import MISSING, NotYetFilled, ProblemsPanel, summary
from pressdesk.ui.recovery import AutoSaver, RecoveryStore
from pressdesk.ui.registry import FieldRegistry
from pressdesk.ui.widgets import TextField

EXAMPLE_NOTE = (
    "<b>Beispiel:</b> Das ist die Presseinformation vom 18.07.2018, zum Ansehen und "
    "Ausprobieren. Eine eigene Pressemitteilung beginnen Sie mit <b>Datei › Neu</b> "
    "(Strg+N)."
)
FORM_MIN_WIDTH = 420  # the form's column at least, wider if its rows need it
FIRST_SIZE = QSize(1280, 800)  # at most; smaller when the screen's work area is
TITLE_BAR = 32  # the window manager's frame above the window, roughly
VALIDATE_MS = 150
STARTUP_DELAY_MS = 300  # after the first paint: validation, preview, spelling, library
FIRST_PAINT_WAIT_MS = 2000  # a window never painted (started minimized) starts them anyway
# Labels of the parts built after the first paint (defer_form): the label column is as
# wide as they need from the first frame.
LATER_LABELS = press_office.LABELS


class FormScroll(QScrollArea):
    """The form's column: never narrower than its rows need, next to a vertical scroll
    bar, so there is no horizontal one and no field's right edge is cut off. The
    splitter and the docks take the room from the preview instead."""

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        self._page_min = -1
        # Computed once, when the splitter first asks, and again only when the page's
        # rows need another width: the window's layout asks dozens of times before the
        # first paint, and each answer from scratch cost milliseconds of the start.
        self._hint: QSize | None = None
        self.setWidget(page)
        self.setWidgetResizable(True)

    def minimumSizeHint(self) -> QSize:
        if self.window().isHidden():
            # Not asked for real before the window shows (the splitter asks again then):
            # a form laid out while it is still being built is laid out for nothing.
            return QSize(FORM_MIN_WIDTH, super().minimumSizeHint().height())
        if self._hint is None:
            # The bar's own hint, not the style's metric: asking the style made PySide6
            # build QStyle with all its enums (~14 ms) before the first paint.
            bar = self.verticalScrollBar().sizeHint().width()
            self._page_min = self.page.minimumSizeHint().width()
            width = max(self._page_min + bar + 2 * self.frameWidth(), FORM_MIN_WIDTH)
            self._hint = QSize(width, super().minimumSizeHint().height())
        return self._hint

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._hint = None  # another style, another font: other widths
        super().changeEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        # A row that needs more room (a list, a new link row) asks the page's parent,
        # the viewport, to lay out again: the column's own minimum follows it. Nobody
        # asked yet (before the window's first layout): nothing to compare with.
        handled = super().viewportEvent(event)
        asked = self._hint is not None
        if asked and event.type() == QEvent.Type.LayoutRequest and self._page_changed():
            self._hint = None
            self.updateGeometry()
        return handled

    def _page_changed(self) -> bool:
        return self.page.minimumSizeHint().width() != self._page_min


class MainWindow(QMainWindow):
    firstPainted = Signal()  # the first frame is on screen; the start-up work follows it

    # Menu entries other code triggers or checks. menus.build() creates the menu titles
    # and the toolbar's commands, menus.fill() the rest right after the first paint (or
    # when a menu opens, a key is pressed or one of them is asked for before that).
    title_menus: list[QMenu]
    menus_filled: bool
    key_hook: Any  # menus._FirstKey
    recent_menu: QMenu
    export_pdf_action: QAction
    export_docx_action: QAction
    undo_action: QAction
    redo_action: QAction
    preview_action: QAction
    spell_action: QAction
    new_action: QAction
    open_action: QAction
    save_action: QAction
    print_action: QAction
    about_action: QAction
    toolbar: QToolBar
    profile_menu: QMenu
    format_menu: QMenu  # Fett, Kursiv, Link … (pressdesk.ui.formatting)
    bold_action: QAction
    italic_action: QAction
    link_action: QAction
    format_actions: list[QAction]
    link_dialog: Any = None  # the last „Link einfügen“ dialog
    format_target: Any = None  # the paragraph or quote field Fett/Kursiv/Link act on
    command_keys: set[str]  # every menu shortcut, PortableText: fields leave these alone
    review: Any = None  # the review panels (pressdesk.ui.review.install), if connected

    def __init__(
        self,
        doc: EditorDocument,
        *,
        recovery: RecoveryStore | None = None,
        spelling: bool = True,
        preview: bool = True,
        example: bool = False,
        fresh: bool = False,
        defer_form: bool = True,
    ) -> None:
        super().__init__()
        # Required fields of a new draft say "noch leer" until left (or an export).
        self._reveal_missing = not fresh
        self._left: set[str] = set()
        self.doc = doc
        doc.setParent(self)
        self.dialogs: Any = Dialogs(self)
        self.guard = FileGuard(self)
        self.problems: list[Any] = []
        self.validation_available = True
        self.registry = FieldRegistry(doc)
        self.registry.ensure_visible = self._ensure_visible
        self._build_form(defer_form)
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
        doc.reset.connect(self._on_reset)
        doc.fieldChanged.connect(self._on_field_changed)
        doc.historyApplied.connect(self._show_history_change)
        self.recovery = recovery
        self.autosaver = AutoSaver(doc, recovery) if recovery else None
        self.spell: Any = None
        self._want_spelling = spelling
        self._want_preview = preview
        menus.build(self)
        self.update_title()
        self.example_note.setVisible(example)
        self.restore_layout()
        self._dock_rows = -1
        self._fit_problems_dock()
        self._started = False
        self._painted = False
        self.setAcceptDrops(True)
        self._hooked_app: QApplication | None = None
        self._hook_app()

    # layout ----------------------------------------------------------------------
    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            """A menu entry asked for before the menus were filled: fill them now."""
            if name in menus.FILLED_NAMES and not self.__dict__.get("menus_filled", True):
                menus.fill(self)
                return getattr(self, name)
            raise AttributeError(name)

    def _build_form(self, defer: bool = False) -> None:
        """The form; with ``defer``, the blocks below the first screen and the folded
        sender's fields follow the first paint (:meth:`complete_form`)."""
        page = QWidget()
        page.setObjectName("formPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 4, 12, 12)
        layout.setSpacing(2)
        self.header_form = HeaderForm(self.registry)
        self.press_office_form = PressOfficeForm(self.registry, fill=not defer)
        self.text_form = TextForm(self.registry)
        self.body_editor = BodyEditor(self.registry, first=1 if defer else None)
        # Built at once although below the first screen: its link rows set the form's
        # narrowest width, and the first frame must have the final width.
        self.closing_form = ClosingForm(self.registry)
        self.sections: list[Section] = [
            self.header_form,
            self.press_office_form,
            self.text_form,
            self.body_editor,
            self.closing_form,
        ]
        self._form_pending = defer
        if defer:
            self.registry.complete = self.complete_form
            self.body_editor.complete_hook = self.complete_form
            self.press_office_form.complete_hook = self.complete_form
            self.firstPainted.connect(lambda: QTimer.singleShot(0, self, self.complete_form))
        self.example_note = QLabel(EXAMPLE_NOTE)
        self.example_note.setObjectName("exampleNote")
        self.example_note.setWordWrap(True)
        self.example_note.setStyleSheet(
            "#exampleNote { background: #e8f0fe; border: 1px solid #9bb7e0; border-radius: 3px;"
            " padding: 6px; }"
        )
        layout.addWidget(self.example_note)
        for section in self.sections:
            layout.addWidget(section)
        layout.addStretch(1)
        self.form_scroll = FormScroll(page)
        self.form_page = page
        align_labels(page, LATER_LABELS)
        self.update_tab_order()

    def complete_form(self) -> None:
        """Build what the form does not have yet: right after the first paint, or at once
        when something asks for it before (a mnemonic, F4, a problem, a block)."""
        if not self._form_pending:
            return
        self._form_pending = False
        self.registry.complete = None
        self.press_office_form.fill()
        self.body_editor.build_all()
        align_labels(self.form_page, LATER_LABELS)
        self.update_tab_order()
        if self.problems:
            self._show_problems(self.problems)

    def _build_what_shows(self) -> None:
        """Before the first paint: block editors until the form's visible part is full
        (all of them, and the rest of the form, if the screen is taller than the text)."""
        # Measured in the scroll area, not its viewport: the viewport is a widget Qt made,
        # and handing it to Python made PySide6 build its classes (~20 ms). The area is a
        # little taller than its viewport: at worst one block more is built now.
        area = self.form_scroll
        while self._form_pending:
            built = self.body_editor.built
            last: QWidget = built[-1] if built else self.body_editor
            bottom = last.mapTo(area, QPoint(0, last.height())).y()
            if bottom >= area.height():
                self.body_editor.reserve_rest()
                self._settle_layouts()
                return
            if not self.body_editor.build_more():
                self.complete_form()
            self._settle_layouts()

    @staticmethod
    def _settle_layouts() -> None:
        """The fields fit their height to their text once they know their width: the
        layouts settle before the first paint, so no paragraph shows cut off."""
        for _ in range(3):
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

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
        if path.endswith("].marks"):  # bold, italic, a link: back into the text
            path = path[: -len(".marks")] + ".text"
        if path.endswith("].itemMarks"):  # the same in a list's items
            path = path[: -len(".itemMarks")] + ".items"
        if path in self.registry.bound or path.endswith("]"):
            self.registry.focus(path)
        else:
            widget = self.registry.resolve(path)
            if widget is not None:
                self._ensure_visible(widget)

    def _ensure_visible(self, widget: QWidget) -> None:
        # The sections are asked, not the parents walked: a parent Qt created itself (a
        # scroll area's viewport) made PySide6 build dozens of classes before the first paint.
        for section in self.sections:
            if section.isAncestorOf(widget) and not section.body.isVisible():
                section.set_expanded(True)
        layout = self.form_page.layout()
        if layout is not None:
            layout.activate()
        self.form_scroll.ensureWidgetVisible(widget, 40, 60)
        # New rows (an added block) get their final height a moment later: look again.
        QTimer.singleShot(0, widget, lambda: self._scroll_to(widget))

    # keyboard: mnemonics that reach every field, and the form follows the focus -----
    def _hook_app(self) -> None:
        """The form follows the focus (Alt+letter, F4, a click on a problem). Closing the
        window lets go of the application's signal: a window waiting for deletion must
        not be called while its children are torn down."""
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._hooked_app is None:
            app.focusChanged.connect(self._on_focus_changed)
            self._hooked_app = app

    def _unhook_app(self) -> None:
        app, self._hooked_app = self._hooked_app, None
        if app is not None:
            app.focusChanged.disconnect(self._on_focus_changed)

    def jump_to_mnemonic(self, letter: str) -> QWidget | None:
        """The field whose label has ``letter`` underlined, even in a folded section.

        Qt takes Alt+letter as a shortcut only for visible labels; the form's fields
        hand the others here (see widgets._alt_letter) instead of typing the letter."""
        self.complete_form()  # the field may be one built after the first paint
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

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """A field reached by Alt+letter, F4 or a click on a problem is scrolled into view;
        a field the user leaves may say that it is still empty."""
        # Qt is in the middle of moving the focus (a click, a hide, a deletion): the work
        # waits for the event loop, rebuilding the problem list here crashed.
        if new is not None and self.form_page.isAncestorOf(new):
            QTimer.singleShot(0, self, self._keep_focus_visible)
        if not self.menus_filled:
            if new is not None and not isinstance(new, TextField):
                self.key_hook.watch(new)  # its first key fills the menus
        else:  # Fett/Kursiv/Link only in running text
            from pressdesk.ui.formatting import update_actions

            update_actions(self, new)
        if old is not None and not self._reveal_missing:
            path = self.registry.path_of(old)
            if path is not None and path not in self._left:
                self._left.add(path)
                QTimer.singleShot(0, self, self._show_current_problems)

    def _show_current_problems(self) -> None:
        self._show_problems(self.problems)

    def _scroll_to(self, widget: QWidget) -> None:
        with contextlib.suppress(RuntimeError):  # the widget was rebuilt meanwhile
            self.form_scroll.ensureWidgetVisible(widget, 40, 60)

    # commands ------------------------------------------------------------------------
    def new_draft(self) -> None:
        """Datei › Neu: an empty draft whose required fields say "noch leer" at first."""
        from pressdesk.ui import fileops

        before = self.doc.revision
        fileops.new(self)
        if self.doc.revision != before:
            self._reveal_missing = False
            # The cursor moves to the reference after this: that is no field left by the user.
            QTimer.singleShot(0, self, self._forget_left_fields)

    def _forget_left_fields(self) -> None:
        self._left.clear()
        self._show_problems(self.problems)

    def export(self, kind: str) -> None:
        from pressdesk.ui import fileops

        self.reveal_missing()
        fileops.export(self, kind)

    def setup_house(self) -> None:
        """Datei › Pressestelle einrichten: a saved profile becomes the one in use."""
        saved = self.dialogs.house_setup(self.doc.profile)
        if saved is not None:
            self.choose_profile(str(saved))

    def choose_profile(self, name: str) -> None:
        """Use a house profile for this draft and for new drafts (Datei › Profil)."""
        from pressdesk.profile import ProfileError, load_profile

        try:
            profile = load_profile(name)
        except ProfileError as exc:
            self.dialogs.error("Profil nicht verfügbar", str(exc))
            return
        self.doc.profile = profile
        self.body_editor.rebuild()  # italic in quotes shown and offered as the profile sets it
        settings = self.settings()
        settings.setValue("profile/default", name)
        if self.doc.path is not None:
            settings.setValue(f"profile/drafts/{self.doc.path}", name)
        settings.sync()
        self.validate_now()
        self.preview.schedule()
        self.statusBar().showMessage(f"Profil: {profile.name}", 5000)

    def _profile_for_opened_draft(self) -> None:
        """A draft opened again gets the profile chosen for it last time."""
        if self.doc.path is None:
            return
        name = self.settings().value(f"profile/drafts/{self.doc.path}")
        if isinstance(name, str) and name:
            from pressdesk.profile import ProfileError, load_profile

            with contextlib.suppress(ProfileError):
                self.doc.profile = load_profile(name)
                self.body_editor.rebuild()  # its quotes as this profile sets them

    def print_draft(self) -> None:
        from pressdesk.ui.printing import print_draft

        print_draft(self)

    def shortcut_list(self) -> list[tuple[str, str]]:
        return menus.shortcut_list(self)

    def show_shortcuts(self) -> None:
        menus.show_shortcuts(self)

    # start-up work after the window is visible -------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._settle_layouts()
        if self._form_pending and not self._started:
            self._build_what_shows()
        self._hook_app()
        if not self._started:
            self._started = True
            # The cursor is where writing starts from the first moment: a key typed (a
            # Tab too) before the rest of the form is built goes on from there, in the
            # form's order, not from wherever Qt's default chain begins.
            self.focus_start()
            QTimer.singleShot(0, self, self._after_show)

    def _after_show(self) -> None:
        if self.focusWidget() is None:
            self.focus_start()
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._after_first_paint)

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if self._started and not self._painted:
            # the children are painted in the same pass: the timer fires after the frame
            QTimer.singleShot(0, self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """The work of the start follows the first frame, not ``show()``: on a slow or
        busy machine the first paint can come later than STARTUP_DELAY_MS after
        ``show()``, and the checks and the review panels must not delay it."""
        if self._painted:
            return
        self._painted = True
        # The first validation imports and warms up the checks (a few hundred ms). It
        # runs in the UI thread a moment after the window is painted: a worker thread
        # must never be the first to import a module (see pressdesk.ui.workers).
        QTimer.singleShot(STARTUP_DELAY_MS, self, self._start_background)
        if self.recovery is not None:
            QTimer.singleShot(0, self, self._offer_recovery)
        self.firstPainted.emit()

    def _offer_recovery(self) -> None:
        from pressdesk.ui import fileops

        fileops.offer_recovery(self)

    def _start_background(self) -> None:
        self.validate_now()
        if self._want_preview:
            self.preview.activate()
        if self._want_spelling:
            self.start_spelling()

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
        if problems:
            self.complete_form()  # marks and counts for every part of the form
        self.problems = problems  # all of them: export, F4
        shown = [self._as_shown(p) for p in problems]
        marked = [p for p in shown if not isinstance(p, NotYetFilled)]
        self.registry.show_problems(marked)
        self._mark_sections(marked)
        self.problems_panel.set_problems(shown)
        self.problem_label.setText(summary(shown))
        self._fit_problems_dock()

    def _as_shown(self, problem: Any) -> Any:
        """An empty required field the user has not left yet is "noch leer", not red."""
        if self._reveal_missing or problem.text not in MISSING:
            return problem
        path = problem.path
        if any(left == path or left.startswith((path + ".", path + "[")) for left in self._left):
            return problem
        return NotYetFilled(path, problem.label)

    def reveal_missing(self) -> None:
        """From now on an empty required field is an error (an export was tried)."""
        if not self._reveal_missing:
            self._reveal_missing = True
            self._show_problems(self.problems)

    def _on_reset(self) -> None:
        self._profile_for_opened_draft()
        self._reveal_missing = True  # an opened or restored draft: say everything
        self._left.clear()
        self.example_note.hide()

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

    def _mark_sections(self, problems: list[Any]) -> None:
        counts = {id(s): [0, 0] for s in self.sections}
        for problem in problems:
            widget = self.registry.resolve(problem.path)
            while widget is not None and id(widget) not in counts:
                widget = widget.parentWidget()
            if widget is not None:
                counts[id(widget)][0 if problem.is_error else 1] += 1
        for section in self.sections:
            section.set_problems(*counts[id(section)])

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
            QTimer.singleShot(0, self, lambda: self._open_dropped(path))

    def _open_dropped(self, path: Path) -> None:
        from pressdesk.ui import fileops

        fileops.open_file(self, path)

    @staticmethod
    def _dropped_draft(event: Any) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        files = [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        drafts = [f for f in files if f.suffix == DRAFT_SUFFIX]
        return drafts[0] if len(drafts) == 1 else None

    # window size, splitter and zoom, remembered ----------------------------------------
    @staticmethod
    def settings() -> QSettings:
        from pressdesk.ui.userdata import data_dir

        return QSettings(str(data_dir() / "fenster.ini"), QSettings.Format.IniFormat)

    @staticmethod
    def first_geometry(available: QRect) -> QRect:
        """The first window: at most 1280 × 800, inside the screen's work area (a 1280 × 720
        laptop with a task bar), its title bar included."""
        width = min(FIRST_SIZE.width(), available.width())
        height = min(FIRST_SIZE.height(), available.height() - TITLE_BAR)
        rect = QRect(0, 0, width, height)
        rect.moveCenter(available.center())
        rect.moveTop(max(available.top() + TITLE_BAR, rect.top()))
        return rect

    def restore_layout(self) -> None:
        settings = self.settings()
        geometry = settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen() or QApplication.primaryScreen()
            self.setGeometry(self.first_geometry(screen.availableGeometry()))
        splitter = settings.value("window/splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([self.width() * 11 // 20, self.width() * 9 // 20])
        zoom = settings.value("preview/zoom")
        if zoom not in (None, "", "fit"):
            with contextlib.suppress(TypeError, ValueError):
                self.preview.set_zoom(float(zoom))

    def save_layout(self) -> None:
        settings = self.settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        zoom = self.preview.zoom
        settings.setValue("preview/zoom", "fit" if zoom is None else f"{zoom:.3f}")
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        from pressdesk.ui import fileops

        if not fileops.confirm_discard(self):
            event.ignore()
            return
        if self.recovery is not None:
            self.recovery.close()
        self.guard.release()
        self.save_layout()
        self.shut_down()
        event.accept()

    def shut_down(self) -> None:
        """Stop the background work and wait for it, before Qt objects go away."""
        self._unhook_app()
        self.validate_timer.stop()
        self.preview.stop()
        if self.spell is not None:
            self.spell.stop()
        workers.wait_all()
