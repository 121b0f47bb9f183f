"""German spell checking: wavy underlines and suggestions, never blocking typing.

The Hunspell dictionary (Debian's hunspell-de-de through Enchant, see
:mod:`pressdesk.ui.dictionary`) loads in a background thread after the window is
shown. Words are checked in that thread too; highlighters colour only words whose
verdict is known and ask again when new verdicts arrive. When the thread is idle it
looks up suggestions for the words it found unknown, so the context menu usually
has them at once. Names the draft itself gives (speakers, photo credits, the press
office block) and all-caps abbreviations are not underlined. Without a dictionary
the editor works as before and says so once.
"""

from __future__ import annotations

import contextlib
import queue
import re
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu

from pressdesk.ui import workers
from pressdesk.ui.dictionary import Dictionary, DictionaryMissing, open_dictionary, preload_backend
from pressdesk.ui.userdata import data_dir

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\S+\.(?:de|nrw|bund|eu|com|org)\b\S*")
NAME = re.compile(r"\b[^\W\d_a-zäöüß][^\W\d_]+")


# "Staatssekretärin Serap Güler", "Integrationsdezernent Dr. Ralf Krumpholz": in a
# press release a name follows the person's office, so the words after an office
# (and an academic title) are a name, wherever the draft uses them.
OFFICE_AND_NAME = re.compile(
    r"(?:sekretär|minister|präsident|dezernent|bürgermeister|direktor|leiter|sprecher"
    r"|beauftragte|rätin|rat)(?:in|innen)?\s+(?:(?:Dr|Prof)\.\s+)*"
    r"((?:[^\W\d_a-zäöüß][^\W\d_]+[ -]){0,2}[^\W\d_a-zäöüß][^\W\d_]+)"
)
TITLE_AND_NAME = re.compile(
    r"\b(?:Dr|Prof)\.\s+((?:[^\W\d_a-zäöüß][^\W\d_]+[ -]){0,2}[^\W\d_a-zäöüß][^\W\d_]+)"
)


MAX_WAITING_SUGGESTIONS = 20


def names_in(draft: Any) -> set[str]:
    """Names the draft gives: capitalised words of the fields where it names people and
    places, and the words after an office or title in any text (see OFFICE_AND_NAME)."""
    office = draft.press_office
    texts = [office.organisation, office.unit, *office.address, draft.photo_credits]
    texts += [block.speaker for block in draft.body]
    names = {word for text in texts for word in NAME.findall(text)}
    prose = [draft.headline, draft.subheadline, draft.announcement, draft.contact]
    prose += [text for block in draft.body for text in (block.text, block.speaker, *block.items)]
    for text in prose:
        for pattern in (OFFICE_AND_NAME, TITLE_AND_NAME):
            for match in pattern.finditer(text):
                names.update(NAME.findall(match.group(1)))
    return names


class SpellService(QObject):
    ready = Signal()
    unavailable = Signal(str)
    checked = Signal()
    suggested = Signal(str, list)

    def __init__(self) -> None:
        super().__init__()
        self.dictionary: Dictionary | None = None
        self.enabled = True
        self.known: dict[str, bool] = {}
        self.suggestions: dict[str, list[str]] = {}
        self.names: set[str] = set()
        self._queued: set[str] = set()
        self._to_suggest: list[str] = []
        self._waiting: set[SpellHighlighter] = set()
        self.asking: SpellHighlighter | None = None
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._personal_file = data_dir() / "woerterbuch.txt"
        self._personal = self._read_personal()
        self.highlighters: list[SpellHighlighter] = []
        self.before_replace: Any = lambda: None
        self._pending_menu: Any = None
        self._stopping = False
        self.suggested.connect(self._on_suggested)

    def _read_personal(self) -> set[str]:
        try:
            return set(self._personal_file.read_text(encoding="utf-8").split())
        except OSError:
            return set()

    def start(self) -> None:
        preload_backend()  # in the UI thread: a worker never imports (pressdesk.ui.workers)
        workers.start(self._work, name="spelling")

    def stop(self) -> None:
        """End the checking thread (the window closes)."""
        self._stopping = True
        self._queue.put(None)

    def _work(self) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed while we worked
            self._load_and_check()

    def _load_and_check(self) -> None:
        try:
            dictionary = open_dictionary()
        except DictionaryMissing as exc:
            self.unavailable.emit(str(exc))
            return
        self.dictionary = dictionary
        self.ready.emit()
        while not self._stopping:
            if self._to_suggest and self._queue.empty():
                # Newest first: while typing, "Landesregieru" is found unknown before
                # "Landesregierug"; the word the user sees now is the one to prepare.
                self._prepare_suggestions(dictionary, self._to_suggest.pop())
                continue
            batch = [self._queue.get()]
            while not self._queue.empty() and len(batch) < 200:
                batch.append(self._queue.get())
            if None in batch:
                return
            for w in batch:
                known = dictionary.lookup(w)  # type: ignore[arg-type]
                self.known[w] = known  # type: ignore[index]
                if not known:
                    self._to_suggest.append(w)  # type: ignore[arg-type]
                    del self._to_suggest[:-MAX_WAITING_SUGGESTIONS]
            self.checked.emit()

    def _prepare_suggestions(self, dictionary: Dictionary, word: str) -> None:
        if word not in self.suggestions:
            self.suggestions[word] = dictionary.suggest(word)
            self.suggested.emit(word, self.suggestions[word])

    def verdict(self, word: str) -> bool | None:
        """True (correct), False (unknown to the dictionary) or None (not yet known)."""
        if len(word) < 2 or word.isupper() or word in self._personal or word in self.names:
            return True
        result = self.known.get(word)
        if result is None and self.dictionary is not None:
            if self.asking is not None:
                self._waiting.add(self.asking)
            if word not in self._queued:
                self._queued.add(word)
                self._queue.put(word)
        return result

    def set_names(self, names: set[str]) -> None:
        """Words the draft itself names (see :func:`names_in`); re-colours when they change."""
        if names != self.names:
            self.names = names
            self.rehighlight()

    def add_to_personal(self, word: str) -> None:
        self._personal.add(word)
        try:
            with self._personal_file.open("a", encoding="utf-8") as fh:
                fh.write(word + "\n")
        except OSError:
            pass
        self.rehighlight()

    def rehighlight_waiting(self) -> None:
        """Re-colour only the fields that asked about words checked since."""
        waiting, self._waiting = self._waiting, set()
        for h in waiting:
            with contextlib.suppress(RuntimeError):
                h.rehighlight()

    def rehighlight(self) -> None:
        for h in list(self.highlighters):
            try:
                h.rehighlight()
            except RuntimeError:
                self.highlighters.remove(h)

    def attach(self, edit: Any) -> None:
        highlighter = SpellHighlighter(edit.document(), self)
        self.highlighters.append(highlighter)
        edit.spell_menu = self.fill_menu
        highlighter.destroyed.connect(lambda *_: self._forget(highlighter))

    def _forget(self, highlighter: SpellHighlighter) -> None:
        if highlighter in self.highlighters:
            self.highlighters.remove(highlighter)

    def fill_menu(self, edit: Any, menu: QMenu, cursor: QTextCursor) -> None:
        """Suggestions in bold, then adding the word to the dictionary, above Qt's entries."""
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        word = cursor.selectedText()
        if not word or not self.enabled or self.verdict(word) is not False:
            return
        first = menu.actions()[0] if menu.actions() else menu.addSeparator()

        def put(text: str) -> Any:
            action = menu.addAction(text)
            menu.removeAction(action)
            menu.insertAction(first, action)
            return action

        def replace(text: str) -> None:
            self.before_replace()
            cursor.insertText(text)

        waiting = put("Vorschläge werden gesucht …")
        waiting.setEnabled(False)

        def show(found: list[str]) -> None:
            for text in found:
                action = menu.addAction(text)
                menu.removeAction(action)
                menu.insertAction(waiting, action)
                font = action.font()
                font.setBold(True)
                action.setFont(font)
                action.triggered.connect(lambda *_, t=text: replace(t))
            if found:
                menu.removeAction(waiting)
            else:
                waiting.setText("Keine Vorschläge")

        add = put(f"„{word}“ zum Wörterbuch hinzufügen")
        add.setToolTip("Das Wort gilt künftig als richtig, in allen Entwürfen.")
        add.triggered.connect(lambda: self.add_to_personal(word))
        menu.insertSeparator(first)
        if word in self.suggestions:
            show(self.suggestions[word])
            return

        def on_suggested(w: str, found: list[str]) -> None:
            if w == word:
                self._pending_menu = None
                with contextlib.suppress(RuntimeError):  # the menu is gone
                    show(found)

        self._pending_menu = on_suggested
        menu.aboutToHide.connect(lambda: setattr(self, "_pending_menu", None))
        workers.start(self._prepare_suggestions_now, word, name="suggestions")

    def _on_suggested(self, word: str, found: list[str]) -> None:
        # A slot of this object, so it runs in the UI thread whoever emitted.
        if self._pending_menu is not None:
            self._pending_menu(word, found)

    def _prepare_suggestions_now(self, word: str) -> None:
        if self.dictionary is not None:
            with contextlib.suppress(RuntimeError):
                self._prepare_suggestions(self.dictionary, word)


LINKING = ("s", "es", "n", "en", "e")  # Fugenelemente: Stiftung-s-rat


def readings(match: re.Match[str], text: str) -> list[str]:
    """The ways a word can be right: as it stands; with its period ("Dr.", "bzw.");
    as the first part of a compound cut short ("Stiftungs- und Drittmittel")."""
    word, after = match.group(), text[match.end() : match.end() + 2]
    found = [word]
    if after[:1] == ".":
        found.append(word + ".")
    if after[:1] == "-" and (after[1:] in ("", " ", ",", "/") or after[1:].isspace()):
        found += [word[: -len(e)] for e in LINKING if word.endswith(e) and len(word) > len(e) + 2]
    return found


class SpellHighlighter(QSyntaxHighlighter):
    def __init__(self, document: Any, service: SpellService) -> None:
        super().__init__(document)
        self.service = service
        self.error_format = QTextCharFormat()
        self.error_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.error_format.setUnderlineColor(QColor(Qt.GlobalColor.red))

    def highlightBlock(self, text: str) -> None:
        service = self.service
        if not service.enabled or service.dictionary is None:
            return
        service.asking = self
        skip = [m.span() for m in ADDRESS.finditer(text)]  # e-mail and web addresses
        try:
            for match in WORD.finditer(text):
                if any(a <= match.start() < b for a, b in skip):
                    continue
                if all(service.verdict(w) is False for w in readings(match, text)):
                    self.setFormat(match.start(), match.end() - match.start(), self.error_format)
        finally:
            service.asking = None
