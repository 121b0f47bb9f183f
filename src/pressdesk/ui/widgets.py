"""Field widgets that bind to one draft path each.

Every field emits ``edited(value)`` when the *user* changes it and has
``show_value(value)`` to follow the draft (undo, open, restore) without echoing an
edit back. German typography (``„…“``, en dash) is applied while typing through
:func:`pressdesk.typography.type_as_you_go`; the cursor stays where the user was.
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any

from PySide6.QtCore import QDate, QEvent, QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QPixmap,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from pressdesk.model.inline import (
    MARK_KINDS,
    Mark,
    Run,
    align_texts,
    carry_marks,
    clip_marks,
    cut_marks,
    edit_marks,
    links_at,
    mark_from_dict,
    normalize_marks,
    remove_marks,
    split_runs,
    text_edit,
)
from pressdesk.typography import type_as_you_go

_HISTORY_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def _leave_window_keys(widget: QWidget, event: QEvent) -> bool:
    """Ctrl+Z/Ctrl+Y and every menu shortcut (Strg+E …) reach the window, not the field.

    A line edit claims Ctrl+E as "end of line", a text edit Ctrl+Z as its own undo;
    the window's commands win, so a shortcut works wherever the cursor is. A command
    that is greyed here (Strg+K „Link“ in the headline) does nothing: the key does not
    fall through to the field (where Strg+K would delete to the end of the line).
    """
    if (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and _is_window_command(widget, event)
    ):
        event.accept()
        return True
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    if any(event.matches(k) for k in _HISTORY_KEYS) or _is_window_command(widget, event):
        event.ignore()
        return True
    return False


def _field_keys(widget: QWidget, event: QEvent) -> bool:
    """The window's keys a field does not take (see the two checks below).

    A field gets hundreds of events while the window is built and shown (polish,
    resize, layout, paint); only key events matter here, so the rest pass at once
    without asking for their type (each answer is a Python enum look-up)."""
    return isinstance(event, QKeyEvent) and (
        _leave_window_keys(widget, event) or _alt_letter(widget, event)
    )


def _alt_letter(widget: QWidget, event: QEvent) -> bool:
    """Alt+letter that no visible label took: a field in a folded section, or nothing.

    Qt offers Alt+letter to the focused field as text when no shortcut matched (its
    label is hidden in a collapsed section): "Duisburg" + Alt+M became "Duisburgm".
    """
    if (
        event.type() != QEvent.Type.KeyPress
        or not isinstance(event, QKeyEvent)
        or event.modifiers() != Qt.KeyboardModifier.AltModifier
        or not event.text().isalpha()
    ):
        return False
    from pressdesk.ui.main_window import MainWindow

    window = widget.window()
    if isinstance(window, MainWindow):
        window.jump_to_mnemonic(event.text())
    return True


def _is_window_command(widget: QWidget, event: QKeyEvent) -> bool:
    from pressdesk.ui.main_window import MainWindow  # loaded already: it built this widget

    window = widget.window()
    if not isinstance(window, MainWindow) or event.key() in _MODIFIER_KEYS:
        return False
    keys = QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)
    return keys in window.command_keys


_MODIFIER_KEYS = (Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta)


def _use_window_history(widget: QWidget, menu: Any) -> None:
    """The widget's own (disabled) undo entries give way to the window's undo stack."""
    from pressdesk.ui.main_window import MainWindow  # loaded already: it built this widget

    actions = menu.actions()
    window = widget.window()
    if len(actions) > 2 and isinstance(window, MainWindow):
        menu.removeAction(actions[0])
        menu.removeAction(actions[1])
        menu.insertActions(actions[2], [window.undo_action, window.redo_action])


def to_utf16(text: str, index: int) -> int:
    """Qt's position of ``text[index]``: UTF-16 code units, an emoji counts two."""
    head = text[:index]
    return len(head) + sum(1 for c in head if ord(c) > 0xFFFF)


def from_utf16(text: str, position: int) -> int:
    """The Python index (code points, as in marks) of Qt's ``position`` in ``text``."""
    if text.isascii() or all(ord(c) <= 0xFFFF for c in text):
        return min(position, len(text))
    units = 0
    for index, c in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(c) > 0xFFFF else 1
    return len(text)


def _add_format_commands(widget: QWidget, menu: Any) -> None:
    """Fett, Kursiv and Link … at the top of a field's context menu (greyed where the
    field cannot carry formatting)."""
    from pressdesk.ui.main_window import MainWindow  # loaded already: it built this widget

    window = widget.window()
    if not isinstance(window, MainWindow) or not hasattr(window, "format_actions"):
        return
    from pressdesk.ui.formatting import update_actions

    update_actions(window, widget)
    first = menu.actions()[0] if menu.actions() else None
    menu.insertActions(first, window.format_actions)
    menu.insertSeparator(first)


def typed(text: str, cursor: int) -> tuple[str, int]:
    """Apply German typography and move the cursor with the text before it."""
    new = type_as_you_go(text)
    if new == text:
        return text, cursor
    return new, len(type_as_you_go(text[:cursor]))


# The formatting of copied or dragged text, next to its plain text (other programs
# read the text and ignore this): {"text": the copied text, "marks": [...]}.
MARKS_MIME = "application/x-pressdesk-marks"


def new_mime_data() -> QMimeData:
    """An empty QMimeData made by Qt, not by Python, for the clipboard and drags.

    A QMimeData made in Python is PySide6's subclass that asks Python for its virtual
    methods; left on the clipboard, Qt deletes it when the application object goes, after
    Python has shut down: a segmentation fault on quitting after a copy. Qt's item model
    makes a plain one (its own formats are removed)."""
    from PySide6.QtGui import QStandardItemModel

    model = QStandardItemModel(1, 1)
    data = model.mimeData([model.index(0, 0)])
    for name in data.formats():
        data.removeFormat(name)
    return data


def put_marks(data: QMimeData, text: str, marks: list[Mark]) -> None:
    """Let a copy or a drag of ``text`` carry its ``marks`` (offsets from its start);
    ``data`` must be a plain QMimeData (Qt's own for a selection lists fixed formats)."""
    payload = {"text": text, "marks": [m.to_dict() for m in marks]}
    data.setData(MARKS_MIME, json.dumps(payload, ensure_ascii=False).encode("utf-8"))


def read_marks(data: Any, text: str) -> list[Mark]:
    """The marks carried by ``data`` for ``text`` (none for text from another program,
    or when the text no longer is the one they were copied with)."""
    if not data.hasFormat(MARKS_MIME):
        return []
    try:
        payload = json.loads(bytes(data.data(MARKS_MIME).data()).decode("utf-8"))
        if payload["text"] != text:
            return []
        marks = [mark_from_dict(m) for m in payload["marks"]]
    except (ValueError, KeyError, TypeError, AttributeError):
        return []  # not ours after all: the plain text is what counts
    if not all(m.kind in MARK_KINDS and isinstance(m.url, str) for m in marks):
        return []
    return clip_marks(normalize_marks(marks), len(text))


def pasted_marks(data: Any, text: str) -> list[Mark]:
    """The formatting of ``text`` pasted or dropped with ``data``.

    PressDesk's own copies carry their marks exactly (:func:`read_marks`; their HTML,
    Qt's rendering of the field, is not read: a subheading's field is all bold). From
    a browser, a mail or Word the HTML next to the plain text gives bold, italic and
    links (:func:`html_marks`), laid onto the plain text character by character. Plain
    text brings none.
    """
    if data.hasFormat(MARKS_MIME):
        return read_marks(data, text)
    if not data.hasHtml() or not text.strip():
        return []
    shown, marks = html_marks(data.html())
    if not marks:
        return []
    matched = sum(b2 - b1 for op, _, _, b1, b2 in align_texts(shown, text) if op == "equal")
    if matched < 0.8 * len(text):
        return []  # the HTML says something else than the text pasted
    return clip_marks(carry_marks(shown, text, marks), len(text))


def html_marks(html: str) -> tuple[str, list[Mark]]:
    """The text of ``html`` as Qt reads it (a line per paragraph) and its bold, italic
    and links. Bold of a heading is the heading's look, not the writer's emphasis; a
    link goes along only to an address a reader can open (as Strg+K accepts it)."""
    from PySide6.QtGui import QTextDocument

    from pressdesk.ui.formatting import url_problem

    document = QTextDocument()
    document.setHtml(html)
    parts: list[str] = []
    marks: list[Mark] = []
    at = 0
    block = document.begin()
    while block.isValid():
        if parts:
            parts.append("\n")
            at += 1
        heading = block.blockFormat().headingLevel() > 0
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            fragments += 1
            piece = fragment.text().replace("\u2028", "\n")
            if not piece:
                continue
            fmt, end = fragment.charFormat(), at + len(piece)
            if fmt.fontWeight() >= QFont.Weight.DemiBold.value and not heading:
                marks.append(Mark(at, end, "strong"))
            if fmt.fontItalic():
                marks.append(Mark(at, end, "emphasis"))
            href = fmt.anchorHref().strip() if fmt.isAnchor() else ""
            if href and url_problem(href) is None:
                marks.append(Mark(at, end, "link", href))
            parts.append(piece)
            at = end
        block = block.next()
    return "".join(parts), normalize_marks(marks)


# What str.splitlines() takes for a line end (Windows' "\r\n" first: one end, not two).
# Compiled at the first paste, not on import: the start-up does not need it.
LINE_ENDS = "\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"


class LineField(QLineEdit):
    """One line of text: reference, URL, e-mail, speaker …"""

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, typography: bool = False) -> None:
        super().__init__(parent)
        self._typography = typography
        self.setClearButtonEnabled(False)
        self.textEdited.connect(self._on_edited)

    def _on_edited(self, text: str) -> None:
        if self._typography:
            new, pos = typed(text, self.cursorPosition())
            if new != text:
                self.setText(new)
                self.setCursorPosition(pos)
                text = new
        self.edited.emit(text)

    def show_value(self, value: str) -> None:
        if self.text() != value:
            pos = self.cursorPosition()
            self.setText(value)
            # Unfocused, show the beginning: "https://www.…" rather than "…/ChancenNRW".
            self.setCursorPosition(min(pos, len(value)) if self.hasFocus() else 0)

    def event(self, event: QEvent) -> bool:
        return _field_keys(self, event) or super().event(event)


class TextField(QPlainTextEdit):
    """Prose that wraps and grows with its text; spell checking attaches here.

    ``single_line`` fields (headline) wrap on screen but refuse line breaks.

    A paragraph's or quote's field also carries its marks (bold, italic, links; see
    :mod:`pressdesk.model.inline`): they move with every edit and go to the draft with
    the text (``marks()``); ``marks_edited`` reports Strg+B/I/K. ``formatting`` says
    whether the block can show them (a subheading keeps them unused). They are shown as
    character formats of the field's document; the spell checker's underlines lie on top.
    """

    edited = Signal(object)
    marks_edited = Signal(object, str)  # the new marks, the undo step's name ("Fett")

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        single_line: bool = False,
        typography: bool = True,
        min_lines: int = 1,
    ) -> None:
        super().__init__(parent)
        self._single_line = single_line
        self._typography = typography
        self._min_lines = min_lines
        self._updating = False
        self._last = ""
        self._marks: list[Mark] = []
        self.formatting = False
        self.set_in_italic = False  # a quote: the house style sets it in italic
        self._painted = False
        self._painted_state: tuple[str, tuple[Mark, ...], bool, bool] = ("", (), False, False)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._on_changed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self.cursorPositionChanged.connect(lambda: QTimer.singleShot(0, self, self.show_cursor))
        self._fit_height()

    def show_cursor(self) -> None:
        """The field grows instead of scrolling, so the form must follow the typing cursor."""
        if not self.hasFocus():
            return
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        content = parent.widget() if parent is not None else None
        if parent is not None and content is not None:
            rect = self.cursorRect()
            point = self.viewport().mapTo(content, rect.center())
            parent.ensureVisible(point.x(), point.y(), 20, rect.height() + 8)

    def _fit_height(self, *_: object) -> None:
        lines = max(self._min_lines, int(self.document().documentLayout().documentSize().height()))
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        height = lines * self.fontMetrics().lineSpacing() + frame + 2
        if self.height() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def sizeHint(self) -> QSize:
        return QSize(300, self.height())

    def value(self) -> str:
        return self.toPlainText()

    def _on_changed(self) -> None:
        if self._updating:
            return
        text = self.toPlainText()
        if text == self._last:
            return  # a re-layout or re-highlight, not an edit
        new = text.replace("\n", " ") if self._single_line else text
        pos = from_utf16(text, self.textCursor().position())
        self._move_marks(text, pos)
        if self._typography:
            new, pos = typed(new, pos)
        if new != text:
            if self._marks:
                self._marks = carry_marks(text, new, self._marks)
            self._replace(new, pos)
        self._last = new
        self.paint_marks()
        self.edited.emit(new)

    def _replace(self, new: str, cursor_pos: int | None = None) -> None:
        """Change only the differing middle, so highlighting and scroll stay put."""
        old = self.toPlainText()
        start = 0
        limit = min(len(old), len(new))
        while start < limit and old[start] == new[start]:
            start += 1
        end = 0
        while end < limit - start and old[-1 - end] == new[-1 - end]:
            end += 1
        self._updating = True
        try:
            cur = QTextCursor(self.document())
            cur.setPosition(to_utf16(old, start))
            cur.setPosition(to_utf16(old, len(old) - end), QTextCursor.MoveMode.KeepAnchor)
            cur.insertText(new[start : len(new) - end])
            if cursor_pos is not None:
                c = self.textCursor()
                c.setPosition(to_utf16(new, min(cursor_pos, len(new))))
                self.setTextCursor(c)
        finally:
            self._updating = False
        self._last = self.toPlainText()

    def show_value(self, value: str) -> None:
        if self.toPlainText() != value:
            self._replace(value)
            self.paint_marks()

    # inline formatting ---------------------------------------------------------------
    _incoming: list[Mark] | None = None  # the marks of text being pasted or dropped
    _incoming_text = ""
    _removed_first: tuple[str, int] | None = None  # the text after a drag's removal

    def _move_marks(self, text: str, pos: int) -> None:
        """The marks follow an edit from ``self._last`` to ``text``; text pasted or
        dropped with its formatting brings it along (and takes no other)."""
        incoming, self._incoming = self._incoming, None
        removed_first, self._removed_first = self._removed_first, None
        if not self._marks and incoming is None:
            return
        old, marks = self._last, self._marks
        if removed_first is not None:  # a drag inside the field: first out, then in
            middle, cursor = removed_first
            marks, old = edit_marks(marks, old, middle, cursor), middle
        marks = edit_marks(marks, old, text, pos) if marks else []
        if incoming is not None:
            at, _removed, added = text_edit(old, text, pos)
            if text[at : at + added] == self._incoming_text:
                for kind in MARK_KINDS:
                    marks = remove_marks(marks, at, at + added, kind)
                moved = (Mark(m.start + at, m.end + at, m.kind, m.url) for m in incoming)
                marks = normalize_marks([*marks, *moved])
        self._marks = marks

    def createMimeDataFromSelection(self) -> QMimeData:
        """A copy, a cut or a drag carries its formatting along (also "none": Qt's HTML of
        the field is no formatting of the words, a subheading's field is all bold)."""
        data = super().createMimeDataFromSelection()
        start, end = self.selection_range()
        fragment = cut_marks(self._marks, start, end) if self.formatting else []
        out = new_mime_data()  # Qt's own lists fixed formats: copy them next to ours
        for name in data.formats():
            out.setData(name, data.data(name))
        put_marks(out, data.text(), fragment)
        return out

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def show_marks(self, marks: list[Mark]) -> None:
        """Follow the draft's marks (open, undo, a block split or joined)."""
        self._marks = clip_marks(marks, len(self.toPlainText()))
        self.paint_marks()

    def set_formatting(self, on: bool) -> None:
        """Paragraphs and quotes show and take formatting; a subheading keeps it unused."""
        if on != self.formatting:
            self.formatting = on
            self.paint_marks()

    def set_marks(self, marks: list[Mark], what: str) -> None:
        """A formatting command (Strg+B …) changed the marks: show them, tell the draft."""
        marks = clip_marks(marks, len(self.toPlainText()))
        if marks != self._marks:
            self._marks = marks
            self.paint_marks()
            self.marks_edited.emit(self.stored_marks(), what)

    def stored_marks(self) -> Any:
        """The marks as the draft keeps them (a paragraph's ``marks``)."""
        return list(self._marks)

    def show_stored_marks(self, value: Any) -> None:
        """Follow the draft's marks in the form :meth:`stored_marks` gives them."""
        self.show_marks(value)

    def cursor_index(self) -> int:
        """The cursor as a Python index into the text (Qt counts UTF-16 units)."""
        return from_utf16(self.toPlainText(), self.textCursor().position())

    def selection_range(self) -> tuple[int, int]:
        """The selection as Python indices (start == end: just the cursor)."""
        text, cursor = self.toPlainText(), self.textCursor()
        return from_utf16(text, cursor.selectionStart()), from_utf16(text, cursor.selectionEnd())

    def link_at(self, index: int) -> Mark | None:
        found = links_at(self._marks, index, index) if self.formatting else []
        return found[0] if found else None

    def paint_marks(self) -> None:
        """Bold, italic and links as the reader will see them, as character formats.

        Painted once per change of text, marks or block type (the registry shows the
        text and the marks of one edit separately), in one edit block: one re-layout.
        """
        text = self.toPlainText()
        state = (text, tuple(self._marks), self.formatting, self.set_in_italic)
        if state == self._painted_state:
            return
        self._painted_state = state
        runs = split_runs(text, self._marks) if self.formatting and self._marks else []
        wanted = any(not run.plain for run in runs)
        if not wanted and not self._painted:
            return
        self._updating = True
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        try:
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.setCharFormat(QTextCharFormat())
            at = 0  # in UTF-16 units, as Qt counts
            for run in runs:
                size = to_utf16(run.text, len(run.text))
                if not run.plain:
                    cursor.setPosition(at)
                    cursor.setPosition(at + size, QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(self._run_format(run))
                at += size
        finally:
            cursor.endEditBlock()
            self._updating = False
        self._painted = wanted

    def _run_format(self, run: Run) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if run.strong:
            fmt.setFontWeight(QFont.Weight.Bold)
        if run.emphasis and not self.set_in_italic:  # a quote: italic would not show
            fmt.setFontItalic(True)
        if run.url:
            fmt.setForeground(self.palette().color(QPalette.ColorRole.Link))
            fmt.setFontUnderline(True)
            fmt.setToolTip(run.url)  # Qt shows it over the link; Strg+Klick opens nothing
        return fmt

    spell_menu = None  # set by the spell checker: (edit, menu, cursor) -> None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        _use_window_history(self, menu)
        _add_format_commands(self, menu)
        if self.spell_menu is not None:
            self.spell_menu(self, menu, self.cursorForPosition(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    on_return: Any = None  # set by a body block: Return splits it into two blocks
    on_paste_lines: Any = None  # set by a body block: pasted paragraphs become blocks

    separate_edits: Any = None  # set by the registry: a paste is an undo step of its own

    def insertFromMimeData(self, source: Any) -> None:
        text = source.text() if source.hasText() else ""
        if self.separate_edits is not None:
            # Not merged with the typing just before (and, an unmerged step, nothing
            # typed after merges into it): Strg+Z takes back the paste alone.
            self.separate_edits()
        self._insert_pasted(source, text)

    def _insert_pasted(self, source: Any, text: str) -> None:
        if self.on_paste_lines is not None and len(text.strip().splitlines()) > 1:
            # One undo step: the selection it replaces goes with the paste.
            incoming = pasted_marks(source, text)  # the new paragraphs take them
            self.on_paste_lines(*self.selection_range(), text, incoming)
            return
        # Windows' "\r\n", a lone "\r", Word's U+2028 …: one "\n" each, in the field and
        # so in the draft; a list drops the line end copied after its last line.
        plain = self.pasted_text(text)
        # A drag inside the field has removed the dragged text already, in the same
        # edit block (textChanged comes once, at its end): the marks follow that first.
        current = self.toPlainText()
        self._removed_first = (current, self.cursor_index()) if current != self._last else None
        incoming = pasted_marks(source, plain) if self.formatting else []
        self._incoming = incoming if incoming else None
        self._incoming_text = plain
        if plain == text:
            super().insertFromMimeData(source)
        else:
            self.insertPlainText(plain)

    def pasted_text(self, text: str) -> str:
        """The text a paste or a drop inserts: line ends made ``\n``."""
        return re.sub(LINE_ENDS, "\n", text)  # re caches the compiled pattern

    on_backspace_at_start: Any = None  # set by a body block: joins it to the one above

    def keyPressEvent(self, event: QKeyEvent) -> None:
        cursor = self.textCursor()
        if (
            event.key() == Qt.Key.Key_Backspace
            and self.on_backspace_at_start is not None
            and cursor.position() == 0
            and not cursor.hasSelection()
        ):
            self.on_backspace_at_start()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.on_return is not None:
                self.on_return(self.cursor_index())
                return
            if self._single_line:
                self.focusNextChild()
                return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        return _field_keys(self, event) or super().event(event)


class LinesField(TextField):
    """A list of short texts, one per line (address lines, phone numbers, list items).

    A list block's items take formatting (``formatting``): the field keeps the marks
    over its whole text like a paragraph does and gives the draft one list of marks
    per line (``stored_marks``, the block's ``itemMarks``).
    """

    def __init__(self, parent: QWidget | None = None, *, typography: bool = False) -> None:
        super().__init__(parent, typography=typography, min_lines=2)
        self._last_lines: list[str] = []
        self.textChanged.connect(self._emit_lines)

    def _on_changed(self) -> None:
        # Typography and marks; the list is emitted by _emit_lines (connected after).
        if self._updating:
            return
        text = self.toPlainText()
        if text == self._last:
            return
        pos = from_utf16(text, self.textCursor().position())
        self._move_marks(text, pos)
        if self._typography:
            new, pos = typed(text, pos)
            if new != text:
                if self._marks:
                    self._marks = carry_marks(text, new, self._marks)
                self._replace(new, pos)
        self._last = self.toPlainText()
        self.paint_marks()

    def pasted_text(self, text: str) -> str:
        """Lines copied with their line ends (from Word, an editor, a mail): the items
        they are, without an empty one after the last. Before the rest of an item the
        line end stays: it keeps that rest an item of its own."""
        plain = super().pasted_text(text)
        end = self.textCursor().selectionEnd()
        block = self.document().findBlock(end)
        at_line_end = end >= block.position() + block.length() - 1
        return plain.rstrip("\n") if at_line_end and plain.strip("\n") else plain

    def _line_starts(self) -> list[tuple[int, int]]:
        out, at = [], 0
        for line in self.lines():
            out.append((at, at + len(line)))
            at += len(line) + 1
        return out

    def stored_marks(self) -> Any:
        """One list of marks per line, counted from the line's start (none after the
        last formatted line)."""
        out = [cut_marks(self._marks, a, b) for a, b in self._line_starts()]
        while out and not out[-1]:
            out.pop()
        return out

    def show_stored_marks(self, value: Any) -> None:
        flat = []
        for (a, b), marks in zip(self._line_starts(), value, strict=False):
            flat += [Mark(m.start + a, min(m.end + a, b), m.kind, m.url) for m in marks]
        self.show_marks(normalize_marks(flat))

    def _emit_lines(self) -> None:
        # A re-layout or re-highlight also says textChanged; only a change is an edit.
        if not self._updating and self.lines() != self._last_lines:
            self._last_lines = self.lines()
            self.edited.emit(self._last_lines)

    def lines(self) -> list[str]:
        return self.toPlainText().split("\n") if self.toPlainText() else []

    def show_value(self, value: list[str]) -> None:  # type: ignore[override]
        if self.lines() != list(value):
            self._replace("\n".join(value))
            self.paint_marks()
        self._last_lines = self.lines()


DATE_FORMATS = ("dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy", "d.M.yy", "yyyy-MM-dd")
_DATE_TEXT = re.compile(r"\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})|\d{4}-\d{2}-\d{2}|\d{8}")


def parse_date(text: str) -> QDate | None:
    """``24.12.2026``, ``24.12.26``, ``2026-12-24`` or ``24122026``; None for anything else.

    A two-digit year is in this century: a press release is dated now, not in 1926.
    """
    text = text.strip()
    if not _DATE_TEXT.fullmatch(text):
        return None
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:2]}.{text[2:4]}.{text[4:]}"
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2}", text):
        day, month, year = (int(x) for x in text.split("."))
        parsed = QDate(2000 + year, month, day)
    else:
        parsed = next(
            (
                d
                for d in (QDate.fromString(text, f) for f in DATE_FORMATS)
                if d.isValid() and d.year() >= 1000
            ),
            QDate(),
        )
    return parsed if parsed.isValid() else None


# The style's icons wait for the first paint (PySide6 builds QStyle with its enums on
# first use, ~13 ms); until then a date field's calendar button has a blank icon.
_waiting_for_icons: list[DateField] | None = []


def _calendar_icon(field: QWidget) -> QIcon:
    if _waiting_for_icons is None:
        from PySide6.QtWidgets import QStyle

        return field.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
    _waiting_for_icons.append(field)  # type: ignore[arg-type]
    blank = QPixmap(16, 16)
    blank.fill(Qt.GlobalColor.transparent)
    return QIcon(blank)


def style_icons_now() -> None:
    """After the first paint: the date fields get their calendar icon from the style."""
    global _waiting_for_icons
    waiting, _waiting_for_icons = _waiting_for_icons, None
    for field in waiting or []:
        with contextlib.suppress(RuntimeError):  # a field deleted meanwhile
            field.calendar_action.setIcon(_calendar_icon(field))


class DateField(QLineEdit):
    """A date typed as a person writes it, or picked from a calendar.

    Accepts ``24.12.2026``, ``24.12.26`` and ``2026-12-24``; the draft holds the ISO
    date, or the text as typed while it is no date (validation marks it). The text
    is never rewritten while the user types; leaving the field shows the date as
    ``24.12.2026``. Up/Down change the day, month or year under the cursor; Alt+Down
    (and the calendar button) open the calendar.
    """

    edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("TT.MM.JJJJ")
        self.setMaximumWidth(150)
        self.setToolTip("Datum, z. B. 24.12.2026, 24.12.26 oder 2026-12-24")
        self._stored = ""
        self.calendar_action = self.addAction(
            _calendar_icon(self), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setToolTip("Kalender (Alt+↓)")
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self.textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._tidy)

    def value(self) -> str:
        return self._stored

    def _value_of(self, text: str) -> str:
        parsed = parse_date(text)
        return parsed.toString("yyyy-MM-dd") if parsed is not None else text.strip()

    def _on_edited(self, text: str) -> None:
        self._stored = self._value_of(text)
        self.edited.emit(self._stored)

    def _tidy(self) -> None:
        """Leaving the field shows the date in the German form; the value stays the same."""
        parsed = parse_date(self.text())
        if parsed is not None and self.text() != parsed.toString("dd.MM.yyyy"):
            self.setText(parsed.toString("dd.MM.yyyy"))

    def show_value(self, value: str) -> None:
        self._stored = value or ""
        if self._value_of(self.text()) == self._stored:
            return  # the text says this already (maybe as 24.12.26 while typing)
        parsed = QDate.fromString(self._stored, "yyyy-MM-dd")
        text = parsed.toString("dd.MM.yyyy") if parsed.isValid() else self._stored
        pos = self.cursorPosition()
        self.setText(text)
        self.setCursorPosition(min(pos, len(text)) if self.hasFocus() else 0)

    def _set_date(self, date: QDate) -> None:
        text = date.toString("dd.MM.yyyy")
        pos = self.cursorPosition()
        self.setText(text)
        self.setCursorPosition(min(pos, len(text)))
        self._on_edited(text)

    def _step(self, step: int) -> None:
        date = parse_date(self.text())
        if date is None:
            return
        self._tidy()
        pos = self.cursorPosition()
        if pos <= 2:
            self._set_date(date.addDays(step))
        elif pos <= 5:
            self._set_date(date.addMonths(step))
        else:
            self._set_date(date.addYears(step))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and event.key() == Qt.Key.Key_Down:
            self.open_calendar()
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
            self._step(1 if event.key() == Qt.Key.Key_Up else -1)
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
        current = parse_date(self.text())
        self.calendar.setSelectedDate(current if current is not None else QDate.currentDate())
        self.calendar.adjustSize()
        below = self.mapToGlobal(self.rect().bottomLeft())
        self.calendar.move(below)
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, date: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self._set_date(date)

    def event(self, event: QEvent) -> bool:
        return _field_keys(self, event) or super().event(event)


class ChoiceField(QComboBox):
    """A fixed choice (document kind, block type, network) stored as its value."""

    edited = Signal(object)

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value, label in choices:
            self.addItem(label, value)
        self.activated.connect(lambda i: self.edited.emit(self.itemData(i)))

    def value(self) -> str:
        return self.currentData()

    def show_value(self, value: str) -> None:
        index = self.findData(value)
        if index < 0:
            self.addItem(value, value)
            index = self.count() - 1
        self.setCurrentIndex(index)


class CheckField(QCheckBox):
    edited = Signal(object)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.clicked.connect(lambda checked: self.edited.emit(bool(checked)))

    def show_value(self, value: bool) -> None:
        self.setChecked(bool(value))
