"""Absender: the issuing press office, prefilled from the house-style profile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from pressdesk.ui.forms.section import Section, add_row, form_layout
from pressdesk.ui.registry import FieldRegistry
from pressdesk.ui.widgets import LineField, LinesField

FIELDS = (
    ("organisation", "Be&hörde:", "Behörde", False),
    ("unit", "E&inheit:", "Einheit", False),
    ("address", "Ans&chrift:", "Anschrift", True),
    ("phones", "Tele&fon:", "Telefon", True),
    ("fax", "Telefa&x:", "Telefax", False),
    ("email", "E-&Mail:", "E-Mail", False),
    ("website.text", "&Website (Linktext):", "Website (Linktext)", False),
    ("website.url", "Website (Adresse):", "Website (Adresse)", False),
)


LABELS = [text for _key, text, _label, _many in FIELDS]


class PressOfficeForm(Section):
    """Folded at the start: with ``fill=False`` its fields are built when it is unfolded
    or :meth:`fill` is called (after the first paint)."""

    def __init__(
        self, registry: FieldRegistry, parent: QWidget | None = None, fill: bool = True
    ) -> None:
        super().__init__("Absender (Pressestelle)", parent, collapsed=True)
        self.filled = False
        self.registry = registry
        self._fields: dict[str, QWidget] = {}
        # Builds the fields with the rest of the form (labels lined up, tab order).
        self.complete_hook: Callable[[], None] = self.fill
        if fill:
            self.fill()

    @property
    def fields(self) -> dict[str, QWidget]:
        """The sender's fields by key (built first if they are not yet)."""
        if not self.filled:
            self.complete_hook()
        return self._fields

    def set_expanded(self, expanded: bool) -> None:
        if expanded and not self.__dict__.get("filled", True):
            self.complete_hook()
        super().set_expanded(expanded)

    def fill(self) -> None:
        """The fields, once."""
        if self.filled:
            return
        self.filled = True
        registry = self.registry
        form = form_layout(self.body)
        for key, text, label, many in FIELDS:
            widget: QWidget = LinesField() if many else LineField()
            if key == "phones":
                widget.setToolTip(
                    "Eine Nummer je Zeile; eine weitere Zeile darf nur die Durchwahl sein."
                )
            if key == "address":
                widget.setToolTip("Eine Zeile je Zeile der Anschrift.")
            add_row(form, text, widget)
            registry.bind(f"pressOffice.{key}", widget, label)
            self._fields[key] = widget
        reset = QPushButton("Aus dem Profil übernehmen")
        reset.setToolTip(f"Den Absender des Profils „{registry.doc.profile.name}“ einsetzen")
        reset.clicked.connect(self._reset)
        form.addRow("", reset)

    def _reset(self) -> None:
        doc = self.registry.doc
        doc.set_value("pressOffice", doc.profile.default_press_office(), "Absender", merge=False)
