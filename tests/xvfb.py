"""A throw-away X server for tests that need a real X11 window (Xvfb, display chosen by Xvfb)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

needs_xvfb = pytest.mark.skipif(
    shutil.which("Xvfb") is None, reason="needs Xvfb (scripts/system-packages.sh)"
)


@contextmanager
def xvfb_display() -> Iterator[str]:
    """Start Xvfb on a free display and yield its name (":N"); stop it afterwards."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_editor_script_on_x11(script: str, user_folder: os.PathLike[str]) -> str:
    """Run ``script`` (Python) as the editor would run on an X11 desktop; its output."""
    with xvfb_display() as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env["PRESSDESK_DATA_DIR"] = os.fspath(user_folder)
        result = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, timeout=120
        )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout.decode("utf-8", "replace")
