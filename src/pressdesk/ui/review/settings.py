"""Who the user is and which library they work in: ``review.json`` in the data folder."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
from pathlib import Path
from typing import Any

from pressdesk.model.files import atomic_write_bytes
from pressdesk.ui.userdata import data_dir

FILE = "review.json"
ENV_STORE = "PRESSDESK_STORE"  # as pressdesk.store.backend.ENV_STORE


def load() -> dict[str, Any]:
    try:
        data = json.loads((data_dir() / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(**values: Any) -> None:
    data = load()
    data.update(values)
    raw = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    with contextlib.suppress(OSError):  # a missing setting must never stop the editor
        atomic_write_bytes(data_dir() / FILE, raw)


def login_name() -> str:
    """The default display name: PRESSDESK_USER, else the OS login."""
    with contextlib.suppress(Exception):
        return os.environ.get("PRESSDESK_USER") or getpass.getuser()
    return ""


def default_library() -> Path:
    """The local library file the store opens without a URL (as ``backend.default_url``,
    which imports SQLAlchemy; a test keeps the two the same)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("pressdesk", appauthor=False)) / "bibliothek.sqlite"


def library_exists() -> bool:
    """True when there is a library to show at start: one chosen (Datei › Ablage …,
    ``PRESSDESK_STORE``) or the local library file from an earlier session."""
    return bool(load().get("store") or os.environ.get(ENV_STORE) or default_library().exists())
