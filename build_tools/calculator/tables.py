"""Every clock and timeline as tables, drawn at build time: the calculator's content without JavaScript."""

from collections.abc import Mapping
from html import escape

from decision.deadlines.clock_book import AUTHORITIES, Clock, ClockBook, Step, Timeline
from decision.project.wording import Wording


def tables_html(wording: Wording, book: ClockBook, hrefs: Mapping[str, str], level: int) -> str:
    clocks = "".join(_clock_table(wording, book, authority, hrefs) for authority in AUTHORITIES)
    rows = "".join(_timeline_row(wording, book, line, hrefs) for line in book.timelines.values())
    return (
        f'<h{level} id="calc-every-clock">{escape(wording("clocks_heading"))}</h{level}>{clocks}'
        f'<h{level} id="calc-every-timeline">{escape(wording("timelines_heading"))}</h{level}>'
        + table_html("calc-timelines", wording("timelines_caption"), wording["timeline_columns"], rows)
    )


def table_html(table_id: str, caption: str, columns: list[str], rows: str) -> str:
    """A table in a region that scrolls sideways on a narrow screen, focusable so a keyboard can scroll it."""
    return (
        f'<div class="calc-scroll" role="region" tabindex="0" aria-labelledby="{table_id}-caption">'
        f'<table class="calc-table"><caption id="{table_id}-caption">{escape(caption)}</caption>'
        f"{_head(columns)}<tbody>{rows}</tbody></table></div>"
    )


def links_html(hrefs: Mapping[str, str], cites: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f'<a href="{escape(hrefs[cite])}">{escape(cite)}</a>' for cite in cites)


def _clock_table(wording: Wording, book: ClockBook, authority: str, hrefs: Mapping[str, str]) -> str:
    clocks = [clock for clock in book.clocks.values() if clock.authority == authority]
    if not clocks:
        return ""
    rows = "".join(
        f'<tr><th scope="row">{escape(clock.name)}</th><td>{escape(clock.starts)}</td>'
        f"<td>{escape(amount_text(wording, book, clock))}</td>"
        f'<td class="calc-wide">{_counting_html(wording, clock)}</td>'
        f"<td>{links_html(hrefs, _clock_cites(clock))}</td></tr>"
        for clock in clocks
    )
    caption = wording("clocks_caption", authority=authority)
    return table_html(f"calc-{authority.lower()}", caption, wording["clock_columns"], rows)


def amount_text(wording: Wording, book: ClockBook, clock: Clock) -> str:
    """'5 working days', or for a deadline before an event '2 working days before: the event'; with
    two readings, both."""
    amount = _one_amount(wording, book, clock)
    if clock.alternative is None:
        return amount
    return wording("amount_or", amount=amount, other=_one_amount(wording, book, clock.alternative))


def _one_amount(wording: Wording, book: ClockBook, clock: Clock) -> str:
    singular, plural = wording["units"][clock.counts]
    unit = singular if clock.amount == 1 else plural
    if not clock.backwards:
        return wording("amount", amount=clock.amount, unit=unit)
    before = book.clocks[clock.before].name if clock.before in book.clocks else clock.before
    return wording("amount_before", amount=clock.amount, unit=unit, before=before)


def _counting_html(wording: Wording, clock: Clock) -> str:
    parts = [clock.counting]
    if clock.reading:
        parts.append(wording("reading", reading=clock.reading))
    if clock.conflict and clock.alternative:
        parts.append(wording("conflict", conflict=clock.conflict))
        parts.append(
            wording("alternative_rule", name=clock.alternative.name, counting=clock.alternative.counting)
        )
    return "".join(f"<p>{escape(part)}</p>" for part in parts)


def _clock_cites(clock: Clock) -> list[str]:
    extra = [cite for cite in clock.alternative.cites if cite not in clock.cites] if clock.alternative else []
    return [*clock.cites, *extra]


def _timeline_row(wording: Wording, book: ClockBook, line: Timeline, hrefs: Mapping[str, str]) -> str:
    labels = {step.id: step.label for step in line.steps}
    steps = "".join(f"<li>{escape(_step_text(wording, book, step, labels))}</li>" for step in line.steps)
    note = f"<p>{escape(line.note)}</p>" if line.note else ""
    cites = list(dict.fromkeys([*line.cites, *(cite for step in line.steps for cite in step.cites)]))
    return (
        f'<tr><th scope="row">{escape(line.name)}</th><td>{escape(line.event)}</td>'
        f'<td class="calc-wide"><ol>{steps}</ol>{note}</td><td>{links_html(hrefs, cites)}</td></tr>'
    )


def _step_text(wording: Wording, book: ClockBook, step: Step, labels: Mapping[str, str]) -> str:
    if step.clock is None:
        return f"{step.label}: {wording('step_no_timescale', note=step.note)}"
    amount = amount_text(wording, book, book.clocks[step.clock])
    if step.after is None:
        return f"{step.label}: {amount}"
    return f"{step.label}: {amount}, {wording('step_from', step=labels[step.after])}"


def _head(columns: list[str]) -> str:
    cells = "".join(f'<th scope="col">{escape(column)}</th>' for column in columns)
    return f"<thead><tr>{cells}</tr></thead>"
