"""A word-level diff between two versions of a draft, field by field.

"What changed since I last saw it": for every field whose text differs, one line
with the field path and the text in which removed words are marked ``[-…-]`` and
added words ``{+…+}`` (the notation of ``git diff --word-diff``). A change of bold,
italic or links (the ``marks`` of a paragraph or quote) is one more line for the
block's text field ``body[i].text`` (where the editor shows it) saying in German what
changed: „Formatierung geändert: „Serap Güler“ fett“.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from pressdesk.model import Block, Draft
from pressdesk.model.inline import Mark
from pressdesk.store.canonical import texts

_TOKEN = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class Change:
    """One changed field: its path and the pieces ("=", "-", "+", text).

    A formatting change has one piece ("*", German description): shown as it is,
    neither inserted nor deleted text.
    """

    path: str
    pieces: tuple[tuple[str, str], ...]

    def marked(self, context: int | None = None) -> str:
        """The changed text with ``[-removed-]`` and ``{+added+}``; with ``context``, long
        unchanged stretches are cut to that many words on each side of a change ("…")."""
        out = []
        last = len(self.pieces) - 1
        for i, (op, text) in enumerate(self.pieces):
            if op == "=":
                out.append(_trim(text, context, keep_head=i > 0, keep_tail=i < last))
            elif op == "*":
                out.append(text)
            elif op == "-":
                out.append(f"[-{text}-]")
            else:
                out.append(f"{{+{text}+}}")
        return "".join(out)


def _trim(text: str, context: int | None, keep_head: bool, keep_tail: bool) -> str:
    if context is None:
        return text
    words = _TOKEN.findall(text)
    n = 2 * context  # tokens: a word and the space after it
    if len(words) <= (n if keep_head else 0) + (n if keep_tail else 0) + 2:
        return text
    head = "".join(words[:n]) if keep_head else ""
    tail = "".join(words[-n:]) if keep_tail else ""
    return f"{head}…{tail}"


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
    changes = [
        Change(path, diff_text(a.get(path, ""), b.get(path, "")))
        for path in paths
        if a.get(path, "") != b.get(path, "")
    ]
    for i in range(max(len(old.body), len(new.body))):
        before = _formatting(old.body[i].text, old.body[i].marks) if i < len(old.body) else []
        after = _formatting(new.body[i].text, new.body[i].marks) if i < len(new.body) else []
        note = _formatting_note(before, after)
        if note:
            changes.append(Change(f"body[{i}].text", (("*", note),)))
        changes.extend(_item_formatting(old.body[i : i + 1], new.body[i : i + 1], i))
    return sorted(changes, key=lambda c: _order(c, paths))


_FORMATTING = "Formatierung geändert: "
_KIND_ON = {"strong": "fett", "emphasis": "kursiv", "link": "als Link"}
_KIND_OFF = {"strong": "nicht mehr fett", "emphasis": "nicht mehr kursiv", "link": "kein Link mehr"}


def _item_formatting(old: list[Block], new: list[Block], i: int) -> list[Change]:
    """„Formatierung geändert“ for each list item of block ``i`` whose marks changed."""

    def items(blocks: list[Block]) -> list[tuple[str, list[Mark]]]:
        return [(t, b.marks_of_item(j)) for b in blocks for j, t in enumerate(b.items)]

    before, after = items(old), items(new)
    out = []
    for j in range(max(len(before), len(after))):
        a = _formatting(*before[j]) if j < len(before) else []
        b = _formatting(*after[j]) if j < len(after) else []
        note = _formatting_note(a, b)
        if note:
            out.append(Change(f"body[{i}].items[{j}]", (("*", note),)))
    return out


def _formatting(text: str, marks: list[Mark]) -> list[tuple[str, str, str]]:
    """What is formatted how, by the words it covers: (kind, url, words)."""
    return [(m.kind, m.url, text[m.start : m.end]) for m in marks]


def _shown(words: str) -> str:
    words = " ".join(words.split())
    return words if len(words) <= 60 else f"{words[:59]}…"


def _formatting_note(before: list[tuple[str, str, str]], after: list[tuple[str, str, str]]) -> str:
    """'Formatierung geändert: „Serap Güler“ fett; „Programm“ kein Link mehr' ('' if same)."""
    added = [f for f in after if f not in before]
    removed = [f for f in before if f not in after]
    if not added and not removed:
        return ""
    notes = []
    for kind, url, words in added:
        target = f" auf {url}" if kind == "link" else ""
        notes.append(f"„{_shown(words)}“ {_KIND_ON[kind]}{target}")
    for kind, url, words in removed:
        target = f" ({url})" if kind == "link" else ""
        notes.append(f"„{_shown(words)}“ {_KIND_OFF[kind]}{target}")
    return _FORMATTING + "; ".join(notes)


def formatting_only(changes: list[Change]) -> str:
    """For changes of formatting alone, one line of all of them („Formatierung geändert:
    „Serap Güler“ fett; „Programm“ kursiv“); "" if any words changed (or nothing did)."""
    if not changes or any(len(c.pieces) != 1 or c.pieces[0][0] != "*" for c in changes):
        return ""
    notes = [c.pieces[0][1].removeprefix(_FORMATTING) for c in changes]
    return _FORMATTING + "; ".join(notes)


def _order(change: Change, paths: list[str]) -> tuple[int, int]:
    """Form order; a block's formatting right after the change of its words."""
    rank = paths.index(change.path) if change.path in paths else len(paths)
    return (rank, 1 if change.pieces[:1] and change.pieces[0][0] == "*" else 0)
