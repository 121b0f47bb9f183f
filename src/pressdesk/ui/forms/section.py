"""A titled, collapsible part of the form."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QToolButton, QVBoxLayout, QWidget

# A heading is a button in the Tab chain (Space folds it): the frame shows where the keys go.
HEADING_STYLE = (
    "QToolButton { font-weight: bold; font-size: 11pt; border: 1px solid transparent; }"
    "QToolButton:focus { border: 1px solid palette(highlight); border-radius: 3px; }"
)


class Section(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None, collapsed: bool = False) -> None:
        super().__init__(parent)
        self.title = title
        self.toggle = QToolButton(self)
        self.toggle.setText(title)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(not collapsed)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setStyleSheet(HEADING_STYLE)
        self.toggle.toggled.connect(self.set_expanded)
        self.body = QWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)
        self.set_expanded(not collapsed)

    def set_problems(self, errors: int, warnings: int) -> None:
        """Say on the heading what is wrong inside, so a collapsed part cannot hide it."""
        parts = []
        if errors:
            parts.append(f"{errors} Fehler")
        if warnings:
            parts.append(f"{warnings} {'Hinweis' if warnings == 1 else 'Hinweise'}")
        text = f"{self.title}  ({', '.join(parts)})" if parts else self.title
        color = "#c62828" if errors else "#9a6b00" if warnings else "palette(window-text)"
        if self.toggle.text() != text:
            self.toggle.setText(text)
            self.toggle.setStyleSheet(HEADING_STYLE.replace("}", f"color: {color}; }}"))

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)
        self.body.setVisible(expanded)


def form_layout(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setContentsMargins(18, 2, 4, 6)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return form


def add_row(form: QFormLayout, text: str, widget: QWidget) -> QLabel:
    """A label with a mnemonic (``&Datum``) that moves the focus to its field."""
    label = QLabel(text)
    label.setBuddy(widget)
    form.addRow(label, widget)
    return label


def _direct_widgets(layout: QLayout) -> list[QWidget]:
    """The widgets placed directly in ``layout``, found without ``itemAt``: PySide keeps
    the wrapper of every ``itemAt`` result alive with its layout, Qt deletes the item
    when its widget goes (a rebuilt block), and a stale wrapper handed out later for a
    new object at the same address crashed an event filter."""
    parent = layout.parentWidget()
    if parent is None:
        return []
    children = parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [w for w in children if layout.indexOf(w) >= 0]


def align_labels(page: QWidget, later: Iterable[str] = ()) -> int:
    """One label column for all sections, so the fields line up down the whole form.

    ``later`` are the texts of labels built after the first paint: the column is as wide
    as they need from the start, so the fields do not move when they come."""
    labels: list[QWidget] = []
    for form in page.findChildren(QFormLayout):
        rows = []
        for widget in _direct_widgets(form):
            position: Any = form.getWidgetPosition(widget)  # (row, role)
            row, role = position
            if row >= 0 and role == QFormLayout.ItemRole.LabelRole:
                rows.append((row, widget))
        labels.extend(label for _row, label in sorted(rows, key=lambda r: r[0]))
    width = max((label.sizeHint().width() for label in labels), default=0)
    if later:
        probe = QLabel()
        for text in later:
            probe.setText(text)
            width = max(width, probe.sizeHint().width())
    for label in labels:
        label.setMinimumWidth(width)
        if isinstance(label, QLabel):  # the text stays next to its field
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return width


def _focusable_in_layout(layout: QLayout | None, out: list[QWidget]) -> None:
    if layout is None:
        return
    found: list[tuple[int, QWidget | QLayout]] = []
    for widget in _direct_widgets(layout):
        found.append((layout.indexOf(widget), widget))
    for sub in layout.findChildren(QLayout, options=Qt.FindChildOption.FindDirectChildrenOnly):
        found.append((layout.indexOf(sub), sub))
    for index, entry in sorted(found, key=lambda f: f[0]):
        if index < 0:
            continue
        if isinstance(entry, QWidget):
            if entry.focusPolicy() & Qt.FocusPolicy.TabFocus:
                out.append(entry)
            _focusable_in_layout(entry.layout(), out)
        else:
            _focusable_in_layout(entry, out)


def visual_tab_order(page: QWidget) -> list[QWidget]:
    """Tab through the form as it is read: top to bottom, left to right.

    Rows rebuilt later (blocks, links) would otherwise come last in Qt's chain.
    """
    widgets: list[QWidget] = []
    _focusable_in_layout(page.layout(), widgets)
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
    return widgets
