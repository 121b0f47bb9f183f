"""Haupttext: the body as blocks that can be added, retyped, moved and removed.

Structural edits replace the whole ``body`` list through the undo stack, then the
block widgets are rebuilt from the draft, so the screen can never disagree with it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pressdesk.model.draft import Block
from pressdesk.model.inline import (
    FORMATTED_BLOCKS,
    Mark,
    carry_marks,
    clip_marks,
    cut_marks,
    join_marks,
)
from pressdesk.typography import type_as_you_go
from pressdesk.ui.forms.section import Section
from pressdesk.ui.registry import FieldRegistry
from pressdesk.ui.widgets import ChoiceField, LineField, LinesField, TextField, to_utf16
from pressdesk.validation.rules import quotes_in_italic

BLOCK_SPACING = 3  # between a block's rows
BLOCK_LABELS = {
    "paragraph": "Absatz",
    "quote": "Zitat",
    "subheading": "Zwischenüberschrift",
    "list": "Aufzählung",
}


def retyped(block: Block, kind: str) -> Block:
    """``block`` as ``kind``, its visible text carried over to the new kind's fields."""
    new = copy.deepcopy(block)
    new.type = kind  # type: ignore[assignment]
    if kind == "list" and block.type != "list":
        lines = _stripped_lines(block.text)
        if lines:  # the text becomes the items, its formatting theirs
            new.items = [block.text[a:b] for a, b in lines]
            new.item_marks = [cut_marks(block.marks, a, b) for a, b in lines]
            new.item_marks = new.stored_item_marks()
            new.marks = []
        new.text = ""
    elif kind != "list" and block.type == "list" and not block.text.strip():
        parts = [
            (item[a:b], cut_marks(block.marks_of_item(j), a, b))
            for j, item in enumerate(block.items)
            for a, b in _stripped_lines(item)[:1]
        ]
        new.text = " ".join(text for text, _ in parts)
        new.items = []
        marks = clip_marks(new.marks, len(new.text))  # kept unused, fitting as far as it can
        at = 0
        for text, item_marks in parts:
            marks = join_marks(marks, item_marks, at)
            at += len(text) + 1
        new.marks = marks
        new.item_marks = []
    return new


def _stripped_lines(text: str) -> list[tuple[int, int]]:
    """Where the non-blank lines of ``text`` start and end, without surrounding spaces."""
    out, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((at + lead, at + lead + len(line.strip())))
        at += len(line) + 1
    return out


def shown_texts(block: Block) -> list[str]:
    """The texts the form shows for a block of its type (what the counts count)."""
    if block.type == "list":
        return list(block.items)
    return [block.text, block.speaker] if block.type == "quote" else [block.text]


class BlockEditor(QFrame):
    def __init__(self, registry: FieldRegistry, index: int, owner: BodyEditor) -> None:
        super().__init__()
        self.index = index
        self.registry = registry
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("block")
        path = f"body[{index}]"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(BLOCK_SPACING)
        top = QHBoxLayout()
        self.number = QLabel(f"{index + 1}.")
        self.number.setStyleSheet("color: #555; font-weight: bold;")
        top.addWidget(self.number)
        self.type = ChoiceField(list(BLOCK_LABELS.items()))
        self.type.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.type.setToolTip("Art des Blocks")
        top.addWidget(self.type)
        top.addStretch(1)
        for text, tip, slot in (
            ("▲", "Nach oben (Alt+Umschalt+↑)", lambda: owner.move_block(self.index, -1)),
            ("▼", "Nach unten (Alt+Umschalt+↓)", lambda: owner.move_block(self.index, 1)),
            ("✕", "Block entfernen (Strg+Umschalt+Entf)", lambda: owner.remove(self.index)),
        ):
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            top.addWidget(button)
        layout.addLayout(top)
        self.text = TextField(min_lines=2)
        # The exporters join lines of a block: Return starts a new paragraph instead.
        self.text.on_return = lambda position: owner.split(self.index, position)
        self.text.on_paste_lines = lambda start, end, text, marks: owner.paste_paragraphs(
            self.index, start, end, text, marks
        )
        self.text.on_backspace_at_start = lambda: owner.join_with_previous(self.index)
        self.speaker = LineField(typography=True)
        self.speaker.setPlaceholderText("Wer spricht? Name und Funktion")
        self.items = LinesField(typography=True)
        self.items.setPlaceholderText("Ein Punkt je Zeile")
        for w in (self.text, self.speaker, self.items):
            layout.addWidget(w)
        label = f"{BLOCK_LABELS[registry.doc.draft.body[index].type]} {index + 1}"
        # The type box converts the block's text (see BodyEditor.retype), so it writes
        # through the body editor, not straight to ``.type``.
        registry.anchor(f"{path}.type", self.type)
        self.type.edited.connect(lambda kind: owner.retype(self.index, kind))
        registry.bind(f"{path}.text", self.text, label, marks=f"{path}.marks")
        registry.bind(f"{path}.speaker", self.speaker, f"Sprecher in Block {index + 1}")
        registry.bind(
            f"{path}.items", self.items, f"Aufzählung {index + 1}", marks=f"{path}.itemMarks"
        )
        registry.anchor(path, self.text)
        registry.doc.fieldChanged.connect(self._on_field)
        self.show_type()

    def _on_field(self, path: str) -> None:
        if path in (f"body[{self.index}].type", f"body[{self.index}]"):
            self.show_type()

    def show_type(self) -> None:
        body = self.registry.doc.draft.body
        if self.index >= len(body):
            return
        kind = body[self.index].type
        self.type.show_value(kind)
        self.text.setVisible(kind != "list")
        # A quote the house style sets in italic: italic in it would not show.
        self.text.set_in_italic = kind == "quote" and quotes_in_italic(self.registry.doc.profile)
        self.text.set_formatting(kind in FORMATTED_BLOCKS)
        self.text.paint_marks()  # italic shown or not
        self.speaker.setVisible(kind == "quote")
        self.items.setVisible(kind == "list")
        self.items.set_formatting(kind == "list")
        self.text.setPlaceholderText(
            {
                "quote": "Das Zitat, ohne Anführungszeichen (die setzt das Layout)",
                "subheading": "Zwischenüberschrift",
            }.get(kind, "Absatz")
        )
        font = self.text.font()
        font.setBold(kind == "subheading")
        self.text.setFont(font)
        # The anchor for problems on the block follows what is visible.
        self.registry.anchor(f"body[{self.index}]", self.items if kind == "list" else self.text)
        self.text.setAccessibleName(f"{BLOCK_LABELS[kind]} {self.index + 1}")

    def owns_focus(self) -> bool:
        focus = QGuiApplication.focusObject()
        return isinstance(focus, QWidget) and self.isAncestorOf(focus)


class BodyEditor(Section):
    def __init__(
        self, registry: FieldRegistry, parent: QWidget | None = None, first: int | None = None
    ) -> None:
        super().__init__("Haupttext", parent)
        self.registry = registry
        self.doc = registry.doc
        # The last Return in a block: (new block's index, text above, text below, the
        # spaces dropped between them), so Backspace right after it joins exactly.
        self._last_split: tuple[int, str, str, str] | None = None
        outer = QVBoxLayout(self.body)
        outer.setContentsMargins(18, 2, 4, 6)
        self.list = QWidget()
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(6)
        outer.addWidget(self.list)
        buttons = QHBoxLayout()
        self.add_buttons: dict[str, QPushButton] = {}
        for kind, label in BLOCK_LABELS.items():
            button = QPushButton(f"+ {label}")
            button.setToolTip(f"{label} am Ende anfügen")
            button.clicked.connect(lambda _=False, k=kind: self.add(k))
            buttons.addWidget(button)
            self.add_buttons[kind] = button
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.count = QLabel()
        self.count.setStyleSheet("color: #555;")
        outer.addWidget(self.count)
        self._blocks: list[BlockEditor] = []
        # With ``first``, only that many block editors at first (the ones on screen at
        # the first paint); build_more() and build_all() add the rest.
        self._limit = first
        self.complete_hook: Callable[[], None] | None = None  # builds what is missing
        self._reserve: QWidget | None = None
        registry.anchor("body", self.add_buttons["paragraph"])
        registry.container("body", self.rebuild)
        self.doc.changed.connect(self.update_count)
        self.rebuild()

    @property
    def blocks(self) -> list[BlockEditor]:
        """An editor for every block of the body (the missing ones are built first)."""
        if self._limit is not None and self.complete_hook is not None:
            self.complete_hook()
        return self._blocks

    @property
    def built(self) -> list[BlockEditor]:
        """The block editors built so far."""
        return self._blocks

    def build_more(self) -> bool:
        """One more block editor; False if every block has one already."""
        if self._limit is None or len(self._blocks) >= len(self.doc.draft.body):
            return False
        self._limit = len(self._blocks) + 1
        self.rebuild()
        return True

    def build_all(self) -> None:
        if self._limit is not None:
            self._limit = None
            self.rebuild()

    def reserve_rest(self) -> None:
        """Room for the blocks not built yet, as tall as their editors will be (their
        lines at the width of the first block's text): the form's scroll bar shows its
        full length from the first frame."""
        body = self.doc.draft.body
        if self._limit is None or not self._blocks or len(self._blocks) >= len(body):
            return
        first = self._blocks[0]
        field = first.text
        spacing = field.fontMetrics().lineSpacing()
        lines = int(field.document().documentLayout().documentSize().height())
        frame = first.sizeHint().height() - lines * spacing  # frame, buttons and margins
        # The lines each text wraps into at the width of the first block's text (font
        # metrics: a QTextDocument laid out per block cost ~25 ms before the first paint).
        width = field.contentsRect().width() - 2 * int(field.document().documentMargin())
        speaker = first.speaker.sizeHint().height() + BLOCK_SPACING
        wrap = Qt.TextFlag.TextWordWrap.value
        height = 0
        for block in body[len(self._blocks) :]:
            font = field.font()
            font.setBold(block.type == "subheading")
            font.setItalic(block.type == "quote")
            metrics = QFontMetrics(font)
            rows = 0
            for text in [block.text] if block.type != "list" else block.items or [""]:
                wrapped = metrics.boundingRect(0, 0, width, 1 << 20, wrap, text or " ")
                rows += max(1, round(wrapped.height() / metrics.lineSpacing()))
            height += self.list_layout.spacing() + frame + max(2, rows) * spacing
            if block.type == "quote":
                height += speaker
        self._reserve = QWidget()
        self._reserve.setFixedHeight(height)
        self.list_layout.addWidget(self._reserve)

    def rebuild(self) -> None:
        """Match the block editors to the draft's body.

        Editors are bound by index, so an editor is kept for every index that still
        exists (the registry then shows the new values in it); only blocks added or
        removed at the end create or delete widgets. Adding a paragraph to a long
        release builds one editor, not all of them.
        """
        count = len(self.doc.draft.body)
        if self._limit is not None:
            count = min(count, self._limit)
        elif self._reserve is not None:  # the room kept for the blocks built now
            self.list_layout.removeWidget(self._reserve)
            self._reserve.deleteLater()
            self._reserve = None
        while len(self._blocks) > count:
            block = self._blocks.pop()
            self.registry.forget(f"body[{block.index}]")
            # Until deleteLater is done, the old block must not answer the document's
            # changes (it would re-anchor its index to a widget about to go).
            self.doc.fieldChanged.disconnect(block._on_field)
            block.hide()
            block.deleteLater()
        for i in range(len(self._blocks), count):
            editor = BlockEditor(self.registry, i, self)
            self.list_layout.addWidget(editor)
            editor.show()  # at once, so focus can move into it
            self._blocks.append(editor)
        for block in self._blocks:
            block.show_type()
        self.update_count()

    def update_count(self) -> None:
        body = self.doc.draft.body
        texts = [text for block in body for text in shown_texts(block)]
        chars = sum(len(text) for text in texts)
        words = sum(len(text.split()) for text in texts)
        blocks = "1 Block" if len(body) == 1 else f"{len(body)} Blöcke"
        self.count.setText(f"{blocks} · {words} Wörter · {chars} Zeichen")

    def current_index(self) -> int | None:
        for block in self.blocks:
            if block.owns_focus():
                return block.index
        return None

    def _set_body(self, body: list[Block], text: str, focus: int | None) -> None:
        self.doc.set_value("body", body, text, merge=False)
        if focus is not None and 0 <= focus < len(self.blocks):
            self.registry.focus(f"body[{focus}]")

    def add(self, kind: str = "paragraph", at: int | None = None) -> None:
        body = copy.deepcopy(self.doc.draft.body)
        at = len(body) if at is None else at
        body.insert(at, Block(type=kind))  # type: ignore[arg-type]
        self._set_body(body, f"{BLOCK_LABELS[kind]} einfügen", at)

    def add_after_current(self) -> None:
        current = self.current_index()
        self.add("paragraph", None if current is None else current + 1)

    def split(self, index: int, position: int) -> None:
        """Return in a block: the text after the cursor becomes a new paragraph below."""
        body = copy.deepcopy(self.doc.draft.body)
        if not 0 <= index < len(body):
            return
        text, marks = body[index].text, body[index].marks
        body[index].text = text[:position].rstrip(" ")
        body[index].marks = cut_marks(marks, 0, len(body[index].text))
        rest = text[position:].lstrip(" ")
        moved = cut_marks(marks, len(text) - len(rest), len(text))
        body.insert(index + 1, Block(type="paragraph", text=rest, marks=moved))
        gap = text[len(body[index].text) : len(text) - len(rest)]
        self._last_split = (index + 1, body[index].text, rest, gap)
        self._set_body(body, "Absatz teilen", index + 1)
        new = self.blocks[index + 1].text
        cursor = new.textCursor()
        cursor.setPosition(0)
        new.setTextCursor(cursor)

    def join_with_previous(self, index: int) -> None:
        """Backspace at the start of a block undoes a split: its text joins the block above."""
        body = copy.deepcopy(self.doc.draft.body)
        if not 0 < index < len(body):
            return
        above, block = body[index - 1], body[index]
        if "list" in (above.type, block.type) or block.speaker:
            return  # nothing sensible to join; the buttons and Strg+Umschalt+Entf remain
        left, right = above.text, block.text
        split, self._last_split = self._last_split, None
        if split is not None and split[:3] == (index, left, right):
            space = split[3]  # undoes that Return exactly: "Landes|regierung" stays one word
        elif left and right and not left[-1].isspace() and not right[0].isspace():
            space = " "  # two paragraphs become one: a space between their sentences
        else:
            space = ""
        joint = len(above.text) + len(space)
        above.marks = join_marks(clip_marks(above.marks, len(above.text)), block.marks, joint)
        above.text = above.text + space + block.text
        del body[index]
        self._set_body(body, "Absätze verbinden", index - 1)
        editor = self.blocks[index - 1].text
        cursor = editor.textCursor()
        cursor.setPosition(to_utf16(above.text, joint))
        editor.setTextCursor(cursor)

    def paste_paragraphs(
        self, index: int, start: int, end: int, pasted: str, marks: Sequence[Mark] = ()
    ) -> None:
        """Text pasted from a mail or a document over ``[start, end)``: each of its lines
        becomes a paragraph, with its formatting (``marks``, counted in ``pasted``:
        PressDesk's own or a browser's HTML). One undo step, the replaced selection
        included; typography changes the text, the marks stay on their characters."""
        body = copy.deepcopy(self.doc.draft.body)
        if not 0 <= index < len(body):
            return
        lines: list[tuple[str, list[Mark]]] = []
        at = 0
        for line in pasted.splitlines(keepends=True):
            content = line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
            # The first line continues the text at the cursor, so its leading space stays.
            leading = not lines
            kept = content.rstrip() if leading else content.strip()
            if kept.strip():
                a = at + (0 if leading else len(content) - len(content.lstrip()))
                lines.append((pasted[a : a + len(kept)], cut_marks(marks, a, a + len(kept))))
            at += len(line)
        if not lines:
            return
        # Typography as if typed; the marks stay on their characters.
        typed = [(type_as_you_go(t), t, m) for t, m in lines]
        parts = [(new, carry_marks(old, new, m)) for new, old, m in typed]
        text, old_marks = body[index].text, body[index].marks
        before, after = cut_marks(old_marks, 0, start), cut_marks(old_marks, end, len(text))
        first, first_marks = parts[0]
        if body[index].type not in FORMATTED_BLOCKS:
            first_marks = []  # a subheading's words stay plain; the new paragraphs take theirs
        body[index].text = text[:start] + first
        body[index].marks = join_marks(before, first_marks, start)
        added = [Block(type="paragraph", text=t, marks=m) for t, m in parts[1:]]
        if not added:  # one line after all (the others were blank)
            body[index].text += text[end:]
            body[index].marks = join_marks(body[index].marks, after, start + len(first))
            self._set_body(body, "Einfügen", index)
            self._cursor_to(index, body[index].text, start + len(first))
            return
        last = added[-1]
        size = len(last.text)
        last.marks = join_marks(last.marks, after, size)
        last.text += text[end:]
        body[index + 1 : index + 1] = added
        self._set_body(body, "Einfügen", index + len(added))
        self._cursor_to(index + len(added), last.text, size)

    def _cursor_to(self, index: int, text: str, at: int) -> None:
        field = self.blocks[index].text
        cursor = field.textCursor()
        cursor.setPosition(to_utf16(text, at))
        field.setTextCursor(cursor)

    def move_block(self, index: int, step: int) -> None:
        body = copy.deepcopy(self.doc.draft.body)
        target = index + step
        if not (0 <= index < len(body) and 0 <= target < len(body)):
            return
        body[index], body[target] = body[target], body[index]
        self._set_body(body, "Block verschieben", target)

    def remove(self, index: int) -> None:
        body = copy.deepcopy(self.doc.draft.body)
        if not 0 <= index < len(body):
            return
        del body[index]
        self._set_body(body, "Block entfernen", min(index, len(body) - 1) if body else None)

    def move_current(self, step: int) -> None:
        current = self.current_index()
        if current is not None:
            self.move_block(current, step)

    def retype(self, index: int, kind: str) -> None:
        """Make a block a paragraph, quote, subheading or list, keeping what was typed.

        Text becomes the list's item (one per line) and list items become the text, so
        nothing typed disappears from the form; one undo step brings the old block back.
        """
        body = self.doc.draft.body
        if not 0 <= index < len(body) or body[index].type == kind:
            return
        block = retyped(body[index], kind)
        self.doc.set_value(f"body[{index}]", block, f"Als {BLOCK_LABELS[kind]}", merge=False)
        widget = self.registry.focus(f"body[{index}]")
        if isinstance(widget, TextField):
            cursor = widget.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            widget.setTextCursor(cursor)

    def retype_current(self, kind: str) -> None:
        """Make the block with the cursor a paragraph, quote, subheading or list."""
        current = self.current_index()
        if current is not None:
            self.retype(current, kind)

    def remove_current(self) -> None:
        current = self.current_index()
        if current is not None:
            self.remove(current)
