"""The state of the open release, always in sight above the form."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

COLORS = {
    "local": ("#eceff1", "#37474f"),
    "draft": ("#e3f2fd", "#0d47a1"),
    "in_review": ("#fff8e1", "#6d4c00"),
    "approved": ("#e8f5e9", "#1b5e20"),
    "voided": ("#ffebee", "#b71c1c"),
    "changes_requested": ("#fff3e0", "#8a3b00"),
    "published": ("#ede7f6", "#311b92"),
}


class StateBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBanner")
        self.setWordWrap(True)
        self.setAccessibleName("Status der Pressemitteilung")
        self.kind = "local"
        self.show_state("local", "Lokale Datei – nicht in der Bibliothek.")

    def show_state(self, kind: str, text: str) -> None:
        self.kind = kind
        back, fore = COLORS.get(kind, COLORS["local"])
        self.setStyleSheet(
            f"QLabel#reviewBanner {{ background:{back}; color:{fore}; padding:5px 10px;"
            f" border-bottom:1px solid {fore}; font-weight:bold; }}"
        )
        self.setText(text)
