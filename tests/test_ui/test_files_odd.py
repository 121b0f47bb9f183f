"""Odd files in the editor: a FIFO or a device never freezes it (issue 13, points 6, 7)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from pressdesk.model.files import DraftFileError
from pressdesk.ui import fileops
from pressdesk.ui.app import create_window


def test_starting_with_a_fifo_gives_a_message_not_a_frozen_editor(tmp_path: Path) -> None:
    fifo = tmp_path / "f.pressdesk"
    os.mkfifo(fifo)
    with pytest.raises(DraftFileError, match="Pipe"):
        create_window(fifo, "nrw", spelling=False, preview=False)


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_opening_an_odd_file_is_a_german_error(window: Any, tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        path = tmp_path / "f.pressdesk"
        os.mkfifo(path)
    elif kind == "device":
        path = Path("/dev/zero")
    else:
        path = tmp_path / "ordner.pressdesk"
        path.mkdir()
    assert not fileops.open_file(window, path)
    what, text = window.dialogs.asked[-1]
    assert what == "error"
    assert any(word in text for word in ("Pipe", "Gerät", "Ordner"))
    assert window.doc.path is None
