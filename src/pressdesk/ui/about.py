"""Hilfe › Über PressDesk: version, bundled fonts and libraries with their licences.

The lists are read at run time, not written down here: the libraries are PressDesk's
run-time requirements (with the editor's) as installed, versions and licences from
their package metadata (also present in the bundle); the fonts are the folders under
``resources/fonts`` with their licence files.
"""

from __future__ import annotations

import html
import platform
import re
from typing import Any

from PySide6.QtCore import qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from pressdesk import __version__
from pressdesk.paths import fonts_dir, frozen
from pressdesk.ui.identity import icon_path, set_identity

__all__ = ["AboutDialog", "icon_path", "libraries", "set_identity", "show_about"]

EXTRAS = ("gui",)
LICENCE_FILES = ("OFL.txt", "LICENSE", "LICENSE.txt", "LICENCE.txt", "COPYING")


def _requirement_name(text: str) -> str | None:
    """The name of a requirement line if it is needed at run time (base or ``gui``)."""
    name, _, marker = text.partition(";")
    extras = re.findall(r"extra\s*==\s*['\"]([\w-]+)['\"]", marker)
    if marker and not any(e in EXTRAS for e in extras):
        return None
    match = re.match(r"[A-Za-z0-9._-]+", name.strip())
    return match.group(0) if match else None


def licence_of(meta: Any) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 60:
        return text
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return " / ".join(classifiers)
    return text.split("\n")[0][:60] if text else "siehe Paket"


def libraries() -> list[tuple[str, str, str]]:
    """(name, version, licence) of the libraries PressDesk runs with, sorted by name."""
    # here, not at the top: importlib.metadata (email, csv …) is not needed to start
    from importlib.metadata import PackageNotFoundError, distribution

    rows: dict[str, tuple[str, str, str]] = {}
    for text in distribution("pressdesk").requires or []:
        name = _requirement_name(text)
        if name is None:
            continue
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        meta = dist.metadata
        rows[meta["Name"].lower()] = (meta["Name"], dist.version, licence_of(meta))
    return [rows[k] for k in sorted(rows)]


def fonts() -> list[tuple[str, str, str]]:
    """(font, licence, copyright line) for every font folder under resources/fonts."""
    found = []
    for folder in sorted(p for p in fonts_dir().iterdir() if p.is_dir()):
        licence, notice = "ohne Lizenzdatei", ""
        for candidate in LICENCE_FILES:
            path = folder / candidate
            if path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                notice = next((line for line in text.splitlines() if "Copyright" in line), "")
                version = re.search(r"Version (\d+\.\d+)", text)
                if "SIL OPEN FONT LICENSE" in text.upper():
                    licence = "SIL Open Font License " + (version.group(1) if version else "")
                else:
                    licence = text.splitlines()[0] if text else candidate
                break
        found.append((folder.name.capitalize(), licence.strip(), notice.strip()))
    return found


def about_html() -> str:
    where = "Programmordner (Bundle)" if frozen() else "Python-Umgebung"
    rows = "".join(
        f"<tr><td>{html.escape(n)}</td><td>{html.escape(v)}</td><td>{html.escape(lic)}</td></tr>"
        for n, v, lic in libraries()
    )
    font_rows = "".join(
        f"<li>{html.escape(name)}: {html.escape(lic)}<br><small>{html.escape(notice)}</small></li>"
        for name, lic, notice in fonts()
    )
    return (
        f"<h2>PressDesk {html.escape(__version__)}</h2>"
        "<p>Pressemitteilungen entwerfen, prüfen und exportieren.</p>"
        f"<p>Läuft mit Python {platform.python_version()} und Qt {qVersion()} "
        f"(LGPL-3.0) aus der {where}.</p>"
        f"<h3>Schriften</h3><ul>{font_rows}</ul>"
        "<h3>Bibliotheken</h3>"
        "<table cellspacing='0' cellpadding='2'>"
        f"<tr><th align='left'>Paket</th><th align='left'>Version</th>"
        f"<th align='left'>Lizenz</th></tr>{rows}</table>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Über PressDesk")
        self.setWindowIcon(QIcon(icon_path()))
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 520)


def show_about(parent: Any) -> AboutDialog:
    dialog = AboutDialog(parent)
    dialog.setModal(True)
    dialog.show()
    return dialog
