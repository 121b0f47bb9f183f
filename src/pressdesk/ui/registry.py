"""Field path -> widget: how edits reach the draft and problems reach their field.

Forms bind each field widget to its path once. The registry then
- forwards the widget's ``edited`` value to :meth:`EditorDocument.set_value`,
- refreshes the widget when the draft changes under it (undo, open),
- marks it with a problem (red or amber frame, German tooltip), and
- gives it the focus when a problem in the panel is clicked.
Paths that have no widget of their own (``pressOffice.address[1]``) fall back to the
nearest bound parent, so every problem lands somewhere a user can act.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from pressdesk.ui import fieldpath
from pressdesk.ui.document import EditorDocument

# Set on a field when it is first marked, not on the window: a style sheet on the window
# puts every widget under Qt's style-sheet style, which cost ~35 ms before the first
# paint (each widget polished through it) for marks that come only after validation.
PROBLEM_STYLE = """
*[problem="error"] { border: 2px solid #c62828; background-color: #fdecea; border-radius: 3px; }
*[problem="warning"] { border: 2px solid #d49b00; background-color: #fff8e1; border-radius: 3px; }
"""


class FieldRegistry:
    def __init__(self, doc: EditorDocument) -> None:
        self.doc = doc
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, str] = {}
        self.bound: set[str] = set()
        self._containers: dict[str, Callable[[], None]] = {}
        self._base_tips: dict[int, str] = {}
        self._marked: list[QWidget] = []
        self._writers: dict[str, tuple[Any, Callable[[Any], None]]] = {}
        # A paragraph's text path -> the path of its marks (bold, italic, links).
        self.marks_of: dict[str, str] = {}
        self._mark_writers: dict[str, tuple[Any, Callable[[Any, str], None]]] = {}
        self.ensure_visible: Callable[[QWidget], None] = lambda w: None
        self.on_bind: Callable[[QWidget], None] | None = None
        # While parts of the form are still to be built (after the first paint): builds
        # them, so a path asked for is never missing (F4, a problem, a mnemonic).
        self.complete: Callable[[], None] | None = None
        doc.fieldChanged.connect(self.on_field_changed)
        doc.reset.connect(self.refresh_all)

    # binding -------------------------------------------------------------------------
    def bind(self, path: str, widget: Any, label: str, marks: str | None = None) -> None:
        """Two-way binding: the widget's ``edited`` signal writes ``path``.

        With ``marks`` (a paragraph's ``body[i].marks``), a text edit writes the text and
        the marks that moved with it as one undo step, and the widget's
        ``marks_edited`` (Strg+B, Strg+I, Strg+K) writes the marks alone.
        """
        self.widgets[path] = widget
        self.bound.add(path)
        self.labels[path] = label
        self._base_tips[id(widget)] = widget.toolTip()
        widget.setAccessibleName(label)

        def write(value: Any, p: str = path, t: str = label) -> None:
            if marks is None:
                self.doc.set_value(p, value, t)
            else:
                self.doc.set_values([(p, value), (marks, widget.stored_marks())], t)

        widget.edited.connect(write)
        if hasattr(widget, "separate_edits"):  # a TextField: a paste is one undo step
            widget.separate_edits = self.doc.separate_next
        self._writers[path] = (widget, write)
        if marks is not None:
            self.marks_of[path] = marks

            def write_marks(value: Any, text: str, m: str = marks) -> None:
                self.doc.set_value(m, value, text, merge=False)

            widget.marks_edited.connect(write_marks)
            self._mark_writers[path] = (widget, write_marks)
        with contextlib.suppress(TypeError):
            self._show(path, widget)
        if self.on_bind is not None:
            self.on_bind(widget)

    def anchor(self, path: str, widget: QWidget) -> None:
        """A widget that stands for a path for focus and marks only (e.g. a list)."""
        self.widgets[path] = widget
        self.bound.discard(path)
        self._base_tips[id(widget)] = widget.toolTip()

    def container(self, path: str, rebuild: Callable[[], None]) -> None:
        """``rebuild`` runs when the value at ``path`` is replaced as a whole."""
        self._containers[path] = rebuild

    def unbind_under(self, prefix: str) -> None:
        """Forget ``prefix[...]`` and ``prefix.…`` before the widgets are rebuilt."""
        for path in [p for p in self.widgets if p.startswith((prefix + "[", prefix + "."))]:
            self._disconnect(path)
            widget = self.widgets.pop(path)
            self.bound.discard(path)
            self._marked = [w for w in self._marked if w is not widget]
            self.labels.pop(path, None)

    def _disconnect(self, path: str) -> None:
        """A widget that is going away no longer writes to the draft: until deleteLater
        is done it could still emit, and its path may mean another block by then."""
        widget, write = self._writers.pop(path, (None, None))
        if widget is not None:
            with contextlib.suppress(RuntimeError):  # already deleted
                widget.edited.disconnect(write)
        self.marks_of.pop(path, None)
        widget, write_marks = self._mark_writers.pop(path, (None, None))
        if widget is not None:
            with contextlib.suppress(RuntimeError):
                widget.marks_edited.disconnect(write_marks)

    def path_of(self, widget: QWidget) -> str | None:
        """The path a widget is bound to (None for other widgets)."""
        for path in self.bound:
            if self.widgets.get(path) is widget:
                return path
        return None

    def forget(self, path: str) -> None:
        """Forget ``path`` and everything under it (its widgets are going away)."""
        self.unbind_under(path)
        self._disconnect(path)
        widget = self.widgets.pop(path, None)
        self.bound.discard(path)
        self.labels.pop(path, None)
        if widget is not None:
            self._marked = [w for w in self._marked if w is not widget]

    # draft -> widgets ----------------------------------------------------------------
    def on_field_changed(self, path: str) -> None:
        if path in self._containers:
            self._containers[path]()
        under = (path + ".", path + "[")
        for bound in [p for p in self.bound if p == path or p.startswith(under)]:
            self._show(bound, self.widgets[bound])
        for text_path, marks in list(self.marks_of.items()):
            if marks == path or marks.startswith(under):
                self._show(text_path, self.widgets[text_path])

    def _show(self, path: str, widget: Any) -> None:
        if not hasattr(widget, "show_value"):
            return
        try:
            value = self.doc.value(path)
            marks = self.doc.value(self.marks_of[path]) if path in self.marks_of else None
        except (IndexError, AttributeError):
            return
        widget.show_value(value)
        if marks is not None:
            widget.show_stored_marks(marks)

    def refresh_all(self) -> None:
        for rebuild in self._containers.values():
            rebuild()
        for path in list(self.bound):
            self._show(path, self.widgets[path])

    # problems ------------------------------------------------------------------------
    def resolve(self, path: str) -> QWidget | None:
        """The widget for ``path`` or its nearest bound parent."""
        if self.complete is not None and path not in self.widgets:
            self.complete()
        current: str | None = path
        while current:
            if current in self.widgets:
                return self.widgets[current]
            current = fieldpath.parent(current)
        return None

    def show_problems(self, problems: Iterable[Any]) -> None:
        by_widget: dict[int, tuple[QWidget, list[Any]]] = {}
        for problem in problems:
            widget = self.resolve(problem.path)
            if widget is not None:
                by_widget.setdefault(id(widget), (widget, []))[1].append(problem)
        for widget in self._marked:
            if id(widget) not in by_widget:
                self._mark(widget, "", self._base_tips.get(id(widget), ""))
        self._marked = []
        for widget, found in by_widget.values():
            severity = "error" if any(p.is_error for p in found) else "warning"
            tip = "\n".join(p.message for p in found)
            self._mark(widget, severity, tip)
            self._marked.append(widget)

    @staticmethod
    def _mark(widget: QWidget, severity: str, tip: str) -> None:
        with contextlib.suppress(RuntimeError):  # widget deleted by a rebuild
            if widget.property("problem") != severity:
                widget.setProperty("problem", severity)
                if severity and PROBLEM_STYLE not in widget.styleSheet():
                    widget.setStyleSheet(PROBLEM_STYLE + widget.styleSheet())
                widget.style().unpolish(widget)
                widget.style().polish(widget)
            widget.setToolTip(tip)

    def focus(self, path: str) -> QWidget | None:
        widget = self.resolve(path)
        if widget is None:
            return None
        self.ensure_visible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget
