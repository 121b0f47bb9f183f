"""Start the editor: ``run(path_or_None, profile_name) -> exit code``.

Heavy parts (validation, spell checking, QtPdf, the exporters) load after the
window is on screen, so the first paint comes quickly.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from pressdesk.model.files import DraftFileError, load_draft
from pressdesk.profile import DEFAULT_PROFILE, ProfileError, load_profile

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from pressdesk.ui.main_window import MainWindow


def create_window(
    path: str | Path | None = None,
    profile_name: str | None = None,
    *,
    sample: bool = True,
    **options: Any,
) -> MainWindow:
    """Build the main window for ``path``; without one, a new untitled draft.

    The new draft is a copy of the reference release when ``sample`` is true (first
    start: a new user sees a complete example), else the profile's empty draft.
    """
    from datetime import date

    from pressdesk.paths import reference_sample
    from pressdesk.ui.document import EditorDocument
    from pressdesk.ui.main_window import MainWindow

    profile = load_profile(profile_name or chosen_profile() or DEFAULT_PROFILE)
    if path is not None:
        doc = EditorDocument(load_draft(path), profile, Path(path))
    else:
        draft = None
        if sample:
            try:
                draft = load_draft(reference_sample())
            except DraftFileError:
                draft = None
        if draft is None:
            draft = profile.new_draft()
            draft.header.date = date.today().isoformat()
            options.setdefault("fresh", True)
        else:
            options.setdefault("example", True)  # say that it is an example
        doc = EditorDocument(draft, profile, None)
    return MainWindow(doc, **options)


def chosen_profile() -> str | None:
    """The house profile chosen last (Datei › Profil), if it still loads."""
    from pressdesk.ui.main_window import MainWindow

    name = MainWindow.settings().value("profile/default")
    if not isinstance(name, str) or not name:
        return None
    try:
        load_profile(name)
    except ProfileError:
        return None
    return name


def german(app: QCoreApplication) -> None:
    """German for Qt's own texts (context menus, calendars, standard buttons)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_de", folder):
        app.installTranslator(translator)


CRASH_LOG = "absturz.log"
CRASH_LOG_MAX_BYTES = 1_000_000
_crash_log_files: list[TextIO] = []  # open for the whole process: faulthandler writes here


def enable_crash_log() -> Path:
    """A hard crash (segmentation fault, ``Fatal Python error``) leaves the Python
    stacks of all threads in ``absturz.log`` in the user's data folder."""
    import faulthandler
    import os
    from datetime import datetime

    from pressdesk.ui.userdata import data_dir

    path = data_dir() / CRASH_LOG
    if path.exists() and path.stat().st_size > CRASH_LOG_MAX_BYTES:
        path.replace(path.with_suffix(".log.1"))
    log = path.open("a", encoding="utf-8")
    log.write(f"--- PressDesk gestartet {datetime.now():%Y-%m-%d %H:%M:%S}, pid {os.getpid()}\n")
    log.flush()
    faulthandler.enable(file=log, all_threads=True)
    _crash_log_files.append(log)
    return path


def run(
    path: str | Path | None = None, profile_name: str | None = None, self_test: bool = False
) -> int:
    from PySide6.QtWidgets import QApplication

    enable_crash_log()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
        app.setStyle("Fusion")
    else:
        # The style chosen as Qt reads its arguments: setStyle() would hand back the
        # style as a Python object, and PySide6 builds QStyle with its enums for it
        # (~13 ms before the first paint).
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app.setApplicationName("PressDesk")
    from pressdesk.ui.identity import set_identity

    set_identity(app)
    german(app)
    if self_test:
        from pressdesk.ui.selftest import run_self_test

        return run_self_test(app)
    from pressdesk.ui.recovery import RecoveryStore
    from pressdesk.ui.userdata import first_start

    try:
        window = create_window(
            path, profile_name, sample=first_start(), recovery=RecoveryStore(), defer_form=True
        )
    except (DraftFileError, ProfileError) as exc:
        from PySide6.QtWidgets import QMessageBox  # built by PySide6 only when needed

        print(f"pressdesk: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "PressDesk", str(exc))
        return 1
    from PySide6.QtCore import QTimer

    from pressdesk.ui.main_window import STARTUP_DELAY_MS

    def install_review() -> None:
        from pressdesk.ui.review import install

        install(window)

    # the library, the queue and the review panels, a moment after the first paint
    window.firstPainted.connect(lambda: QTimer.singleShot(STARTUP_DELAY_MS, window, install_review))
    window.show()
    return app.exec()
