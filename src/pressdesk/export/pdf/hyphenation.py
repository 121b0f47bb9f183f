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
user's cache folder (:func:`_load_patterns`, ``marshal``: plain data, no code), named
after the dictionary file's size and time and pyphen's version, split into groups by
their first three letters; an export decodes only the groups its words need
(:class:`~pressdesk.export.pdf.pyphencompat.ChunkedHyphDict`: about 12,000 of the
66,000 patterns for the reference release, some 12 ms of CPU instead of 100 on the busy
test machine). A missing or unusable cache just means parsing again.
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from pathlib import Path

import pyphen

from pressdesk.export.pdf import pyphencompat

LANG = "de_DE"
MIN_WORD = 5
SHY = "\u00ad"
_CACHE_KIND = f"pressdesk-hyphenation-groups-{pyphencompat.GROUP}"

# A run of letters directly followed by a German closing quote.
_BEFORE_CLOSING_QUOTE = re.compile(r"([^\W\d_]{" + str(MIN_WORD) + r",})(?=[\u201c\u2018])")


def _cache_file(dic: Path) -> Path:
    from pressdesk import cachefiles

    st = dic.stat()
    key = f"{st.st_size}|{st.st_mtime_ns}|pyphen {pyphen.__version__}"
    # named after the file's path: two installations side by side keep one file each
    return cachefiles.cache_file("hyphenation", str(dic), key, ".groups.marshal")


def _load_patterns(dic: Path) -> pyphen.HyphDict:
    """pyphen's parsed patterns for ``dic``, from the cache folder when possible."""
    try:
        cached = _cache_file(dic)
        kind, chunks, maxlen = marshal.loads(cached.read_bytes())
        if kind != _CACHE_KIND or not isinstance(chunks, dict) or not isinstance(maxlen, int):
            raise ValueError(kind)
        return pyphencompat.ChunkedHyphDict(chunks, maxlen)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    hd = pyphen.HyphDict(dic)
    plain = all(type(v) is int for _, values in hd.patterns.values() for v in values)
    if plain:  # patterns with hyphenation alternatives are not plain data: no cache
        from pressdesk import cachefiles

        blob = (_CACHE_KIND, pyphencompat.chunked(hd.patterns), hd.maxlen)
        cachefiles.keep(cached, marshal.dumps(blob))
    return hd


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
