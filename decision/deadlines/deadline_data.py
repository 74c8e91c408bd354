"""The data every deadline needs: the clocks, the bank holidays and the UK time zone.

On the command line `current()` reads decision/clocks.yaml (through decision.project.source, which needs
PyYAML) and the generated files in decision/data/. The browser has no PyYAML: it builds the same
object with `from_documents(...)` from the compiled JSON and the two data files, and passes it in or
hands it to `use(...)`.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from decision.deadlines.clock_book import ClockBook, parse_clock_book
from decision.deadlines.dates import Calendar, calendar_from_data
from decision.deadlines.uk_time import zone_from_tzif
from decision.errors import InputError

HERE = Path(__file__).resolve().parents[1]  # decision/
CLOCKS_FILE = HERE / "clocks.yaml"
CLOCKS_NAME = "decision/clocks.yaml"  # as messages name it
HOLIDAYS_FILE = HERE / "data" / "bank-holidays-england.json"
ZONE_FILE = HERE / "data" / "Europe-London.tzif"


@dataclass(frozen=True)
class DeadlineData:
    book: ClockBook
    calendar: Calendar
    zone: ZoneInfo


_current: DeadlineData | None = None


def from_documents(clocks: object, holidays: object, tzif: bytes) -> DeadlineData:
    """Deadline data from clocks.yaml and the holiday JSON as plain dicts, and the tzif file's bytes."""
    return DeadlineData(
        parse_clock_book(clocks, CLOCKS_NAME),
        calendar_from_data(holidays, HOLIDAYS_FILE.name),
        zone_from_tzif(tzif),
    )


def use(data: DeadlineData) -> None:
    """Make `data` what every deadline function uses when none is passed (the browser calls this once)."""
    global _current
    _current = data


def current() -> DeadlineData:
    """The data in use, read from the project's files the first time it is needed."""
    if _current is None:
        use(_read_files())
    return _current


def _read_files() -> DeadlineData:
    from decision.project.source import (
        read_yaml,  # needs PyYAML: command line and build only, never the browser
    )

    try:
        holidays = json.loads(HOLIDAYS_FILE.read_text(encoding="utf-8"))
        tzif = ZONE_FILE.read_bytes()
    except (OSError, ValueError) as error:
        raise InputError(f"decision/data: {error}; run `python -m build_tools.calendar_data`") from None
    return from_documents(read_yaml(CLOCKS_FILE, CLOCKS_NAME), holidays, tzif)
