"""UK local time (Europe/London) from the bundled tzdata file, for clocks that count elapsed hours.

The zone comes from decision/data/Europe-London.tzif (copied from the `tzdata` package by
build_tools.calendar_data): Pyodide has no system time zone database, and summer time is never
worked out here by hand.
"""

import io
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from decision.errors import InputError

HOUR = timedelta(hours=1)


def zone_from_tzif(data: bytes) -> ZoneInfo:
    return ZoneInfo.from_file(io.BytesIO(data), key="Europe/London")


def end_of_day(day: date) -> datetime:
    """Midnight at the end of `day`, as a UK wall-clock time: the close of a day deadline."""
    return datetime.combine(day + timedelta(days=1), time())


def to_utc(local: datetime, zone: ZoneInfo) -> datetime:
    """The instant a UK wall-clock time names. A time skipped when the clocks go forward is an
    InputError; a time that happens twice when they go back is read as the first (BST), the earlier."""
    instant = local.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if to_local(instant, zone).replace(tzinfo=None) != local:
        raise InputError(
            f"{local.isoformat(timespec='minutes')} did not happen in UK time: the clocks went forward "
            "an hour that night; give the time as the clock showed it"
        )
    return instant


def happens_twice(local: datetime, zone: ZoneInfo) -> bool:
    """True for a wall-clock time repeated when the clocks go back in October."""
    return local.replace(tzinfo=zone, fold=0).utcoffset() != local.replace(tzinfo=zone, fold=1).utcoffset()


def to_local(instant: datetime, zone: ZoneInfo) -> datetime:
    return instant.astimezone(zone)


def changes_between(first: datetime, last: datetime, zone: ZoneInfo) -> list[datetime]:
    """The UTC instants in (first, last] at which UK clocks change (they change on the hour, UTC)."""
    changes = []
    day = first.replace(minute=0, second=0, microsecond=0)
    while day < last:
        next_day = min(day + timedelta(days=1), last)
        if day.astimezone(zone).utcoffset() != next_day.astimezone(zone).utcoffset():
            changes.append(_change_in(day, next_day, zone))
        day = next_day
    return [change for change in changes if first < change <= last]


def _change_in(first: datetime, last: datetime, zone: ZoneInfo) -> datetime:
    """The first whole UTC hour after `first` whose offset differs from first's (one change per day)."""
    offset = first.astimezone(zone).utcoffset()
    hour = first + HOUR
    while hour < last and hour.astimezone(zone).utcoffset() == offset:
        hour += HOUR
    return hour
