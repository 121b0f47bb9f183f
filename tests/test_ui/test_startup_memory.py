"""Memory the editor keeps after start (issue 14, point 15): structure, never time.

PySide6 checks every module imported after it for the word "PySide6" in its
source; through :mod:`linecache` that kept all sources in memory (11 MB with the
sample validated, previewed and spell-checked). The editor keeps none of them, and
PySide6's answer for each module stays the same.
"""

from __future__ import annotations

import importlib
import linecache
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pressdesk.ui  # noqa: F401  (what the editor imports first)
from pressdesk.ui.importsource import install, source_once


def _feature() -> object:
    return sys.modules["PySide6.support.feature"]


@pytest.fixture
def module_folder(tmp_path: Path) -> Path:
    sys.path.insert(0, str(tmp_path))
    importlib.invalidate_caches()
    yield tmp_path
    sys.path.remove(str(tmp_path))


def test_a_module_imported_after_the_editor_leaves_no_source_lines(module_folder: Path) -> None:
    plain = module_folder / "pressdesk_probe_plain.py"
    plain.write_text("# ein Modul ohne Qt\nVALUE = 'ä'\n" + "X = 1\n" * 2000, encoding="utf-8")
    qt = module_folder / "pressdesk_probe_qt.py"
    qt.write_text("from PySide6.QtCore import QObject\nVALUE = QObject\n", encoding="utf-8")

    __import__("pressdesk_probe_plain")  # an import statement, as the editor does
    __import__("pressdesk_probe_qt")

    assert str(plain) not in linecache.cache
    assert str(qt) not in linecache.cache
    # PySide6 still tells the two apart: -1 "ignore this module", 0 "uses PySide6"
    decided = _feature().pyside_feature_dict  # type: ignore[attr-defined]
    assert decided["pressdesk_probe_plain"] == -1
    assert decided["pressdesk_probe_qt"] == 0


def test_the_check_answers_as_inspect_does(module_folder: Path) -> None:
    import inspect
    import json

    import PySide6.QtCore

    latin = module_folder / "pressdesk_probe_latin.py"
    latin.write_bytes(b"# -*- coding: latin-1 -*-\nNAME = 'Gr\xfc\xdfe PySide6'\n")
    module = importlib.import_module("pressdesk_probe_latin")
    for obj in (json, module):
        assert ("PySide6" in source_once(obj)) == ("PySide6" in inspect.getsource(obj))
    linecache.clearcache()
    with pytest.raises(TypeError):  # a built-in module has no source: PySide6 says "no"
        source_once(sys)
    with pytest.raises((OSError, TypeError)):  # a compiled extension neither
        source_once(PySide6.QtCore)
    source_once(json)
    assert not linecache.cache


def test_installing_twice_changes_nothing() -> None:
    assert install()
    assert install()
    assert _feature().inspect.getsource is source_once  # type: ignore[attr-defined]


@given(st.text(alphabet=st.sampled_from("ab&<>\"'\n\r\t äß\u00ad"), max_size=30))
def test_pdf_export_escapes_as_saxutils_did(text: str) -> None:
    """The preview's exporter no longer imports xml.sax.saxutils (it brings ssl along);
    its escaping is the same."""
    from xml.sax import saxutils

    from pressdesk.export import xmltext

    assert xmltext.escape(text) == saxutils.escape(text)
    assert xmltext.quoteattr(text) == saxutils.quoteattr(text)
