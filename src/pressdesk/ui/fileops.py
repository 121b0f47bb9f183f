"""File commands of the main window: new, open, save, export, recovery.

Everything that asks the user goes through ``window.dialogs`` (see
:mod:`pressdesk.ui.dialogs`), so tests can answer instead of a person.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication

from pressdesk.model.files import DRAFT_SUFFIX, DraftFileError, load_draft, save_draft
from pressdesk.ui.userdata import add_recent_file, recent_files

if TYPE_CHECKING:
    from pressdesk.ui.main_window import MainWindow

FILTERS = {"pdf": "PDF-Dokument (*.pdf)", "docx": "Word-Dokument (*.docx)"}


def exporter_available(kind: str) -> bool:
    try:
        return importlib.util.find_spec(f"pressdesk.export.{kind}") is not None
    except (ImportError, ValueError):
        return False


def confirm_discard(window: MainWindow) -> bool:
    """True when the current draft may be replaced or closed."""
    if not window.doc.is_modified:
        return True
    answer = window.dialogs.save_changes(window.display_name())
    if answer == "save":
        return save(window)
    return answer == "discard"


def new(window: MainWindow) -> None:
    if confirm_discard(window):
        draft = window.doc.profile.new_draft()
        draft.header.date = date.today().isoformat()  # a new release is dated today
        window.doc.replace(draft, None)
        window.statusBar().showMessage("Neuer Entwurf", 3000)


def open_file(window: MainWindow, path: Path | None = None) -> bool:
    if not confirm_discard(window):
        return False
    if path is None:
        path = window.dialogs.open_path(str(default_folder(window)))
        if path is None:
            return False
    try:
        draft = load_draft(path)
    except DraftFileError as exc:
        window.dialogs.error("Öffnen nicht möglich", str(exc))
        return False
    window.doc.replace(draft, Path(path))
    add_recent_file(Path(path))
    window.statusBar().showMessage(f"Geöffnet: {path}", 5000)
    return True


def fill_recent(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    files = recent_files()
    if not files:
        menu.addAction("(keine)").setEnabled(False)
    for i, path in enumerate(files, start=1):
        action = menu.addAction(f"&{i} {path.name}")
        action.setToolTip(str(path))
        action.triggered.connect(lambda *_, p=path: open_file(window, p))


def save(window: MainWindow) -> bool:
    if window.review is not None and window.review.handles_save():
        return bool(window.review.save())  # a release from the library: a new version
    if window.doc.path is None:
        return save_as(window)
    return _write(window, window.doc.path)


def save_as(window: MainWindow, path: Path | None = None) -> bool:
    if path is None:
        path = window.dialogs.save_path(suggested_name(window, DRAFT_SUFFIX))
        if path is None:
            return False
    if path.suffix != DRAFT_SUFFIX:
        path = path.with_name(path.name + DRAFT_SUFFIX)
    return _write(window, path)


def _write(window: MainWindow, path: Path) -> bool:
    try:
        save_draft(window.doc.draft, path)
    except DraftFileError as exc:
        window.dialogs.error("Speichern nicht möglich", str(exc))
        return False
    window.doc.mark_saved(path)
    add_recent_file(path)
    window.update_title()
    window.statusBar().showMessage(f"Gespeichert: {path}", 5000)
    return True


_UMLAUTS: dict[str, str | int | None] = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "Ä": "Ae",
    "Ö": "Oe",
    "Ü": "Ue",
}


def slug(text: str) -> str:
    text = text.translate(str.maketrans(_UMLAUTS))
    words = re.findall(r"[A-Za-z0-9]+", text)
    return "-".join(words)[:60].strip("-")


def default_folder(window: MainWindow) -> Path:
    """Beside the open draft, else where the user last opened or saved one, else Documents.

    Never the folder the program happened to be started in.
    """
    if window.doc.path is not None:
        return window.doc.path.parent
    for recent in recent_files():
        if recent.parent.is_dir():
            return recent.parent
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def suggested_name(window: MainWindow, suffix: str) -> str:
    """A full path: the dialog opens in the right folder with a meaningful name."""
    draft = window.doc.draft
    if window.doc.path is not None:
        return str(window.doc.path.with_suffix(suffix))
    stem = "_".join(p for p in (draft.header.date, slug(draft.headline)) if p) or "Pressemitteilung"
    return str(default_folder(window) / (stem + suffix))


def export(window: MainWindow, kind: str, path: Path | None = None) -> Path | None:
    """Export; refuse with the list when there are errors. Without ENTWURF only what the
    review store says is approved and is unchanged in the editor."""
    errors = [p for p in window.validate_now() if p.is_error]
    if errors:
        window.dialogs.refuse_export(errors)
        return None
    exporter: Callable[..., object]
    try:
        if kind == "pdf":
            from pressdesk.export.pdf import export_pdf as exporter
        else:
            from pressdesk.export.docx import export_docx as exporter
        from pressdesk.export import ExportError
    except ImportError:
        window.dialogs.error(
            "Export nicht verfügbar", f"Der {kind.upper()}-Export ist nicht installiert."
        )
        return None
    if path is None:
        path = window.dialogs.save_path(suggested_name(window, f".{kind}"), FILTERS[kind])
        if path is None:
            return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        final = window.review is not None and window.review.export_final()
        exporter(window.doc.snapshot(), path, profile=window.doc.profile, final=final)
    except ExportError as exc:
        window.dialogs.error("Export nicht möglich", str(exc))
        return None
    finally:
        QApplication.restoreOverrideCursor()
    mark = "freigegeben, ohne ENTWURF" if final else "Entwurf"
    window.statusBar().showMessage(f"Exportiert ({mark}): {path}", 8000)
    return path


def offer_recovery(window: MainWindow) -> None:
    store = window.recovery
    if store is None:
        return
    for found in store.orphans():
        answer = window.dialogs.restore(found.describe())
        if answer == "restore":
            window.doc.replace(found.draft, found.original, modified=True)
            store.write(found.draft, found.original)
            found.file.unlink(missing_ok=True)
            window.statusBar().showMessage("Entwurf wiederhergestellt – bitte speichern.", 10000)
            return
        if answer == "discard":
            found.file.unlink(missing_ok=True)
