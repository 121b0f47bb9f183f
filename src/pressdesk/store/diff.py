"""A word-level diff between two versions of a draft, field by field.

"What changed since I last saw it": for every field whose text differs, one line
with the field path and the text in which removed words are marked ``[-…-]`` and
added words ``{+…+}`` (the notation of ``git diff --word-diff``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from pressdesk.model import Draft
from pressdesk.store.canonical import texts

_TOKEN = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class Change:
    """One changed field: its path and the pieces ("=", "-", "+", text)."""

    path: str
    pieces: tuple[tuple[str, str], ...]

    def marked(self) -> str:
        out = []
        for op, text in self.pieces:
            if op == "=":
                out.append(text)
            elif op == "-":
                out.append(f"[-{text}-]")
            else:
                out.append(f"{{+{text}+}}")
        return "".join(out)


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def diff_text(old: str, new: str) -> tuple[tuple[str, str], ...]:
    a, b = _words(old), _words(new)
    # runs of ("=", text) or ("~", removed, added); a change separated from the next
    # change only by a space is one change, so a rewritten phrase reads as one.
    runs: list[list[str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(["=", "".join(a[i1:i2])])
        else:
            runs.append(["~", "".join(a[i1:i2]), "".join(b[j1:j2])])
    merged: list[list[str]] = []
    i = 0
    while i < len(runs):
        run = runs[i]
        if (
            run[0] == "="
            and not run[1].strip()
            and merged
            and merged[-1][0] == "~"
            and i + 1 < len(runs)
            and runs[i + 1][0] == "~"
        ):
            nxt = runs[i + 1]
            merged[-1][1] += run[1] + nxt[1]
            merged[-1][2] += run[1] + nxt[2]
            i += 2
            continue
        merged.append(list(run))
        i += 1
    pieces: list[tuple[str, str]] = []
    for run in merged:
        if run[0] == "=":
            pieces.append(("=", run[1]))
            continue
        if run[1]:
            pieces.append(("-", run[1]))
        if run[2]:
            pieces.append(("+", run[2]))
    return tuple(pieces)


def diff_drafts(old: Draft, new: Draft) -> list[Change]:
    a = dict(texts(old.to_dict()))
    b = dict(texts(new.to_dict()))
    paths = list(a) + [p for p in b if p not in a]
    return [
        Change(path, diff_text(a.get(path, ""), b.get(path, "")))
        for path in paths
        if a.get(path, "") != b.get(path, "")
    ]
