"""Formatted paste in figures, by hand.

    .venv/bin/python bench/paste_marks.py [--rounds N]

1. A 14,000-character article pasted from a browser (HTML with bold, text with blank
   lines and straight quotes): the marks of its HTML laid onto its plain text
   (pressdesk.ui.widgets.pasted_marks, alignment pressdesk.model.inline.align_texts)
   against the same with difflib.SequenceMatcher, interleaved, medians in ms.
2. A typed ``"`` or ``--`` in a 3000-character paragraph with 99 marks: the marks follow
   the typography (carry_marks, several places at once) against edit_marks (one edit, the
   earlier way), interleaved, medians in ms per key.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from difflib import SequenceMatcher

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    from pressdesk.model import Mark, load_draft
    from pressdesk.model.inline import carry_marks, edit_marks
    from pressdesk.paths import samples_dir
    from pressdesk.typography import type_as_you_go
    from pressdesk.ui.widgets import html_marks, pasted_marks

    QApplication(sys.argv)
    draft = load_draft(samples_dir() / "presseinformation-2018-07-18.pressdesk")
    paras = [b.text for b in draft.body if b.text] * 4
    html = "".join(f'<p>{p[:20]}<b>{p[20:40]}</b>{p[40:]} "x" -- y</p>' for p in paras)
    text = "\n\n".join(f'{p} "x" -- y' for p in paras)
    data = QMimeData()
    data.setText(text)
    data.setHtml(html)

    def with_difflib() -> None:
        shown, _marks = html_marks(html)
        matcher = SequenceMatcher(None, shown, text, False)
        sum(b.size for b in matcher.get_matching_blocks())

    def timed(work: object) -> float:
        start = time.perf_counter()
        work()  # type: ignore[operator]
        return (time.perf_counter() - start) * 1000

    ours, theirs = [], []
    for _ in range(min(args.rounds, 3)):  # difflib takes seconds a round
        ours.append(timed(lambda: pasted_marks(data, text)))
        theirs.append(timed(with_difflib))
    print(f"Einfügen, {len(text)} Zeichen mit HTML: align_texts {statistics.median(ours):.0f} ms,")
    print(f"  difflib (nur Abgleich) {statistics.median(theirs):.0f} ms")

    paragraph = ("Integration Vielfalt Duisburg Land " * 100)[:2990]
    many = [
        Mark(i * 30, i * 30 + 8, "link" if i % 3 == 0 else "strong", "https://www.land.nrw")
        for i in range(99)
    ]
    keys = [(1500, '"'), (1600, "--")]
    carry, edit = [], []
    for _ in range(args.rounds):
        for at, key in keys:
            typed = paragraph[:at] + key + paragraph[at:]
            new = type_as_you_go(typed)
            carry.append(timed(lambda t=typed, n=new: carry_marks(t, n, many)))
            edit.append(timed(lambda t=typed, n=new, a=at: edit_marks(many, t, n, a + 1)))
    print(
        f"Typografie beim Tippen (3000 Zeichen, 99 Marken): carry_marks "
        f"{statistics.median(carry):.2f} ms, edit_marks {statistics.median(edit):.2f} ms je Taste"
    )


if __name__ == "__main__":
    main()
