"""What the spelling tests share: the skip mark without a dictionary, a window whose
dictionary is loaded, and the words a field shows underlined."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextCharFormat

from pressdesk.ui.dictionary import dictionary_available

needs_dictionary = pytest.mark.skipif(
    not dictionary_available(), reason="kein deutsches Wörterbuch (libenchant-2-2, hunspell-de-de)"
)


def spelling_window(qtbot: Any, make_window: Any, *args: Any) -> Any:
    """``make_window(*args, spelling=True)``, once its dictionary is loaded."""
    window = make_window(*args, spelling=True)
    qtbot.waitUntil(
        lambda: window.spell is not None and window.spell.dictionary is not None, timeout=20000
    )
    return window


def underlined(field: Any) -> list[str]:
    """The words of ``field`` drawn with the spell checker's red line, in order."""
    words = []
    block = field.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                words.append(block.text()[r.start : r.start + r.length])
        block = block.next()
    return words
