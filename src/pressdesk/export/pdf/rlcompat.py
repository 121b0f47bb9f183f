"""One workaround for reportlab's line breaking, applied once on import.

When reportlab splits an overlong URL at a slash, it marks the rest as an
already-split word, and an already-split word is never split again: a URL longer
than two lines then runs off the page. :func:`install` wraps reportlab's
``_hyphenateWord`` so that a remainder still wider than a line stays an ordinary
word, which reportlab's long-word splitting then breaks to fit. Everything else
is unchanged. Tests (``test_long_words_and_urls_wrap_inside_the_page``) catch a
reportlab release that renames or changes the function.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import paragraph as _rl

_installed = False


def install() -> None:
    global _installed
    if _installed:
        return
    original = getattr(_rl, "_hyphenateWord", None)
    if original is None:
        return

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
    _installed = True
