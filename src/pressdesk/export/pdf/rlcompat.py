"""Two workarounds for reportlab's line breaking, applied once by :func:`install`.

1. reportlab breaks a URL after a slash only if it starts with a scheme
   ("https://"); the addresses we show ("www.land.nrw/…") would be cut at any
   letter. :func:`_uri_split_pairs` also offers the slashes of addresses that start
   with "www." and of the rest of an address already broken once (two or more
   slashes), but not of "2026/27" or "90/Die".
2. When reportlab splits an overlong URL at a slash, it marks the rest as an
already-split word, and an already-split word is never split again: a URL longer
than two lines then runs off the page. :func:`install` wraps reportlab's
``_hyphenateWord`` so that a remainder still wider than a line stays an ordinary
word, which reportlab's long-word splitting then breaks to fit. Everything else
is unchanged. Tests (``test_long_words_and_urls_wrap_inside_the_page``) catch a
reportlab release that renames or changes the function.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _rl

_installed = False
_WWW = re.compile(r"^(www\.|[\w-]+(\.[\w-]+)+/)", re.I)


def _slash_pairs(token: str) -> list[tuple[str, str]]:
    """(head, tail) splits after each slash, the longest head first."""
    pairs = []
    i = token.find("/", 1)
    while 0 < i < len(token) - 1:
        pairs.append((token[: i + 1], token[i + 1 :]))
        i = token.find("/", i + 1)
    return pairs[::-1]


def _url_like(token: str) -> bool:
    return bool(_WWW.match(token)) or (token.count("/") >= 2 and len(token) >= 20)


def install() -> None:
    global _installed
    if _installed:
        return
    original = getattr(_rl, "_hyphenateWord", None)
    uri_pairs = getattr(_rl, "_uri_split_pairs", None)
    if original is None or uri_pairs is None:
        return

    def split_pairs(uri: Any) -> Any:
        pairs = uri_pairs(uri)
        if pairs is None and isinstance(uri, str) and _url_like(uri):
            return _slash_pairs(uri) or None
        return pairs

    def hyphenate_word(
        hyphenator: Any,
        fontName: str,
        fontSize: float,
        w: str,
        ww: float,
        newWidth: float,
        maxWidth: float,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        result = original(
            hyphenator, fontName, fontSize, w, ww, newWidth, maxWidth, *args, **kwargs
        )
        if result and len(result) == 2 and isinstance(result[1], str):
            tail = result[1]
            if stringWidth(tail, fontName, fontSize) > maxWidth:
                result[1] = str(tail)
        return result

    _rl._hyphenateWord = hyphenate_word
    _rl._uri_split_pairs = split_pairs
    _installed = True
