"""When an outcome's timed actions are due, from the date and time the practitioner gives for each start.

Each clock starts from an event. Where a timeline in decision/clocks.yaml chains a clock from another
clock the same outcome uses (the Rapid Review from the National Panel notification), the clock is
counted along that timeline from the timeline's event, and the deadlines engine says so in a note;
otherwise the practitioner gives the clock's own start. So one date and time covers every clock that
follows from the same event.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from decision.clock_data import Clock, Timeline
from decision.deadline_data import DeadlineData
from decision.deadlines import deadline
from decision.errors import InputError
from decision.render import Due, Fault, Start, say
from decision.timeline import timeline
from decision.tree import Outcome


@dataclass(frozen=True)
class Plan:
    """One start: the timeline (or clock) it is counted along, and the outcome's clocks it starts."""

    id: str  # a timeline id or a clock id: the fragment key after `when.`
    label: str
    timeline: str | None
    clocks: tuple[str, ...]
    needs_time: bool


def plans(outcome: Outcome, data: DeadlineData) -> list[Plan]:
    """The starts an outcome's clocks need, in the order its actions first use them; clocks that
    start from the same event share one start, so the practitioner is asked for it once."""
    clocks = list(dict.fromkeys(action.clock for action in outcome.actions if action.clock))
    groups: list[tuple[str, Timeline | None, list[str]]] = []  # event, timeline, clocks
    for clock_id in clocks:
        line = _timeline_for(clock_id, set(clocks), data)
        event = line.event if line else data.book.clock(clock_id).starts
        for index, (known_event, known_line, members) in enumerate(groups):
            if known_event == event and (known_line is None or line is None or known_line is line):
                groups[index] = (event, known_line or line, [*members, clock_id])
                break
        else:
            groups.append((event, line, [clock_id]))
    return [_plan(event, line, members, data) for event, line, members in groups]


def _timeline_for(clock_id: str, used: set[str], data: DeadlineData) -> Timeline | None:
    """The first timeline with exactly one step on this clock, reached from its event only through
    steps whose clocks the outcome also uses."""
    for line in data.book.timelines.values():
        steps = {step.id: step for step in line.steps}
        on_clock = [step for step in line.steps if step.clock == clock_id]
        if len(on_clock) != 1:
            continue
        step, chain_ok = on_clock[0], True
        while step.after is not None:
            step = steps[step.after]
            chain_ok = chain_ok and step.clock in used
        if chain_ok:
            return line
    return None


def _plan(event: str, line: Timeline | None, members: list[str], data: DeadlineData) -> Plan:
    chained = {step.clock for step in line.steps if step.after is not None} if line else set()
    from_event = [data.book.clock(clock_id) for clock_id in members if clock_id not in chained]
    needs_time = any(_counts_hours_forward(clock) for clock in from_event)
    timeline_id = line.id if line else None
    return Plan(timeline_id or members[0], event, timeline_id, tuple(members), needs_time)


def _counts_hours_forward(clock: Clock) -> bool:
    return clock.counts == "hours" and not clock.backwards


def work_out(
    plans_: list[Plan], given: Mapping[str, str], data: DeadlineData
) -> tuple[list[Start], dict[str, Due]]:
    """Each start with the date given for it (or the problem with it), and the due date of each clock."""
    starts, dues = [], {}
    for plan in plans_:
        value = given.get(plan.id)
        error = None
        if value:
            try:
                dues |= _dues(plan, value, data)
            except InputError as problem:
                error = Fault(str(problem), f"{plan.id}-day")
        starts.append(Start(plan.id, plan.label, value, error))
    return starts, dues


def _dues(plan: Plan, value: str, data: DeadlineData) -> dict[str, Due]:
    if plan.needs_time and "T" not in value:
        raise InputError(say("time_needed"))
    on_line = {}
    if plan.timeline is not None:
        steps = timeline(plan.timeline, value, data)["steps"]
        on_line = {step["clock"]: _due(step) for step in steps if step.get("clock") in plan.clocks}
    off_line = [clock_id for clock_id in plan.clocks if clock_id not in on_line]
    return on_line | {clock_id: _due(deadline(clock_id, value, data)) for clock_id in off_line}


def _due(result: dict) -> Due:
    notes = [*result["notes"], *result["warnings"]]
    alternative = result.get("alternative")
    if alternative:
        notes.append(say("alternative", name=alternative["name"], due=alternative["due_text"]))
    if result.get("conflict"):
        notes.append(result["conflict"])
    return Due(result["due_text"], tuple(notes))
