"""German hyphenation for the PDF exporter.

reportlab hyphenates a word only when it overflows a line, with a hyphenator we
hand it (:func:`hyphenator`, pyphen's German patterns). Its word test, though,
strips only the trailing punctuation of English typesetting, so a word that ends
in the German closing quote (“ or ‘), the last word of every quote, is never
hyphenated. :func:`prepare` gives exactly those words soft hyphens (U+00AD) at
pyphen's break points; reportlab breaks at a soft hyphen and draws nothing for
one that is not used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

import pyphen

LANG = "de_DE"
MIN_WORD = 5
SHY = "\u00ad"

# A run of letters directly followed by a German closing quote.
_BEFORE_CLOSING_QUOTE = re.compile(r"([^\W\d_]{" + str(MIN_WORD) + r",})(?=[\u201c\u2018])")


@cache
def _pyphen() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=LANG, left=2, right=3)


def hyphenator() -> Callable[[str], Iterable[tuple[str, str]]]:
    """The callable reportlab's ``hyphenationLang`` accepts: word -> (head, tail) pairs."""
    return _pyphen().iterate


@lru_cache(maxsize=4096)
def _soft(word: str) -> str:
    return _pyphen().inserted(word, hyphen=SHY)


def prepare(text: str) -> str:
    """Soft hyphens in the words reportlab would not hyphenate itself (see module doc)."""
    if "\u201c" not in text and "\u2018" not in text:
        return text
    return _BEFORE_CLOSING_QUOTE.sub(lambda m: _soft(m.group(1)), text)
