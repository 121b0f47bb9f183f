"""Keep words apart where reportlab breaks a line.

reportlab drops the space at which it breaks a line, so text read from the PDF
(copy and paste, and a screen reader following the tags) gets "zusätzlicheMittel"
for "zusätzliche⏎Mittel". :func:`with_line_spaces` gives the lines, for drawing
only, an invisible trailing space wherever the source text had whitespace or a
forced line break; lines broken inside a word (hyphenation, an overlong URL) stay
as they are. If the lines cannot be matched to the source, nothing is changed.
"""

from __future__ import annotations

import re
from typing import Any

_WS = re.compile(r"\s+")
_SHY = "\u00ad"


def _source(frags: list[Any]) -> str:
    """The paragraph's text, from its frags or (after wrapping) its frag words."""
    parts: list[str] = []
    for f in frags:
        if isinstance(f, list) and f and isinstance(f[0], (int, float)):
            # a frag word: [width, (frag, text), ...], "HS" classes are followed by a space
            for frag, text in f[1:]:
                parts.append(" " if getattr(frag, "lineBreak", False) else str(text))
            if "HS" in type(f).__name__:
                parts.append(" ")
        else:
            parts.append(" " if getattr(f, "lineBreak", False) else str(getattr(f, "text", "")))
    return _WS.sub(" ", "".join(parts).replace(_SHY, "")).strip()


def _line_text(kind: int, line: Any) -> str:
    if kind == 0:
        return " ".join(str(w) for w in line[1])
    return "".join(str(getattr(f, "text", "")) for f in line.words)


def _breaks_at_space(kind: int, lines: list[Any], source: str) -> list[bool] | None:
    texts = [_WS.sub(" ", _line_text(kind, line).replace(_SHY, "")).strip() for line in lines]
    pos = source.find(texts[0].removesuffix("-")) if texts else -1
    if pos < 0:
        return None
    out = []
    for text in texts[:-1]:
        if source.startswith(text, pos):
            pos += len(text)
        elif text.endswith("-") and source.startswith(text[:-1], pos):
            pos += len(text) - 1  # hyphenated here
        else:
            return None
        spaced = source.startswith(" ", pos)
        out.append(spaced)
        if spaced:
            pos += 1
    return out


def source_text(para: Any) -> str:
    """The whole paragraph's text; a part split off at a page end keeps its original's."""
    return getattr(para, "pd_source", None) or _source(para.frags)


def with_line_spaces(para: Any) -> list[Any] | None:
    """New ``blPara.lines`` with trailing spaces, or None to leave the lines as they are."""
    bl = getattr(para, "blPara", None)
    if bl is None or len(bl.lines) < 2 or bl.kind not in (0, 1):
        return None
    flags = _breaks_at_space(bl.kind, bl.lines, source_text(para))
    if not flags or not any(flags):
        return None
    lines = list(bl.lines)
    for i, spaced in enumerate(flags):
        if not spaced:
            continue
        line = lines[i]
        if bl.kind == 0:
            extra, words = line
            lines[i] = (extra, [*words[:-1], f"{words[-1]} "])
        else:
            words = list(line.words)
            for j in range(len(words) - 1, -1, -1):
                if str(getattr(words[j], "text", "")):
                    words[j] = words[j].clone(text=f"{words[j].text} ")
                    break
            lines[i] = line.clone(words=words)
    return lines
