"""Working days in England: Monday to Friday, less the England and Wales bank holidays.

The holidays come from decision/data/bank-holidays-england.json (generated from the `holidays`
package by build_tools.calendar_data), never from rules written here. A date outside the years that
file covers is an InputError, never a guess.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from decision.errors import InputError
from decision.iso_dates import WEEKDAYS

DAY = timedelta(days=1)


@dataclass(frozen=True)
class Calendar:
    holidays: Mapping[date, str]  # every England and Wales bank holiday in the covered years, by name
    first_year: int
    last_year: int
    source: str  # e.g. "holidays 0.109"
    generated: date  # when the data was made: one-off bank holidays announced later are missing

    def check_covered(self, day: date) -> None:
        if not self.first_year <= day.year <= self.last_year:
            raise InputError(
                f"{day.isoformat()} is outside the years the bank holiday data covers "
                f"({self.first_year} to {self.last_year})"
            )

    def is_working_day(self, day: date) -> bool:
        self.check_covered(day)
        return day.weekday() < 5 and day not in self.holidays

    def why_not_working(self, day: date) -> str:
        """'Saturday', 'Good Friday', or 'Saturday (Boxing Day)' when a holiday falls at a weekend."""
        holiday = self.holidays.get(day)
        if day.weekday() < 5:
            return holiday or ""
        return f"{WEEKDAYS[day.weekday()]} ({holiday})" if holiday else WEEKDAYS[day.weekday()]

    def add_working_days(self, event: date, count: int) -> date:
        """The end of the count-th working day after the event's day, which is day 0 even on a day off.

        "Within N working days of X" counts from X itself, so a weekend event's first working day
        after it is day 1: the earlier, safer date. A count of 0 on a day off gives the next working day.
        """
        _check_count(count)
        day = event
        self.check_covered(day)
        for _ in range(count):
            day = self._step(day, 1)
        while not self.is_working_day(day):  # only a count of 0 from a day off gets here
            day += DAY
        return day

    def working_days_before(self, event: date, count: int) -> date:
        """The count-th working day before the event's day (the event's day itself is day 0)."""
        _check_count(count)
        day = event
        self.check_covered(day)
        for _ in range(count):
            day = self._step(day, -1)
        return day

    def working_days_between(self, event: date, end: date) -> int:
        """How many working days after the event's day up to and including `end` (add_working_days undone)."""
        if end < event:
            raise InputError(f"end date {end.isoformat()} is before start date {event.isoformat()}")
        self.check_covered(end)
        day = event
        self.check_covered(day)
        count = 0
        while day < end:
            day += DAY
            count += self.is_working_day(day)
        return count

    def non_working_days(self, first: date, last: date) -> list[dict]:
        """Each weekend day and bank holiday from first to last inclusive, with any holiday's name."""
        days = []
        day = first
        while day <= last:
            if not self.is_working_day(day):
                weekday = WEEKDAYS[day.weekday()]
                days.append({"date": day.isoformat(), "weekday": weekday, "holiday": self.holidays.get(day)})
            day += DAY
        return days

    def _step(self, day: date, direction: int) -> date:
        day += direction * DAY
        while not self.is_working_day(day):
            day += direction * DAY
        return day


def calendar_from_data(data: object, origin: str) -> Calendar:
    """The Calendar in the generated bank holiday data; InputError names the file and the bad field."""
    try:
        first, last = data["years"]
        holidays = {date.fromisoformat(day): str(name) for day, name in data["holidays"].items()}
        calendar = Calendar(
            holidays, int(first), int(last), str(data["source"]), date.fromisoformat(data["generated"])
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise InputError(
            f"{origin}: not bank holiday data from build_tools.calendar_data ({error})"
        ) from None
    if first > last or any(not first <= day.year <= last for day in holidays):
        raise InputError(f"{origin}: holidays fall outside its years {first} to {last}")
    return calendar


def parse_count(text: str) -> int:
    """A count of days written as a whole number, 0 or more."""
    if not re.fullmatch(r"[0-9]+", text.strip()):
        raise InputError(f"count {text!r} must be a whole number, 0 or more")
    return int(text)


def _check_count(count: int) -> None:
    if count < 0:
        raise InputError(f"count {count} must be 0 or more")
