"""Timelines: every clock that follows from one event, and the IRO escalation ladders.

A step starts from the event, or from an earlier step (`from:` in clocks.yaml): from the date that
step really happened when it is given (`happened`), otherwise from its work-to date, and its note
says which. A ladder is a timeline whose steps are escalation stages;
a stage the sources give no timescale has a note saying so instead of a date.
"""

from collections.abc import Mapping
from datetime import date, datetime

from decision.deadlines.clock import check_time_given, count, due_moment
from decision.deadlines.clock_book import ClockBook, Step, Timeline
from decision.deadlines.deadline_data import DeadlineData
from decision.errors import InputError
from decision.iso_dates import long_date, parse_date, parse_moment


def timeline(
    timeline_id: str,
    start: str,
    data: DeadlineData,
    today: date | None = None,
    happened: Mapping[str, str] | None = None,
) -> dict:
    """Every deadline following the event of `timeline_id` on `start` (YYYY-MM-DD or YYYY-MM-DDTHH:MM).

    `happened` maps the id of a step others count from to the date it really happened (YYYY-MM-DD)."""
    line = data.book.timeline(timeline_id)
    moment = parse_moment(start, "start")
    return run(line, moment, data, today or date.today(), _happened(line, moment, happened or {}))


def happened_steps(line: Timeline) -> list[Step]:
    """The steps that later steps count from: the date each really happened can be given."""
    after = {step.after for step in line.steps}
    return [step for step in line.steps if step.id in after]


def happened_label(line: Timeline, step: Step, book: ClockBook) -> str:
    """What to ask for the real date of `step`: the event the first step counted from it starts with,
    and that step's own name where the timeline gives one (ladder stages share a clock)."""
    following = next(later for later in line.steps if later.after == step.id and later.clock)
    clock = book.clocks[following.clock]
    event = clock.starts if following.label == clock.name else f"{clock.starts} ({following.label})"
    return book.wording["happened_label"].format(event=event)


class BeforeEvent(InputError):
    """A step's real date given as earlier than the timeline's event."""

    def __init__(self, label: str, event: date) -> None:
        self.event = event
        super().__init__(f"the date given for '{label}' is before the event, {long_date(event)}")


def happened_on(line: Timeline, step_id: str, text: str, event: date | None) -> date:
    """The real date given for a step that later steps count from: a real date, and not before the
    day of the timeline's `event` when that is known; InputError (BeforeEvent) otherwise."""
    step = next((step for step in happened_steps(line) if step.id == step_id), None)
    if step is None:
        raise InputError(f"timeline {line.id!r} has no step {step_id!r} that later steps count from")
    day = parse_date(text, step.label)
    if event is not None and day < _day(event):
        raise BeforeEvent(step.label, _day(event))
    return day


def _happened(line: Timeline, start: date, given: Mapping[str, str]) -> dict[str, date]:
    return {step_id: happened_on(line, step_id, text, start) for step_id, text in given.items()}


def run(
    line: Timeline, start: date, data: DeadlineData, today: date, happened: Mapping[str, date] | None = None
) -> dict:
    happened = happened or {}
    dues: dict[str, date] = dict(happened)
    labels: dict[str, str] = {}
    steps = []
    for step in line.steps:
        labels[step.id] = step.label
        if step.clock is None:
            steps.append(_undated(step))
            continue
        clock = data.book.clocks[step.clock]
        if step.after is None:
            check_time_given(clock, start)
        result = count(clock, dues[step.after] if step.after else start, data, today, event=start)
        if step.after:
            key = "given" if step.after in happened else "chained"
            day = long_date(_day(dues[step.after]))
            # the note goes on the reading counted from the earlier step, not on one counted from the event
            chained = result if result["starts"] == clock.starts else result["latest"]
            chained["notes"].insert(0, data.book.wording[key].format(source=labels[step.after], day=day))
        dues.setdefault(step.id, due_moment(result))
        steps.append(
            {"step": step.id, "label": step.label, "from": step.after, **result, "cites": list(step.cites)}
        )
    return {
        "timeline": line.id,
        "name": line.name,
        "authority": line.authority,
        "event": line.event,
        **_start_view(start),
        "note": line.note,
        "cites": list(line.cites),
        "steps": steps,
    }


def _day(moment: date) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def _start_view(start: date) -> dict:
    if isinstance(start, datetime):
        return {
            "start": start.isoformat(timespec="minutes"),
            "start_text": f"{start:%H:%M}, {long_date(start)}",
        }
    return {"start": start.isoformat(), "start_text": long_date(start)}


def _undated(step: Step) -> dict:
    return {
        "step": step.id,
        "label": step.label,
        "from": step.after,
        "due": None,
        "note": step.note,
        "cites": list(step.cites),
    }
