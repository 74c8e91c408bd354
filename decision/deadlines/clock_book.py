"""Deadline clocks, timelines and result wording, read from the plain data of decision/clocks.yaml.

The command line reads the YAML through decision.project.source; the browser passes the same document as
JSON. `parse_clock_book` checks every field and reports every problem, naming the file, line and clock.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from decision.errors import InputError
from decision.fields import FieldReader
from decision.problems import Problem

UNITS = ("working_days", "calendar_days", "hours", "weeks", "months", "before_event")
COUNTED_IN = ("hours", "working_days", "calendar_days")
MEANINGS = ("due", "earliest", "lapses")
AUTHORITIES = ("Kent", "Surrey", "Rutland")
WORDING = (
    "due_day", "due_time", "earliest_day", "lapses_day", "start_day_off", "far_ahead", "calendar_day_off",
    "before_day_off", "happens_twice", "clocks_forward", "clocks_back", "chained", "given", "latest",
    "needs_event", "happened_label", "happened_before", "work_to", "ics_work_to", "ics_latest",
)  # fmt: skip
_CLOCK_KEYS = ("id", "name", "authority", "starts", "amount", "unit", "counting", "cites")
_CLOCK_OPTIONAL = ("reading", "before", "counted_in", "meaning", "conflict", "reading_name", "alternative")
_ALTERNATIVE_KEYS = ("name", "amount", "unit", "counting", "cites")
_ALTERNATIVE_OPTIONAL = ("starts",)
ALTERNATIVE_UNITS = ("working_days", "calendar_days", "hours")
_TIMELINE_KEYS = ("id", "name", "authority", "event", "steps")
_TIMELINE_OPTIONAL = ("note", "cites")
_STEP_OPTIONAL = ("label", "clock", "from", "note", "cites")


@dataclass(frozen=True)
class Clock:
    id: str
    name: str
    authority: str
    starts: str  # the event that starts it (for before_event clocks, the event it comes before)
    amount: int
    unit: str
    counting: str  # the counting rule in words
    cites: tuple[str, ...]
    reading: str | None = None
    before: str | None = None  # before_event: a clock id or the event, in words
    counted_in: str | None = None  # before_event: hours | working_days | calendar_days
    meaning: str = "due"
    conflict: str | None = None
    reading_name: str | None = None  # with an alternative: this reading, as words after "on the reading that"
    alternative: "Clock | None" = None  # the other reading, where the sources allow two
    from_event: bool = False  # an alternative counted from the timeline's event, not the clock's start

    @property
    def counts(self) -> str:
        """What the amount counts: the unit, or for a before_event clock what it counts back in."""
        return self.counted_in if self.unit == "before_event" and self.counted_in else self.unit

    @property
    def backwards(self) -> bool:
        return self.unit == "before_event"

    @property
    def needs_start_time(self) -> bool:
        """Counting hours forward from an event needs the event's time, not just its date."""
        return self.counts == "hours" and not self.backwards


@dataclass(frozen=True)
class Step:
    id: str
    label: str
    clock: str | None  # None: a stage with no timescale, explained by `note`
    after: str | None  # the earlier step whose due date starts this one; None: the event
    note: str | None
    cites: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    id: str
    name: str
    authority: str
    event: str
    steps: tuple[Step, ...]
    note: str | None
    cites: tuple[str, ...]


@dataclass(frozen=True)
class ClockBook:
    clocks: Mapping[str, Clock]
    timelines: Mapping[str, Timeline]
    wording: Mapping[str, str]

    def clock(self, clock_id: str) -> Clock:
        if clock_id not in self.clocks:
            raise InputError(f"unknown clock {clock_id!r} (known: {', '.join(self.clocks)})")
        return self.clocks[clock_id]

    def timeline(self, timeline_id: str) -> Timeline:
        if timeline_id not in self.timelines:
            raise InputError(f"unknown timeline event {timeline_id!r} (known: {', '.join(self.timelines)})")
        return self.timelines[timeline_id]


class ClockDataError(InputError):
    """Clock data that cannot be used: the message is the first problem; `problems` holds them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}")


def _amount(reader: FieldReader, raw: Mapping, node: str) -> int:
    value = raw.get("amount")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        reader.problem(raw, node, f"'amount' must be a whole number, 1 or more, not {value!r}", "amount")
        return 1
    return value


def parse_clock_book(raw: object, origin: str) -> ClockBook:
    """The clocks, timelines and wording in `raw`; ClockDataError lists every problem."""
    reader = FieldReader(origin)
    if not reader.mapping(raw, "", ("clocks", "timelines", "wording"), ()):
        raise ClockDataError(reader.problems)
    clocks = _unique(reader, [_clock(reader, item) for item in _list(reader, raw, "clocks")], "clock")
    timelines = _unique(
        reader, [_timeline(reader, item, clocks) for item in _list(reader, raw, "timelines")], "timeline"
    )
    wording = _wording(reader, raw["wording"])
    if reader.problems:
        raise ClockDataError(reader.problems)
    return ClockBook(clocks, timelines, wording)


def _list(reader: FieldReader, raw: Mapping, key: str) -> list:
    value = raw[key]
    if not isinstance(value, list) or not value:
        reader.problem(raw, "", f"'{key}' must be a non-empty list")
        return []
    return value


def _unique(reader: FieldReader, items: list, kind: str) -> dict:
    found: dict = {}
    for item in items:
        if item is None:
            continue
        if item.id in found:
            reader.problem(None, f"{kind} '{item.id}'", "this id is used twice")
        found[item.id] = item
    return found


def _clock(reader: FieldReader, raw: object) -> Clock | None:
    clock_id = raw.get("id") if isinstance(raw, Mapping) else None
    node = f"clock '{clock_id}'"
    if not reader.mapping(raw, node, _CLOCK_KEYS, _CLOCK_OPTIONAL):
        return None
    clock = Clock(
        id=reader.ident(raw, "id", node),
        name=reader.text(raw, "name", node),
        authority=reader.choice(raw, "authority", node, AUTHORITIES),
        starts=reader.text(raw, "starts", node),
        amount=_amount(reader, raw, node),
        unit=reader.choice(raw, "unit", node, UNITS),
        counting=reader.text(raw, "counting", node),
        cites=reader.cites(raw, node, required=True),
        reading=reader.optional_text(raw, "reading", node),
        before=reader.optional_text(raw, "before", node),
        counted_in=raw.get("counted_in") and reader.choice(raw, "counted_in", node, COUNTED_IN),
        meaning=reader.choice(raw, "meaning", node, MEANINGS, default="due"),
        conflict=reader.optional_text(raw, "conflict", node),
        reading_name=reader.optional_text(raw, "reading_name", node),
        alternative=_alternative(reader, raw, node),
    )
    _check_clock(reader, raw, node, clock)
    return clock


def _alternative(reader: FieldReader, raw: Mapping, node: str) -> Clock | None:
    alternative = raw.get("alternative")
    if alternative is None:
        return None
    node = f"{node} alternative"
    if not reader.mapping(alternative, node, _ALTERNATIVE_KEYS, _ALTERNATIVE_OPTIONAL):
        return None
    unit = reader.choice(alternative, "unit", node, ALTERNATIVE_UNITS)
    backwards = raw.get("unit") == "before_event"  # counted back from the same event as the clock
    starts = reader.optional_text(alternative, "starts", node)
    return Clock(
        id=str(raw.get("id")),
        name=reader.text(alternative, "name", node),
        authority=str(raw.get("authority")),
        starts=starts or str(raw.get("starts")),
        amount=_amount(reader, alternative, node),
        unit="before_event" if backwards else unit,
        counting=reader.text(alternative, "counting", node),
        cites=reader.cites(alternative, node, required=True),
        before=raw.get("before") if backwards else None,
        counted_in=unit if backwards else None,
        from_event=starts is not None,
    )


def _check_clock(reader: FieldReader, raw: Mapping, node: str, clock: Clock) -> None:
    if clock.backwards != bool(clock.before and clock.counted_in):
        reader.problem(raw, node, "'before' and 'counted_in' are given with unit before_event, and only then")
    if not (bool(clock.conflict) == bool(clock.alternative) == bool(clock.reading_name)):
        reader.problem(raw, node, "'conflict', 'reading_name' and 'alternative' go together")
    if "hours" in (clock.counted_in, clock.alternative and clock.alternative.counted_in):
        reader.problem(raw, node, "a clock counted back from an event counts days, not hours")
    if clock.alternative and clock.alternative.from_event and clock.backwards:
        reader.problem(raw, node, "an alternative counted back from an event cannot have its own 'starts'")
    if clock.meaning != "due" and clock.counts in ("hours", "working_days"):
        reader.problem(raw, node, f"meaning {clock.meaning!r} is only for calendar dates, not {clock.counts}")


def _timeline(reader: FieldReader, raw: object, clocks: Mapping[str, Clock]) -> Timeline | None:
    timeline_id = raw.get("id") if isinstance(raw, Mapping) else None
    node = f"timeline '{timeline_id}'"
    if not reader.mapping(raw, node, _TIMELINE_KEYS, _TIMELINE_OPTIONAL):
        return None
    steps: list[Step] = []
    for item in _list(reader, raw, "steps"):
        step = _step(reader, item, node, clocks, [step.id for step in steps if step.clock])
        if step:
            steps.append(step)
    return Timeline(
        id=reader.ident(raw, "id", node),
        name=reader.text(raw, "name", node),
        authority=reader.choice(raw, "authority", node, AUTHORITIES),
        event=reader.text(raw, "event", node),
        steps=tuple(steps),
        note=reader.optional_text(raw, "note", node),
        cites=reader.cites(raw, node, required=False),
    )


def _step(
    reader: FieldReader, raw: object, node: str, clocks: Mapping[str, Clock], earlier: list[str]
) -> Step | None:
    step_id = raw.get("id") if isinstance(raw, Mapping) else None
    node = f"{node} step '{step_id}'"
    if not reader.mapping(raw, node, ("id",), _STEP_OPTIONAL):
        return None
    clock_id, after = raw.get("clock"), raw.get("from")
    if clock_id is not None and clock_id not in clocks:
        reader.problem(raw, node, f"clock {clock_id!r} is not in the clocks list")
    if after is not None and after not in earlier:
        reader.problem(raw, node, f"from {after!r} is not an earlier step of this timeline with a clock")
    if (clock_id is None) == (raw.get("note") is None) or (clock_id is None and "label" not in raw):
        reader.problem(raw, node, "needs a 'clock', or a 'label' and a 'note' saying why it has no date")
    clock = clocks.get(clock_id)
    return Step(
        id=reader.ident(raw, "id", node),
        label=reader.optional_text(raw, "label", node) or (clock.name if clock else ""),
        clock=clock_id,
        after=after,
        note=reader.optional_text(raw, "note", node),
        cites=reader.cites(raw, node, required=clock is None) or (_all_cites(clock) if clock else ()),
    )


def _all_cites(clock: Clock) -> tuple[str, ...]:
    """A clock's clauses, then those only its other reading cites."""
    other = clock.alternative.cites if clock.alternative else ()
    return tuple(dict.fromkeys([*clock.cites, *other]))


def _wording(reader: FieldReader, raw: object) -> dict[str, str]:
    if not reader.mapping(raw, "wording", WORDING, ()):
        return {}
    return {key: reader.text(raw, key, "wording") for key in WORDING}
