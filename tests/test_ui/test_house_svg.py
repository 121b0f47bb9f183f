"""„Pressestelle einrichten“ takes an SVG logo: typed, or chosen in the file dialog.

The real modal dialog (Datei › Pressestelle einrichten …) is filled in with the keyboard
and saved with Alt+S, as a person does.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from pressdesk.profile import load_profile
from pressdesk.ui.dialogs import Dialogs
from pressdesk.ui.house import HouseSetupDialog, house_dir
from tests.test_export.pdfua import walk
from tests.test_profile.test_svg_logo import GOOD, HOSTILE
from tests.test_ui.test_house import replace_text

ALT = Qt.KeyboardModifier.AltModifier


def run_dialog(
    qtbot: Any, window: Any, name: str, logo: Callable[[HouseSetupDialog], None]
) -> tuple[Path | None, str]:
    """Open the dialog, type a sender and ``name``, set the logo, press Alt+S; return
    the saved profile (None: not saved) and the dialog's error text."""
    seen: dict[str, str] = {}

    def type_in() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, HouseSetupDialog):
            QTimer.singleShot(20, type_in)
            return
        dialog.activateWindow()  # mnemonics work in the active window only
        QApplication.processEvents()
        replace_text(qtbot, dialog.name, name)
        replace_text(qtbot, dialog.organisation, "Ministerium")
        replace_text(qtbot, dialog.email, "presse@land.nrw.de")
        logo(dialog)
        replace_text(qtbot, dialog.logo_alt, "Landeswappen")
        qtbot.keyClick(dialog.logo_alt, Qt.Key.Key_S, ALT)  # &Speichern (an animated click)
        qtbot.waitUntil(lambda: not dialog.isVisible() or bool(dialog.error.text()))
        if dialog.isVisible():  # refused: remember why, then Esc
            seen["error"] = dialog.error.text()
            qtbot.keyClick(dialog.logo_alt, Qt.Key.Key_Escape)

    QTimer.singleShot(0, type_in)
    saved = Dialogs(window).house_setup(window.doc.profile)
    return saved, seen.get("error", "")


def test_svg_typed_into_the_path_field_is_saved_and_printed(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from pressdesk.export.pdf import render_pdf

    svg = tmp_path / "wappen.svg"
    svg.write_text(GOOD, encoding="utf-8")
    saved, error = run_dialog(
        qtbot, window, "Mit SVG", lambda d: replace_text(qtbot, d.logo, str(svg))
    )
    assert saved is not None, error
    data = json.loads(saved.read_text(encoding="utf-8"))
    kept = Path(data["logo"]["path"])
    assert kept.parent == house_dir() and kept.suffix == ".svg"
    svg.unlink()  # the profile has its own copy
    profile = load_profile(str(saved))
    assert profile.logo is not None and profile.logo.path == kept
    pdf = pikepdf.open(io.BytesIO(render_pdf(window.doc.snapshot(), profile=profile)))
    xobjects = pdf.pages[0].Resources.get("/XObject", {})
    assert not [x for x in xobjects.values() if x.get("/Subtype") == "/Image"]  # paths
    figures = [e for e, _ in walk(pdf) if e.S == "/Figure"]
    assert [str(f.Alt) for f in figures] == ["Landeswappen"]


def test_svg_chosen_in_the_file_dialog(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    svg = tmp_path / "logo-gewählt.svg"
    svg.write_text(GOOD, encoding="utf-8")
    offered: list[str] = []

    def choose(parent: Any, title: str, folder: str, filters: str) -> tuple[str, str]:
        offered.append(filters)
        return str(svg), "Logos (*.svg *.png)"

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))

    def browse(dialog: HouseSetupDialog) -> None:
        dialog.logo.setFocus()
        qtbot.keyClick(dialog.logo, Qt.Key.Key_D, ALT)  # &Durchsuchen … (an animated click)
        qtbot.waitUntil(lambda: dialog.logo.text() == str(svg))

    saved, error = run_dialog(qtbot, window, "Gewaehlt", browse)
    assert len(offered) == 1 and "*.svg" in offered[0]
    assert saved is not None, error
    assert load_profile(str(saved)).logo is not None


def test_hostile_svg_is_refused_and_nothing_is_saved(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    svg = tmp_path / "wappen.svg"
    svg.write_text(HOSTILE["external use"][0], encoding="utf-8")
    saved, error = run_dialog(
        qtbot, window, "Feindlich", lambda d: replace_text(qtbot, d.logo, str(svg))
    )
    assert saved is None
    assert error.startswith("Nicht gespeichert:")
    assert "verweist auf andere Dateien oder Adressen" in error
    assert list(house_dir().iterdir()) == []  # no profile, no copy of the logo
