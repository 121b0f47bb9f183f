"""German spell checking: wavy underlines and suggestions, never blocking typing.

The Hunspell dictionary (Debian's hunspell-de-de, read with spylls) loads in a
background thread after the window is shown. Words are checked in that thread too;
highlighters colour only words whose verdict is known and ask again when new
verdicts arrive. Suggestions take seconds in pure Python, so the context menu opens
at once and fills in as they are found. Without a dictionary the editor works as
before and says so once.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu

from pressdesk.ui.userdata import data_dir

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SEARCH = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
MAX_SUGGESTIONS = 6


def find_dictionary(lang: str = "de_DE") -> Path | None:
    """``PRESSDESK_DICTIONARY`` (a folder or a path without suffix) or the system folders."""
    override = os.environ.get("PRESSDESK_DICTIONARY")
    if override:
        candidates = [Path(override) / lang if Path(override).is_dir() else Path(override)]
    else:
        candidates = [Path(folder) / lang for folder in SEARCH]
    for base in candidates:
        if base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file():
            return base
    return None


class SpellService(QObject):
    ready = Signal()
    unavailable = Signal(str)
    checked = Signal()
    suggestion = Signal(int, str)
    suggestionsDone = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.dictionary: Any = None
        self.enabled = True
        self.known: dict[str, bool] = {}
        self._queued: set[str] = set()
        self._waiting: set[SpellHighlighter] = set()
        self.asking: SpellHighlighter | None = None
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._personal_file = data_dir() / "woerterbuch.txt"
        self._personal = self._read_personal()
        self._request = 0
        self.highlighters: list[SpellHighlighter] = []
        self.before_replace: Any = lambda: None

    def _read_personal(self) -> set[str]:
        try:
            return set(self._personal_file.read_text(encoding="utf-8").split())
        except OSError:
            return set()

    def start(self) -> None:
        threading.Thread(target=self._work, name="spelling", daemon=True).start()

    def _work(self) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed while we worked
            self._load_and_check()

    def _load_and_check(self) -> None:
        base = find_dictionary()
        if base is None:
            self.unavailable.emit(
                "Kein deutsches Wörterbuch gefunden – die Rechtschreibprüfung ist aus."
            )
            return
        try:
            from spylls.hunspell import Dictionary

            self.dictionary = Dictionary.from_files(str(base))
        except Exception:
            self.unavailable.emit("Das Wörterbuch konnte nicht geladen werden – Prüfung aus.")
            return
        self.ready.emit()
        while True:
            word = self._queue.get()
            if word is None:
                return
            batch = [word]
            while not self._queue.empty() and len(batch) < 200:
                item = self._queue.get()
                if item is None:
                    return
                batch.append(item)
            for w in batch:
                self.known[w] = self._lookup(w)
            self.checked.emit()

    def _lookup(self, word: str) -> bool:
        try:
            return bool(self.dictionary.lookup(word))
        except Exception:
            return True

    def verdict(self, word: str) -> bool | None:
        """True (correct), False (unknown to the dictionary) or None (not yet known)."""
        if word in self._personal or len(word) < 2 or word.isupper():
            return True
        result = self.known.get(word)
        if result is None and self.dictionary is not None:
            if self.asking is not None:
                self._waiting.add(self.asking)
            if word not in self._queued:
                self._queued.add(word)
                self._queue.put(word)
        return result

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
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        word = cursor.selectedText()
        if not word or self.verdict(word) is not False:
            return
        first = menu.actions()[0] if menu.actions() else None
        waiting = menu.addAction("Vorschläge werden gesucht …")
        waiting.setEnabled(False)
        menu.removeAction(waiting)
        menu.insertAction(first, waiting)
        add = menu.addAction(f"„{word}“ ins Wörterbuch aufnehmen")
        menu.removeAction(add)
        menu.insertAction(first, add)
        add.triggered.connect(lambda: self.add_to_personal(word))
        menu.insertSeparator(first)
        self._request += 1
        request = self._request

        def replace(text: str) -> None:
            self.before_replace()
            cursor.insertText(text)

        def on_suggestion(req: int, text: str) -> None:
            if req != request:
                return
            with contextlib.suppress(RuntimeError):  # the menu is gone
                action = menu.addAction(text)
                menu.removeAction(action)
                menu.insertAction(waiting, action)
                font = action.font()
                font.setBold(True)
                action.setFont(font)
                action.triggered.connect(lambda: replace(text))

        def on_done(req: int) -> None:
            if req != request:
                return
            with contextlib.suppress(RuntimeError):
                if any(a.font().bold() for a in menu.actions()):
                    menu.removeAction(waiting)
                else:
                    waiting.setText("Keine Vorschläge")

        self.suggestion.connect(on_suggestion)
        self.suggestionsDone.connect(on_done)
        menu.aboutToHide.connect(lambda: setattr(self, "_request", self._request + 1))
        menu.destroyed.connect(lambda *_: self._disconnect(on_suggestion, on_done))
        threading.Thread(target=self._suggest, args=(word, request), daemon=True).start()

    def _disconnect(self, *slots: Any) -> None:
        for signal, slot in zip((self.suggestion, self.suggestionsDone), slots, strict=True):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)

    def _suggest(self, word: str, request: int) -> None:
        try:
            for i, text in enumerate(self.dictionary.suggest(word)):
                if request != self._request or i >= MAX_SUGGESTIONS:
                    break
                self.suggestion.emit(request, text)
            self.suggestionsDone.emit(request)
        except Exception:
            pass


class SpellHighlighter(QSyntaxHighlighter):
    def __init__(self, document: Any, service: SpellService) -> None:
        super().__init__(document)
        self.service = service
        self.format = QTextCharFormat()
        self.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.format.setUnderlineColor(QColor(Qt.GlobalColor.red))

    def highlightBlock(self, text: str) -> None:
        service = self.service
        if not service.enabled or service.dictionary is None:
            return
        service.asking = self
        try:
            for match in WORD.finditer(text):
                if service.verdict(match.group()) is False:
                    self.setFormat(match.start(), match.end() - match.start(), self.format)
        finally:
            service.asking = None
