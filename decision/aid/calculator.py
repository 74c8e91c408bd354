"""The deadline calculator in the browser: its form read and checked, the clock or timeline counted, and
the result, or the problems in the GOV.UK pattern, drawn as HTML, as the aid draws its steps.

The form is in the page (build_tools/calculator/form.py) and its fields are named here:

    what                                   clock:<id> or timeline:<id>
    event-day, event-month, event-year     the date of the event the count starts from
    event-time                             its time, for a count in hours
    h-<timeline>-<step>-day, -month, -year the date a step really happened (optional)

The state shown lives only in the URL fragment, which browsers never send to a server:

    clock=<id>&date=YYYY-MM-DD[&time=HH:MM]   or   timeline=<id>&date=...[&real.<step>=YYYY-MM-DD]...
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from html import escape
from urllib.parse import unquote

from decision.aid.form import DATE_PARTS, date_from_parts, submitted_moment
from decision.aid.pieces import Ids, cite_links, error_message, error_summary
from decision.aid.view import Fault, Site
from decision.aid.wording import say
from decision.deadlines.clock import deadline
from decision.deadlines.clock_book import ClockBook
from decision.deadlines.deadline_data import DeadlineData
from decision.deadlines.ics import to_ics
from decision.deadlines.timeline import happened_label, happened_steps, timeline
from decision.errors import InputError
from decision.iso_dates import ISO_DATE, long_date

WHAT = "what"
EVENT = "event"  # the prefix of the event's fields: event-day, ..., event-time
REAL = "real."  # the prefix of a step's real date in the fragment


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the form: the message goes beside its group and links to its field."""

    group: str  # the form's box: calc-<group>-group, with its message in calc-<group>-error
    fault: Fault  # the message, and the field (calc-<field>) the error summary links to


@dataclass(frozen=True)
class Calculation:
    """What to count: a clock or timeline, from an event, with the real dates given for its steps."""

    kind: str  # clock | timeline
    id: str
    start: str  # YYYY-MM-DD or YYYY-MM-DDTHH:MM
    happened: dict[str, str] = field(default_factory=dict)  # step id -> YYYY-MM-DD


class _Ids(Ids):
    """The calculator's element ids, as build_tools/calculator/form.py writes them: calc-<name>."""

    def __init__(self) -> None:
        self.prefix = "calc-"


def choice_needs_time(book: ClockBook, kind: str, choice_id: str) -> bool:
    """Whether the clock, or a step of the timeline counted from its event, needs the event's time."""
    if kind == "clock":
        return book.clocks[choice_id].needs_start_time
    steps = book.timelines[choice_id].steps
    return any(
        step.clock and step.after is None and book.clocks[step.clock].needs_start_time for step in steps
    )


def happened_group(timeline_id: str, step_id: str) -> str:
    """The form's group (and field prefix) for the real date of one step of a timeline."""
    return f"h-{timeline_id}-{step_id}"


# --- the request -----------------------------------------------------------------------------


def calculate(data: DeadlineData, site: Site, fields: Mapping, today: date | None = None) -> dict:
    """The answer to the form as submitted: {html, errors, messages, fragment, error?}.

    html: the result ("" when something is wrong); errors: the error summary; messages: the message
    to show in each group's error slot (by its id); fragment: the state to keep in the address, or
    None when there is nothing to keep; error: the first problem, {field, message}."""
    calculation, problems = read(data.book, fields)
    html = ""
    if calculation is not None:
        try:
            html = result_html(data, site, calculation, today)
        except InputError as error:  # the engine's word on the date: outside the data, a step too early
            message = say("dates_error", start=say("calc_date"), message=str(error))
            problems = [Problem(EVENT, Fault(message, f"{EVENT}-day"))]
    if problems:
        first = problems[0].fault
        return {
            "html": "",
            "errors": error_summary(_Ids(), site.level, [problem.fault for problem in problems]),
            "messages": _messages(problems),
            "fragment": None,
            "error": {"field": first.field, "message": first.message},
        }
    assert calculation is not None
    return {"html": html, "errors": "", "messages": {}, "fragment": to_fragment(calculation)}


def calculate_link(data: DeadlineData, site: Site, fragment: str, today: date | None = None) -> dict:
    """The answer to a link's fragment, as if its form were submitted, with the form's values to show."""
    fields = fields_from_fragment(data.book, fragment)
    if not fragment:  # no calculation: an empty form, nothing shown
        return {"html": "", "errors": "", "messages": {}, "fragment": "", "form": fields}
    return {**calculate(data, site, fields, today), "form": fields}


def calendar_file(data: DeadlineData, fragment: str, today: date | None = None) -> dict:
    """{text, file}: the iCalendar file of the calculation in a fragment, and its file name."""
    calculation, problems = read(data.book, fields_from_fragment(data.book, fragment))
    if calculation is None:
        raise InputError(problems[0].fault.message)
    if calculation.kind == "clock":  # one clock exports as a timeline of one step, named after the clock
        one = deadline(calculation.id, calculation.start, data, today)
        result = {"steps": [{**one, "label": one["name"]}]}
    else:
        result = timeline(calculation.id, calculation.start, data, today, calculation.happened)
    return {"text": to_ics(result, data), "file": f"{calculation.id}-{calculation.start[:10]}.ics"}


def read(book: ClockBook, fields: Mapping) -> tuple[Calculation | None, list[Problem]]:
    """What the form asks to count, or the problems with it, in the order of the form."""
    kind, _, choice_id = str(fields.get(WHAT, "")).partition(":")
    known = choice_id in (book.clocks if kind == "clock" else book.timelines if kind == "timeline" else ())
    problems = [] if known else [Problem(WHAT, Fault(say("calc_choose"), WHAT))]
    wants_time = known and choice_needs_time(book, kind, choice_id)
    names = [f"{EVENT}-{part}" for part in (*DATE_PARTS, *(["time"] if wants_time else []))]
    start, fault = submitted_moment({name: fields.get(name, "") for name in names}, EVENT, wants_time)
    if fault is None and start is None:
        problems.append(Problem(EVENT, Fault(say("calc_date_enter"), f"{EVENT}-day")))
    elif fault is not None:
        group = f"{EVENT}-time" if fault.field == f"{EVENT}-time" else EVENT
        label = say("calc_time") if group != EVENT else say("calc_date")
        problems.append(
            Problem(group, Fault(say("dates_error", start=label, message=fault.message), fault.field))
        )
    happened = {}
    if kind == "timeline" and known:
        happened, wrong = _happened(book, choice_id, fields)
        problems += wrong
    if problems or start is None:
        return None, problems
    return Calculation(kind, choice_id, start, happened), []


def _happened(book: ClockBook, timeline_id: str, fields: Mapping) -> tuple[dict[str, str], list[Problem]]:
    """The real dates given for the steps of a timeline; boxes left empty are steps not yet happened."""
    line = book.timelines[timeline_id]
    dates, problems = {}, []
    for step in happened_steps(line):
        group = happened_group(timeline_id, step.id)
        parts = {part: str(fields.get(f"{group}-{part}", "")).strip() for part in DATE_PARTS}
        if not any(parts.values()):
            continue
        value, fault = date_from_parts(parts, f"{group}-")
        if fault is not None:
            message = say("dates_error", start=happened_label(line, step, book), message=fault.message)
            problems.append(Problem(group, Fault(message, fault.field)))
        elif value is not None:
            dates[step.id] = value
    return dates, problems


def _messages(problems: list[Problem]) -> dict[str, str]:
    """The message for each group's error slot, the first problem in the group only."""
    messages: dict[str, str] = {}
    for problem in problems:
        slot = f"calc-{problem.group}-error"
        messages.setdefault(slot, _inside(error_message(slot, problem.fault.message)))
    return messages


def _inside(element: str) -> str:
    """The content of one element's HTML: the page keeps the element, with its id, in its place."""
    return element[element.index(">") + 1 : element.rindex("<")]


# --- the fragment ----------------------------------------------------------------------------


def to_fragment(calculation: Calculation) -> str:
    """The state for the address; ids are kebab-case and dates digits, so nothing needs quoting."""
    date_part, _, time = calculation.start.partition("T")
    parts = [f"{calculation.kind}={calculation.id}", f"date={date_part}"]
    parts += [f"time={time}"] if time else []
    parts += [f"{REAL}{step}={day}" for step, day in calculation.happened.items()]
    return "&".join(parts)


def fields_from_fragment(book: ClockBook, fragment: str) -> dict[str, str]:
    """The form's fields as a fragment fills them in; what it holds is checked as if typed."""
    params = {}
    for part in fragment.removeprefix("#").split("&"):
        key, _, value = part.partition("=")
        params[unquote(key)] = unquote(value)
    kind = "timeline" if "timeline" in params else "clock"
    fields = {WHAT: f"{kind}:{params[kind]}" if params.get(kind) else ""}
    fields |= _date_fields(EVENT, params.get("date", ""))
    fields[f"{EVENT}-time"] = params.get("time", "")
    for line in book.timelines.values():
        for step in happened_steps(line):
            given = params.get(f"{REAL}{step.id}", "") if fields[WHAT] == f"timeline:{line.id}" else ""
            fields |= _date_fields(happened_group(line.id, step.id), given)
    return fields


def _date_fields(prefix: str, value: str) -> dict[str, str]:
    """Day, month and year boxes from YYYY-MM-DD, as a person would type them; empty for anything else."""
    if not ISO_DATE.match(value):
        return {f"{prefix}-{part}": "" for part in DATE_PARTS}
    year, month, day = value.split("-")
    return {f"{prefix}-day": day.lstrip("0"), f"{prefix}-month": month.lstrip("0"), f"{prefix}-year": year}


# --- the result ------------------------------------------------------------------------------


def result_html(data: DeadlineData, site: Site, calculation: Calculation, today: date | None = None) -> str:
    """The result with its working, and the button for its calendar file."""
    if calculation.kind == "clock":
        body = _clock_html(site, deadline(calculation.id, calculation.start, data, today))
    else:
        found = timeline(calculation.id, calculation.start, data, today, calculation.happened)
        body = _timeline_html(site, found)
    return body + _download_html()


def _clock_html(site: Site, result: dict) -> str:
    latest = result["latest"]
    rows = [
        (say("calc_event"), escape(f"{result['starts']}: {result['start_text']}")),
        (say("calc_rule"), escape(result["rule"])),
        (say("calc_day_zero"), escape(_long(result["day_zero"]))) if result["day_zero"] else None,
        (say("calc_skipped"), _list(_skipped(day) for day in result["skipped"]))
        if result["skipped"]
        else None,
        (say("calc_notes"), _list(result["notes"])) if result["notes"] else None,
        (say("calc_reading"), escape(result["reading"])) if result["reading"] else None,
        (say("calc_guidance"), _cites(site, result["cites"])),
    ]
    working = "".join(
        f'<div class="calc-working__row"><dt>{escape(key)}</dt><dd>{value}</dd></div>'
        for key, value in filter(None, rows)
    )
    return "".join(
        [
            _heading(site, result["name"]),
            f'<p class="calc-due">{escape(result["due_text"])}</p>',
            f'<p class="calc-work-to">{escape(result["work_to_text"])}</p>' if latest else "",
            f'<p class="calc-latest"><strong>{escape(latest["latest_text"])}</strong></p>' if latest else "",
            f'<dl class="calc-working">{working}</dl>',
            *(_admonition(say("calc_warning"), [escape(warning)]) for warning in result["warnings"]),
            _conflict(site, result),
        ]
    )


def _conflict(site: Site, result: dict) -> str:
    if not result["conflict"]:
        return ""
    latest = result["latest"]
    paragraphs = [escape(result["conflict"])]
    if latest:
        paragraphs.append(f"{escape(latest['rule'])} {_cites(site, latest['cites'])}")
        paragraphs += [escape(note) for note in latest["notes"]]
    return _admonition(say("calc_conflict"), paragraphs)


def _timeline_html(site: Site, result: dict) -> str:
    head = "".join(f'<th scope="col">{escape(column)}</th>' for column in say("calc_step_columns"))
    rows = "".join(
        f'<tr><th scope="row">{escape(step["label"])}</th>'
        f"<td>{_step_dates(step) if step['due'] else escape(say('calc_no_timescale'))}</td>"
        f'<td class="calc-wide">{_step_working(step) if step["due"] else _paragraphs([step["note"]])}</td>'
        f"<td>{_cites(site, step['cites'])}</td></tr>"
        for step in result["steps"]
    )
    event = say("calc_timeline_event", event=result["event"], start=result["start_text"])
    note = f"<p>{escape(result['note'])} {_cites(site, result['cites'])}</p>" if result["note"] else ""
    return (
        f"{_heading(site, result['name'])}<p>{escape(event)}</p>{note}"
        '<div class="calc-scroll" tabindex="0" role="region" aria-labelledby="calc-timeline-caption">'
        f'<table class="calc-table"><caption id="calc-timeline-caption">{escape(result["name"])}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _step_dates(step: dict) -> str:
    """The date to work to is the headline; the latest date of a second reading sits under it, never above."""
    due = f"<strong>{escape(step['due_text'])}</strong>"
    if not step["latest"]:
        return due
    return f'{due}<p class="calc-latest">{escape(step["latest"]["latest_text"])}</p>'


def _step_working(step: dict) -> str:
    latest = step["latest"]
    skipped = "; ".join(_skipped(day) for day in step["skipped"])
    lines = [
        step["rule"],
        f"{say('calc_day_zero')}: {_long(step['day_zero'])}" if step["day_zero"] else "",
        f"{say('calc_skipped')}: {skipped}" if skipped else "",
        *step["notes"],
    ]
    html = _paragraphs(lines)
    warning = escape(say("calc_warning"))
    html += "".join(f"<p><strong>{warning}: </strong>{escape(text)}</p>" for text in step["warnings"])
    more = [
        f"{say('calc_reading')}: {step['reading']}" if step["reading"] else "",
        step["work_to_text"] if latest else "",
        latest["rule"] if latest else "",
        *(latest["notes"] if latest else ()),
        f"{say('calc_conflict')}: {step['conflict']}" if step["conflict"] else "",
    ]
    return html + _paragraphs(more)


def _skipped(day: dict) -> str:
    """A day not counted: a weekend, a bank holiday, or a bank holiday at a weekend."""
    when = date.fromisoformat(day["date"])
    holiday = day["holiday"]
    key = "calc_skipped_weekend"
    if holiday:
        key = "calc_skipped_weekend_holiday" if when.weekday() >= 5 else "calc_skipped_holiday"
    return say(key, day=long_date(when), holiday=holiday or "")


def _long(iso: str) -> str:
    return long_date(date.fromisoformat(iso))


def _download_html() -> str:
    failed = escape(say("calc_ics_failed"))
    return (
        '<div class="calc-download">'
        f'<p class="aid-hint" id="calc-ics-hint">{escape(say("calc_download_hint"))}</p>'
        '<button type="button" class="md-button calc-ics" aria-describedby="calc-ics-hint" '
        f'data-failed="{failed}">'
        f"{escape(say('calc_download'))}</button>"
        '<p class="calc-ics-status" role="status"></p></div>'
    )


def _heading(site: Site, name: str) -> str:
    text = escape(say("calc_result_heading", name=name))
    return f'<h{site.level} class="calc-heading" tabindex="-1">{text}</h{site.level}>'


def _admonition(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f'<div class="admonition warning"><p class="admonition-title">{escape(title)}</p>{body}</div>'


def _cites(site: Site, cites: list[str]) -> str:
    return f'<span class="calc-cites">{cite_links(site, cites)}</span>'


def _list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _paragraphs(lines: list[str]) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in lines if line)
