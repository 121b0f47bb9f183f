"""Kopf: kind, reference, date and the optional Sperrfrist (embargo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pressdesk.model.draft import DOCUMENT_KINDS, Embargo
from pressdesk.typography import clock_time
from pressdesk.ui.forms.section import Section, add_row, form_layout
from pressdesk.ui.registry import FieldRegistry
from pressdesk.ui.widgets import CheckField, ChoiceField, DateField, LineField


class HeaderForm(Section):
    def __init__(self, registry: FieldRegistry, parent: QWidget | None = None) -> None:
        super().__init__("Kopf", parent)
        self.registry = registry
        doc = registry.doc
        form = form_layout(self.body)

        self.kind = ChoiceField([(k, k) for k in DOCUMENT_KINDS])
        add_row(form, "Ar&t:", self.kind)
        registry.bind("header.kind", self.kind, "Art")

        self.reference = LineField()
        self.reference.setPlaceholderText(doc.profile.rules.reference_hint)
        self.reference.setToolTip(doc.profile.rules.reference_hint)
        add_row(form, "&Referenz:", self.reference)
        registry.bind("header.reference", self.reference, "Referenz")

        self.date = DateField()
        add_row(form, "Dat&um:", self.date)
        registry.bind("header.date", self.date, "Datum")

        self.has_embargo = CheckField("&Sperrfrist")
        self.has_embargo.edited.connect(self._toggle_embargo)
        self.has_embargo.setToolTip("Veröffentlichung erst ab Datum und Uhrzeit")
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.embargo_date = DateField()
        self.embargo_time = LineField()
        self.embargo_time.setPlaceholderText("SS:MM")  # not "11:00": that reads as a value
        self.embargo_time.setToolTip("Uhrzeit, z. B. 11:00, 10.30 oder 9 Uhr")
        self.embargo_time.editingFinished.connect(self._tidy_time)
        self.embargo_time.setMaximumWidth(70)
        self.speech_start = CheckField("Redebe&ginn")
        self.time_label = QLabel("Uhrzeit:")
        self.time_label.setBuddy(self.embargo_time)
        for w in (self.embargo_date, self.time_label, self.embargo_time, self.speech_start):
            line.addWidget(w)
        line.addStretch(1)
        self.embargo_row = row
        form.addRow(self.has_embargo, row)
        registry.anchor("header.embargo", self.has_embargo)
        registry.bind("header.embargo.date", self.embargo_date, "Sperrfrist (Datum)")
        registry.bind("header.embargo.time", self.embargo_time, "Sperrfrist (Uhrzeit)")
        registry.bind(
            "header.embargo.atSpeechStart", self.speech_start, "Sperrfrist bis Redebeginn"
        )
        registry.container("header.embargo", self._show_embargo)
        self._show_embargo()

    def _tidy_time(self) -> None:
        """'10.30', '1030' or '9 Uhr' become 10:30 / 09:00 when the field is left."""
        text = self.embargo_time.text()
        if clock_time(text) != text:
            self.registry.doc.set_value(
                "header.embargo.time", clock_time(text), "Sperrfrist (Uhrzeit)", merge=False
            )

    def _toggle_embargo(self, on: bool) -> None:
        doc = self.registry.doc
        embargo = Embargo(date=doc.draft.header.date) if on else None
        doc.set_value("header.embargo", embargo, "Sperrfrist", merge=False)
        if on:  # the date is the release date already; the time is what is missing
            self.embargo_time.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_embargo(self) -> None:
        embargo = self.registry.doc.draft.header.embargo
        self.has_embargo.setChecked(embargo is not None)
        self.embargo_row.setEnabled(embargo is not None)
        speech = bool(embargo and embargo.at_speech_start)
        self.embargo_time.setEnabled(not speech)
        self.time_label.setEnabled(not speech)
