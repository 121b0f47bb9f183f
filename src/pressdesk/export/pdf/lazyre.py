"""Two of reportlab's module-level regular expressions, compiled when first used.

Importing ``reportlab.platypus.paragraph`` compiles ``uri_pat`` (Django's URL pattern,
case-insensitive over the character range ``\\xa1-\\uffff``): about 60 ms, a sixth of a
whole ``pressdesk export --pdf`` process, for a pattern PressDesk's own paragraphs never
use (:mod:`.rlcompat` point 1 replaces ``_uri_split_pairs``, its only user, inside them).
``reportlab.lib.textsplit.rx`` (CJK wrapping, about 8 ms) is the same case. While those
two modules execute, :func:`install` lets ``re.compile`` hand out a :class:`LazyPattern`
for exactly these two patterns; every other pattern, and every other module, gets
``re.compile``'s own result. A :class:`LazyPattern` compiles on its first use (``match``,
``sub``, …) and then behaves as the compiled pattern: reportlab's own paragraphs (anyone
else's in the process) work as before.

This module imports no reportlab; ``pressdesk.export.pdf`` calls :func:`install` before
any reportlab import. :mod:`.rlcompat` checks the names and the tests fence them
(``tests/test_export/test_rlcompat.py``). If reportlab was imported before (or changes
the patterns' text), nothing is deferred and nothing breaks.
"""

from __future__ import annotations

import importlib.machinery
import re
import sys
import threading
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

# module -> test on (pattern, flags) picking the patterns compiled lazily in it
DEFERRED: dict[str, Callable[[Any, int], bool]] = {
    # paragraph.uri_pat: the only pattern of the module containing "xn--"
    "reportlab.platypus.paragraph": lambda pattern, flags: (
        isinstance(pattern, str) and "xn--" in pattern and bool(flags & re.IGNORECASE)
    ),
    # textsplit.rx
    "reportlab.lib.textsplit": lambda pattern, flags: pattern == "([\u2e80-\uffff])",
}

_original_compile = re.compile
_lock = threading.Lock()  # guards only the swap of ``re.compile`` (never held while importing)
_executing = 0  # deferring modules being executed, in all threads
_state = threading.local()  # .choosers: the tests of the modules executing in this thread


def _compile(pattern: Any, flags: int = 0) -> Any:
    """``re.compile`` while a deferring module executes: lazy for its chosen patterns."""
    choosers = getattr(_state, "choosers", None)
    if choosers and choosers[-1](pattern, int(flags)):
        return LazyPattern(pattern, flags)
    return _original_compile(pattern, flags)


class LazyPattern:
    """A regular expression compiled at its first use; then the compiled pattern."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: Any, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[Any] | None = None

    @property
    def compiled(self) -> bool:
        """Whether it has been compiled yet."""
        return self._compiled is not None

    def pattern_object(self) -> re.Pattern[Any]:
        if self._compiled is None:
            self._compiled = _original_compile(*self._args)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.pattern_object(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._args[0]!r:.40}, {self._args[1]})"


class _Loader:
    """Runs the module's own loader with ``re.compile`` deferring the chosen patterns.

    An ``importlib.abc.Loader`` by its methods, not derived: importing ``importlib.abc``
    would cost more than the patterns save.
    """

    def __init__(self, loader: Any, choose: Callable[[Any, int], bool]) -> None:
        self.loader, self.choose = loader, choose

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        created: ModuleType | None = self.loader.create_module(spec)
        return created

    def exec_module(self, module: ModuleType) -> None:
        global _executing
        choosers = _state.__dict__.setdefault("choosers", [])
        choosers.append(self.choose)
        with _lock:
            if _executing == 0:
                re.compile = _compile
            _executing += 1
        try:
            self.loader.exec_module(module)
        finally:
            choosers.pop()
            with _lock:
                _executing -= 1
                if _executing == 0:
                    re.compile = _original_compile


class _Finder:  # an importlib.abc.MetaPathFinder
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        choose = DEFERRED.get(fullname)
        if choose is None:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _Loader(spec.loader, choose)  # type: ignore[assignment]
        return spec


_finder = _Finder()


def install() -> None:
    """Defer the patterns of :data:`DEFERRED` for modules not imported yet (idempotent)."""
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
