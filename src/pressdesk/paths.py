"""Where the data files (schemas, profiles, fonts, samples) live.

In a source checkout or editable install they sit at the repository's top level;
in a wheel they are packed under ``pressdesk/_data``, and in the PyInstaller bundle
(``dist/PressDesk``, see ``packaging/pressdesk.spec``) under ``pressdesk/_data`` of the
bundle's data folder (``sys._MEIPASS``). Everything else finds its files through here.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def frozen() -> bool:
    """True inside the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


@cache
def data_root() -> Path:
    if frozen():
        return Path(getattr(sys, "_MEIPASS")) / "pressdesk" / "_data"  # noqa: B009
    packed = _PACKAGE / "_data"
    if (packed / "schemas").is_dir():
        return packed
    return _PACKAGE.parent.parent


def schemas_dir() -> Path:
    return data_root() / "schemas"


def resources_dir() -> Path:
    return data_root() / "resources"


def samples_dir() -> Path:
    return resources_dir() / "samples"


def profiles_dir() -> Path:
    return resources_dir() / "profiles"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


REFERENCE_SAMPLE = "presseinformation-2018-07-18.pressdesk"


def reference_sample() -> Path:
    return samples_dir() / REFERENCE_SAMPLE


# platformdirs' folders on Linux and the BSDs (XDG), where the editor starts: loading
# platformdirs (its regular expressions, ``platform``) cost ~7 ms before the first paint.
_XDG = {"data": ("XDG_DATA_HOME", "~/.local/share"), "cache": ("XDG_CACHE_HOME", "~/.cache")}


def user_folder(kind: str, app: str) -> Path:
    """``platformdirs.user_data_dir(app, appauthor=False)`` for ``kind`` "data", and
    ``user_cache_dir`` for "cache"."""
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        variable, default = _XDG[kind]
        base = os.environ.get(variable, "")
        if not base.strip():
            base = os.path.expanduser(default)
        return Path(base) / app
    import platformdirs

    find = platformdirs.user_data_dir if kind == "data" else platformdirs.user_cache_dir
    return Path(find(app, appauthor=False))
