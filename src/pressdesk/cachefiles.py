"""Derived data kept in the user's cache folder: parsed fonts, hyphenation patterns, outlines.

Nothing here is the user's work: a missing, damaged or unwritable cache file only means the
data is computed again. A file is named after what it was made from (``source``: a font
file, a dictionary, a text) and a key of everything that makes it current (the source's size
and time, library versions). Writing a new one removes the files of the same source with
another key, so an upgraded library or a reinstalled dictionary replaces its cache file
instead of adding one more (a reinstalled pyphen left 2.6 MB behind each time).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from pathlib import Path

from pressdesk.paths import user_folder

APP = "pressdesk"
# Names before this scheme (a file per dictionary time, say): outdated by definition.
_NAMED = re.compile(r"[0-9a-f]{20}-[0-9a-f]{20}\.")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def cache_file(kind: str, source: str, key: str, suffix: str) -> Path:
    """Where the data of ``source`` for ``key`` is kept (folder ``kind``, ending ``suffix``)."""
    return user_folder("cache", APP) / kind / f"{_digest(source)}-{_digest(key)}{suffix}"


def read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def keep(path: Path, data: bytes) -> None:
    """Write ``path`` atomically and remove its source's outdated files; errors are ignored."""
    from pressdesk.model.files import atomic_write_bytes

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, data)
    if not _NAMED.match(path.name):
        return
    source, suffix = path.name[:20], path.name[41:]
    with contextlib.suppress(OSError):
        for old in path.parent.iterdir():
            name = old.name
            outdated = name[:20] == source and name[41:] == suffix and name != path.name
            if (outdated or not _NAMED.match(name)) and old.is_file():
                with contextlib.suppress(OSError):
                    old.unlink()
