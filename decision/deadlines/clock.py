"""Deadlines from the clocks in decision/clocks.yaml, with the working shown.

A result (a JSON-ready dict) gives the due date (and time, for hour clocks) with its weekday, the
counting rule in words, the day counted as day 0 (always the event's day, even a weekend or bank
holiday), each weekend day and bank holiday skipped, the clause ids, notes and warnings.
Safe dates by construction: where the sources allow two readings, both are counted and the earlier
is the headline, the date to work to (`work_to` names its reading); the later is `latest`, shown
beside it and never as the headline.
Day deadlines end at the end of their day; an hour deadline that lands exactly on midnight is shown
as the end of the day before.
"""

from dataclasses import asdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from decision.deadlines.clock_book import Clock
from decision.deadlines.dates import DAY, Calendar
from decision.deadlines.deadline_data import DeadlineData
from decision.deadlines.uk_time import changes_between, end_of_day, happens_twice, to_local, to_utc
from decision.errors import InputError
from decision.iso_dates import WEEKDAYS, long_date, parse_moment

FAR_AHEAD = timedelta(days=730)  # one-off bank holidays are announced months, not years, ahead


def deadline(clock_id: str, start: str, data: DeadlineData, today: date | None = None) -> dict:
    """The deadline of one clock from `start`: YYYY-MM-DD, or YYYY-MM-DDTHH:MM (UK time) for hour clocks."""
    clock = data.book.clock(clock_id)
    moment = parse_moment(start, "start")
    check_time_given(clock, moment)
    return count(clock, moment, data, today or date.today())


def clocks_list(data: DeadlineData) -> list[dict]:
    """Every clock as plain data, in the order of clocks.yaml."""
    return [asdict(clock) for clock in data.book.clocks.values()]


def check_time_given(clock: Clock, moment: date) -> None:
    """A clock counting hours forward from an event needs the event's time, not just its date."""
    if clock.needs_start_time and not isinstance(moment, datetime):
        raise InputError(
            f"clock '{clock.id}' counts hours: give the time as well, as {moment.isoformat()}THH:MM"
        )


def count(clock: Clock, start: date, data: DeadlineData, today: date, event: date | None = None) -> dict:
    """The result for `clock` from `start` (a date, or a datetime in UK time); see the module docstring.

    `event` is the date of the timeline's event, for a reading counted from it; None outside a timeline."""
    result = _count_one(clock, start, data, today)
    other = clock.alternative
    if other is None:
        return result
    result["conflict"] = clock.conflict
    if other.from_event and event is None:
        needs = data.book.wording["needs_event"].format(reading=other.name, event=other.starts)
        result["notes"].append(needs)
        result["reading_name"] = clock.reading_name
        return result
    latest = _count_one(other, event if other.from_event else start, data, today)
    latest["reading_name"] = other.name
    result["reading_name"] = clock.reading_name
    if _ends(latest) < _ends(result):
        result, latest = latest, result
    for reading in (result, latest):
        reading["name"], reading["conflict"] = clock.name, clock.conflict
    result["cites"] = list(dict.fromkeys([*clock.cites, *other.cites]))
    wording = data.book.wording
    result["work_to_text"] = wording["work_to"].format(reading=result["reading_name"], due=result["due_text"])
    latest["latest_text"] = wording["latest"].format(reading=latest["reading_name"], due=latest["due_text"])
    result["work_to"] = result["reading_name"]
    result["latest"] = latest
    return result


def _count_one(clock: Clock, start: date, data: DeadlineData, today: date) -> dict:
    if clock.counts == "hours":
        return _count_hours(clock, start, data)
    day = start.date() if isinstance(start, datetime) else start
    return _count_days(clock, day, data, today)


def _ends(result: dict) -> datetime:
    """When a result's deadline passes, in UK clock time: the end of its day when it has no time."""
    moment = due_moment(result)
    return moment if isinstance(moment, datetime) else datetime.combine(moment + DAY, datetime.min.time())


def due_moment(result: dict) -> date:
    """A result's due date, or its due datetime (UK time) for a timed deadline."""
    if result["due_time"]:
        return datetime.fromisoformat(f"{result['due']}T{result['due_time']}")
    return date.fromisoformat(result["due"])


def _count_days(clock: Clock, day: date, data: DeadlineData, today: date) -> dict:
    calendar, wording = data.calendar, data.book.wording
    calendar.check_covered(day)
    day_zero, skipped, notes, warnings = day, [], [], []
    if clock.counts == "working_days" and clock.backwards:
        due = calendar.working_days_before(day, clock.amount)
        skipped = calendar.non_working_days(due + DAY, day - DAY)
    elif clock.counts == "working_days":
        due = calendar.add_working_days(day, clock.amount)
        skipped = calendar.non_working_days(day, due)
        if not calendar.is_working_day(day):  # still day 0: the safer, earlier reading
            first = long_date(calendar.add_working_days(day, 1))
            notes.append(wording["start_day_off"].format(start=long_date(day), first=first))
    else:
        due = _calendar_due(clock, day)
        notes += _day_off_notes(clock, due, calendar, wording)
    if clock.counts == "working_days":
        warnings += _far_ahead(due, calendar, wording, today)
    when = wording[f"{clock.meaning}_day"].format(day=long_date(due))
    return _result(
        clock, data, (day.isoformat(), long_date(day)), _due_fields(due, None, None, when),
        day_zero=day_zero.isoformat(), skipped=skipped, notes=notes, warnings=warnings,
    )  # fmt: skip


def _calendar_due(clock: Clock, day: date) -> date:
    sign = -1 if clock.backwards else 1
    if clock.counts == "months":
        return add_months(day, clock.amount)
    days = clock.amount * 7 if clock.counts == "weeks" else clock.amount
    return day + sign * timedelta(days=days)


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later; a day the later month lacks becomes its last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (following - DAY).day))


def _day_off_notes(clock: Clock, due: date, calendar: Calendar, wording: dict) -> list[str]:
    if calendar.is_working_day(due):
        return []
    why = calendar.why_not_working(due)
    if not clock.backwards:
        return [wording["calendar_day_off"].format(due=long_date(due), why=why)]
    previous = calendar.working_days_before(due, 1)
    return [wording["before_day_off"].format(due=long_date(due), why=why, previous=long_date(previous))]


def _far_ahead(due: date, calendar: Calendar, wording: dict, today: date) -> list[str]:
    """Warn when bank holidays that late may not be known yet (to us today, or to the data when made)."""
    reference = min(today, calendar.generated)
    if due - reference <= FAR_AHEAD:
        return []
    return [wording["far_ahead"].format(due=long_date(due), reference=long_date(reference))]


def _count_hours(clock: Clock, start: date, data: DeadlineData) -> dict:
    zone, wording = data.zone, data.book.wording
    timed = isinstance(start, datetime)
    local = start if timed else end_of_day(start)
    data.calendar.check_covered(local.date())
    warnings = []
    if happens_twice(local, zone):
        warnings.append(wording["happens_twice"].format(time=f"{local:%H:%M}", day=long_date(local.date())))
    begin = to_utc(local, zone)
    hours = timedelta(hours=clock.amount)
    end = begin + hours
    due = _timed_due(to_local(end, zone), wording)
    data.calendar.check_covered(date.fromisoformat(due["due"]))
    notes = [_change_note(change, zone, wording) for change in changes_between(begin, end, zone)]
    shown = (
        (local.isoformat(timespec="minutes"), _time_text(to_local(begin, zone)))
        if timed
        else (start.isoformat(), long_date(start))
    )
    due["due_utc"] = end.strftime("%Y-%m-%dT%H:%MZ")
    return _result(clock, data, shown, due, day_zero=None, skipped=[], notes=notes, warnings=warnings)


def _timed_due(due: datetime, wording: dict) -> dict:
    if (due.hour, due.minute) == (0, 0):  # midnight: the end of the day before
        day = due.date() - DAY
        return _due_fields(day, None, None, wording["due_day"].format(day=long_date(day)))
    when = wording["due_time"].format(time=f"{due:%H:%M}", zone=due.tzname(), day=long_date(due.date()))
    return _due_fields(due.date(), f"{due:%H:%M}", due.tzname(), when)


def _change_note(change: datetime, zone: ZoneInfo, wording: dict) -> str:
    before = to_local(change - timedelta(minutes=1), zone)
    after = to_local(change, zone)
    key = "clocks_forward" if after.utcoffset() > before.utcoffset() else "clocks_back"
    time = f"{before + timedelta(minutes=1):%H:%M} {before.tzname()}"
    return wording[key].format(time=time, day=long_date(after.date()))


def _time_text(moment: datetime) -> str:
    return f"{moment:%H:%M} {moment.tzname()}, {long_date(moment.date())}"


def _result(clock: Clock, data: DeadlineData, start: tuple[str, str], due: dict, **working: object) -> dict:
    """One result, its fields always in the same order: what, from when, when due, the working, sources."""
    before = data.book.clocks.get(clock.before or "")
    return {
        "clock": clock.id,
        "name": clock.name,
        "authority": clock.authority,
        "starts": clock.starts,
        "before": before.name if before else clock.before,
        "start": start[0],
        "start_text": start[1],
        "meaning": clock.meaning,
        **due,
        "rule": clock.counting,
        "reading": clock.reading,
        "day_zero": working["day_zero"],
        "skipped": working["skipped"],
        "notes": working["notes"],
        "warnings": working["warnings"],
        "cites": list(clock.cites),
        "reading_name": None,  # with two readings: this one's, as words after "on the reading that"
        "work_to": None,  # with two readings: the name of the one this headline date comes from
        "work_to_text": None,  # with two readings: "Work to this date, on the reading that ...: <due>"
        "latest": None,  # with two readings: the later one's result, never the headline
        "latest_text": None,  # on that later result: "At the latest, on the reading that ...: <due>"
        "conflict": None,
    }


def _due_fields(due: date, time: str | None, zone: str | None, text: str) -> dict:
    return {
        "due": due.isoformat(),
        "due_time": time,
        "due_zone": zone,
        "due_weekday": WEEKDAYS[due.weekday()],
        "due_text": text,
        "due_utc": None,
    }
