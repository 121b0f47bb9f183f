"""``pressdesk --self-test``: open the reference sample, wait for the preview, exit.

For rolling out the bundle (and its test): proves that Qt, its platform plugin,
QtPdf, the exporters and the data files work on this machine, offscreen too
(``QT_QPA_PLATFORM=offscreen``). Prints one German line per check; exit code 0
when the preview shows the sample, 1 otherwise. The spell checker is reported,
not required: without Enchant and a German dictionary the editor works without it.
"""

from __future__ import annotations

import sys
from typing import Any

TIMEOUT_MS = 120_000


def run_self_test(app: Any) -> int:
    from PySide6.QtCore import QTimer

    from pressdesk import __version__
    from pressdesk.paths import reference_sample
    from pressdesk.ui.app import create_window
    from pressdesk.ui.dictionary import DictionaryMissing, open_dictionary

    print(f"PressDesk {__version__} – Selbsttest mit {reference_sample().name}", flush=True)
    window = create_window(reference_sample(), None)

    def rendered(pages: int) -> None:
        print(f"Vorschau: {pages} Seite{'n' if pages != 1 else ''}", flush=True)
        try:
            open_dictionary()
            print("Rechtschreibprüfung: deutsches Wörterbuch geladen", flush=True)
        except DictionaryMissing as exc:
            print(f"Rechtschreibprüfung: {exc}", flush=True)
        app.exit(0 if pages > 0 else 1)

    def too_slow() -> None:
        status = window.preview.status.text()
        print(f"Selbsttest fehlgeschlagen: keine Vorschau ({status})", file=sys.stderr, flush=True)
        app.exit(1)

    window.preview.rendered.connect(rendered)
    QTimer.singleShot(TIMEOUT_MS, too_slow)
    window.show()
    code = int(app.exec())
    # Closed as a user quits: the lock beside the sample goes, and the background work
    # (the dictionary may still be loading) ends before Qt's objects do; a worker still
    # signalling a window torn down at exit crashed the process after the report.
    window.doc.undo_stack.setClean()
    window.close()
    print("Selbsttest bestanden" if code == 0 else "Selbsttest fehlgeschlagen", flush=True)
    return code
