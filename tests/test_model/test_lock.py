"""The lock beside an open draft (issue 13, point 2), without Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pressdesk.model.lock import DraftLock, lock_path, read_owner


def test_a_second_holder_learns_who_and_since_when(tmp_path: Path) -> None:
    path = tmp_path / "d.pressdesk"
    path.write_text("{}", encoding="utf-8")
    first = DraftLock(path, "a" * 32)
    assert first.acquire() is None and first.held
    line = lock_path(path).read_text(encoding="utf-8")
    assert line.startswith(",") and line.rstrip().endswith(f",{'a' * 32};")
    second = DraftLock(path, "b" * 32)
    owner = second.acquire()
    assert owner is not None and not second.held
    assert owner.session == "a" * 32 and owner.host and owner.since
    assert " auf " in owner.describe() and " seit " in owner.describe()
    first.release()
    assert not lock_path(path).exists()
    assert second.acquire() is None and second.held
    second.release()


def test_the_lock_of_a_crashed_editor_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "d.pressdesk"
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from pressdesk.model.lock import DraftLock\n"
        f"DraftLock(Path({str(path)!r}), 'c' * 32).acquire()\n"
        "os._exit(0)\n"  # no release: as after kill -9
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert read_owner(path).session == "c" * 32
    mine = DraftLock(path, "d" * 32)
    assert mine.acquire() is None
    assert read_owner(path).session == "d" * 32
    mine.release()


def test_a_name_too_long_for_a_prefix_gets_a_short_lock_name(tmp_path: Path) -> None:
    path = tmp_path / ("n" * 245 + ".pressdesk")
    assert len(lock_path(path).name) <= 255
    lock = DraftLock(path, "e" * 32)
    assert lock.acquire() is None and lock.held
    lock.release()
    assert os.listdir(tmp_path) == []
