"""Threads for work off the UI thread (preview rendering, spell checking).

Two rules keep them from crashing the process:

- **A worker never imports a module for the first time.** PySide6 hooks every
  import (its ``__feature__`` support inspects each newly imported module); run in a
  second thread while the UI thread is in Qt, that hook corrupts reference counts,
  and the process dies much later with ``Fatal Python error: bool_dealloc`` or a
  segmentation fault. So the UI thread does the first run of each job itself,
  which imports everything the job needs, and workers only repeat it (a test
  checks that a worker's run of every sample imports nothing).
- **Quitting waits for workers** (:func:`wait_all`), so no thread is still emitting
  into Qt objects while the interpreter tears them down.
"""

from __future__ import annotations

import codecs
import threading
import time
from collections.abc import Callable
from typing import Any

_running: set[threading.Thread] = set()
_lock = threading.Lock()


# Text codecs load on first use (``encodings.utf_16_be`` for a PDF title with an
# umlaut); the PDF and DOCX writers use these.
CODECS = ("utf_8", "utf_8_sig", "utf_16", "utf_16_be", "latin_1", "cp1252", "mac_roman", "ascii")


def load_codecs() -> None:
    """Load the codecs the exporters may use, in the calling (UI) thread."""
    for name in CODECS:
        codecs.lookup(name)


def start(target: Callable[..., Any], *args: Any, name: str) -> threading.Thread:
    """Run ``target(*args)`` in a daemon thread that :func:`wait_all` waits for."""

    def run() -> None:
        try:
            target(*args)
        finally:
            with _lock:
                _running.discard(threading.current_thread())

    thread = threading.Thread(target=run, name=name, daemon=True)
    with _lock:
        _running.add(thread)
    thread.start()
    return thread


def running() -> list[threading.Thread]:
    with _lock:
        return list(_running)


def wait_all(timeout: float = 5.0) -> bool:
    """Wait until every worker has finished; False if some still run after ``timeout``."""
    deadline = time.monotonic() + timeout
    for thread in running():
        thread.join(max(0.0, deadline - time.monotonic()))
    return not running()
