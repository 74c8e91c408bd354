"""Dates and times as written in rule data, answers and requests (YYYY-MM-DD, YYYY-MM-DDTHH:MM), and as
written for people (GOV.UK style).

The one place that decides whether text is a real date, and how a date reads, for the trees, the
deadlines and the aid.
"""

import re
from datetime import date, datetime

from decision.errors import InputError

ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
ISO_MINUTE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def parse_date(text: object, what: str = "date") -> date:
    """A date written YYYY-MM-DD; anything else is an InputError naming the text."""
    if not isinstance(text, str) or not ISO_DATE.match(text):
        raise InputError(f"{what} {text!r} is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} {text!r} is not a real date") from None


def parse_minute(text: object, what: str = "date and time") -> datetime:
    """A date and time to the minute written YYYY-MM-DDTHH:MM; anything else is an InputError."""
    if not isinstance(text, str) or not ISO_MINUTE.match(text):
        raise InputError(f"{what} must be a date and time written YYYY-MM-DDTHH:MM, not {text!r}")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} {text!r} is not a real date and time") from None


def parse_moment(text: object, what: str = "date") -> date | datetime:
    """A date (YYYY-MM-DD) or a UK local date and time to the minute (YYYY-MM-DDTHH:MM)."""
    if isinstance(text, str) and ISO_MINUTE.match(text):
        return parse_minute(text, what)
    return parse_date(text, what)


def is_date(text: object) -> bool:
    """A real date written YYYY-MM-DD."""
    try:
        parse_date(text)
    except InputError:
        return False
    return True


def is_moment(text: object) -> bool:
    """A real date written YYYY-MM-DD, or a real date and time written YYYY-MM-DDTHH:MM."""
    try:
        parse_moment(text)
    except InputError:
        return False
    return True


def day_month_year(day: date) -> str:
    """GOV.UK style: 1 March 2025."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date(day: date) -> str:
    """GOV.UK style with the weekday: Tuesday 5 January 2027."""
    return f"{WEEKDAYS[day.weekday()]} {day_month_year(day)}"
