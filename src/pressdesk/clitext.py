"""German for the command line: argparse's own texts and safe printing.

argparse builds its messages with ``gettext``; :func:`german_argparse` swaps in a
German table while the parser runs (unknown texts stay as they are). :func:`say`
prints a line with control characters escaped and without ever failing on a
character the terminal cannot encode, so a hostile file cannot steer the terminal
or turn a message into a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from pressdesk.model.fileio import clean_text

GERMAN: dict[str, str] = {
    "usage: ": "Aufruf: ",
    "options": "Optionen",
    "positional arguments": "Argumente",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "show program's version number and exit": "Versionsnummer zeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültige Auswahl: %(value)r (möglich: %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "Angabe %(argument_name)s: %(message)s",
    "expected one argument": "erwartet einen Wert",
    "expected at least one argument": "erwartet mindestens einen Wert",
    "expected at most one argument": "erwartet höchstens einen Wert",
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "one of the arguments %s is required": "eine dieser Angaben ist nötig: %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s passt zu %(matches)s"
    ),
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "ignored explicit argument %r": "überflüssiger Wert %r",
    "unexpected option string: %s": "unerwartete Option: %s",
}


def _german(text: str) -> str:
    return GERMAN.get(text, text)


def _ngerman(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "erwartet %s Wert" if n == 1 else "erwartet %s Werte"
    return singular if n == 1 else plural


@contextlib.contextmanager
def german_argparse() -> Iterator[None]:
    """argparse speaks German inside this block (help, usage, errors)."""
    module: Any = argparse
    old: tuple[Callable[..., str], Callable[..., str]] = (module._, module.ngettext)
    module._, module.ngettext = _german, _ngerman
    try:
        yield
    finally:
        module._, module.ngettext = old


def safe_streams() -> None:
    """Characters the terminal cannot show are escaped instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def say(text: str, file: TextIO | None = None) -> None:
    """Print one line of output: control characters escaped, lone surrogates shown."""
    print(clean_text(text, limit=100_000), file=file or sys.stdout)
