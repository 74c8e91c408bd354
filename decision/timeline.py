"""Timelines: every clock that follows from one event, and the IRO escalation ladders.

A step starts from the event, or from the due date of an earlier step (`from:` in clocks.yaml),
assuming that step runs its full time. A ladder is a timeline whose steps are escalation stages;
a stage the sources give no timescale has a note saying so instead of a date.
"""

from datetime import date, datetime

from decision.calendar import long_date, parse_moment
from decision.clock_data import Step, Timeline
from decision.deadline_data import DeadlineData, current
from decision.deadlines import check_time_given, count, due_moment
from decision.errors import InputError


def timeline(
    timeline_id: str, start: str, data: DeadlineData | None = None, today: date | None = None
) -> dict:
    """Every deadline following the event of `timeline_id` on `start` (YYYY-MM-DD or YYYY-MM-DDTHH:MM)."""
    data = data or current()
    line = data.book.timeline(timeline_id)
    return run(line, parse_moment(start, "start"), data, today or date.today())


def ladder(authority: str, start: str, data: DeadlineData | None = None, today: date | None = None) -> dict:
    """The escalation ladder of `authority` (surrey or rutland) from the day stage 1 is raised."""
    data = data or current()
    ladders = {line.ladder: line.id for line in data.book.timelines.values() if line.ladder}
    if authority.lower() not in ladders:
        raise InputError(f"no escalation ladder for {authority!r} (known: {', '.join(ladders)})")
    return timeline(ladders[authority.lower()], start, data, today)


def timelines_list(data: DeadlineData | None = None) -> list[dict]:
    """Every timeline event the tools can start from: id, name, authority, event, and ladder key if any."""
    data = data or current()
    return [
        {
            "id": line.id,
            "name": line.name,
            "authority": line.authority,
            "event": line.event,
            "ladder": line.ladder,
        }
        for line in data.book.timelines.values()
    ]


def run(line: Timeline, start: date, data: DeadlineData, today: date) -> dict:
    dues: dict[str, date] = {}
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
        result = count(clock, dues[step.after] if step.after else start, data, today)
        if step.after:
            result["notes"].insert(0, data.book.wording["chained"].format(source=labels[step.after]))
        dues[step.id] = due_moment(result)
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
