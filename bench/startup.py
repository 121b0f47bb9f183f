"""Editor timings and memory, offscreen: start-up, one keystroke, one preview refresh.

    .venv/bin/python bench/startup.py [--runs N] [--window-only] [--before DIR]

The editor's and the bare script's windows are measured alternately (one of each per
round), so a change of load on a shared machine hits both; the load average is printed.

Prints medians and the ratio to the targets of issue 5 (window < 0.8 s,
keystroke path < 5 ms, preview refresh < 150 ms after the pause) and of issue 14:
the window within 2x the time of a bare PySide6 form with a QtPdf preview (the same
script without PressDesk), and at most 150 MB maximum RSS with the sample open and
its preview shown.

``--before DIR`` also starts an older checkout's window in every round (``git archive REV
src schemas resources | tar -x -C DIR``; run through PYTHONPATH), for the ratio of the
change measured under the same load.

Every child starts as on a first start: a fresh user folder and no library (XDG_DATA_HOME
points into it, so the local library does not exist and the editor does not open one),
and with bytecode written as an installed program has it (PYTHONDONTWRITEBYTECODE is
dropped; a first, uncounted run compiles), so the compiler is not measured.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGETS = {"window": 0.8, "keystroke": 0.005, "preview": 0.150}
MAX_RSS_MB = 150

# The yardstick: a bare PySide6 window with a form and a QtPdf view of a small PDF.
BARE = """
import os, resource, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QApplication, QFormLayout, QLineEdit, QMainWindow,
    QPlainTextEdit, QSplitter, QWidget)
app = QApplication(sys.argv[:1])
window = QMainWindow()
splitter = QSplitter()
form = QWidget()
layout = QFormLayout(form)
for name in ("Referenz", "Datum", "Überschrift"):
    layout.addRow(name, QLineEdit())
layout.addRow("Text", QPlainTextEdit())
splitter.addWidget(form)
pdf = QPdfDocument(window)
view = QPdfView()
view.setDocument(pdf)
view.setPageMode(QPdfView.PageMode.MultiPage)
view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
splitter.addWidget(view)
window.setCentralWidget(splitter)
window.resize(1280, 800)
def painted():
    QApplication.processEvents()
    print("SHOWN", flush=True)
    r = resource.getrusage(resource.RUSAGE_SELF)
    print("CPU", r.ru_utime + r.ru_stime, flush=True)
    pdf.load(sys.argv[1])
    QTimer.singleShot(500, done)
def done():
    QApplication.processEvents()
    print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    app.exit(0)
window.show()
QTimer.singleShot(0, painted)
sys.exit(app.exec())
"""

# The editor on first start (the sample), until its preview shows the pages.
EDITOR_RSS = """
import os, resource, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import pressdesk.ui.main_window as mw
from pressdesk.ui.app import run

original = mw.MainWindow.showEvent
def shown(self, event):
    original(self, event)
    def check():
        if self.preview.pages == 0 or self.spell is None or self.spell.dictionary is None:
            QTimer.singleShot(100, check)
            return
        QApplication.processEvents()
        print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
        self.doc.undo_stack.setClean()
        QApplication.instance().exit(0)
    QTimer.singleShot(100, check)
mw.MainWindow.showEvent = shown
sys.exit(run(None, "nrw"))
"""

CHILD = """
import os, resource, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pressdesk.ui.app import run
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import pressdesk.ui.main_window as mw

original = mw.MainWindow.showEvent
def shown(self, event):
    original(self, event)
    def painted():
        QApplication.processEvents()  # the first paint of the whole window
        print("SHOWN", flush=True)
        r = resource.getrusage(resource.RUSAGE_SELF)
        print("CPU", r.ru_utime + r.ru_stime, flush=True)
        QApplication.instance().exit(0)
    QTimer.singleShot(0, painted)
mw.MainWindow.showEvent = shown
sys.exit(run(None, "nrw"))
"""


def first_start_env() -> dict[str, str]:
    """The environment of a first start: fresh user folder, no library, bytecode kept."""
    folder = tempfile.mkdtemp(prefix="pressdesk-bench-")
    env = dict(os.environ, PRESSDESK_DATA_DIR=folder, XDG_DATA_HOME=folder)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PRESSDESK_STORE", None)
    env.setdefault("PRESSDESK_USER", "bench")
    return env


def child_output(
    code: str, *args: str, before: str | None = None
) -> tuple[float | None, dict[str, float]]:
    """Run ``code``; seconds until it printed SHOWN, and the other values it printed."""
    env = first_start_env()
    if before is not None:
        env["PYTHONPATH"] = os.path.join(before, "src")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert proc.stdout is not None
    shown, values = None, {}
    for line in proc.stdout:
        name, _, value = line.strip().partition(" ")
        if name == "SHOWN" and shown is None:
            shown = time.perf_counter() - start
        elif value:
            values[name] = float(value)
    proc.wait()
    return shown, values


def reference_pdf() -> str:
    """The reference release as PDF, for the bare script's QtPdf view."""
    from pressdesk.export.pdf import render_pdf
    from pressdesk.model import load_draft
    from pressdesk.paths import reference_sample

    pdf = os.path.join(tempfile.mkdtemp(prefix="pressdesk-bench-"), "referenz.pdf")
    with open(pdf, "wb") as fh:
        fh.write(render_pdf(load_draft(reference_sample())))
    return pdf


def bare_script(runs: int) -> tuple[list[float], list[float], list[float]]:
    """Window times, CPU seconds to the window and max RSS (MB) of the bare script."""
    pdf = reference_pdf()
    times, cpu, rss = [], [], []
    for _ in range(runs):
        shown, values = child_output(BARE, pdf)
        if shown is not None:
            times.append(shown)
        if "CPU" in values:
            cpu.append(values["CPU"])
        if "RSS" in values:
            rss.append(values["RSS"] / 1024)
    return times, cpu, rss


def editor_rss(runs: int) -> list[float]:
    """Max RSS (MB) of the editor with the sample open, previewed and spell-checked."""
    found = []
    for _ in range(runs):
        _, values = child_output(EDITOR_RSS)
        if "RSS" in values:
            found.append(values["RSS"] / 1024)
    return found


def window_start(runs: int) -> tuple[list[float], list[float]]:
    """Seconds until the editor's window is painted, and the CPU seconds it took."""
    times, cpu = [], []
    for _ in range(runs):
        # A fresh user folder each time: the first start is the one with the sample.
        shown, values = child_output(CHILD)
        if shown is not None:
            times.append(shown)
        if "CPU" in values:
            cpu.append(values["CPU"])
    return times, cpu


def in_process(runs: int) -> dict[str, list[float]]:
    os.environ["PRESSDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="pressdesk-bench-")
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    from pressdesk.ui.app import create_window

    window = create_window(None, "nrw", spelling=False, preview=False)
    window.show()
    app.processEvents()
    window.validate_now()
    keys = []
    # The headline, and the end of the longest body paragraph (the heaviest field).
    for field in (window.text_form.headline, window.body_editor.blocks[-1].text):
        field.setFocus()
        field.moveCursor(field.textCursor().MoveOperation.End)
        for i in range(runs * 20):
            key = Qt.Key.Key_A if i % 2 == 0 else Qt.Key.Key_Backspace
            start = time.perf_counter()
            QTest.keyClick(field, key)
            window.validate_now()
            keys.append(time.perf_counter() - start)

    preview = window.preview
    preview._active = True
    # Typing while a render runs in its thread: the UI thread must still answer quickly.
    busy_keys = []
    field = window.body_editor.blocks[-1].text
    field.setFocus()
    for i in range(runs * 10):
        if not preview._busy:
            preview.refresh_now()
        start = time.perf_counter()
        QTest.keyClick(field, Qt.Key.Key_A if i % 2 == 0 else Qt.Key.Key_Backspace)
        busy_keys.append(time.perf_counter() - start)
        QTest.qWait(5)
    while preview._busy:
        QTest.qWait(10)
    renders = []
    for i in range(runs):
        window.doc.set_value("subheadline", f"Lauf {i}")
        loop = QEventLoop()
        preview.rendered.connect(loop.quit)
        start = time.perf_counter()
        preview.refresh_now()
        loop.exec()
        preview.rendered.disconnect(loop.quit)
        renders.append(time.perf_counter() - start)
    spell_keys: list[float] = []
    from pressdesk.ui.dictionary import dictionary_available

    if dictionary_available():
        window.start_spelling()
        while window.spell.dictionary is None or not window.spell._queue.empty():
            QTest.qWait(50)
        field = window.body_editor.blocks[-1].text
        field.setFocus()
        for i in range(runs * 20):
            start = time.perf_counter()
            QTest.keyClick(field, Qt.Key.Key_A if i % 2 == 0 else Qt.Key.Key_Backspace)
            window.validate_now()
            spell_keys.append(time.perf_counter() - start)
            QTest.qWait(2)
    return {
        "keys": keys,
        "busy": busy_keys,
        "spell": spell_keys,
        "renders": renders[1:] if len(renders) > 1 else renders,
    }


def report(name: str, values: list[float], target: float) -> None:
    if not values:
        print(f"{name:<34} (not measured)")
        return
    median = statistics.median(values)
    print(
        f"{name:<34} median {median * 1000:8.1f} ms   target {target * 1000:6.0f} ms   "
        f"ratio {median / target:5.2f}   (n={len(values)}, min {min(values) * 1000:.1f} ms)"
    )


def window_and_bare(
    runs: int, before: str | None = None
) -> tuple[list[float], list[float], list[float], list[float], list[float], list[float]]:
    """The editor's window and the bare script's (and an older checkout's), one after the
    other in every round: on a shared machine the load changes, and all see the same in a
    round."""
    pdf = reference_pdf()
    editor, editor_cpu, bare, bare_cpu = [], [], [], []
    old: list[float] = []
    old_cpu: list[float] = []
    for _ in range(runs):
        if before is not None:
            shown, values = child_output(CHILD, before=before)
            if shown is not None:
                old.append(shown)
            if "CPU" in values:
                old_cpu.append(values["CPU"])
        shown, values = child_output(CHILD)
        if shown is not None:
            editor.append(shown)
        if "CPU" in values:
            editor_cpu.append(values["CPU"])
        shown, values = child_output(BARE, pdf)
        if shown is not None:
            bare.append(shown)
        if "CPU" in values:
            bare_cpu.append(values["CPU"])
    return editor, editor_cpu, bare, bare_cpu, old, old_cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--window-only", action="store_true", help="only window and memory")
    parser.add_argument("--before", help="an older checkout's folder, run alongside")
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    window_start(1)  # compiles what has no bytecode yet; not counted
    if args.before is not None:
        child_output(CHILD, before=args.before)  # the same for the older checkout
    editor, editor_cpu, bare, bare_cpu, old, old_cpu = window_and_bare(args.runs, args.before)
    report("process start -> window shown", editor, TARGETS["window"])
    report("bare PySide6 + QtPdf script", bare, TARGETS["window"])
    if editor and bare:
        ratio = statistics.median(editor) / statistics.median(bare)
        fastest = min(editor) / min(bare)  # steadier than the median on a busy machine
        print(f"{'':<34} editor / bare script: {ratio:.2f}x (goal <= 2x)")
        print(f"{'':<34} fastest runs: {fastest:.2f}x")
    if editor_cpu and bare_cpu:
        # CPU seconds until the window is painted: what a busy machine does not stretch
        e, b = statistics.median(editor_cpu), statistics.median(bare_cpu)
        print(
            f"{'CPU to the window (user+sys)':<34} editor {e * 1000:.0f} ms, bare {b * 1000:.0f} ms"
        )
        print(f"{'':<34} editor / bare script: {e / b:.2f}x")
        if len(editor_cpu) == len(bare_cpu):  # each round's own ratio: steadier under load
            paired = statistics.median(x / y for x, y in zip(editor_cpu, bare_cpu, strict=True))
            print(f"{'':<34} paired by round (median): {paired:.2f}x")
    if old and old_cpu and bare and bare_cpu:
        o, oc = statistics.median(old), statistics.median(old_cpu)
        print(
            f"{'before (older checkout)':<34} window {o * 1000:.0f} ms, CPU {oc * 1000:.0f} ms; "
            f"/ bare: {o / statistics.median(bare):.2f}x wall, "
            f"{oc / statistics.median(bare_cpu):.2f}x CPU"
        )
        if len(old_cpu) == len(editor_cpu):
            change = statistics.median(x / y for x, y in zip(editor_cpu, old_cpu, strict=True))
            print(f"{'':<34} CPU now / before, paired by round (median): {change:.2f}x")
    rss = editor_rss(max(1, args.runs // 2))
    _, _, bare_rss = bare_script(1)
    if rss and bare_rss:
        print(
            f"{'max RSS, sample open + preview':<34} {statistics.median(rss):8.1f} MB   "
            f"goal {MAX_RSS_MB} MB   bare script {statistics.median(bare_rss):.1f} MB"
        )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.window_only:
        return
    found = in_process(args.runs)
    report("keystroke -> validated + marked", found["keys"], TARGETS["keystroke"])
    report("keystroke with spell checking", found["spell"], TARGETS["keystroke"])
    report("keystroke while preview renders", found["busy"], TARGETS["keystroke"])
    print(f"{'':<34} worst {max(found['busy']) * 1000:.1f} ms")
    report("preview refresh (render + load)", found["renders"], TARGETS["preview"])


if __name__ == "__main__":
    main()
