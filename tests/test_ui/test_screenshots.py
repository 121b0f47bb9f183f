"""Screenshots of the main window at 1280×800 for a person to look at.

Written to the test's temporary folder and to ``test-output/ui/`` (gitignored).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pressdesk.ui import fileops

OUTPUT = Path(__file__).resolve().parents[2] / "test-output" / "ui"


def shoot(window: Any, tmp_path: Path, name: str) -> Path:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    image = window.grab()
    assert image.width() >= 1200
    target = tmp_path / f"{name}.png"
    assert image.save(str(target))
    image.save(str(OUTPUT / f"{name}.png"))
    return target


def test_screenshots(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    window = make_window(preview=True, spelling=True)
    window.resize(1280, 800)
    qtbot.waitUntil(
        lambda: window.preview.pages > 0 or "nicht" in window.preview.status.text(), timeout=30000
    )
    qtbot.wait(300)
    assert shoot(window, tmp_path, "sample").stat().st_size > 10_000
    bar = window.form_scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.wait(100)
    shoot(window, tmp_path, "sample-closing")
    bar.setValue(0)

    with qtbot.waitSignal(window.preview.rendered, timeout=30000):
        window.doc.set_value("headline", "")
        window.doc.set_value("header.reference", "Nr 12")
        window.doc.set_value("pressOffice.email", "presse(at)stk.nrw.de")
        window.doc.set_value("body[1].text", "Der Minister sagte: „Wir handeln“")
        window.doc.set_value("furtherInformation[0].url", "www.mkffi.nrw")
    window.validate_now()
    assert window.problems
    window.focus_problem(window.problems[0].path)
    qtbot.wait(200)
    shoot(window, tmp_path, "problems")

    fileops.new(window)
    window.validate_now()
    qtbot.wait(500)
    shoot(window, tmp_path, "empty")
