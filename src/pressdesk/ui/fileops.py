"""File commands of the main window: new, open, save, export, recovery.

Everything that asks the user goes through ``window.dialogs`` (see
:mod:`pressdesk.ui.dialogs`), so tests can answer instead of a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication

from pressdesk.model.fileio import clean_stale_temps, is_read_only
from pressdesk.model.files import (
    DRAFT_SUFFIX,
    DraftFileError,
    check_export_targets,
    dump_draft,
    parse_draft,
    read_draft_bytes,
    write_user_file,
)
from pressdesk.model.lock import content_hash
from pressdesk.ui.userdata import add_recent_file, recent_files

if TYPE_CHECKING:
    from pressdesk.ui.main_window import MainWindow

FILTERS = {"pdf": "PDF-Dokument (*.pdf)", "docx": "Word-Dokument (*.docx)"}


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
        window.guard.release()
        window.doc.replace(draft, None)
        window.statusBar().showMessage("Neuer Entwurf", 3000)


def open_file(window: MainWindow, path: Path | None = None) -> bool:
    if not confirm_discard(window):
        return False
    if path is None:
        path = window.dialogs.open_path(str(default_folder(window)))
        if path is None:
            return False
    path = Path(path)
    try:
        raw = read_draft_bytes(path)
        draft = parse_draft(raw)
    except DraftFileError as exc:
        window.dialogs.error("Öffnen nicht möglich", str(exc))
        return False
    if not window.guard.claim(path):
        return False
    clean_stale_temps(path.parent)
    window.doc.replace(draft, path)
    window.guard.loaded(path, content_hash(raw))
    add_recent_file(path)
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
    """Save to ``path``, unless that would destroy someone else's work.

    A file opened read-only, or changed on disk since it was loaded, is never
    overwritten without asking; a read-only file offers "Speichern unter".
    """
    guard = window.guard
    if guard.read_only and path == guard.path:
        if window.dialogs.read_only(path.name, READ_ONLY_OPENED) == "save_as":
            return save_as(window)
        return False
    data = dump_draft(window.doc.draft)
    while guard.conflict(path):
        answer = window.dialogs.changed_on_disk(path.name)
        if answer == "compare":
            window.dialogs.show_diff(path.name, guard.diff(path, data))
            continue
        if answer == "save_as":
            return save_as(window)
        if answer == "theirs":
            take_theirs(window, path)
        return False
    try:
        write_user_file(path, data, DraftFileError)
    except DraftFileError as exc:
        if is_read_only(path):
            if window.dialogs.read_only(path.name, str(exc)) == "save_as":
                return save_as(window)
            return False
        window.dialogs.error("Speichern nicht möglich", str(exc))
        return False
    window.doc.mark_saved(path)
    guard.saved(path, data)
    add_recent_file(path)
    window.update_title()
    window.statusBar().showMessage(f"Gespeichert: {path}", 5000)
    return True


READ_ONLY_OPENED = (
    "Der Entwurf ist schreibgeschützt geöffnet, weil ihn jemand anderes bearbeitet. "
    "Bitte unter einem anderen Namen speichern."
)


def take_theirs(window: MainWindow, path: Path) -> bool:
    """Replace the window's draft with the file as it is on disk now."""
    try:
        raw = read_draft_bytes(path)
        draft = parse_draft(raw)
    except DraftFileError as exc:
        window.dialogs.error("Laden nicht möglich", str(exc))
        return False
    window.doc.replace(draft, path)
    window.guard.loaded(path, content_hash(raw))
    window.statusBar().showMessage(f"Fassung von der Festplatte übernommen: {path}", 8000)
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
    from pressdesk.export import ExportError  # a broken exporter is a bug, not a hint
    from pressdesk.export.docx import export_docx
    from pressdesk.export.pdf import export_pdf

    exporter: Callable[..., object] = export_pdf if kind == "pdf" else export_docx
    if path is None:
        path = window.dialogs.save_path(suggested_name(window, f".{kind}"), FILTERS[kind])
        if path is None:
            return None
    refused = check_export_targets(window.doc.path, [path])
    if refused is not None:
        window.dialogs.error("Export nicht möglich", refused)
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
            found.remove()
            window.statusBar().showMessage("Entwurf wiederhergestellt – bitte speichern.", 10000)
            return
        if answer == "discard":
            found.remove()
