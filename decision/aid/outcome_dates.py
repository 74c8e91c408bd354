"""When an outcome's timed actions are due, from the date and time the practitioner gives for each start.

Each clock starts from an event. Where a timeline in decision/clocks.yaml chains a clock from another
step (the Rapid Review from the National Panel notification), the clock is counted along that
timeline from the timeline's event; otherwise the practitioner gives the clock's own start. So one
date and time covers every clock that follows from the same event. A chained clock counts from the
real date of the step it follows when the practitioner gives it (the day the notification was made),
and until then from that step's work-to date; the deadlines engine says which in a note.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from decision.aid.view import Due, Fault, Start
from decision.aid.wording import say
from decision.deadlines.clock import deadline
from decision.deadlines.clock_book import Timeline
from decision.deadlines.deadline_data import DeadlineData
from decision.deadlines.timeline import BeforeEvent, happened_label, happened_on, happened_steps, timeline
from decision.errors import InputError
from decision.iso_dates import long_date, parse_date
from decision.trees.tree import Outcome


@dataclass(frozen=True)
class Plan:
    """One start: the timeline (or clock) it is counted along, and the outcome's clocks it starts."""

    id: str  # the key after `when.`: a timeline id, a clock id, or `<timeline>-<step>` for a step's real date
    label: str
    timeline: str | None
    clocks: tuple[str, ...]
    needs_time: bool
    step: str | None = None  # the timeline step whose real date this is; None for the event itself


def plans(outcome: Outcome, data: DeadlineData) -> list[Plan]:
    """The starts an outcome's clocks need, in the order its actions first use them; clocks that
    start from the same event share one start, so the practitioner is asked for it once. A timeline
    start is followed by the steps its chained clocks count from, whose real dates can be given."""
    clocks = list(dict.fromkeys(action.clock for action in outcome.actions if action.clock))
    groups: list[tuple[str, Timeline | None, list[str]]] = []  # event, timeline, clocks
    for clock_id in clocks:
        line = _timeline_for(clock_id, data)
        event = line.event if line else data.book.clock(clock_id).starts
        for index, (known_event, known_line, members) in enumerate(groups):
            if known_event == event and (known_line is None or line is None or known_line is line):
                groups[index] = (event, known_line or line, [*members, clock_id])
                break
        else:
            groups.append((event, line, [clock_id]))
    found = []
    for event, line, members in groups:
        found.append(_plan(event, line, members, data))
        found += _happened_plans(line, members, data) if line else []
    return found


def _timeline_for(clock_id: str, data: DeadlineData) -> Timeline | None:
    """The first timeline with exactly one step on this clock."""
    for line in data.book.timelines.values():
        if len([step for step in line.steps if step.clock == clock_id]) == 1:
            return line
    return None


def _plan(event: str, line: Timeline | None, members: list[str], data: DeadlineData) -> Plan:
    chained = {step.clock for step in line.steps if step.after is not None} if line else set()
    from_event = [data.book.clock(clock_id) for clock_id in members if clock_id not in chained]
    needs_time = any(clock.needs_start_time for clock in from_event)
    timeline_id = line.id if line else None
    return Plan(timeline_id or members[0], event, timeline_id, tuple(members), needs_time)


def _happened_plans(line: Timeline, members: list[str], data: DeadlineData) -> list[Plan]:
    """A start for each step that one of the outcome's clocks counts from, for the date it really happened."""
    found = []
    for step in happened_steps(line):
        following = [later for later in line.steps if later.after == step.id and later.clock in members]
        if following:
            label = happened_label(line, step, data.book)
            clocks = tuple(later.clock for later in following)
            found.append(Plan(f"{line.id}-{step.id}", label, line.id, clocks, False, step.id))
    return found


def work_out(
    plans_: list[Plan], given: Mapping[str, str], data: DeadlineData
) -> tuple[list[Start], dict[str, Due]]:
    """Each start with the date given for it (or the problem with it), and the due date of each clock."""
    starts, dues, errors = [], {}, _happened_errors(plans_, given, data)
    for plan in plans_:
        value = given.get(plan.id)
        error = errors.get(plan.id)
        counted_on_line = plan.step is not None and given.get(plan.timeline or "")
        if value and not error and not counted_on_line:
            try:
                dues |= _dues(plan, value, _happened(plans_, given, plan, errors), data)
            except InputError as problem:
                error = Fault(str(problem), f"{plan.id}-day")
        starts.append(Start(plan.id, plan.label, value, error))
    return starts, dues


def _happened_errors(plans_: list[Plan], given: Mapping[str, str], data: DeadlineData) -> dict[str, Fault]:
    """The problem with each real date given for a step: not a date, or before the timeline's event."""
    events = {plan.timeline: given.get(plan.id) for plan in plans_ if plan.timeline and plan.step is None}
    errors = {}
    for plan in plans_:
        value = given.get(plan.id)
        if plan.step is None or not value:
            continue
        event = events.get(plan.timeline)
        try:
            line = data.book.timeline(plan.timeline or "")
            happened_on(line, plan.step, value[:10], parse_date(event[:10]) if event else None)
        except BeforeEvent as problem:  # in the aid's words, beside the field
            wording = data.book.wording["happened_before"]
            errors[plan.id] = Fault(wording.format(event=long_date(problem.event)), f"{plan.id}-day")
        except InputError as problem:
            errors[plan.id] = Fault(str(problem), f"{plan.id}-day")
    return errors


def _happened(plans_: list[Plan], given: Mapping[str, str], plan: Plan, errors: Mapping) -> dict[str, str]:
    """The real dates given for the steps of `plan`'s timeline, when `plan` is its event's start."""
    if plan.step is not None or plan.timeline is None:
        return {}
    return {
        other.step: given[other.id][:10]
        for other in plans_
        if other.step and other.timeline == plan.timeline and given.get(other.id) and other.id not in errors
    }


def _dues(plan: Plan, value: str, happened: Mapping[str, str], data: DeadlineData) -> dict[str, Due]:
    if plan.needs_time and "T" not in value:
        raise InputError(say("time_needed"))
    if plan.step is not None:  # the step's real date, without the timeline's event: its own clocks only
        return {clock_id: due_of(deadline(clock_id, value[:10], data)) for clock_id in plan.clocks}
    on_line = {}
    if plan.timeline is not None:
        steps = timeline(plan.timeline, value, data, happened=happened)["steps"]
        on_line = {step["clock"]: due_of(step) for step in steps if step.get("clock") in plan.clocks}
    off_line = [clock_id for clock_id in plan.clocks if clock_id not in on_line]
    return on_line | {clock_id: due_of(deadline(clock_id, value, data)) for clock_id in off_line}


def due_of(result: dict) -> Due:
    """The work-to date as the headline, the working worth knowing, and the latest date beside it."""
    latest = result["latest"]
    notes = [*result["notes"], *result["warnings"], *(latest["notes"] if latest else ())]
    if result["conflict"]:
        notes.append(result["conflict"])
    return Due(result["due_text"], tuple(notes), latest["latest_text"] if latest else None)
