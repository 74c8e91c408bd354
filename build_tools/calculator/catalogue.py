"""What the calculator offers, from decision/clocks.yaml: every clock and timeline, and what they cite."""

from dataclasses import dataclass

from decision.aid.calculator import choice_needs_time
from decision.deadlines.clock_book import AUTHORITIES, ClockBook
from decision.deadlines.timeline import happened_label, happened_steps


@dataclass(frozen=True)
class Choice:
    kind: str  # clock | timeline
    id: str
    name: str
    authority: str
    starts: str  # the event the date entered is the date of
    needs_time: bool  # counts hours forward from the event, so the event's time is needed
    happened: tuple[tuple[str, str], ...] = ()  # timelines: (step id, label) of each step's real date

    @property
    def value(self) -> str:
        return f"{self.kind}:{self.id}"


def groups(book: ClockBook) -> list[tuple[str, str, list[Choice]]]:
    """(kind, authority, choices) for each authority's clocks, then each authority's timelines."""
    found = []
    for kind, items in (("clock", _clock_choices(book)), ("timeline", _timeline_choices(book))):
        for authority in AUTHORITIES:
            chosen = [choice for choice in items if choice.authority == authority]
            if chosen:
                found.append((kind, authority, chosen))
    return found


def cited(book: ClockBook) -> set[str]:
    """Every clause id a clock, its other reading, a timeline or a step cites."""
    cites = set()
    for clock in book.clocks.values():
        cites |= set(clock.cites) | set(clock.alternative.cites if clock.alternative else ())
    for line in book.timelines.values():
        cites |= set(line.cites) | {cite for step in line.steps for cite in step.cites}
    return cites


def _clock_choices(book: ClockBook) -> list[Choice]:
    return [
        Choice(
            "clock",
            clock.id,
            clock.name,
            clock.authority,
            clock.starts,
            choice_needs_time(book, "clock", clock.id),
        )
        for clock in book.clocks.values()
    ]


def _timeline_choices(book: ClockBook) -> list[Choice]:
    return [
        Choice(
            "timeline",
            line.id,
            line.name,
            line.authority,
            line.event,
            choice_needs_time(book, "timeline", line.id),
            tuple((step.id, happened_label(line, step, book)) for step in happened_steps(line)),
        )
        for line in book.timelines.values()
    ]
