"""The data every deadline needs: the clocks, the bank holidays and the UK time zone.

Every deadline function takes it as an argument. The browser builds it with `from_documents(...)`
from the compiled clocks and the two files in decision/data/; the build and the command line read
decision/clocks.yaml with `decision.project.deadline_files.load_deadlines`.
"""

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from decision.deadlines.clock_book import ClockBook, parse_clock_book
from decision.deadlines.dates import Calendar, calendar_from_data
from decision.deadlines.uk_time import zone_from_tzif

HERE = Path(__file__).resolve().parents[1]  # decision/
CLOCKS_NAME = "decision/clocks.yaml"  # as messages name it
HOLIDAYS_FILE = HERE / "data" / "bank-holidays-england.json"
ZONE_FILE = HERE / "data" / "Europe-London.tzif"


@dataclass(frozen=True)
class DeadlineData:
    book: ClockBook
    calendar: Calendar
    zone: ZoneInfo


def from_documents(clocks: object, holidays: object, tzif: bytes) -> DeadlineData:
    """Deadline data from clocks.yaml and the holiday JSON as plain dicts, and the tzif file's bytes."""
    return DeadlineData(
        parse_clock_book(clocks, CLOCKS_NAME),
        calendar_from_data(holidays, HOLIDAYS_FILE.name),
        zone_from_tzif(tzif),
    )
