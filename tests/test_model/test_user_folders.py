"""The user's data and cache folders are platformdirs' (the editor finds them without
loading platformdirs at start, issue 14 point 15)."""

from __future__ import annotations

import sys

import platformdirs
import pytest

from pressdesk.paths import user_folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders")
@pytest.mark.parametrize("data", ["", "  ", "/srv/daten"])
@pytest.mark.parametrize("cache", ["", "/var/zwischen"])
def test_the_same_folders_as_platformdirs(
    monkeypatch: pytest.MonkeyPatch, data: str, cache: str
) -> None:
    monkeypatch.setenv("HOME", "/home/anna")
    for name, value in (("XDG_DATA_HOME", data), ("XDG_CACHE_HOME", cache)):
        if value:
            monkeypatch.setenv(name, value)
        else:
            monkeypatch.delenv(name, raising=False)
    expected_data = platformdirs.user_data_dir("PressDesk", appauthor=False)
    assert str(user_folder("data", "PressDesk")) == expected_data
    assert str(user_folder("cache", "pressdesk")) == platformdirs.user_cache_dir("pressdesk")
