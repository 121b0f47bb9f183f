"""PySide6 reads the source of every module imported after it, and the sources stayed.

PySide6's ``__feature__`` support asks of each newly imported module whether its
source mentions "PySide6" (``inspect.getsource``). ``inspect`` reads the file through
:mod:`linecache`, which keeps every line of every module for the rest of the process:
about 280 files and 11 MB of Python strings once the editor has validated, previewed
and loaded its dictionary, a third of the memory the editor needs above a bare
PySide6 window. :func:`install` gives that check a ``getsource`` that reads the same
file and keeps nothing; the answer for every module stays what it was.
"""

from __future__ import annotations

import inspect
import linecache
import sys
from types import SimpleNamespace
from typing import Any

FEATURE_MODULES = ("PySide6.support.feature", "shibokensupport.feature")


def source_once(obj: Any) -> str:
    """``inspect.getsource(obj)`` for a module, without filling the line cache.

    The text is only searched for the word "PySide6"; a file is read as bytes and
    decoded as Latin-1 (every byte one character), so an ASCII word is found exactly
    when the file holds it, in any encoding Python source is written in.
    """
    path = inspect.getsourcefile(obj)  # TypeError for a built-in module, as before
    if path is not None and path not in linecache.cache:
        try:
            with open(path, "rb") as fh:
                return fh.read().decode("latin-1")
        except OSError:
            pass
    # Sources from a zip or another loader: inspect's own way, then forget the lines
    cached = set(linecache.cache)
    try:
        return inspect.getsource(obj)
    finally:
        for name in set(linecache.cache) - cached:
            linecache.cache.pop(name, None)


def install() -> bool:
    """Give PySide6's import check :func:`source_once`; False if this PySide6 has no such
    check (then nothing is changed)."""
    import PySide6  # noqa: F401  (sets up the check)

    done = False
    for name in FEATURE_MODULES:
        module = sys.modules.get(name)
        check = getattr(module, "_mod_uses_pyside", None)
        if module is None or check is None or "inspect" not in check.__code__.co_names:
            continue
        if getattr(getattr(module, "inspect", None), "getsource", None) is not source_once:
            setattr(module, "inspect", SimpleNamespace(getsource=source_once))  # noqa: B010
        done = True
    if done:
        linecache.clearcache()  # what the check read while PySide6 itself was imported
    return done
