"""The German Hunspell dictionary, reached through Enchant (pyenchant).

Enchant's Hunspell backend is C++: a lookup takes about 0.1 ms and a list of
suggestions 30–400 ms, where pure-Python Hunspell took seconds. Debian ships it as
libenchant-2-2 with hunspell-de-de. Neither Enchant's broker nor Hunspell is
thread-safe (two windows suggesting at once abort the process), so each language is
opened once per process and every call goes through one lock; callers may use a
:class:`Dictionary` from any thread.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

LANGUAGE = "de_DE"
# Debian's hunspell-de-de-frami knows more ordinary compounds; plain de_DE is the fallback.
VARIANTS = {"de_DE": ("de_DE_frami", "de_DE")}
MIN_PART = 3  # "Neu" + "zugewanderten"
MAX_SUGGESTIONS = 6
_LOCK = threading.RLock()
_OPENED: dict[str, Dictionary] = {}


class DictionaryMissing(Exception):
    """No German dictionary can be used; the message says why, in German."""


class Dictionary:
    def __init__(self, backend: Any) -> None:
        self._backend = backend

    def lookup(self, word: str) -> bool:
        """True when Hunspell knows the word, or it is two words Hunspell knows written as
        one compound ("Neuzugewanderten" = "Neu" + "zugewanderten")."""
        return self._check(word) or self._is_compound(word)

    def _check(self, word: str) -> bool:
        with _LOCK:
            try:
                return bool(self._backend.check(word))
            except Exception:  # a word the backend cannot encode is not worth a red line
                return True

    def _is_compound(self, word: str) -> bool:
        if len(word) < 2 * MIN_PART + 2 or not word.isalpha():
            return False
        for cut in range(MIN_PART, len(word) - MIN_PART - 1):
            head, tail = word[:cut], word[cut:]
            if not tail[0].islower():
                return False  # "NRWLand": not a compound of ordinary words
            if self._check(head) and (self._check(tail) or self._check(tail.capitalize())):
                return True
        return False

    def suggest(self, word: str) -> list[str]:
        with _LOCK:
            try:
                found = self._backend.suggest(word)
            except Exception:
                return []
        return [s for s in found if s != word][:MAX_SUGGESTIONS]


def preload_backend() -> None:
    """Import Enchant in the calling (UI) thread, so the checking thread never imports."""
    with contextlib.suppress(ImportError):  # open_dictionary says so, in German
        import enchant  # noqa: F401


def open_dictionary(language: str = LANGUAGE) -> Dictionary:
    """The dictionary for ``language``, or :class:`DictionaryMissing` saying what to install."""
    with _LOCK:
        if language not in _OPENED:
            _OPENED[language] = _open(language)
        return _OPENED[language]


def _open(language: str) -> Dictionary:
    try:
        import enchant
    except ImportError as exc:  # pyenchant missing, or the C library libenchant-2
        raise DictionaryMissing(
            "Rechtschreibprüfung nicht verfügbar: Enchant fehlt (Paket libenchant-2-2)."
        ) from exc
    try:
        for variant in VARIANTS.get(language, (language,)):
            if enchant.dict_exists(variant):
                return Dictionary(enchant.Dict(variant))
        raise DictionaryMissing(
            "Kein deutsches Wörterbuch gefunden (Paket hunspell-de-de) – "
            "die Rechtschreibprüfung ist aus."
        )
    except enchant.errors.Error as exc:
        raise DictionaryMissing(
            "Das Wörterbuch konnte nicht geladen werden – Prüfung aus."
        ) from exc


def dictionary_available(language: str = LANGUAGE) -> bool:
    try:
        open_dictionary(language)
    except DictionaryMissing:
        return False
    return True
