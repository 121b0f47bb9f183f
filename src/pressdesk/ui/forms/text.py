"""Überschrift: the announcing line, headline and subheadline, with counts."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from pressdesk.ui.forms.section import Section, add_row, form_layout
from pressdesk.ui.registry import FieldRegistry
from pressdesk.ui.widgets import TextField


def count_label(text: str) -> str:
    words = len(text.split())
    return f"{len(text)} Zeichen · {words} {'Wort' if words == 1 else 'Wörter'}"


class TextForm(Section):
    def __init__(self, registry: FieldRegistry, parent: QWidget | None = None) -> None:
        super().__init__("Überschrift", parent)
        self.registry = registry
        form = form_layout(self.body)

        self.announcement = TextField(single_line=True)
        self.announcement.setPlaceholderText("z. B. Das Ministerium für … teilt mit:")
        add_row(form, "Ankündigungszeil&e:", self.announcement)
        registry.bind("announcement", self.announcement, "Ankündigungszeile")

        self.headline = TextField(single_line=True)
        self.headline.setPlaceholderText("Worum es geht, in einer Zeile (30–75 Zeichen)")
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        add_row(form, "&Überschrift:", self.headline)
        registry.bind("headline", self.headline, "Überschrift")
        self.headline_count = QLabel()
        self.headline_count.setObjectName("headlineCount")
        self.headline_count.setStyleSheet("color: #555;")
        form.addRow("", self.headline_count)

        self.subheadline = TextField(single_line=True)
        self.subheadline.setPlaceholderText("optional")
        add_row(form, "Unterzei&le:", self.subheadline)
        registry.bind("subheadline", self.subheadline, "Unterzeile")

        registry.doc.changed.connect(self.update_counts)
        self.update_counts()

    def update_counts(self) -> None:
        self.headline_count.setText(count_label(self.registry.doc.draft.headline))
