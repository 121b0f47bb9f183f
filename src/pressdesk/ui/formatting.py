"""Format › Fett (Strg+B), Kursiv (Strg+I), Link … (Strg+K) in running text.

A paragraph's or quote's text (``Block.marks``) and a list's items
(``Block.item_marks``) carry formatting; in every other field (headline, subheading,
the sender block …) the commands are greyed, and so is Kursiv in a quote (the house
style sets quotes in italic: italic there would not show). Without a selection, bold
and italic take the word at the cursor; a link without a selection is the link around
the cursor (to change or remove it) or the word at the cursor. Every command is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pressdesk.model.inline import MarkKind, links_at, set_link, toggle_mark, unlink
from pressdesk.ui.widgets import TextField

if TYPE_CHECKING:
    from pressdesk.ui.main_window import MainWindow

KIND_NAMES: dict[MarkKind, str] = {"strong": "Fett", "emphasis": "Kursiv", "link": "Link"}
NO_TEXT = "Zuerst Text markieren (oder den Cursor in ein Wort setzen)."
MAX_URL = 500  # as the schema's $defs/url


def build_menu(w: MainWindow, menu: QMenu) -> None:
    """The Format menu's entries (its title comes after Bearbeiten); its actions also sit
    in the fields' context menu."""
    actions = []
    for text, kind, keys in (
        ("&Fett", "strong", "Ctrl+B"),
        ("K&ursiv", "emphasis", "Ctrl+I"),  # &K is Kopieren in the context menu
    ):
        action = QAction(text, w)
        action.setShortcut(QKeySequence(keys))
        action.setStatusTip(f"Markierten Text {text.replace('&', '').lower()} setzen oder zurück")
        action.triggered.connect(lambda *_, k=kind: toggle(w, k))
        menu.addAction(action)
        actions.append(action)
    link = QAction("&Link …", w)
    link.setShortcut(QKeySequence("Ctrl+K"))
    link.setStatusTip("Markierten Text mit einer Internetadresse verknüpfen")
    link.triggered.connect(lambda *_: edit_link(w))
    menu.addAction(link)
    actions.append(link)
    w.bold_action, w.italic_action, w.link_action = actions
    w.format_actions = actions
    menu.aboutToShow.connect(lambda: update_actions(w))
    # The window's focus hook calls update_actions too (MainWindow._on_focus_changed).
    w.doc.changed.connect(lambda: update_actions(w))  # Strg+3 makes a paragraph a subheading
    update_actions(w)


def formattable(widget: Any) -> TextField | None:
    """The field the commands act on: a paragraph's or quote's text, else None."""
    if isinstance(widget, TextField) and widget.formatting and widget.isEnabled():
        return widget
    return None


def update_actions(w: MainWindow, widget: Any = None) -> None:
    """Grey the commands where formatting is impossible.

    The menu bar and menus take the focus for a moment (Alt+O): the field the user was
    in stays the one the commands act on.
    """
    widget = widget if widget is not None else QApplication.focusWidget()
    if isinstance(widget, QMenuBar | QMenu):
        return
    field = formattable(widget)
    w.format_target = field
    if field is None or field.isReadOnly():
        for action in w.format_actions:
            action.setEnabled(False)
        return
    _watch(w, field)
    start, end = field.selection_range()
    text = field.toPlainText()
    # Nothing to format (the cursor between words, a selection of spaces): a command
    # would change nothing visible, so it is greyed.
    words = bool(text[slice(*(word_at(text, start) if start == end else (start, end)))].strip())
    w.bold_action.setEnabled(words)
    # A quote is set in italic already: italic in it would not show in PDF or DOCX.
    w.italic_action.setEnabled(words and not field.set_in_italic)
    w.link_action.setEnabled(words or bool(links_at(field.marks(), start, end)))


def _watch(w: MainWindow, field: TextField) -> None:
    """Moving the cursor or the selection in ``field`` updates the commands."""
    if field.property("formatWatched"):
        return
    field.setProperty("formatWatched", True)

    def moved() -> None:
        if w.format_target is field and field.hasFocus():
            update_actions(w, field)

    field.cursorPositionChanged.connect(moved)
    field.selectionChanged.connect(moved)


def current_field(w: MainWindow) -> TextField | None:
    """The paragraph or quote the commands act on (the last one with the focus)."""
    field = w.format_target
    try:
        if field is None or not field.isVisible() or field.window() is not w:
            return None
    except RuntimeError:  # rebuilt meanwhile
        return None
    return formattable(field)


def _target(w: MainWindow) -> tuple[TextField, int, int] | None:
    """The field and the stretch a command applies to (selection, else the word)."""
    field = current_field(w)
    if field is None or field.isReadOnly():
        return None
    start, end = field.selection_range()
    if start == end:
        start, end = word_at(field.toPlainText(), start)
    if start == end:
        w.statusBar().showMessage(NO_TEXT, 5000)
        return None
    return field, start, end


def word_at(text: str, index: int) -> tuple[int, int]:
    """The word around ``index`` (letters, digits, hyphens); empty between words."""

    def inside(i: int) -> bool:
        return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "-_")

    start = index
    while inside(start - 1):
        start -= 1
    end = index
    while inside(end):
        end += 1
    return start, end


def toggle(w: MainWindow, kind: MarkKind) -> None:
    """Strg+B / Strg+I: a fully bold stretch loses it, otherwise all of it becomes bold."""
    target = _target(w)
    if target is None:
        return
    field, start, end = target
    if kind == "emphasis" and field.set_in_italic:
        return  # greyed (update_actions); a stale shortcut does nothing either
    field.set_marks(toggle_mark(field.marks(), start, end, kind), KIND_NAMES[kind])


def edit_link(w: MainWindow) -> None:
    """Strg+K: the dialog „Link einfügen“ for the selection, or the link at the cursor."""
    field = current_field(w)
    if field is None or field.isReadOnly():
        return
    start, end = field.selection_range()
    around = links_at(field.marks(), start, end)
    if start == end and around:
        start, end = around[0].start, around[0].end
    elif start == end:
        target = _target(w)
        if target is None:
            return
        _field, start, end = target
    text = field.toPlainText()[start:end]
    dialog = LinkDialog(text, around[0].url if around else suggested_url(text), bool(around), w)

    def done(result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            if dialog.removed:
                field.set_marks(unlink(field.marks(), start, end), "Link entfernen")
            else:
                field.set_marks(set_link(field.marks(), start, end, dialog.url()), "Link")
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    dialog.finished.connect(done)
    if w.link_dialog is not None:
        w.link_dialog.deleteLater()  # the last one, answered
    w.link_dialog = dialog
    dialog.open()


def suggested_url(text: str) -> str:
    """A selected address is its own link: „www.land.nrw“ → https://www.land.nrw."""
    text = text.strip()
    if " " in text:
        return ""
    if text.startswith(("https://", "http://")):
        return text
    return f"https://{text}" if text.startswith("www.") else ""


def url_problem(url: str) -> str | None:
    """The German message for an address a reader cannot open, as validation words it."""
    from pressdesk.validation.messages import _format_text  # the schema's own wording
    from pressdesk.validation.schema import is_web_url

    if not url:
        return "Bitte eine Adresse angeben (z. B. https://www.land.nrw)."
    if len(url) > MAX_URL:
        return f"Die Adresse ist zu lang (höchstens {MAX_URL} Zeichen)."
    if not is_web_url(url):
        return _format_text("uri", url)
    return None


class LinkDialog(QDialog):
    """„Link einfügen“: the selected text, its address (checked), „Link entfernen“."""

    def __init__(self, text: str, url: str, can_remove: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Link bearbeiten" if can_remove else "Link einfügen")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.removed = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        shown = text if len(text) <= 80 else text[:79] + "…"
        self.text_label = QLabel(f"„{shown}“")
        self.text_label.setWordWrap(True)
        form.addRow("Text:", self.text_label)
        self.address = QLineEdit(url)
        self.address.setPlaceholderText("https://…")
        self.address.setMinimumWidth(360)
        label = QLabel("&Adresse:")
        label.setBuddy(self.address)
        form.addRow(label, self.address)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("linkMessage")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton("&Einfügen", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.remove_button: QPushButton | None = None
        if can_remove:
            self.ok.setText("Ü&bernehmen")
            self.remove_button = buttons.addButton(
                "Link &entfernen", QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.remove_button.clicked.connect(self.remove)
        cancel = buttons.addButton("Abbre&chen", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.clicked.connect(self.reject)
        self.ok.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.address.textEdited.connect(lambda _t: self.message.hide())
        self.address.setFocus()
        self.address.selectAll()

    def url(self) -> str:
        return self.address.text().strip()

    def accept(self) -> None:
        problem = url_problem(self.url())
        if problem is not None:
            self.message.setText(problem)
            self.message.show()
            self.address.setProperty("problem", "error")
            self.address.style().unpolish(self.address)
            self.address.style().polish(self.address)
            self.address.setFocus()
            return
        super().accept()

    def remove(self) -> None:
        self.removed = True
        super().accept()
