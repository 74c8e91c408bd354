"""A timeline as an iCalendar file (RFC 5545) that Outlook and other calendars can import.

Day deadlines are all-day events; timed deadlines are timed events in Europe/London, described by a
VTIMEZONE built from the bundled tzdata file. The file holds only clock names, rules and dates:
no names, case numbers or other personal data.
"""

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

from decision.deadline_data import DeadlineData, current
from decision.uk_time import changes_between, to_local

PRODID = "-//Kent Surrey Rutland alert procedures//Deadline clocks//EN"
ZONE_ID = "Europe/London"
LINE_OCTETS = 75  # RFC 5545 3.1: fold longer lines


def to_ics(timeline_result: dict, data: DeadlineData | None = None, now: datetime | None = None) -> str:
    """The .ics text for a result of decision.timeline.timeline or ladder: CRLF line endings, folded lines."""
    data = data or current()
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    dated = [step for step in timeline_result["steps"] if step["due"]]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *_vtimezone(data.zone, [date.fromisoformat(step["due"]) for step in dated]),
    ]
    for step in dated:
        lines += _vevent(step, stamp)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _vevent(step: dict, stamp: str) -> list[str]:
    day = date.fromisoformat(step["due"])
    if step["due_time"]:
        hour, minute = step["due_time"].split(":")
        when = [f"DTSTART;TZID={ZONE_ID}:{day:%Y%m%d}T{hour}{minute}00"]
    else:
        when = [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}"]
    return [
        "BEGIN:VEVENT",
        f"UID:{uuid4()}",
        f"DTSTAMP:{stamp}",
        *when,
        f"SUMMARY:{_text(step['label'])}",
        f"DESCRIPTION:{_text(_description(step))}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _description(step: dict) -> str:
    parts = [step["due_text"], step["rule"], *step["notes"], *step["warnings"]]
    alternative = step.get("alternative")
    if alternative:
        parts += [step["conflict"], f"{alternative['name']}: {alternative['due_text']}"]
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
