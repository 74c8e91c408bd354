"""A timeline as an iCalendar file (RFC 5545) that Outlook and other calendars can import.

Day deadlines are all-day events; timed deadlines are timed events in Europe/London, described by a
VTIMEZONE built from the bundled tzdata file. The file holds only clock names, rules and dates:
no names, case numbers or other personal data. Every event reminds the day before (at 09:00), and a
timed one a few hours before too. A step with two readings gives two events, named as the date to
work to and the latest date.
"""

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

from decision.deadlines.deadline_data import DeadlineData
from decision.deadlines.uk_time import changes_between, to_local

PRODID = "-//Kent Surrey Rutland alert procedures//Deadline clocks//EN"
ZONE_ID = "Europe/London"
LINE_OCTETS = 75  # RFC 5545 3.1: fold longer lines
DAY_BEFORE = "-PT15H"  # from the start of an all-day event: 09:00 the day before
TIMED_REMINDERS = ("-P1D", "-PT3H")  # a timed deadline: the day before, and 3 hours before


def to_ics(timeline_result: dict, data: DeadlineData, now: datetime | None = None) -> str:
    """The .ics text for a timeline.timeline result: CRLF line endings, folded lines."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    dated = [step for step in timeline_result["steps"] if step["due"]]
    words = data.book.wording
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *_vtimezone(data.zone, [date.fromisoformat(reading["due"]) for reading in _readings(dated)]),
    ]
    for step in dated:
        if step["latest"]:
            lines += _vevent(step, words["ics_work_to"].format(label=step["label"]), stamp)
            lines += _vevent(step["latest"], words["ics_latest"].format(label=step["label"]), stamp, step)
        else:
            lines += _vevent(step, step["label"], stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _readings(steps: list[dict]) -> list[dict]:
    return [reading for step in steps for reading in (step, step["latest"]) if reading]


def _vevent(reading: dict, summary: str, stamp: str, step: dict | None = None) -> list[str]:
    """One event on the date of `reading`: a step's work-to date, or the latest date of `step`."""
    day = date.fromisoformat(reading["due"])
    if reading["due_time"]:
        hour, minute = reading["due_time"].split(":")
        when = [f"DTSTART;TZID={ZONE_ID}:{day:%Y%m%d}T{hour}{minute}00"]
        reminders = TIMED_REMINDERS
    else:
        when = [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}"]
        reminders = (DAY_BEFORE,)
    return [
        "BEGIN:VEVENT",
        f"UID:{uuid4()}",
        f"DTSTAMP:{stamp}",
        *when,
        f"SUMMARY:{_text(summary)}",
        f"DESCRIPTION:{_text(_description(reading, step or reading))}",
        "TRANSP:TRANSPARENT",
        *(line for trigger in reminders for line in _valarm(summary, trigger)),
        "END:VEVENT",
    ]


def _valarm(summary: str, trigger: str) -> list[str]:
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{_text(summary)}",
        f"TRIGGER:{trigger}",
        "END:VALARM",
    ]


def _description(reading: dict, step: dict) -> str:
    """The date and its working; for a step with two readings, both dates and why there are two."""
    parts = [reading["due_text"], reading["rule"], *reading["notes"], *reading["warnings"]]
    if step["latest"]:
        parts += [step["work_to_text"], step["latest"]["latest_text"], step["conflict"]]
    parts.append("Clauses: " + ", ".join(step["cites"]))
    return "\n".join(parts)


def _vtimezone(zone: ZoneInfo, days: list[date]) -> list[str]:
    """Europe/London's observances from the year before the first date to the end of the last year."""
    years = [day.year for day in days] or [datetime.now(UTC).year]
    first = datetime(min(years) - 1, 1, 1, tzinfo=UTC)
    last = datetime(max(years) + 1, 1, 1, tzinfo=UTC)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{ZONE_ID}"]
    for change in changes_between(first, last, zone):
        before = to_local(change - timedelta(minutes=1), zone)
        after = to_local(change, zone)
        kind = "DAYLIGHT" if after.dst() else "STANDARD"
        lines += [
            f"BEGIN:{kind}",
            f"DTSTART:{before + timedelta(minutes=1):%Y%m%dT%H%M%S}",
            f"TZOFFSETFROM:{_offset(before)}",
            f"TZOFFSETTO:{_offset(after)}",
            f"TZNAME:{after.tzname()}",
            f"END:{kind}",
        ]
    return [*lines, "END:VTIMEZONE"]


def _offset(moment: datetime) -> str:
    minutes = int(moment.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _text(value: str) -> str:
    """RFC 5545 TEXT escaping."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with CRLF and a space, never splitting a UTF-8 character."""
    parts, part, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > LINE_OCTETS:
            parts.append(part)
            part, size = " ", 1
        part += char
        size += width
    parts.append(part)
    return "\r\n".join(parts)
