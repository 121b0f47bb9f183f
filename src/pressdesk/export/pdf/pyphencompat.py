"""The one place that touches pyphen's internals (German hyphenation for the PDF).

pyphen parses its pattern file in Python on every first use (over a second for
German). PressDesk keeps the parsed patterns in its cache folder and builds the
pyphen objects from them directly, without parsing and without writing into
pyphen's process-wide ``hdcache``:

- ``HyphDict`` attributes ``patterns``, ``maxlen``, ``cache``: a parsed dictionary;
- ``Pyphen`` attributes ``left``, ``right``, ``hd``: a hyphenator over it.

:func:`check` runs at import and fails loudly (:class:`IncompatiblePyphen`) if a
pyphen release renames them; the test suite checks each name.
"""

from __future__ import annotations

from typing import Any

import pyphen

HYPHDICT_ATTRIBUTES = ("patterns", "maxlen", "cache")
PYPHEN_ATTRIBUTES = ("left", "right", "hd")


class IncompatiblePyphen(RuntimeError):
    """pyphen no longer has an internal name PressDesk's hyphenation relies on."""


def check() -> None:
    # The attribute names __init__ stores live in its bytecode (co_names), which a
    # frozen bundle has too; the source code it may not have.
    for cls, names in ((pyphen.HyphDict, HYPHDICT_ATTRIBUTES), (pyphen.Pyphen, PYPHEN_ATTRIBUTES)):
        stored = set(cls.__init__.__code__.co_names)
        missing = [n for n in names if n not in stored]
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
