"""Start the editor: ``run(path_or_None, profile_name) -> exit code``.

Heavy parts (validation, spell checking, QtPdf, the exporters) load after the
window is on screen, so the first paint comes quickly.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pressdesk.model.files import DraftFileError, load_draft
from pressdesk.profile import DEFAULT_PROFILE, ProfileError, load_profile


def create_window(
    path: str | Path | None = None,
    profile_name: str | None = None,
    *,
    sample: bool = True,
    **options,
):
    """Build the main window for ``path``; without one, a new untitled draft.

    The new draft is a copy of the reference release when ``sample`` is true (first
    start: a new user sees a complete example), else the profile's empty draft.
    """
    from datetime import date

    from pressdesk.paths import reference_sample
    from pressdesk.ui.document import EditorDocument
    from pressdesk.ui.main_window import MainWindow

    profile = load_profile(profile_name or DEFAULT_PROFILE)
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
        doc = EditorDocument(draft, profile, None)
    return MainWindow(doc, **options)


def german(app) -> None:
    """German for Qt's own texts (context menus, calendars, standard buttons)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_de", folder):
        app.installTranslator(translator)


def run(
    path: str | Path | None = None, profile_name: str | None = None, self_test: bool = False
) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("PressDesk")
    from pressdesk.ui.about import set_identity

    set_identity(app)
    app.setStyle("Fusion")
    german(app)
    if self_test:
        from pressdesk.ui.selftest import run_self_test

        return run_self_test(app)
    from pressdesk.ui.recovery import RecoveryStore
    from pressdesk.ui.userdata import first_start

    try:
        window = create_window(path, profile_name, sample=first_start(), recovery=RecoveryStore())
    except (DraftFileError, ProfileError) as exc:
        print(f"pressdesk: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "PressDesk", str(exc))
        return 1
    window.show()
    return app.exec()
