"""The program's window icon and desktop name, set at start without the About dialog's
imports (its text browser and button box are loaded when Hilfe › Über is chosen)."""

from __future__ import annotations

from typing import Any

from pressdesk.paths import resources_dir


def icon_path() -> str:
    return str(resources_dir() / "icons" / "pressdesk.svg")


def set_identity(app: Any) -> None:
    """Window icon, and the name of the .desktop entry (scripts/install-desktop.sh)."""
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(icon_path()))
    app.setDesktopFileName("pressdesk")
