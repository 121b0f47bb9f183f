"""German hyphenation for the PDF exporter.

reportlab hyphenates a word only when it overflows a line, with a hyphenator we
hand it (:func:`hyphenator`, pyphen's German patterns). Its word test, though,
strips only the trailing punctuation of English typesetting, so a word that ends
in the German closing quote (“ or ‘), the last word of every quote, is never
hyphenated. :func:`prepare` gives exactly those words soft hyphens (U+00AD) at
pyphen's break points; reportlab breaks at a soft hyphen and draws nothing for
one that is not used.

pyphen parses its German dictionary (1 MB of patterns) in Python, which takes over a
second, longer than a whole export. The parsed patterns are therefore kept in the
user's cache folder (:func:`_load_patterns`, ``marshal``: plain data, no code) and
read back in well under 0.1 s; a missing or unusable cache just means parsing again.
The 66,000 German patterns have only about 2,500 distinct values: each is kept once
(:func:`_shared_values`), and ``marshal`` keeps that sharing, which saves over 10 MB.
"""

from __future__ import annotations

import contextlib
import marshal
import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pyphen

from pressdesk.export.pdf import pyphencompat

LANG = "de_DE"
MIN_WORD = 5
SHY = "\u00ad"

# A run of letters directly followed by a German closing quote.
_BEFORE_CLOSING_QUOTE = re.compile(r"([^\W\d_]{" + str(MIN_WORD) + r",})(?=[\u201c\u2018])")


def _cache_file(dic: Path) -> Path:
    from platformdirs import user_cache_dir

    st = dic.stat()
    name = f"{dic.stem}-{st.st_size}-{st.st_mtime_ns}-pyphen{pyphen.__version__}-shared.marshal"
    return Path(user_cache_dir("pressdesk")) / "hyphenation" / name


def _load_patterns(dic: Path) -> pyphen.HyphDict:
    """pyphen's parsed patterns for ``dic``, from the cache folder when possible."""
    try:
        cached = _cache_file(dic)
        patterns, maxlen = marshal.loads(cached.read_bytes())
        return pyphencompat.parsed_dictionary(patterns, maxlen)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    hd = pyphen.HyphDict(dic)
    plain = all(type(v) is int for _, values in hd.patterns.values() for v in values)
    if plain:  # patterns with hyphenation alternatives are not plain data: no cache
        hd.patterns = _shared_values(hd.patterns)
        with contextlib.suppress(OSError):
            from pressdesk.model.files import atomic_write_bytes

            cached.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(cached, marshal.dumps((hd.patterns, hd.maxlen)))
    return hd


def _shared_values(patterns: dict[str, Any]) -> dict[str, Any]:
    """``patterns`` with equal values as one object each (pyphen makes a tuple per pattern)."""
    shared: dict[Any, Any] = {}
    return {key: shared.setdefault(value, value) for key, value in patterns.items()}


@cache
def _pyphen() -> pyphen.Pyphen:
    dic = pyphen.LANGUAGES[LANG]
    return pyphencompat.hyphenator(_load_patterns(Path(dic)), left=2, right=3)


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
