"""Timeline charts: one event and the deadlines that follow it, from decision/clocks.yaml.

The chart shows timescales, not dates (the deadline calculator gives dates); how each is counted
goes in a table under it. Each step hangs from the event, or from the earlier step it counts from;
a step due before another (AISR 48 hours before the Rapid Review) points forward to it; a stage with
no timescale follows the stage listed before it, on a dashed arrow. A timeline too long for one A4
landscape page (a six-stage ladder) runs on over parts, in order, joined by lettered connectors.
"""

from dataclasses import dataclass

from build_tools.flowcharts import d2
from build_tools.flowcharts.labels import BoxText, continued_label, wrap
from build_tools.flowcharts.render import D2Renderer, well_drawn
from build_tools.flowcharts.svg import Accessible, FinishedSvg, finish_svg
from decision.deadlines.clock_book import Clock, ClockBook, Timeline
from decision.errors import InputError
from decision.project.wording import Wording

EVENT_KEY = "EVENT"  # step ids are kebab-case, so never this
STEP_WIDTH = 30
SMALL_WIDTH = 40
EVENT_STYLE = {"fill": '"#E8EAF6"', "stroke": '"#1A237E"', "stroke-width": "3", "font-color": '"#111111"'}
DATED_STYLE = {"fill": '"#FFFBE0"', "stroke": '"#5C4A00"', "stroke-width": "2", "font-color": '"#111111"'}
UNDATED_STYLE = {**DATED_STYLE, "fill": '"#F2F2F2"', "stroke": '"#404040"', "stroke-dash": "5"}
UNDATED_ARROW = {**d2.ARROW_STYLE, "stroke-dash": "5"}
# A timeline reads left to right; top to bottom if that is too wide (see render.LAYOUTS).
LAYOUTS = tuple(
    (engine, direction) for engine in ("elk-tight", "elk", "dagre") for direction in ("right", "down")
)


@dataclass(frozen=True)
class Link:
    source: str
    target: str
    label: str
    dashed: bool  # a stage with no timescale


def interval_text(clock: Clock, wording: Wording) -> str:
    """ "5 working days", "48 hours before", "At least 3 weeks": the timescale as the chart shows it."""
    interval = _interval(wording, clock.amount, clock.counts)
    key = "interval_before" if clock.backwards else f"interval_{clock.meaning}"
    return wording(key, interval=interval)


def _interval(wording: Wording, amount: int, unit: str) -> str:
    """ "5 working days", "1 hour"."""
    return wording["units"][unit][amount != 1].format(amount=amount)


def timeline_charts(
    line: Timeline, book: ClockBook, renderer: D2Renderer, wording: Wording
) -> tuple[FinishedSvg, ...]:
    """The chart of one timeline, in one part or more; InputError names it if a step cannot fit."""
    chart = _TimelineChart(line, _boxes(line, wording), _links(line, book, wording), renderer, wording)
    keys = [EVENT_KEY, *(step.id for step in line.steps)]
    parts: list[list[str]] = []
    for index, key in enumerate(keys):
        rest = [keys[index + 1 :]] if index + 1 < len(keys) else []  # on a part of their own, for now
        if parts and chart.drawn([*parts[:-1], [*parts[-1], key], *rest], len(parts)):
            parts[-1].append(key)
        else:
            parts.append([key])
    return tuple(chart.finished(parts, number) for number in range(1, len(parts) + 1))


def timeline_table_rows(line: Timeline, book: ClockBook, wording: Wording) -> list[tuple[str, str, str, str]]:
    """(step, timescale, how it is counted or why there is none, clause ids) for the table under a chart."""
    rows = []
    for step in line.steps:
        clock = book.clocks[step.clock] if step.clock else None
        counting = clock.counting if clock else step.note or ""
        if clock and clock.alternative:
            other = _interval(wording, clock.alternative.amount, clock.alternative.counts)
            counting += " " + wording("other_reading", interval=other)
        timescale = interval_text(clock, wording) if clock else wording("no_timescale")
        rows.append((step.label, timescale, counting, ", ".join(step.cites)))
    return rows


@dataclass(frozen=True)
class _TimelineChart:
    line: Timeline
    boxes: dict[str, BoxText]
    links: list[Link]
    renderer: D2Renderer
    wording: Wording

    @property
    def name(self) -> str:
        return f"decision/clocks.yaml timeline '{self.line.id}'"

    def drawn(self, parts: list[list[str]], number: int) -> str | None:
        """The SVG of one part, drawn the first way that is well drawn, or None."""
        return well_drawn(
            self.renderer, self.name, lambda direction: self._source(parts, number, direction), LAYOUTS
        )

    def finished(self, parts: list[list[str]], number: int) -> FinishedSvg:
        svg = self.drawn(parts, number)
        if svg is None:
            raise InputError(
                f"{self.name}: step '{parts[number - 1][0]}' is too big to print on A4 landscape"
            )
        keys = frozenset(parts[number - 1]) - {EVENT_KEY}
        small = {key: len(self.boxes[key].small) for key in keys}
        return finish_svg(svg, self._accessible(len(parts), number), keys, small, self.name)

    def _source(self, parts: list[list[str]], number: int, direction: str) -> str:
        keys = parts[number - 1]
        footer = self.wording("timeline_subtitle", authority=self.line.authority)
        if len(parts) > 1:
            footer += " · " + self.wording("part", part=number, parts=len(parts))
        lines = [
            f"direction: {direction}",
            d2.free_text("TITLE", self.line.name, "top-center", 24, bold=True),
            d2.free_text("FOOTER", footer, "bottom-center", 16, bold=False),
        ]
        for key in keys:
            shape = "oval" if key == EVENT_KEY else "rectangle"
            lines.append(d2.box(key, self.boxes[key], shape, self._style(key)))
        return "\n".join(lines + self._arrows(parts, number)) + "\n"

    def _arrows(self, parts: list[list[str]], number: int) -> list[str]:
        """Arrows within the part; one that crosses parts runs to or from a lettered connector."""
        keys = parts[number - 1]
        part_of = {key: index for index, part in enumerate(parts, start=1) for key in part}
        crossing = [link for link in self.links if part_of.get(link.source) != part_of.get(link.target)]
        letters = {
            target: d2.letter(index)
            for index, target in enumerate(dict.fromkeys(link.target for link in crossing))
        }
        lines = []
        for link in self.links:
            text = BoxText((link.label,), ())
            style = UNDATED_ARROW if link.dashed else d2.ARROW_STYLE
            source, target = link.source, link.target
            if source in keys and target not in keys:
                target = "CONTINUES_" + letters[link.target]
                stub = self.wording("continues", part=part_of[link.target], letter=letters[link.target])
                lines.append(d2.box(target, BoxText((stub,), ()), "rectangle", d2.CONNECTOR_STYLE))
            elif target in keys and source not in keys:
                source = "CONTINUED_" + letters[link.target]
                stub = continued_label(self.wording, [part_of[link.source]], letters[link.target])
                lines.append(d2.box(source, BoxText((stub,), ()), "rectangle", d2.CONNECTOR_STYLE))
            elif source not in keys:
                continue
            lines.append(d2.arrow(source, target, text, style))
        return lines

    def _style(self, key: str) -> dict[str, str]:
        if key == EVENT_KEY:
            return EVENT_STYLE
        return DATED_STYLE if next(s for s in self.line.steps if s.id == key).clock else UNDATED_STYLE

    def _accessible(self, parts: int, number: int) -> Accessible:
        line, wording = self.line, self.wording
        title = line.name + (f" ({wording('part', part=number, parts=parts)})" if parts > 1 else "")
        description = wording("timeline_description", name=line.name, event=line.event, steps=len(line.steps))
        return Accessible(f"timeline-{line.id}-part-{number}", title, description)


def _boxes(line: Timeline, wording: Wording) -> dict[str, BoxText]:
    """Each step's name with its clause ids in small type; the event as it is worded."""
    boxes = {EVENT_KEY: BoxText(wrap(line.event, STEP_WIDTH), ())}
    for step in line.steps:
        boxes[step.id] = BoxText(
            wrap(step.label, STEP_WIDTH), wrap(wording("clauses", ids=", ".join(step.cites)), SMALL_WIDTH)
        )
    return boxes


def _links(line: Timeline, book: ClockBook, wording: Wording) -> list[Link]:
    links = []
    previous = EVENT_KEY
    for step in line.steps:
        if step.clock is None:
            links.append(Link(previous, step.id, wording("no_timescale"), dashed=True))
        else:
            clock = book.clocks[step.clock]
            source = step.after or EVENT_KEY
            text = interval_text(clock, wording)
            pair = (step.id, source) if clock.backwards else (source, step.id)
            links.append(Link(*pair, text, dashed=False))
        previous = step.id
    return links
