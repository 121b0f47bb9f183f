"""Typing in a long paragraph with bold, italic and links: time per key, by hand.

    .venv/bin/python bench/typing_marks.py [--keys N]

Types N letters into the middle of a 3000-character paragraph of the sample (offscreen,
without spell checking and preview) with no marks, 10 marks and 99 marks, and prints the
median milliseconds per key of five runs. The marks move with every key and are painted
as character formats (pressdesk.ui.widgets.TextField.paint_marks).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=100)
    args = parser.parse_args()
    os.environ["PRESSDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="pressdesk-bench-")

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pressdesk.model import Mark
    from pressdesk.ui.app import create_window

    app = QApplication(sys.argv)
    window = create_window(None, "nrw", spelling=False, preview=False)
    window.show()
    QTest.qWaitForWindowExposed(window)
    text = ("Integration Vielfalt Duisburg Land " * 100)[:2990]
    many = [
        Mark(i * 30, i * 30 + 8, "link" if i % 3 == 0 else "strong", "https://www.land.nrw")
        for i in range(99)
    ]

    def per_key(marks: list[Mark]) -> float:
        window.doc.set_values([("body[0].text", text), ("body[0].marks", marks)])
        field = window.body_editor.blocks[0].text
        field.setFocus()
        app.processEvents()
        cursor = field.textCursor()
        cursor.setPosition(1500)
        field.setTextCursor(cursor)
        start = time.perf_counter()
        for _ in range(args.keys):
            QTest.keyClick(field, Qt.Key.Key_X)
        return (time.perf_counter() - start) * 1000 / args.keys

    for name, marks in (("keine Marken", []), ("10 Marken", many[::10]), ("99 Marken", many)):
        runs = [per_key(marks) for _ in range(5)]
        print(f"{name:>13}: {statistics.median(runs):6.2f} ms je Taste")
    window.doc.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
