"""The menu bar of the main window and the list of its shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence

from pressdesk.ui import fileops
from pressdesk.ui.forms.body import BLOCK_LABELS

if TYPE_CHECKING:
    from pressdesk.ui.main_window import MainWindow


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
    menu.addAction(action)
    return action


def build(w: MainWindow) -> None:
    """The menu bar; every command with a shortcut shows up in Hilfe > Tastenkürzel."""
    bar = w.menuBar()
    std = QKeySequence.StandardKey
    m = bar.addMenu("&Datei")
    _action(w, m, "&Neu", lambda: fileops.new(w), std.New)
    _action(w, m, "Ö&ffnen …", lambda: fileops.open_file(w), std.Open)
    w.recent_menu = m.addMenu("&Zuletzt geöffnet")
    w.recent_menu.aboutToShow.connect(lambda: fileops.fill_recent(w))
    m.addSeparator()
    _action(w, m, "&Speichern", lambda: fileops.save(w), std.Save)
    _action(w, m, "Speichern &unter …", lambda: fileops.save_as(w), "Ctrl+Shift+S")
    m.addSeparator()
    w.export_pdf_action = _action(
        w, m, "Als &PDF exportieren …", lambda: fileops.export(w, "pdf"), "Ctrl+E"
    )
    w.export_docx_action = _action(
        w, m, "Als &DOCX exportieren …", lambda: fileops.export(w, "docx"), "Ctrl+Shift+E"
    )
    for action, kind in ((w.export_pdf_action, "pdf"), (w.export_docx_action, "docx")):
        if not fileops.exporter_available(kind):
            action.setEnabled(False)
            action.setStatusTip("Dieser Export ist in dieser Installation nicht verfügbar.")
    m.addSeparator()
    _action(w, m, "&Beenden", w.close, "Ctrl+Q")

    m = bar.addMenu("&Bearbeiten")
    undo = w.doc.undo_stack.createUndoAction(w, "&Rückgängig")
    undo.setShortcuts(QKeySequence.keyBindings(std.Undo))
    redo = w.doc.undo_stack.createRedoAction(w, "&Wiederholen")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    m.addAction(undo)
    m.addAction(redo)
    w.undo_action, w.redo_action = undo, redo
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

    m = bar.addMenu("&Ansicht")
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

    m = bar.addMenu("&Hilfe")
    _action(w, m, "&Tastenkürzel", lambda: show_shortcuts(w), "F1")
    from pressdesk.ui.about import show_about

    w.about_action = _action(w, m, "Über &PressDesk", lambda: show_about(w))


def shortcut_list(w: MainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every menu command that has a shortcut, in menu order."""
    rows = []
    for menu_action in w.menuBar().actions():
        for action in menu_action.menu().actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys:
                rows.append((action.text().replace("&", "").split("\t")[0], keys))
    return rows


def show_shortcuts(w: MainWindow) -> None:
    lines = [f"{keys}\t{what}" for what, keys in shortcut_list(w)]
    lines.append("Alt + unterstrichener Buchstabe\tzum Feld springen")
    lines.append("Tab / Umschalt+Tab\tnächstes / voriges Feld")
    w.dialogs.info("Tastenkürzel", "\n".join(lines))
