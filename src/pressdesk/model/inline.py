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


# Helpers for the editor (engineer U): edits of the text, cutting and joining blocks,
# and the formatting commands (Strg+B, Strg+I, Strg+K). All offsets are code points.


def text_edit(old: str, new: str, cursor: int | None = None) -> tuple[int, int, int]:
    """The one edit (position, removed, added) that turns ``old`` into ``new``.

    The differing middle is found from both ends. Where that is ambiguous (a letter
    typed next to the same letter), ``cursor`` (the position after the edit) decides:
    "aa" → "aaa" with the cursor at 2 was typed at 1, the end of a bold "a".
    """
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    removed = len(old) - prefix - suffix
    added = len(new) - prefix - suffix
    if cursor is not None:
        at = cursor - added
        if 0 <= at < prefix and old[:at] == new[:at] and old[at + removed :] == new[at + added :]:
            return at, removed, added
    return prefix, removed, added


def edit_marks(marks: Sequence[Mark], old: str, new: str, cursor: int | None = None) -> list[Mark]:
    """``marks`` of ``old`` moved along to ``new`` (see :func:`text_edit`, :func:`shift_marks`).

    A replacement of the same length (a typed ``"`` becoming ``„``, a spelling fix of
    equal length) keeps the formatting character by character.
    """
    if old == new:
        return clip_marks(marks, len(new))
    position, removed, added = text_edit(old, new, cursor)
    if removed == added:
        return clip_marks(marks, len(new))
    return clip_marks(shift_marks(marks, position, removed, added), len(new))


def clip_marks(marks: Iterable[Mark], length: int) -> list[Mark]:
    """Marks cut at the end of a text of ``length`` characters (as given when none reaches
    past it: called on every keystroke, and normalizing is quadratic)."""
    marks = list(marks)
    if all(0 <= m.start < m.end <= length for m in marks):
        return marks
    return normalize_marks(Mark(max(0, m.start), min(m.end, length), m.kind, m.url) for m in marks)


def cut_marks(marks: Iterable[Mark], start: int, end: int) -> list[Mark]:
    """The marks of ``text[start:end]``, counted from its first character (a split block)."""
    out = []
    for m in marks:
        a, b = max(m.start, start), min(m.end, end)
        if b > a:
            out.append(Mark(a - start, b - start, m.kind, m.url))
    return normalize_marks(out)


def join_marks(first: Iterable[Mark], second: Iterable[Mark], offset: int) -> list[Mark]:
    """The marks of two texts joined, the second starting at ``offset`` (a joined block)."""
    moved = [Mark(m.start + offset, m.end + offset, m.kind, m.url) for m in second]
    return normalize_marks([*first, *moved])


def covered(marks: Iterable[Mark], start: int, end: int, kind: MarkKind) -> bool:
    """Whether every character of ``[start, end)`` has a mark of ``kind``."""
    spans = sorted((m.start, m.end) for m in marks if m.kind == kind)
    at = start
    for a, b in spans:
        if a > at:
            break
        at = max(at, b)
    return end > start and at >= end


def remove_marks(marks: Iterable[Mark], start: int, end: int, kind: MarkKind) -> list[Mark]:
    """``marks`` without ``kind`` over ``[start, end)``; a mark reaching out is cut."""
    out = []
    for m in marks:
        if m.kind != kind or m.end <= start or m.start >= end:
            out.append(m)
            continue
        if m.start < start:
            out.append(Mark(m.start, start, m.kind, m.url))
        if m.end > end:
            out.append(Mark(end, m.end, m.kind, m.url))
    return normalize_marks(out)


def toggle_mark(marks: Iterable[Mark], start: int, end: int, kind: MarkKind) -> list[Mark]:
    """Strg+B / Strg+I: a stretch already fully bold loses it, otherwise it all becomes bold."""
    marks = list(marks)
    if end <= start:
        return normalize_marks(marks)
    if covered(marks, start, end, kind):
        return remove_marks(marks, start, end, kind)
    return normalize_marks([*marks, Mark(start, end, kind)])


def links_at(marks: Iterable[Mark], start: int, end: int) -> list[Mark]:
    """The links touching ``[start, end)``; for a cursor (start == end) the link around it."""
    if end <= start:
        return [m for m in marks if m.kind == "link" and m.start <= start < m.end]
    return [m for m in marks if m.kind == "link" and m.start < end and start < m.end]


def set_link(marks: Iterable[Mark], start: int, end: int, url: str) -> list[Mark]:
    """Strg+K: ``[start, end)`` links to ``url``; links it overlapped give way."""
    kept = remove_marks(marks, start, end, "link")
    return normalize_marks([*kept, Mark(start, end, "link", url)]) if end > start else kept


def unlink(marks: Iterable[Mark], start: int, end: int) -> list[Mark]:
    """„Link entfernen“: every link touching the selection (or around the cursor) goes."""
    marks = list(marks)
    gone = links_at(marks, start, end)
    return normalize_marks(m for m in marks if m not in gone)


Opcode = tuple[str, int, int, int, int]  # as difflib's: kind, old[a1:a2], new[b1:b2]


def align_texts(old: str, new: str, reach: int = 64) -> list[Opcode]:
    """How ``new`` is ``old`` rewritten here and there: ``equal``, ``replace``, ``insert``
    and ``delete`` stretches in order (difflib's opcodes).

    Made for texts that mostly agree (typography applied, the plain text a browser puts
    next to its HTML): one walk along both; a differing character is taken as replaced
    when the next ones agree again, else difflib aligns the next ``2 * reach``
    characters of both up to where three characters agree again. Linear for such
    texts, where difflib on the whole is quadratic (14,000 characters: 9 s); texts that
    keep disagreeing end in one ``replace`` (not worth a search).
    """
    from difflib import SequenceMatcher

    ops: list[Opcode] = []

    def add(kind: str, a1: int, a2: int, b1: int, b2: int) -> None:
        if a1 == a2 and b1 == b2:
            return
        if ops and ops[-1][0] == kind and ops[-1][2] == a1 and ops[-1][4] == b1:
            ops[-1] = (kind, ops[-1][1], a2, ops[-1][3], b2)
        else:
            ops.append((kind, a1, a2, b1, b2))

    def small(a2: int, b2: int) -> None:  # a short stretch from (i, j), best alignment
        a, b = old[i:a2], new[j:b2]
        opcodes: Sequence[Opcode]
        if len(a) * len(b) <= 4096:
            opcodes = _lcs_opcodes(a, b)
        else:
            opcodes = SequenceMatcher(None, a, b, False).get_opcodes()
        for kind, a1, a2_, b1, b2_ in opcodes:
            add(kind, i + a1, i + a2_, j + b1, j + b2_)

    i = j = 0
    n, m = len(old), len(new)
    misses = 16  # texts that keep disagreeing are not searched through
    while i < n and j < m and misses:
        if old[i : i + 32] == new[j : j + 32]:  # agreeing text goes by in steps
            step = min(32, n - i, m - j)
            add("equal", i, i + step, j, j + step)
            i, j = i + step, j + step
            continue
        if old[i] == new[j]:
            add("equal", i, i + 1, j, j + 1)
            i, j = i + 1, j + 1
            continue
        if old[i + 1 : i + 2] == new[j + 1 : j + 2] != "":  # one character for another
            add("replace", i, i + 1, j, j + 1)
            i, j = i + 1, j + 1
            continue
        a_end, b_end = min(n, i + 2 * reach), min(m, j + 2 * reach)
        if a_end == n and b_end == m:  # the rest of both: difflib aligns it all
            small(n, m)
            i, j = n, m
            break
        window = SequenceMatcher(None, old[i:a_end], new[j:b_end], False)
        anchor = next((b for b in window.get_matching_blocks() if b.size >= 3), None)
        if anchor is None:
            misses -= 1
            add("replace", i, i + 1, j, j + 1)
            i, j = i + 1, j + 1
            continue
        small(i + anchor.a, j + anchor.b)
        i, j = i + anchor.a, j + anchor.b
    if i < n or j < m:
        add("replace" if i < n and j < m else "delete" if i < n else "insert", i, n, j, m)
    return ops


def _lcs_opcodes(a: str, b: str) -> list[Opcode]:
    """The opcodes of a longest common subsequence of two short texts (difflib takes the
    longest block first and may pair a dash with a dash across a letter)."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for x in range(n - 1, -1, -1):
        row, below = table[x], table[x + 1]
        for y in range(m - 1, -1, -1):
            row[y] = below[y + 1] + 1 if a[x] == b[y] else max(below[y], row[y + 1])
    ops: list[Opcode] = []
    x = y = 0
    while x < n or y < m:
        if x < n and y < m and a[x] == b[y] and table[x][y] == table[x + 1][y + 1] + 1:
            kind, x2, y2 = "equal", x + 1, y + 1
        elif y < m and (x == n or table[x][y + 1] >= table[x + 1][y]):
            kind, x2, y2 = "insert", x, y + 1
        else:
            kind, x2, y2 = "delete", x + 1, y
        last = ops[-1] if ops else None
        if (
            last is not None
            and last[2] == x
            and last[4] == y
            and (last[0] == kind or "equal" not in (last[0], kind))
        ):
            merged = kind if last[0] == kind else "replace"
            ops[-1] = (merged, last[1], x2, last[3], y2)
        else:
            ops.append((kind, x, x2, y, y2))
        x, y = x2, y2
    return ops


def carry_marks(old: str, new: str, marks: Iterable[Mark]) -> list[Mark]:
    """``marks`` of ``old`` carried over to ``new``, a rewrite of it in several places.

    Typography applied to pasted text (``"`` → „, ``--`` → –, `` - `` → `` – ``) or the
    plain text a browser puts next to its HTML changes a text here and there, and not
    always by the same length. The two texts are aligned (:func:`align_texts`): a kept
    character keeps its formatting, a replaced stretch takes what all the characters it
    replaces had in common (``--`` both bold: the dash is bold), inserted characters take
    what both neighbours share, removed ones take their formatting with them.
    """
    marks = list(marks)
    if old == new or not marks:
        return clip_marks(marks, len(new)) if marks else []
    at, removed, _ = text_edit(old, new)
    if not any(at <= b <= at + removed for m in marks for b in (m.start, m.end)):
        return edit_marks(marks, old, new)  # one stretch, all of one format: a shift
    Style = frozenset[tuple[str, str]]
    before: list[Style] = [frozenset()] * len(old)
    for m in marks:
        for i in range(max(m.start, 0), min(m.end, len(old))):
            before[i] = before[i] | {(m.kind, m.url)}
    after: list[Style | None] = [None] * len(new)
    for op, a1, a2, b1, b2 in align_texts(old, new):
        if op == "equal" or (op == "replace" and a2 - a1 == b2 - b1):
            after[b1:b2] = before[a1:a2]
        elif op == "replace":
            common = frozenset.intersection(*before[a1:a2])
            after[b1:b2] = [common] * (b2 - b1)
    for i, style in enumerate(after):  # inserted: what the neighbours share
        if style is None:
            left = after[i - 1] if i > 0 else None
            right = next((s for s in after[i + 1 :] if s is not None), None)
            sides = [s for s in (left, right) if s is not None]
            after[i] = frozenset.intersection(*sides) if sides else frozenset()
    out: list[Mark] = []
    for kind, url in {pair for style in after if style for pair in style}:
        start = None
        for i, style in enumerate([*after, frozenset()]):
            inside = style is not None and (kind, url) in style
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                out.append(Mark(start, i, kind, url))  # type: ignore[arg-type]
                start = None
    return normalize_marks(out)
