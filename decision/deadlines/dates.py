"""Working days in England: Monday to Friday, less the England and Wales bank holidays.

The holidays come from decision/data/bank-holidays-england.json (generated from the `holidays`
package by build_tools.calendar_data), never from rules written here. A date outside the years that
file covers is an InputError, never a guess.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from decision.errors import InputError

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
ISO_MINUTE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$")
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


def parse_date(text: str, what: str = "date") -> date:
    """A date written YYYY-MM-DD; anything else is an InputError naming the text."""
    if not ISO_DATE.match(text):
        raise InputError(f"{what} {text!r} is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} {text!r} is not a real date") from None


def parse_moment(text: str, what: str = "date") -> date | datetime:
    """A date (YYYY-MM-DD) or a UK local date and time to the minute (YYYY-MM-DDTHH:MM)."""
    if not ISO_MINUTE.match(text):
        return parse_date(text, what)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} {text!r} is not a real date and time") from None


def parse_count(text: str) -> int:
    """A count of days written as a whole number, 0 or more."""
    if not re.fullmatch(r"[0-9]+", text.strip()):
        raise InputError(f"count {text!r} must be a whole number, 0 or more")
    return int(text)


def long_date(day: date) -> str:
    """GOV.UK style with the weekday: Tuesday 5 January 2027."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _check_count(count: int) -> None:
    if count < 0:
        raise InputError(f"count {count} must be 0 or more")
