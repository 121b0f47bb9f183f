"""Where the data files (schemas, profiles, fonts, samples) live.

In a source checkout or editable install they sit at the repository's top level;
in a wheel they are packed under ``pressdesk/_data``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
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
