"""Inline formatting of running text: bold, italic and links inside a paragraph or quote.

A block's ``text`` stays the plain text the press officer typed (search, spelling,
word counts, the word diff and the approval hash all read it unchanged); its
``marks`` say which stretches are bold (``strong``), italic (``emphasis``) or a link
(``link`` with a ``url``). Offsets count Unicode code points of ``text`` (Python string
indices; Qt's positions are UTF-16 and must be converted in the UI).

:func:`normalize_marks` gives the one stored form of a set of marks (sorted, same-kind
neighbours merged, empty ones dropped), so that the same formatting always has the same
canonical JSON and hash. :func:`split_runs` cuts a text into the runs a renderer sets.
:func:`shift_marks` moves marks along with an edit of the text.

Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Literal

MarkKind = Literal["strong", "emphasis", "link"]
MARK_KINDS: tuple[MarkKind, ...] = ("strong", "emphasis", "link")

# Block types whose ``text`` may carry marks.
FORMATTED_BLOCKS: tuple[str, ...] = ("paragraph", "quote")


@dataclass(frozen=True, order=True)
class Mark:
    """Bold, italic or a link over ``text[start:end]``."""

    start: int
    end: int
    kind: MarkKind
    url: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "type": self.kind}
        if self.kind == "link":
            out["url"] = self.url
        return out


@dataclass(frozen=True)
class Run:
    """A stretch of text set the same way."""

    text: str
    strong: bool = False
    emphasis: bool = False
    url: str = ""

    @property
    def plain(self) -> bool:
        return not (self.strong or self.emphasis or self.url)


def normalize_marks(marks: Iterable[Mark]) -> list[Mark]:
    """The one stored form: sorted, empty marks dropped, touching or overlapping marks
    of the same kind (and, for links, the same address) merged into one."""
    out: list[Mark] = []
    for mark in sorted(m for m in marks if m.end > m.start):
        for i, prev in enumerate(out):
            if prev.kind == mark.kind and prev.url == mark.url and mark.start <= prev.end:
                out[i] = Mark(prev.start, max(prev.end, mark.end), prev.kind, prev.url)
                break
        else:
            out.append(mark)
    return sorted(out)


def split_runs(text: str, marks: Sequence[Mark]) -> list[Run]:
    """``text`` cut at every mark boundary; each run knows its bold, italic and link.

    Marks reaching past the end of the text are cut at its end; a text without marks is
    one plain run (none for an empty text).
    """
    size = len(text)
    cuts = {0, size}
    for m in marks:
        cuts.add(min(max(m.start, 0), size))
        cuts.add(min(max(m.end, 0), size))
    points = sorted(cuts)
    runs: list[Run] = []
    for a, b in pairwise(points):
        if a == b:
            continue
        active = [m for m in marks if m.start <= a and b <= m.end]
        url = next((m.url for m in active if m.kind == "link"), "")
        run = Run(
            text[a:b],
            strong=any(m.kind == "strong" for m in active),
            emphasis=any(m.kind == "emphasis" for m in active),
            url=url,
        )
        if runs and _same_style(runs[-1], run):
            runs[-1] = Run(runs[-1].text + run.text, run.strong, run.emphasis, run.url)
        else:
            runs.append(run)
    return runs


def _same_style(a: Run, b: Run) -> bool:
    return (a.strong, a.emphasis, a.url) == (b.strong, b.emphasis, b.url)


def shift_marks(marks: Sequence[Mark], position: int, removed: int, added: int) -> list[Mark]:
    """Marks after replacing ``removed`` characters at ``position`` by ``added`` new ones.

    Text typed inside a mark, or right at the end of a bold or italic stretch, joins it
    (as in a word processor, which continues the format left of the cursor); text typed
    at a mark's start, or right after a link, does not.
    A mark whose text was deleted entirely disappears.
    """
    end_removed = position + removed
    delta = added - removed
    out: list[Mark] = []
    for m in marks:
        if m.start < position:
            start = m.start
        elif m.start >= end_removed:
            start = m.start + delta
        else:
            start = position + added
        if m.end < position or (m.kind == "link" and removed == 0 and m.end == position):
            end = m.end
        elif m.end >= end_removed:
            end = m.end + delta
        else:
            end = position
        out.append(Mark(start, end, m.kind, m.url))
    return normalize_marks(out)


def mark_from_dict(value: dict[str, Any]) -> Mark:
    """A mark from its JSON form; the shape is checked by the caller."""
    kind = value["type"]
    return Mark(int(value["start"]), int(value["end"]), kind, str(value.get("url", "")))
