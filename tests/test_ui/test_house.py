"""„Pressestelle einrichten“: the sender block as a checked profile of one's own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pressdesk.profile import load_profile
from pressdesk.ui.house import HouseSetupDialog, all_profiles, house_dir

CTRL = Qt.KeyboardModifier.ControlModifier


def replace_text(qtbot: Any, field: Any, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.keyClicks(field, line)


def fill(qtbot: Any, dialog: HouseSetupDialog, name: str, organisation: str, email: str) -> None:
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    replace_text(qtbot, dialog.name, name)
    replace_text(qtbot, dialog.organisation, organisation)
    replace_text(qtbot, dialog.unit, "Pressestelle")
    replace_text(qtbot, dialog.address, "Voelklinger Strasse 49\n40221 Duesseldorf")
    replace_text(qtbot, dialog.phones, "0211 5867-3505")
    replace_text(qtbot, dialog.email, email)
    replace_text(qtbot, dialog.website_text, "www.schulministerium.nrw")
    replace_text(qtbot, dialog.website_url, "https://www.schulministerium.nrw")
    replace_text(qtbot, dialog.announcement, f"Das {organisation} teilt mit:")


def test_a_wrong_sender_is_not_saved(qtbot: Any, window: Any) -> None:
    dialog = HouseSetupDialog(window.doc.profile, window)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, "Schulministerium NRW", "Ministerium fuer Schule", "presse(at)msb")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.saved is None
    assert "E-Mail" in dialog.error.text()
    assert list(house_dir().glob("*.json")) == []


def test_saved_profile_is_used_for_new_drafts(qtbot: Any, window: Any) -> None:
    dialog = HouseSetupDialog(window.doc.profile, window)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, "Schulministerium NRW", "Ministerium fuer Schule", "presse@msb.nrw.de")
    dialog.gender.setCurrentIndex(dialog.gender.findData("error"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None and dialog.saved.parent == house_dir()
    data = json.loads(dialog.saved.read_text(encoding="utf-8"))
    assert data["pressOffice"]["organisation"] == "Ministerium fuer Schule"
    profile = load_profile(str(dialog.saved))  # checked against the profile schema
    assert profile.name == "Schulministerium NRW"
    assert profile.rules.gender_characters == "error"

    window.dialogs.next_path = dialog.saved
    window.setup_house()  # Datei › Pressestelle einrichten, saved
    assert window.doc.profile.name == "Schulministerium NRW"
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, CTRL)
    office = window.doc.draft.press_office
    assert office.organisation == "Ministerium fuer Schule"
    assert office.email == "presse@msb.nrw.de"
    assert window.doc.draft.announcement == "Das Ministerium fuer Schule teilt mit:"
    assert window.press_office_form.fields["organisation"].text() == "Ministerium fuer Schule"


def test_several_profiles_to_choose_from(qtbot: Any, window: Any) -> None:
    for name, organisation in (("Schule", "Schulministerium"), ("Bau", "Bauministerium")):
        dialog = HouseSetupDialog(window.doc.profile, window)
        qtbot.addWidget(dialog)
        fill(qtbot, dialog, name, organisation, "presse@land.nrw.de")
        dialog.save()
        assert dialog.saved is not None
    titles = [title for _, title in all_profiles()]
    assert {"Schule", "Bau", "Landesregierung Nordrhein-Westfalen"} <= set(titles)
    bau = next(n for n, t in all_profiles() if t == "Bau")
    window.choose_profile(bau)
    window.new_draft()
    assert window.doc.draft.press_office.organisation == "Bauministerium"
    # The next start (no profile given on the command line) uses the one chosen last.
    from pressdesk.ui.app import create_window

    again = create_window(None, None, sample=False, spelling=False, preview=False)
    qtbot.addWidget(again)
    assert again.doc.profile.name == "Bau"
    assert again.doc.draft.press_office.organisation == "Bauministerium"
    assert Path(bau).parent == house_dir()


def test_logo_is_kept_with_the_profile_and_printed(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from pressdesk.export.pdf import render_pdf

    picture = tmp_path / "wappen.png"
    image = QImage(120, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#1a4f8b"))
    assert image.save(str(picture))
    dialog = HouseSetupDialog(window.doc.profile, window)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, "Mit Logo", "Ministerium", "presse@land.nrw.de")
    replace_text(qtbot, dialog.logo, str(picture))
    replace_text(qtbot, dialog.logo_alt, "Landeswappen")
    dialog.save()
    assert dialog.saved is not None
    picture.unlink()  # the profile keeps its own copy in the data folder
    profile = load_profile(str(dialog.saved))
    assert profile.logo is not None and profile.logo.path.parent == house_dir()
    draft = window.doc.snapshot()
    assert render_pdf(draft, profile=profile, final=False).startswith(b"%PDF")


def test_svg_logo_is_refused_with_a_reason(qtbot: Any, window: Any, tmp_path: Path) -> None:
    svg = tmp_path / "wappen.svg"
    svg.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    dialog = HouseSetupDialog(window.doc.profile, window)
    qtbot.addWidget(dialog)
    fill(qtbot, dialog, "Mit SVG", "Ministerium", "presse@land.nrw.de")
    replace_text(qtbot, dialog.logo, str(svg))
    dialog.save()
    assert dialog.saved is None
    assert "keine Größe" in dialog.error.text()  # an SVG without width, height or viewBox
