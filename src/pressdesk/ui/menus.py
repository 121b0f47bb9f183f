"""The menu bar of the main window and the list of its shortcuts."""

from __future__ import annotations

import contextlib
import importlib.util
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QMenu, QToolBar

from pressdesk.ui.forms.body import BLOCK_LABELS

if TYPE_CHECKING:
    from pressdesk.ui.main_window import MainWindow


def _files(command: str, w: MainWindow) -> Any:
    """A slot running ``fileops.<command>(w)``: the file commands (locks, hashes, dialogs)
    load when first used, not before the window is on screen."""

    def run() -> Any:
        from pressdesk.ui import fileops

        return getattr(fileops, command)(w)

    return run


def exporter_available(kind: str) -> bool:
    try:
        return importlib.util.find_spec(f"pressdesk.export.{kind}") is not None
    except (ImportError, ValueError):
        return False


def _action(
    w: MainWindow, menu: Any, text: str, slot: Any, shortcut: Any = None, tip: str = ""
) -> QAction:
    action = QAction(text, w)
    if shortcut is not None:
        keys = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(k) for k in keys])
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda *_: slot())
    if menu is not None:
        menu.addAction(action)
    return action


MENU_TITLES = ("&Datei", "&Bearbeiten", "F&ormat", "&Ansicht", "&Hilfe")
# What menus.fill() creates; asked for before it ran, the window runs it first.
FILLED_NAMES = frozenset(
    {
        "recent_menu",
        "profile_menu",
        "preview_action",
        "spell_action",
        "about_action",
        "bold_action",
        "italic_action",
        "link_action",
        "format_actions",
        "command_keys",
    }
)


def build(w: MainWindow) -> None:
    """What the first frame shows: the menu bar's titles (their mnemonics work) and the
    toolbar. Each menu's entries follow the first paint (``fill``), or come at once when
    a menu is opened or a key is pressed before that, so every shortcut works from the
    first key the user types."""
    bar = w.menuBar()
    w.menus_filled = False
    w.title_menus = [bar.addMenu(title) for title in MENU_TITLES]
    w.format_menu = w.title_menus[2]
    for menu in w.title_menus:
        menu.aboutToShow.connect(lambda: fill(w))
    _toolbar_actions(w)
    build_toolbar(w)
    w.firstPainted.connect(lambda: QTimer.singleShot(0, w, lambda: fill(w)))
    w.key_hook = _FirstKey(w)
    w.key_hook.watch(w)  # a key sent to the window itself


class _FirstKey(QObject):
    """Fills the menus before a key reaches a shortcut (the ShortcutOverride comes
    before Qt looks the keys up) in a widget that does not ask for ``command_keys``
    itself, as the form's fields do: the window and the widget that gets the focus
    before the menus are filled; an application-wide filter would hand every
    event of every object to Python, which made PySide6 build ~70 classes more
    before the first paint."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.w = w
        self.watched: list[QObject] = []

    def watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)
        self.watched.append(widget)

    def release(self) -> None:
        for widget in self.watched:
            with contextlib.suppress(RuntimeError):  # deleted meanwhile
                widget.removeEventFilter(self)
        self.watched = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            fill(self.w)
        return False


def _toolbar_actions(w: MainWindow) -> None:
    """The commands the toolbar shows from the first frame (their menu entries later)."""
    std = QKeySequence.StandardKey
    w.new_action = _action(w, None, "&Neu", w.new_draft, std.New)
    w.open_action = _action(w, None, "Ö&ffnen …", _files("open_file", w), std.Open)
    w.save_action = _action(w, None, "&Speichern", _files("save", w), std.Save)
    w.export_pdf_action = _action(
        w, None, "Als &PDF exportieren …", lambda: w.export("pdf"), "Ctrl+E"
    )
    w.export_docx_action = _action(
        w, None, "Als &DOCX exportieren …", lambda: w.export("docx"), "Ctrl+Shift+E"
    )
    w.print_action = _action(w, None, "Druc&ken …", w.print_draft, std.Print)
    w.print_action.setStatusTip("Den Entwurf so drucken, wie ihn Vorschau und PDF zeigen")
    undo = w.doc.undo_stack.createUndoAction(w, "&Rückgängig")
    undo.setShortcuts(QKeySequence.keyBindings(std.Undo))
    redo = w.doc.undo_stack.createRedoAction(w, "&Wiederholen")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    w.undo_action, w.redo_action = undo, redo


def fill(w: MainWindow) -> None:
    """Every menu's entries, once; every command with a shortcut shows up in
    Hilfe > Tastenkürzel."""
    if w.menus_filled:
        return
    w.menus_filled = True
    w.key_hook.release()
    set_toolbar_icons(w)
    file_menu, edit_menu, format_menu, view_menu, help_menu = w.title_menus
    m = file_menu
    m.addAction(w.new_action)
    m.addAction(w.open_action)
    w.recent_menu = m.addMenu("&Zuletzt geöffnet")
    w.recent_menu.aboutToShow.connect(_files("fill_recent", w))
    m.addSeparator()
    m.addAction(w.save_action)
    _action(w, m, "Speichern &unter …", _files("save_as", w), "Ctrl+Shift+S")
    m.addSeparator()
    m.addAction(w.export_pdf_action)
    m.addAction(w.export_docx_action)
    m.addAction(w.print_action)
    for action, kind in (
        (w.export_pdf_action, "pdf"),
        (w.export_docx_action, "docx"),
        (w.print_action, "pdf"),
    ):
        if not exporter_available(kind):
            action.setEnabled(False)
            action.setStatusTip("Dieser Export ist in dieser Installation nicht verfügbar.")
    m.addSeparator()
    _action(w, m, "Pressestelle &einrichten …", w.setup_house)
    w.profile_menu = m.addMenu("P&rofil")
    w.profile_menu.aboutToShow.connect(lambda: fill_profiles(w))
    m.addSeparator()
    _action(w, m, "&Beenden", w.close, "Ctrl+Q")

    m = edit_menu
    m.addAction(w.undo_action)
    m.addAction(w.redo_action)
    m.addSeparator()
    body = w.body_editor
    _action(w, m, "&Absatz einfügen", body.add_after_current, "Ctrl+Return")
    _action(w, m, "Block nach &oben", lambda: body.move_current(-1), "Alt+Shift+Up")
    _action(w, m, "Block nach u&nten", lambda: body.move_current(1), "Alt+Shift+Down")
    _action(w, m, "Block &entfernen", body.remove_current, "Ctrl+Shift+Del")
    m.addSeparator()
    # The block type box is left out of the Tab chain; these reach it from the keyboard.
    for number, (kind, label) in enumerate(BLOCK_LABELS.items(), start=1):
        _action(w, m, f"Block als {label}", lambda k=kind: body.retype_current(k), f"Ctrl+{number}")

    from pressdesk.ui import formatting

    formatting.build_menu(w, format_menu)  # Fett, Kursiv, Link … (Strg+B, Strg+I, Strg+K)

    m = view_menu
    m.addAction(w.problems_dock.toggleViewAction())
    w.problems_dock.toggleViewAction().setShortcut(QKeySequence("F8"))
    w.preview_action = _action(
        w, m, "&Vorschau", lambda: w.preview.setVisible(w.preview_action.isChecked()), "F9"
    )
    w.preview_action.setCheckable(True)
    w.preview_action.setChecked(True)
    _action(w, m, "Vorschau ver&größern", w.preview.zoom_in, ["Ctrl++", "Ctrl+="])
    _action(w, m, "Vorschau ver&kleinern", w.preview.zoom_out, "Ctrl+-")
    _action(w, m, "Vorschau in voller &Breite", w.preview.fit_width, "Ctrl+0")
    _action(w, m, "Nächstes &Problem", w.next_problem, "F4")
    w.spell_action = _action(w, m, "&Rechtschreibung prüfen", w._toggle_spelling)
    w.spell_action.setCheckable(True)
    w.spell_action.setChecked(w._want_spelling)

    m = help_menu
    _action(w, m, "&Tastenkürzel", lambda: show_shortcuts(w), "F1")
    w.about_action = _action(w, m, "Über &PressDesk", lambda: _show_about(w))

    w.command_keys = {
        key.toString(QKeySequence.SequenceFormat.PortableText)
        for action in w.findChildren(QAction)
        for key in action.shortcuts()
    }


def _show_about(w: MainWindow) -> None:
    from pressdesk.ui.about import show_about  # its imports only when asked for

    show_about(w)


def fill_profiles(w: MainWindow) -> None:
    """The house profiles to choose from; the open draft's is checked."""
    from pressdesk.ui.house import all_profiles

    menu = w.profile_menu
    menu.clear()
    for i, (name, title) in enumerate(all_profiles(), start=1):
        action = menu.addAction(f"&{i} {title}")
        action.setCheckable(True)
        action.setChecked(title == w.doc.profile.name)
        action.triggered.connect(lambda *_, n=name: w.choose_profile(n))


def build_toolbar(w: MainWindow) -> QToolBar:
    """The main commands as buttons with words, as in an office program."""
    bar = QToolBar("Werkzeugleiste", w)
    bar.setObjectName("mainToolBar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setIconSize(QSize(16, 16))
    # The icons come from the style right after the first paint (set_toolbar_icons): the
    # style's class with its enums costs PySide6 ~13 ms. Until then a blank icon of the
    # same size keeps the buttons where they will be.
    blank = QPixmap(bar.iconSize())
    blank.fill(Qt.GlobalColor.transparent)
    placeholder = QIcon(blank)
    buttons: list[tuple[QAction, str] | None] = [
        (w.new_action, "Neu"),
        (w.open_action, "Öffnen"),
        (w.save_action, "Speichern"),
        None,
        (w.undo_action, "Rückgängig"),
        (w.redo_action, "Wiederholen"),
        None,
        (w.export_pdf_action, "PDF"),
        (w.export_docx_action, "DOCX"),
        (w.print_action, "Drucken"),
    ]
    for entry in buttons:
        if entry is None:
            bar.addSeparator()
            continue
        action, text = entry
        action.setIcon(placeholder)
        action.setIconText(text)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = action.text().replace("&", "").replace(" …", "")
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        bar.addAction(action)
    w.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    w.toolbar = bar
    return bar


def set_toolbar_icons(w: MainWindow) -> None:
    """The toolbar's icons from the style (Fusion), once the first frame is painted."""
    from PySide6.QtWidgets import QStyle

    icon = w.style().standardIcon
    sp = QStyle.StandardPixmap
    for action, pixmap in (
        (w.new_action, sp.SP_FileIcon),
        (w.open_action, sp.SP_DialogOpenButton),
        (w.save_action, sp.SP_DialogSaveButton),
        (w.undo_action, sp.SP_ArrowBack),
        (w.redo_action, sp.SP_ArrowForward),
        (w.export_pdf_action, sp.SP_FileDialogDetailedView),
        (w.export_docx_action, sp.SP_FileDialogContentsView),
        (w.print_action, sp.SP_DesktopIcon),
    ):
        action.setIcon(icon(pixmap))
    from pressdesk.ui.widgets import style_icons_now

    style_icons_now()


def shortcut_list(w: MainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every menu command that has a shortcut, in menu order."""
    fill(w)
    rows = []
    for menu_action in w.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                name = action.text().replace("&", "").split("\t")[0].removesuffix(" …")
                rows.append((name, keys))
    return rows


def shortcut_table(w: MainWindow) -> str:
    """The shortcuts as a two-column table (rich text), keys left, command right."""
    import html

    rows = [(keys, what) for what, keys in shortcut_list(w)]
    rows.append(("Alt + unterstrichener Buchstabe", "zum Feld springen"))
    rows.append(("Tab / Umschalt+Tab", "nächstes / voriges Feld"))
    cells = "".join(
        f"<tr><td style='padding-right:16px'><b>{html.escape(keys)}</b></td>"
        f"<td>{html.escape(what)}</td></tr>"
        for keys, what in rows
    )
    return f"<table cellspacing='2'>{cells}</table>"


def show_shortcuts(w: MainWindow) -> None:
    w.dialogs.info("Tastenkürzel", shortcut_table(w))
