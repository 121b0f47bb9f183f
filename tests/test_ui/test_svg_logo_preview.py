"""A profile with an SVG logo chosen while the editor runs: the preview's worker thread
imports nothing for it (a first import there can crash PySide, see pressdesk.ui.workers)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from pressdesk.profile import load_profile
from tests.test_profile.test_svg_logo import GOOD
from tests.test_ui.test_crashes import run_child


def test_preview_worker_imports_nothing_for_an_svg_logo(tmp_path: Path) -> None:
    logo = tmp_path / "wappen.svg"
    logo.write_text(GOOD, encoding="utf-8")
    raw = copy.deepcopy(load_profile("nrw").raw)
    raw.pop("$schema", None)
    raw.update(id="mit-svg", name="Mit SVG-Logo")
    raw["logo"] = {"path": str(logo), "x": 25, "y": 6, "width": 40, "alt": "Wappen"}
    house = tmp_path / "mit-svg.json"
    house.write_text(json.dumps(raw), encoding="utf-8")
    result = run_child(
        f"""
        import sys, threading
        from importlib.abc import MetaPathFinder
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        first_in_worker = []

        class Watch(MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if threading.current_thread() is not threading.main_thread():
                    first_in_worker.append(name)
                return None

        app = QApplication([])
        from pressdesk.ui.app import create_window
        window = create_window(None, "nrw", spelling=False, preview=True)
        window.show()
        while window.preview.pages == 0:
            QTest.qWait(50)
        sys.meta_path.insert(0, Watch())
        rendered = []
        window.preview.rendered.connect(rendered.append)
        window.choose_profile({str(house)!r})  # Datei › Profil
        while not rendered:
            QTest.qWait(50)
        print("PROFILE", window.doc.profile.name, window.preview.status.text())
        print("WORKER", sorted(set(first_in_worker)))
        window.close()
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "PROFILE Mit SVG-Logo Vorschau (Entwurf)" in result.stdout, result.stdout
    assert "WORKER []" in result.stdout, result.stdout
