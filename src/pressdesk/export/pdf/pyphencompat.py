"""The one place that touches pyphen's internals (German hyphenation for the PDF).

pyphen parses its pattern file in Python on every first use (over a second for
German). PressDesk keeps the parsed patterns in its cache folder and builds the
pyphen objects from them directly, without parsing and without writing into
pyphen's process-wide ``hdcache``:

- ``HyphDict`` attributes ``patterns``, ``maxlen``, ``cache``: a parsed dictionary;
- ``Pyphen`` attributes ``left``, ``right``, ``hd``: a hyphenator over it;
- ``HyphDict.positions`` (public) reads ``patterns`` only through ``get`` with the
  substrings of ``.word.`` (lowercased): :class:`ChunkedHyphDict` fills its patterns
  group by group (the first three letters of a pattern) just before, so an export reads
  only the groups its words need (about 12,000 patterns for the reference release)
  instead of all 66,000.

:func:`check` runs at import and fails loudly (:class:`IncompatiblePyphen`) if a
pyphen release renames them; the test suite checks each name.
"""

from __future__ import annotations

import marshal
import threading
from collections.abc import Iterator
from typing import Any

import pyphen

HYPHDICT_ATTRIBUTES = ("patterns", "maxlen", "cache")
GROUP = 3  # patterns are stored in groups by their first GROUP characters
PYPHEN_ATTRIBUTES = ("left", "right", "hd")


class IncompatiblePyphen(RuntimeError):
    """pyphen no longer has an internal name PressDesk's hyphenation relies on."""


def check() -> None:
    # The attribute names __init__ stores live in its bytecode (co_names), which a
    # frozen bundle has too; the source code it may not have.
    for cls, names in ((pyphen.HyphDict, HYPHDICT_ATTRIBUTES), (pyphen.Pyphen, PYPHEN_ATTRIBUTES)):
        stored = set(cls.__init__.__code__.co_names)
        missing = [n for n in names if n not in stored]
        if cls is pyphen.HyphDict and not callable(getattr(cls, "positions", None)):
            missing.append("positions")
        if missing:
            raise IncompatiblePyphen(
                f"pyphen {pyphen.__version__}: {cls.__name__} has no {', '.join(missing)} "
                "(see pressdesk/export/pdf/pyphencompat.py)"
            )


check()


def parsed_dictionary(patterns: dict[str, Any], maxlen: int) -> pyphen.HyphDict:
    """A ``HyphDict`` from already parsed patterns (no file parsing)."""
    hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hd.patterns, hd.maxlen, hd.cache = patterns, maxlen, {}
    return hd


def hyphenator(hd: pyphen.HyphDict, left: int, right: int) -> pyphen.Pyphen:
    """A ``Pyphen`` over ``hd``, leaving pyphen's own cache alone."""
    p = pyphen.Pyphen.__new__(pyphen.Pyphen)
    p.left, p.right, p.hd = left, right, hd
    return p


def group_of(pattern: str) -> str:
    """The group a pattern is stored in: its first (up to) three characters."""
    return pattern[:GROUP]


class _Patterns(dict[str, Any]):
    """The patterns loaded so far; anything that looks at all of them loads all first.

    ``get`` (what ``positions`` uses) stays the plain, fast dict method.
    """

    def __init__(self, owner: ChunkedHyphDict) -> None:
        super().__init__()
        self._owner = owner

    def __eq__(self, other: object) -> bool:
        self._owner.load_all()
        return dict.__eq__(self, other)

    __hash__ = None

    def __len__(self) -> int:
        self._owner.load_all()
        return dict.__len__(self)

    def __iter__(self) -> Iterator[str]:
        self._owner.load_all()
        return dict.__iter__(self)

    def keys(self) -> Any:
        self._owner.load_all()
        return dict.keys(self)

    def values(self) -> Any:
        self._owner.load_all()
        return dict.values(self)

    def items(self) -> Any:
        self._owner.load_all()
        return dict.items(self)

    def __repr__(self) -> str:
        return f"<{dict.__len__(self)} hyphenation patterns loaded>"


class ChunkedHyphDict(pyphen.HyphDict):
    """A ``HyphDict`` over patterns stored per group (``marshal``-ed dicts, plain data).

    ``chunks`` maps :func:`group_of` to the marshal bytes of that group's patterns.
    A group is decoded the first time a word needs it; a lock keeps two threads (the
    preview renders in a worker thread) from decoding the same group twice, and a group
    counts as loaded only once its patterns are in the dictionary.
    """

    def __init__(self, chunks: dict[str, bytes], maxlen: int) -> None:  # no file parsing
        self.patterns = _Patterns(self)
        self.maxlen = maxlen
        self.cache: dict[str, Any] = {}
        self._chunks = chunks
        self._loaded: set[str] = set()
        self._lock = threading.Lock()

    def _load(self, groups: set[str]) -> None:
        with self._lock:
            for group in groups - self._loaded:
                blob = self._chunks.get(group)
                if blob is not None:
                    dict.update(self.patterns, marshal.loads(blob))
                self._loaded.add(group)

    def load_all(self) -> None:
        if not self._chunks.keys() <= self._loaded:
            self._load(set(self._chunks))

    def positions(self, word: str) -> Any:
        if word.lower() in self.cache:  # pyphen's own per-word cache: no lookups
            return super().positions(word)
        pointed = f".{word.lower()}."
        # Every substring pointed[i:j] pyphen looks up lies in group pointed[i:i+n], n <= GROUP.
        groups = {pointed[i : i + n] for i in range(len(pointed) - 1) for n in range(1, GROUP + 1)}
        if not groups <= self._loaded:
            self._load(groups)
        return super().positions(word)


def chunked(patterns: dict[str, Any]) -> dict[str, bytes]:
    """``patterns`` split into :func:`group_of` groups, each ``marshal``-ed."""
    groups: dict[str, dict[str, Any]] = {}
    for key, value in patterns.items():
        groups.setdefault(group_of(key), {})[key] = value
    return {group: marshal.dumps(values) for group, values in groups.items()}
