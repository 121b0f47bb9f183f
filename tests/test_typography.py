"""German typography helpers that the editor and the exporters share."""

from __future__ import annotations

import pytest

from pressdesk.typography import clock_time


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("10:30", "10:30"),
        ("10.30", "10:30"),
        ("10.30 Uhr", "10:30"),
        ("1030", "10:30"),
        ("930", "09:30"),
        ("9:00", "09:00"),
        ("9", "09:00"),
        ("9 Uhr", "09:00"),
        (" 00:01 ", "00:01"),
    ],
)
def test_clock_time_accepts_how_people_write_times(typed: str, kept: str) -> None:
    assert clock_time(typed) == kept


@pytest.mark.parametrize("typed", ["", "Redebeginn", "25:00", "10:75", "10:3", "abends"])
def test_clock_time_leaves_the_rest_for_the_check(typed: str) -> None:
    assert clock_time(typed) == typed
