"""Schluss: further information, social media, contact line and photo credits."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from pressdesk.model.draft import Link, SocialLink
from pressdesk.ui.forms.section import Section, add_row, form_layout
from pressdesk.ui.registry import FieldRegistry
from pressdesk.ui.widgets import LineField, TextField


class LinkList(QWidget):
    """Rows of link fields bound to ``path[i].key``, with add and remove."""

    def __init__(
        self,
        registry: FieldRegistry,
        path: str,
        noun: str,
        columns: list[tuple[str, str, str]],
        factory: Callable[[], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry, self.path, self.noun = registry, path, noun
        self.columns, self.factory = columns, factory
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.rows = QWidget()
        self.grid = QGridLayout(self.rows)
        self.grid.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.rows)
        self.add_button = QPushButton(f"{noun} hinzufügen")
        self.add_button.clicked.connect(self.add)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        registry.anchor(path, self.add_button)
        registry.container(path, self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.registry.unbind_under(self.path)
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        items = self.registry.doc.value(self.path)
        for col, (_key, placeholder, _label) in enumerate(self.columns):
            if items:
                header = QLabel(placeholder)
                header.setStyleSheet("color: #555;")
                self.grid.addWidget(header, 0, col)
        for row, _item in enumerate(items, start=1):
            for col, (key, placeholder, label) in enumerate(self.columns):
                field = LineField()
                field.setPlaceholderText(placeholder)
                self.grid.addWidget(field, row, col)
                field.show()
                self.registry.bind(f"{self.path}[{row - 1}].{key}", field, f"{label} {row}")
            remove = QToolButton()
            remove.setText("✕")
            remove.setToolTip(f"{self.noun} {row} entfernen")
            remove.clicked.connect(lambda _=False, i=row - 1: self.remove(i))
            self.grid.addWidget(remove, row, len(self.columns))
        for col in range(len(self.columns)):
            self.grid.setColumnStretch(col, 2 if self.columns[col][0] == "url" else 1)

    def add(self) -> None:
        items = [*copy.deepcopy(self.registry.doc.value(self.path)), self.factory()]
        self.registry.doc.set_value(self.path, items, f"{self.noun} hinzufügen", merge=False)
        self.registry.focus(f"{self.path}[{len(items) - 1}].{self.columns[0][0]}")

    def remove(self, index: int) -> None:
        items = copy.deepcopy(self.registry.doc.value(self.path))
        del items[index]
        self.registry.doc.set_value(self.path, items, f"{self.noun} entfernen", merge=False)


class ClosingForm(Section):
    def __init__(self, registry: FieldRegistry, parent: QWidget | None = None) -> None:
        super().__init__("Schluss", parent)
        form = form_layout(self.body)
        self.further = LinkList(
            registry,
            "furtherInformation",
            "Link",
            [
                ("text", "Angezeigter Text", "Weitere Informationen (Text)"),
                ("url", "Adresse (https://…)", "Weitere Informationen (Adresse)"),
            ],
            Link,
        )
        add_row(form, "Weitere Informationen:", self.further)
        self.social = LinkList(
            registry,
            "socialMedia",
            "Netzwerk",
            [
                ("network", "Netzwerk", "Social Media (Netzwerk)"),
                ("text", "Angezeigter Text", "Social Media (Text)"),
                ("url", "Adresse (https://…)", "Social Media (Adresse)"),
            ],
            SocialLink,
        )
        add_row(form, "Social Media:", self.social)
        self.contact = TextField(single_line=True, min_lines=2)  # the export joins its lines
        self.contact.setPlaceholderText("Bei Nachfragen wenden Sie sich bitte an … Telefon …")
        add_row(form, "&Kontaktzeile:", self.contact)
        registry.bind("contact", self.contact, "Kontaktzeile")
        self.photo_credits = LineField(typography=True)
        self.photo_credits.setPlaceholderText("Foto: Name / Behörde")
        add_row(form, "Bild&nachweis:", self.photo_credits)
        registry.bind("photoCredits", self.photo_credits, "Bildnachweis")
