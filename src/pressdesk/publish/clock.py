"""Times for publishing: the embargo's moment and Berlin local time for messages."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from pressdesk.model.draft import Draft

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(when: datetime) -> datetime:
    """``when`` in Berlin time (a naive time is taken as UTC)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(BERLIN)


def now_utc() -> datetime:
    return datetime.now(UTC)


def iso(when: datetime) -> str:
    """ISO 8601 with offset, to the second: '2018-07-18T12:00:00+02:00'."""
    return berlin(when).replace(microsecond=0).isoformat()


def embargo_moment(draft: Draft) -> datetime | None:
    """When the embargo ends (Berlin time), None if there is none or it is 'Redebeginn'.

    A date without a time ends at the start of that day.
    """
    e = draft.header.embargo
    if e is None or e.at_speech_start or not e.date:
        return None
    time = e.time or "00:00"
    return datetime.fromisoformat(f"{e.date}T{time}").replace(tzinfo=BERLIN)
