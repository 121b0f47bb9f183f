"""A profile whose bytes passed the schema is not checked again at the next start."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pressdesk.paths import profiles_dir
from pressdesk.profile import ProfileError
from pressdesk.profile import profile as profile_module


@pytest.fixture
def checked_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache" / "profile-checked.txt"
    monkeypatch.setattr(profile_module, "_checked_file", lambda: path)
    return path


def count_schema_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = profile_module._profile_validator

    def counted() -> Any:
        calls.append(1)
        return real()

    monkeypatch.setattr(profile_module, "_profile_validator", counted)
    return calls


def test_unchanged_profile_is_checked_once(
    tmp_path: Path, checked_list: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_schema_checks(monkeypatch)
    copy = tmp_path / "haus.json"
    shutil.copyfile(profiles_dir() / "nrw.json", copy)
    first = profile_module.load_profile_file(copy)
    again = profile_module.load_profile_file(copy)
    assert len(calls) == 1
    assert again == first
    assert checked_list.read_text(encoding="ascii").split() == [
        profile_module._digest(copy.read_bytes())
    ]


def test_changed_profile_is_checked_again(
    tmp_path: Path, checked_list: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "haus.json"
    shutil.copyfile(profiles_dir() / "nrw.json", copy)
    profile_module.load_profile_file(copy)
    data = json.loads(copy.read_text(encoding="utf-8"))
    data["page"]["marginTop"] = "breit"  # not a number
    copy.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError, match="page/marginTop"):
        profile_module.load_profile_file(copy)


def test_broken_list_means_checking_again(
    tmp_path: Path, checked_list: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked_list.parent.mkdir(parents=True)
    checked_list.write_bytes(b"\xff kaputt")
    calls = count_schema_checks(monkeypatch)
    profile_module.load_profile_file(profiles_dir() / "nrw.json")
    assert len(calls) == 1


def test_second_start_loads_no_schema_library(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pressdesk.profile import load_profile\n"
        "load_profile('nrw')\n"
        "print('jsonschema_rs' in sys.modules)\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs == ["True", "False"]
