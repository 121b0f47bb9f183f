"""The user's data folder (recovery files, recent files, personal dictionary).

``PRESSDESK_DATA_DIR`` overrides the platform folder, so tests and portable
installations never touch the real profile.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from pressdesk.model.fileio import UserFileError, read_user_bytes
from pressdesk.model.files import atomic_write_bytes

MAX_RECENT = 8


def data_dir() -> Path:
    override = os.environ.get("PRESSDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from pressdesk.paths import user_folder

        path = user_folder("data", "PressDesk")
    path.mkdir(parents=True, exist_ok=True)
    return path


def recent_files() -> list[Path]:
    try:
        raw = read_user_bytes(data_dir() / "recent.json", 1024 * 1024)
        names = json.loads(raw.decode("utf-8"))
    except (UserFileError, ValueError, RecursionError):
        return []
    if not isinstance(names, list):
        return []
    return [Path(n) for n in names if isinstance(n, str)][:MAX_RECENT]


def add_recent_file(path: Path) -> list[Path]:
    path = path.resolve()
    files = [path] + [p for p in recent_files() if p != path]
    files = files[:MAX_RECENT]
    data = json.dumps([str(p) for p in files], ensure_ascii=False).encode("utf-8")
    with contextlib.suppress(OSError):  # a missing recent list must never stop saving a draft
        atomic_write_bytes(data_dir() / "recent.json", data)
    return files


def first_start() -> bool:
    """True exactly once per user: the first start shows the reference release."""
    marker = data_dir() / "started"
    if marker.exists():
        return False
    with contextlib.suppress(OSError):
        marker.write_text("1\n", encoding="utf-8")
    return True
