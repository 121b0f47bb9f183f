"""„Pressestelle einrichten“: the sender block and house rules as a profile of one's own.

A house profile is a copy of a built-in profile (layout, fonts, labels) with the
press office's sender block, an optional logo and the house rule for gender
characters, saved as ``profile/<id>.json`` in the user's data folder and checked
against ``schemas/profile.schema.json`` before it is written. There can be several
(one per ministry); the chosen one is used for the open draft and for new drafts.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pressdesk.model.files import atomic_write_bytes
from pressdesk.profile import Profile, ProfileError
from pressdesk.profile.profile import available_profiles, load_profile, profile_from_dict
from pressdesk.ui.userdata import data_dir

GENDER_CHOICES = [
    ("off", "erlaubt (nicht melden)"),
    ("warning", "als Hinweis melden"),
    ("error", "als Fehler melden (amtliche Texte ohne Genderzeichen)"),
]
LOGO_WIDTH_MM = 40
W = TypeVar("W", bound=QWidget)


def house_dir() -> Path:
    folder = data_dir() / "profile"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def house_profiles() -> list[Path]:
    return sorted(house_dir().glob("*.json"))


def all_profiles() -> list[tuple[str, str]]:
    """(name for load_profile, display name) of the built-in and the house profiles."""
    found = []
    for name in available_profiles():
        found.append((name, load_profile(name).name))
    for path in house_profiles():
        try:
            found.append((str(path), load_profile(str(path)).name))
        except ProfileError:
            continue  # a broken file is not offered; it stays for the user to look at
    return found


def slug(text: str) -> str:
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
    return re.sub(r"[^a-z0-9]+", "-", text.lower().translate(table)).strip("-")[:40] or "haus"


def sender_problems(office: dict[str, Any], base: Profile) -> list[str]:
    """German messages for the sender block, from the same checks as a draft's."""
    from pressdesk.model.files import draft_from_dict
    from pressdesk.validation import validate

    draft = base.new_draft()
    draft.press_office = draft_from_dict({"schemaVersion": 1, "pressOffice": office}).press_office
    return [p.message for p in validate(draft, base) if p.path.startswith("pressOffice")]


def build_profile(
    base: Profile,
    name: str,
    office: dict[str, Any],
    gender: str,
    logo: Path | None,
    alt: str,
    announcement: str = "",
) -> dict[str, Any]:
    """The JSON of a house profile (not yet checked)."""
    data = copy.deepcopy(base.raw)
    data.pop("$schema", None)
    data["id"] = slug(name)
    data["name"] = name
    data["pressOffice"] = office
    data["rules"]["genderCharacters"] = gender
    data["announcement"] = announcement
    data["logo"] = (
        None
        if logo is None
        else {"path": str(logo), "x": 25, "y": 12, "width": LOGO_WIDTH_MM, "alt": alt}
    )
    return data


LOGO_SUFFIXES = (".svg", ".png")


def logo_problems(logo: Path) -> list[str]:
    """German messages for a logo file the dialog cannot take (an empty list: fine).

    An SVG is checked as the exporters check it (no external references, scripts,
    entity or ``<use>`` blow-ups, absurd sizes) and drawn once, so a logo that saves
    also prints.
    """
    if logo.suffix.lower() not in LOGO_SUFFIXES:
        return ["Logo: bitte eine SVG- oder PNG-Datei wählen"]
    if not logo.is_file():
        return [f"Logo: die Datei {logo.name} gibt es nicht"]
    if logo.suffix.lower() == ".svg":
        from pressdesk.export import ExportError
        from pressdesk.export.pdf.logo import svg_drawing

        try:
            svg_drawing(logo)
        except ExportError as exc:
            return [str(exc)]
    return []


def save_profile(data: dict[str, Any], logo: Path | None = None) -> Path:
    """Check and write a house profile; :class:`ProfileError` (German) when it is not valid."""
    folder = house_dir()
    if logo is not None:
        if logo.suffix.lower() == ".svg":
            from pressdesk.profile.svg import check_svg_logo

            check_svg_logo(logo)  # before anything is copied into the data folder
        kept = folder / f"{data['id']}-logo{logo.suffix.lower()}"
        if logo.resolve() != kept.resolve():
            shutil.copyfile(logo, kept)
        data = {**data, "logo": {**data["logo"], "path": str(kept)}}
    profile_from_dict(data)  # schema, fonts, logo file
    path = folder / f"{data['id']}.json"
    atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    load_profile.cache_clear()
    return path


class HouseSetupDialog(QDialog):
    """Sender block, logo and house rules of a press office, saved as a profile."""

    def __init__(self, base: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pressestelle einrichten")
        self.base = base
        self.saved: Path | None = None
        office = base.raw.get("pressOffice", {})
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Absender, Logo und Hausregeln Ihrer Pressestelle. Neue Entwürfe übernehmen "
            "den Absender des gewählten Profils."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)

        def row(text: str, widget: W) -> W:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            return widget

        same = base.name if base.id not in available_profiles() else ""
        self.name = row("&Name des Profils:", QLineEdit(same))
        self.name.setPlaceholderText("z. B. Ministerium für Schule und Bildung")
        self.organisation = row("Be&hörde:", QLineEdit(office.get("organisation", "")))
        self.unit = row("E&inheit:", QLineEdit(office.get("unit", "")))
        self.address = row("Ans&chrift:", QPlainTextEdit("\n".join(office.get("address", []))))
        self.phones = row("Tele&fon:", QPlainTextEdit("\n".join(office.get("phones", []))))
        for box in (self.address, self.phones):
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 12)
        self.fax = row("Telefa&x:", QLineEdit(office.get("fax", "")))
        self.email = row("E-&Mail:", QLineEdit(office.get("email", "")))
        website = office.get("website", {}) or {}
        self.website_text = row("&Website (Linktext):", QLineEdit(website.get("text", "")))
        self.website_url = row("Website (&Adresse):", QLineEdit(website.get("url", "")))
        logo_row = QWidget()
        line = QHBoxLayout(logo_row)
        line.setContentsMargins(0, 0, 0, 0)
        self.announcement = row(
            "Ankündigungs&zeile:", QLineEdit(str(base.raw.get("announcement", "")))
        )
        self.announcement.setPlaceholderText("z. B. Das Ministerium für … teilt mit:")
        self.logo = QLineEdit(str(base.logo.path) if base.logo else "")
        self.logo.setPlaceholderText("optional: SVG- oder PNG-Datei")
        choose = QPushButton("&Durchsuchen …")
        choose.clicked.connect(self._choose_logo)
        line.addWidget(self.logo, 1)
        line.addWidget(choose)
        row("&Logo:", logo_row)
        self.logo_alt = row("Logo (Alternativtext):", QLineEdit(base.logo.alt if base.logo else ""))
        self.gender = QComboBox()
        for value, text in GENDER_CHOICES:
            self.gender.addItem(text, value)
        self.gender.setCurrentIndex(self.gender.findData(base.rules.gender_characters))
        row("&Genderzeichen:", self.gender)
        self.error = QLabel()
        self.error.setObjectName("houseError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Speichern", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Abbrechen", QDialogButtonBox.ButtonRole.RejectRole)  # Esc
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Logo wählen", "", "Logos (*.svg *.png);;SVG-Grafiken (*.svg);;PNG-Bilder (*.png)"
        )
        if name:
            self.logo.setText(name)

    def office(self) -> dict[str, Any]:
        def lines(box: QPlainTextEdit) -> list[str]:
            return [t.strip() for t in box.toPlainText().splitlines() if t.strip()]

        return {
            "organisation": self.organisation.text().strip(),
            "unit": self.unit.text().strip(),
            "address": lines(self.address),
            "phones": lines(self.phones),
            "fax": self.fax.text().strip(),
            "email": self.email.text().strip(),
            "website": {
                "text": self.website_text.text().strip(),
                "url": self.website_url.text().strip(),
            },
        }

    def save(self) -> None:
        name = self.name.text().strip()
        problems = [] if name else ["Name des Profils: fehlt"]
        problems += sender_problems(self.office(), self.base)
        logo = Path(self.logo.text().strip()) if self.logo.text().strip() else None
        if logo is not None:
            problems += logo_problems(logo)
        if problems:
            self.error.setText("Nicht gespeichert:\n" + "\n".join(problems))
            return
        data = build_profile(
            self.base,
            name,
            self.office(),
            self.gender.currentData(),
            logo,
            self.logo_alt.text().strip(),
            self.announcement.text().strip(),
        )
        try:
            self.saved = save_profile(data, logo)
        except (ProfileError, OSError) as exc:
            self.error.setText(f"Nicht gespeichert: {exc}")
            return
        self.accept()
