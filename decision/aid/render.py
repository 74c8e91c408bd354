"""HTML and plain text of a decision aid: question, check your answers, outcome, text version, record.

One renderer for the build (first question and text version in the page) and the browser (every later
step, in the Pyodide worker), so both show the same thing. Standard library only. Every word the
reader sees comes from the rule data, the clocks or decision/aid/wording.json. Links are relative to
the page the aid sits on (`Site.base` leads to the site root), so they work wherever the site is served.
"""

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

from decision.aid.fragment import SHOW_OUTCOME, State, href
from decision.errors import InputError
from decision.trees.conditions import AllOf, AnswerIncludes, AnyOf, Condition, DateComparison, Not
from decision.trees.engine import format_date
from decision.trees.tree import TODAY, Action, DateCheck, Outcome, Question, Tree

WORDING_FILE = Path(__file__).resolve().parent / "wording.json"
_MINUTE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$")


@cache
def wording() -> dict:
    return json.loads(WORDING_FILE.read_text(encoding="utf-8"))


def say(key: str, **values: object) -> str:
    """A sentence from the wording file with its {placeholders} filled in (plain text, not yet escaped)."""
    return wording()[key].format(**values) if values else wording()[key]


@dataclass(frozen=True)
class Site:
    """What the renderer needs to know about the site: where pages are, and what things are called."""

    base: str  # from the current page to the site root, e.g. "../../"
    clause_pages: Mapping[str, str]  # clause id -> page URL from the site root, e.g. "kent/national-panel/"
    aid_pages: Mapping[str, str]  # tree id -> URL of its own aid page from the site root
    tree_titles: Mapping[str, str]
    clocks: Mapping[str, tuple[str, str]]  # clock id -> (name, counting rule in words)
    version: Mapping[str, str]  # the rules' {"hash": ..., "date": YYYY-MM-DD}
    level: int = 2  # heading level of the aid's own headings on this page

    def clause_href(self, clause: str) -> str:
        return f"{self.base}{self.clause_pages[clause]}#{clause.lower()}"

    @property
    def sub(self) -> int:
        return min(self.level + 1, 6)


@dataclass(frozen=True)
class Fault:
    """A problem with an answer, shown in the error summary and beside the field."""

    message: str
    field: str  # the id suffix of the input the summary links to: "0" (first option), "day", ...


@dataclass(frozen=True)
class Start:
    """One event that starts some of an outcome's clocks, and the date and time given for it."""

    id: str  # the fragment key after `when.`
    label: str  # the event, in words
    value: str | None  # YYYY-MM-DD or YYYY-MM-DDTHH:MM, as stored in the fragment
    error: Fault | None = None
    typed: Mapping[str, str] = field(default_factory=dict)  # day, month, year, time as typed, when wrong


@dataclass(frozen=True)
class Due:
    """When one action's clock is due, worked out from the date and time given for its start."""

    text: str  # the work-to date: "By the end of Tuesday 1 December 2026"
    notes: tuple[str, ...]  # the working worth knowing: day 0 moved, clocks changing, chained dates
    latest: str | None = None  # two readings: "At the latest, on the reading that ...", never the headline


# --- question ------------------------------------------------------------------------------


def question_html(
    site: Site,
    tree: Tree,
    question: Question,
    value: object = None,
    back: str | None = None,
    fault: Fault | None = None,
) -> str:
    """One question as a GOV.UK form: fieldset, legend heading, hint, error, inputs, guidance, Continue.

    `value` is the answer to show chosen: a stored answer, or for a date the parts as typed. The
    clause links come after the answers, folded into one control, so the keyboard reaches the answers
    first."""
    ids = _Ids(tree)
    hint = _hint(question)
    described = [ids.of("hint")] if hint else []
    described += [ids.of("error")] if fault else []
    legend = _heading(site.level, ids.of("heading"), escape(question.text), focusable=True)
    invalid = fault is not None
    return "".join(
        [
            _back_link(back),
            _error_summary(ids, site.level, [fault]) if fault else "",
            f'<form class="aid-form" method="dialog" novalidate data-form="question" '
            f'data-question="{question.id}" data-kind="{question.kind}">',
            _group_open(invalid, described),
            f'<legend class="aid-legend">{legend}</legend>',
            f'<div class="aid-hint" id="{ids.of("hint")}">{escape(hint)}</div>' if hint else "",
            _error_message(ids.of("error"), fault.message) if fault else "",
            _date_inputs(ids, "", value, invalid)
            if question.kind == "date"
            else _choices(ids, question, value, invalid),
            "</fieldset></div>",
            _question_guidance(site, _question_cites(question)),
            _button(say("continue"), primary=True, attributes='type="submit"'),
            "</form>",
        ]
    )


def _question_guidance(site: Site, cites: list[str]) -> str:
    if not cites:
        return ""
    return (
        f'<details class="aid-guidance"><summary>{escape(say("question_guidance"))}</summary>'
        f"<p>{_cite_links(site, cites)}</p></details>"
    )


def _hint(question: Question) -> str:
    extra = {"multi": say("multi_hint"), "date": say("date_hint")}.get(question.kind)
    return " ".join(text for text in (question.help, extra) if text)


def _question_cites(question: Question) -> list[str]:
    cites = [*question.cites, *(cite for option in question.options for cite in option.cites)]
    return list(dict.fromkeys(cites))


def _choices(ids: "_Ids", question: Question, value: object, invalid: bool) -> str:
    kind = "checkbox" if question.kind == "multi" else "radio"
    chosen = value if isinstance(value, list) else [value]
    items = []
    for index, option in enumerate(question.options):
        if option.exclusive and index > 0 and not question.options[index - 1].exclusive:
            items.append(f'<div class="aid-choices__divider">{escape(say("or"))}</div>')
        input_id = ids.of(str(index))
        exclusive = ' data-exclusive="true"' if option.exclusive else ""
        checked = " checked" if option.value in chosen else ""
        items.append(
            f'<div class="aid-choices__item"><input class="aid-choices__input" id="{input_id}" name="answer" '
            f'type="{kind}" value="{option.value}"{exclusive}{checked}{_invalid(invalid)}>'
            f'<label class="aid-choices__label" for="{input_id}">{escape(option.label)}</label></div>'
        )
    return f'<div class="aid-choices aid-choices--{kind}">{"".join(items)}</div>'


def _date_inputs(ids: "_Ids", prefix: str, value: object, invalid: bool) -> str:
    """Day, month and year boxes, named `<prefix>day` and so on; `value` is ISO or the typed parts."""
    parts = _date_parts(value)
    items = []
    for part, width in (("day", 2), ("month", 2), ("year", 4)):
        input_id = ids.of(f"{prefix}{part}")
        items.append(
            f'<div class="aid-date__item"><label class="aid-date__label" for="{input_id}">'
            f'{escape(say(part))}</label><input class="aid-date__input aid-width-{width}" id="{input_id}" '
            f'name="{prefix}{part}" type="text" inputmode="numeric" autocomplete="off" '
            f'value="{escape(parts[part])}"{_invalid(invalid)}></div>'
        )
    return f'<div class="aid-date">{"".join(items)}</div>'


def _date_parts(value: object) -> dict[str, str]:
    if isinstance(value, Mapping):
        return {part: str(value.get(part, "")) for part in ("day", "month", "year")}
    if isinstance(value, str) and len(value) >= 10:
        year, month, day = value[:10].split("-")
        return {"day": day.lstrip("0"), "month": month.lstrip("0"), "year": year}
    return {"day": "", "month": "", "year": ""}


# --- check your answers --------------------------------------------------------------------


def check_html(site: Site, tree: Tree, trail: list[dict], state: State, back: str | None) -> str:
    """Every answer on the path with a Change link, then Continue to the outcome."""
    ids = _Ids(tree)
    rows = []
    for entry in trail:
        change = href(State(state.answers, entry["question"], state.when))
        hidden = escape(say("change_hidden", question=entry["text"]))
        rows.append(
            f'<div class="aid-summary__row"><dt class="aid-summary__key">{escape(entry["text"])}</dt>'
            f'<dd class="aid-summary__value">{_answer_html(entry["answer_labels"])}</dd>'
            f'<dd class="aid-summary__actions"><a href="{escape(change)}" data-aid-nav>'
            f'{escape(say("change"))}<span class="aid-visually-hidden">{hidden}</span></a></dd></div>'
        )
    confirm = href(State(state.answers, SHOW_OUTCOME, state.when))
    return "".join(
        [
            _back_link(back),
            _heading(site.level, ids.of("heading"), escape(say("check_heading")), focusable=True),
            f'<dl class="aid-summary">{"".join(rows)}</dl>',
            _button(
                say("continue"), primary=True, attributes=f'type="button" data-aid-nav="{escape(confirm)}"'
            ),
        ]
    )


def _answer_html(labels: list[str]) -> str:
    if len(labels) == 1:
        return escape(labels[0])
    return "<ul>" + "".join(f"<li>{escape(label)}</li>" for label in labels) + "</ul>"


# --- outcome -------------------------------------------------------------------------------


def outcome_html(
    site: Site,
    tree: Tree,
    result: dict,
    state: State,
    starts: list[Start],
    dues: Mapping[str, Due],
    made_at: str,
    zone: ZoneInfo,
) -> str:
    """The decision, urgency, who does what by when, why, what next, and the rules version and time.

    The record is what Print prints: the parts marked aid-print-only stand in for the page around it
    (the aid's title) and for the controls (the dates given, and the address that reopens it)."""
    ids = _Ids(tree)
    outcome = tree.outcomes[result["outcome"]["id"]]
    urgency = escape(say("urgency")[outcome.urgency])
    reopen = escape(href(state))
    record = [
        f'<p class="aid-record__title aid-print-only">{escape(say("record_title", title=tree.title))}</p>',
        _heading(site.level, ids.of("heading"), escape(say("outcome_heading")), focusable=True),
        f'<p class="aid-decision">{escape(outcome.decision)}</p>',
        f'<p class="aid-urgency">{escape(say("urgency_label"))} '
        f'<strong class="aid-tag aid-tag--{outcome.urgency}">{urgency}</strong></p>',
        f"<p>{escape(outcome.explanation)}</p>" if outcome.explanation else "",
        _guidance(site, list(outcome.cites), say("outcome_cites")),
        _starts_given(starts),
        _heading(site.sub, None, escape(say("actions_heading"))),
        _actions_html(site, outcome, dues),
        _dates_form(site, ids, starts) if starts else "",
        _heading(site.sub, None, escape(say("why_heading"))),
        f"<p>{escape(say('why_intro'))}</p>",
        _why_html(site, result["trail"]),
        _consider_html(site, outcome),
        f'<p class="aid-reopen aid-print-only">{escape(say("reopen"))} '
        f'<a href="{reopen}" data-aid-address>{reopen}</a></p>',
        f'<p class="aid-version">{escape(version_text(site.version))} '
        f"{escape(_made_at_text(made_at, zone))}</p>",
    ]
    copy = f'type="button" data-aid-copy data-copied="{escape(say("copied"))}" '
    copy += f'data-fallback="{escape(say("copy_fallback"))}"'
    return "".join(
        [
            _back_link(href(State(state.answers, None, state.when))),
            f'<div class="aid-record" id="{ids.of("record")}">{"".join(record)}</div>',
            '<div class="aid-record-actions aid-no-print">',
            _button(say("copy"), primary=False, attributes=copy),
            _button(say("print"), primary=False, attributes='type="button" data-aid-print'),
            '<p class="aid-copy-status" role="status"></p></div>',
            _not_modelled_details(site, tree),
            f'<p class="aid-no-print"><a href="#" data-aid-nav>{escape(say("start_again"))}</a></p>',
        ]
    )


def _actions_html(site: Site, outcome: Outcome, dues: Mapping[str, Due]) -> str:
    if not outcome.actions:
        return f"<p>{escape(say('no_actions'))}</p>"
    items = []
    for action in outcome.actions:
        timing = ""
        if action.clock:
            due = dues.get(action.clock)
            notes = escape(" ".join(due.notes)) if due else ""
            worked = f" <strong>{escape(due.text)}</strong>{_latest_html(due)} {notes}" if due else ""
            timing = f'<p class="aid-due">{escape(_clock_text(site, action.clock))}{worked}</p>'
        items.append(f"<li>{_who_does(site, action.who, action.does, action.cites)}{timing}</li>")
    return f'<ol class="aid-actions">{"".join(items)}</ol>'


def _latest_html(due: Due) -> str:
    return f' <span class="aid-latest">{escape(due.latest)}.</span>' if due.latest else ""


def _latest(due: Due) -> list[str]:
    return [f"{due.latest}."] if due.latest else []


def _who_does(site: Site, who: str, does: str, cites: Iterable[str], extra: str = "") -> str:
    return f'<span class="aid-who">{escape(who)}:</span> {escape(does)}{extra} {_cites_inline(site, cites)}'


def _clock_text(site: Site, clock: str) -> str:
    name, counting = site.clocks[clock]
    return say("clock", name=name, counting=counting)


def _dates_form(site: Site, ids: "_Ids", starts: list[Start]) -> str:
    """A date and time for each event that starts a clock; the aid then shows when each is due."""
    faults = [
        Fault(say("dates_error", start=start.label, message=start.error.message), start.error.field)
        for start in starts
        if start.error
    ]
    heading = f'<h{site.sub + 1} class="aid-heading">{escape(say("dates_heading"))}</h{site.sub + 1}>'
    return (
        '<div class="aid-dates aid-no-print">'
        + (_error_summary(ids, site.sub + 1, faults) if faults else "")
        + f'<form class="aid-form" method="dialog" novalidate data-form="dates">{heading}'
        + f'<p class="aid-hint">{escape(say("dates_intro"))}</p>'
        + "".join(_start_fields(ids, start) for start in starts)
        + _button(say("dates_button"), primary=False, attributes='type="submit"')
        + "</form></div>"
    )


def _start_fields(ids: "_Ids", start: Start) -> str:
    """Date boxes and a time box for one start, named `<start>-day`, ..., `<start>-time`."""
    hint_id, error_id, time_id = (ids.of(f"{start.id}-{name}") for name in ("hint", "error", "time"))
    typed = start.typed or _date_parts(start.value)
    time = start.typed.get("time", "") if start.typed else (start.value or "")[11:16]
    # Only the boxes at fault are marked: an empty time box is fine when the date is what is wrong.
    time_wrong = start.error is not None and start.error.field == f"{start.id}-time"
    date_wrong = start.error is not None and not time_wrong
    return (
        _group_open(start.error is not None, [hint_id, *([error_id] if start.error else [])])
        + f'<legend class="aid-legend aid-legend--small">{escape(start.label)}</legend>'
        + f'<div class="aid-hint" id="{hint_id}">{escape(say("date_hint"))}</div>'
        + (_error_message(error_id, start.error.message) if start.error else "")
        + _date_inputs(ids, f"{start.id}-", typed, date_wrong)
        + f'<div class="aid-time"><label class="aid-date__label" for="{time_id}">'
        + f"{escape(say('time'))}</label>"
        + f'<div class="aid-hint">{escape(say("time_hint"))}</div>'
        + f'<input class="aid-date__input aid-width-5" id="{time_id}" name="{start.id}-time" type="text" '
        + f'autocomplete="off" value="{escape(time)}"{_invalid(time_wrong)}></div></fieldset></div>'
    )


def _why_html(site: Site, trail: list[dict]) -> str:
    items = [
        f"<li>{escape(entry['text'])} <strong>{escape('; '.join(entry['answer_labels']))}</strong> "
        f"{_cites_inline(site, entry['cites'])}</li>"
        for entry in trail
    ]
    return f'<ul class="aid-why">{"".join(items)}</ul>'


def _consider_html(site: Site, outcome: Outcome) -> str:
    if not outcome.consider:
        return ""
    items = "".join(
        f"<li>{escape(item.text)} {_cites_inline(site, item.cites)}{_hand_off(site, item.tree)}</li>"
        for item in outcome.consider
    )
    return (
        _heading(site.sub, None, escape(say("consider_heading"))) + f'<ul class="aid-consider">{items}</ul>'
    )


def _hand_off(site: Site, tree_id: str | None) -> str:
    if tree_id is None:
        return ""
    title = escape(say("use_aid", title=site.tree_titles[tree_id]))
    return f' <a href="{escape(site.base + site.aid_pages[tree_id])}">{title}</a>'


def _not_modelled_details(site: Site, tree: Tree) -> str:
    if not tree.not_modelled:
        return ""
    return (
        f'<details class="aid-not-modelled aid-no-print"><summary>{escape(say("not_modelled_heading"))}'
        f"</summary>{_not_modelled_list(site, tree)}</details>"
    )


def _not_modelled_list(site: Site, tree: Tree) -> str:
    items = "".join(
        f"<li>{escape(item.text)} {_cites_inline(site, item.cites)}</li>" for item in tree.not_modelled
    )
    return f"<ul>{items}</ul>"


def version_text(version: Mapping[str, str]) -> str:
    """The rules version in words: its hash and the date the rules were last checked (docs/sources.md)."""
    return say("version", hash=version["hash"], date=format_date(version["date"]))


def _made_at_text(made_at: str, zone: ZoneInfo, key: str = "made_at") -> str:
    """When the outcome was worked out, in UK time, naming GMT or BST."""
    moment = datetime.fromisoformat(made_at)
    return say(
        key,
        date=format_date(moment.date().isoformat()),
        time=f"{moment:%H:%M}",
        zone=moment.replace(tzinfo=zone).tzname(),
    )


def _starts_given(starts: list[Start]) -> str:
    """The dates given for the outcome's clocks, for print, where the form that holds them is left out."""
    given = [start for start in starts if start.value and not start.error]
    if not given:
        return ""
    items = "".join(
        f"<li>{escape(start.label)}: {escape(_moment_text(start.value or ''))}</li>" for start in given
    )
    return f'<div class="aid-print-only"><p>{escape(say("record_starts"))}</p><ul>{items}</ul></div>'


def problem_html(site: Site, tree: Tree, message: str) -> str:
    """A link the aid cannot use at all: say why, and offer Start again."""
    start_again = (
        f'<a href="#" data-aid-nav class="md-button md-button--primary">{escape(say("start_again"))}</a>'
    )
    return _error_summary(_Ids(tree), site.level, [Fault(message, "")]) + f"<p>{start_again}</p>"


# --- text version --------------------------------------------------------------------------


def text_version_html(site: Site, tree: Tree) -> str:
    """The whole tree in headings and lists, each question and outcome once, linked by in-page ids."""
    ids = _Ids(tree)
    body = [
        f"<p>{escape(tree.summary)}</p>",
        f"<p>{escape(say('text_intro'))}</p>",
        f"<p>{say('text_first', target=_node_link(ids, tree, tree.start))}</p>",
        _heading(site.level, ids.of("text-questions"), escape(say("text_questions"))),
        *(_text_question(site, tree, ids, question) for question in _in_order(tree)),
        _heading(site.level, ids.of("text-outcomes"), escape(say("text_outcomes"))),
        *(_text_outcome(site, ids, outcome) for outcome in tree.outcomes.values()),
        _heading(site.level, ids.of("text-not-modelled"), escape(say("not_modelled_heading"))),
        _not_modelled_list(site, tree),
        f'<p class="aid-version">{escape(version_text(site.version))}</p>',
    ]
    return (
        f'<details class="aid-text" id="{ids.of("text")}" open>'
        f'<summary class="aid-text__summary">{escape(say("text_summary"))}</summary>'
        f'<div class="aid-text__body">{"".join(body)}</div></details>'
    )


def _in_order(tree: Tree) -> list[Question]:
    """Questions in the order a reader meets them: breadth first from the start question."""
    order: list[str] = []
    waiting = [tree.start]
    while waiting:
        node = waiting.pop(0)
        if node in tree.questions and node not in order:
            order.append(node)
            waiting += [branch.go for branch in tree.questions[node].next]
    return [tree.questions[node] for node in order]


def _text_question(site: Site, tree: Tree, ids: "_Ids", question: Question) -> str:
    options = "".join(
        f"<li>{escape(option.label)}{' ' + escape(say('text_exclusive')) if option.exclusive else ''} "
        f"{_cites_inline(site, option.cites)}</li>"
        for option in question.options
    )
    checks = "".join(f"<p>{escape(check_text(tree, check))}</p>" for check in question.checks)
    kind = escape(say("text_kind")[question.kind]) + (
        f" {_cites_inline(site, question.cites)}" if question.cites else ""
    )
    return (
        f'<section class="aid-text__node" aria-labelledby="{ids.node(question.id)}">'
        + _heading(site.sub, ids.node(question.id), escape(say("text_question", text=question.text)))
        + (f"<p>{escape(question.help)}</p>" if question.help else "")
        + f"<p>{kind}</p>"
        + (f"<ul>{options}</ul>" if options else "")
        + checks
        + f"<p>{escape(say('text_next' if len(question.next) == 1 else 'text_next_first'))}</p>"
        + f"{_next_html(tree, ids, question)}</section>"
    )


def check_text(tree: Tree, check: DateCheck) -> str:
    """A date check in words, with the message the aid shows."""
    if check.not_after == TODAY:
        return say("text_check_today", message=check.message)
    if check.not_after is not None:
        return say("text_check_after", question=tree.questions[check.not_after].text, message=check.message)
    assert check.not_before is not None  # a check names one or the other (decision.trees.tree)
    return say("text_check", question=tree.questions[check.not_before].text, message=check.message)


def _next_html(tree: Tree, ids: "_Ids", question: Question) -> str:
    if len(question.next) == 1:
        return f"<ul><li>{say('text_then', target=_node_link(ids, tree, question.next[0].go))}</li></ul>"
    items = []
    for branch in question.next:
        target = _node_link(ids, tree, branch.go)
        if branch.when is None:
            items.append(say("text_otherwise", target=target))
        else:
            items.append(say("text_if", condition=escape(condition_text(tree, branch.when)), target=target))
    # Numbered, because the first line that applies is the one to follow.
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def _text_outcome(site: Site, ids: "_Ids", outcome: Outcome) -> str:
    actions = "".join(f"<li>{_text_action(site, action)}</li>" for action in outcome.actions)
    consider = "".join(
        f"<li>{escape(item.text)} {_cites_inline(site, item.cites)}{_hand_off(site, item.tree)}</li>"
        for item in outcome.consider
    )
    urgency = f"{say('urgency_label')} {say('urgency')[outcome.urgency]}"
    section = f'<section class="aid-text__node" aria-labelledby="{ids.node(outcome.id)}">'
    return (
        section
        + _heading(site.sub, ids.node(outcome.id), escape(say("text_outcome", decision=outcome.decision)))
        + f"<p>{escape(urgency)}</p>"
        + (f"<p>{escape(outcome.explanation)}</p>" if outcome.explanation else "")
        + _guidance(site, list(outcome.cites), say("outcome_cites"))
        + (f"<p>{escape(say('actions_heading'))}:</p><ol>{actions}</ol>" if actions else "")
        + ("" if actions else f"<p>{escape(say('no_actions'))}</p>")
        + (f"<p>{escape(say('consider_heading'))}:</p><ul>{consider}</ul>" if consider else "")
        + "</section>"
    )


def _text_action(site: Site, action: Action) -> str:
    clock = f" {escape(_clock_text(site, action.clock))}" if action.clock else ""
    return _who_does(site, action.who, action.does, action.cites, clock)


def _node_link(ids: "_Ids", tree: Tree, node: str) -> str:
    if node in tree.outcomes:
        text = say("text_outcome", decision=tree.outcomes[node].decision)
    else:
        text = say("text_question", text=tree.questions[node].text)
    return f'<a href="#{ids.node(node)}">{escape(text)}</a>'


def condition_text(tree: Tree, condition: Condition) -> str:
    """A routing condition in words, naming the questions and answers as the reader sees them."""
    if isinstance(condition, AllOf | AnyOf):
        joiner = say("cond_and") if isinstance(condition, AllOf) else say("cond_or")
        return joiner.join(_grouped(tree, inner) for inner in condition.conditions)
    if isinstance(condition, Not):
        return say("cond_not", condition=_grouped(tree, condition.condition))
    if isinstance(condition, DateComparison):
        comparison = "before" if condition.before else "on_or_after"
        if condition.fixed:
            return say(f"cond_day_{comparison}", date=tree.questions[condition.date].text,
                       day=format_date(condition.other))  # fmt: skip
        names = {"date": tree.questions[condition.date].text, "other": tree.questions[condition.other].text}
        if condition.plus_years:
            return say(f"cond_years_{comparison}", years=condition.plus_years, **names)
        return say(f"cond_date_{comparison}", **names)
    question = tree.questions[condition.question]
    labels = [_label(question, value) for value in condition.values]
    several = len(labels) > 1
    if isinstance(condition, AnswerIncludes):
        key = "cond_includes_any" if several else "cond_includes"
    else:
        key = "cond_in" if several else "cond_equals"
    values = say("cond_list_separator").join(say("cond_value", label=label) for label in labels)
    return say(key, question=question.text, value=labels[0], values=values)


def _grouped(tree: Tree, condition: Condition) -> str:
    text = condition_text(tree, condition)
    return f"({text})" if isinstance(condition, AllOf | AnyOf) else text


def _label(question: Question, value: str) -> str:
    option = question.option(value)
    return option.label if option else value


# --- plain-text decision record --------------------------------------------------------------


def record_text(
    site: Site,
    tree: Tree,
    result: dict,
    starts: list[Start],
    dues: Mapping[str, Due],
    made_at: str,
    zone: ZoneInfo,
    link: str,
) -> str:
    """The outcome as plain text for the case record: answers, reasons, citations, time, rules version."""
    outcome = tree.outcomes[result["outcome"]["id"]]
    lines = [
        say("record_title", title=tree.title),
        _made_at_text(made_at, zone, "record_made_at"),
        say("record_version", hash=site.version["hash"], date=format_date(site.version["date"])),
        say("record_link", url=link),
        "",
        say("record_decision", decision=outcome.decision),
        say("record_urgency", urgency=say("urgency")[outcome.urgency]),
        *([outcome.explanation] if outcome.explanation else []),
        say("record_cites", cites=", ".join(outcome.cites)),
    ]
    given = [start for start in starts if start.value and not start.error]
    if given:
        lines += ["", say("record_starts")]
        lines += [f"- {start.label}: {_moment_text(start.value or '')}" for start in given]
    lines += ["", say("record_actions"), *_record_actions(site, outcome, dues)]
    lines += ["", say("record_why")]
    lines += [
        f"- {entry['text']} {'; '.join(entry['answer_labels'])} [{', '.join(entry['cites'])}]"
        for entry in result["trail"]
    ]
    if outcome.consider:
        lines += ["", say("record_consider")]
        lines += [f"- {item.text} [{', '.join(item.cites)}]" for item in outcome.consider]
    lines += ["", say("record_no_names")]
    return "\n".join(lines) + "\n"


def _record_actions(site: Site, outcome: Outcome, dues: Mapping[str, Due]) -> list[str]:
    if not outcome.actions:
        return ["- " + say("no_actions")]
    lines = []
    for action in outcome.actions:
        lines.append(f"- {action.who}: {action.does} [{', '.join(action.cites)}]")
        if action.clock:
            due = dues.get(action.clock)
            lines.append("  " + _clock_text(site, action.clock))
            lines += [f"  {line}" for line in ([due.text, *_latest(due), *due.notes] if due else [])]
    return lines


def _moment_text(value: str) -> str:
    day = format_date(value[:10])
    return f"{value[11:16]}, {day}" if len(value) >= 16 else day


# --- small pieces ----------------------------------------------------------------------------


class _Ids:
    """Element ids on the page: all start `aid-<tree>-`, so they never meet the clause anchors."""

    def __init__(self, tree: Tree) -> None:
        self.prefix = f"aid-{tree.id}-"

    def of(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def node(self, node_id: str) -> str:
        return f"{self.prefix}node-{node_id}"


def _heading(level: int, id_: str | None, html: str, focusable: bool = False) -> str:
    """A heading; `focusable` ones take the focus after each step, so screen readers announce them."""
    attributes = (f' id="{id_}"' if id_ else "") + (' tabindex="-1"' if focusable else "")
    return f'<h{level} class="aid-heading"{attributes}>{html}</h{level}>'


def _button(text: str, primary: bool, attributes: str) -> str:
    kind = "md-button md-button--primary" if primary else "md-button"
    return f'<button {attributes} class="{kind} aid-button">{escape(text)}</button>'


def _back_link(back: str | None) -> str:
    if back is None:
        return ""
    return f'<a href="{escape(back)}" class="aid-back aid-no-print" data-aid-nav>{escape(say("back"))}</a>'


def _invalid(invalid: bool) -> str:
    return ' aria-invalid="true"' if invalid else ""


def _group_open(error: bool, described: list[str]) -> str:
    described_by = f' aria-describedby="{" ".join(described)}"' if described else ""
    group = "aid-group aid-group--error" if error else "aid-group"
    return f'<div class="{group}"><fieldset class="aid-fieldset"{described_by}>'


def _error_summary(ids: _Ids, level: int, faults: list[Fault]) -> str:
    items = "".join(
        f'<li><a href="#{ids.of(fault.field)}">{escape(fault.message)}</a></li>'
        if fault.field
        else f"<li>{escape(fault.message)}</li>"
        for fault in faults
    )
    title = f'<h{level} class="aid-error-summary__title" id="{ids.of("error-title")}">'
    return (
        f'<div class="aid-error-summary" id="{ids.of("error-summary")}" tabindex="-1" '
        f'aria-labelledby="{ids.of("error-title")}"><div role="alert">{title}{escape(say("error_title"))}'
        f'</h{level}><ul class="aid-error-summary__list">{items}</ul></div></div>'
    )


def _error_message(id_: str, message: str) -> str:
    prefix = f'<span class="aid-visually-hidden">{escape(say("error_prefix"))} </span>'
    return f'<p class="aid-error-message" id="{id_}">{prefix}{escape(message)}</p>'


def _guidance(site: Site, cites: list[str], label: str) -> str:
    if not cites:
        return ""
    return f'<p class="aid-guidance">{escape(label)} {_cite_links(site, cites)}</p>'


def _cites_inline(site: Site, cites: Iterable[str]) -> str:
    cites = list(cites)
    return f'<span class="aid-cites">({_cite_links(site, cites)})</span>' if cites else ""


def _cite_links(site: Site, cites: list[str]) -> str:
    return ", ".join(f'<a href="{escape(site.clause_href(cite))}">{escape(cite)}</a>' for cite in cites)


def parse_made_at(made_at: object) -> str:
    """The caller's local time of the decision as YYYY-MM-DDTHH:MM; InputError for anything else."""
    if not isinstance(made_at, str) or not _MINUTE.match(made_at):
        raise InputError(f"made_at must be a local date and time written YYYY-MM-DDTHH:MM, not {made_at!r}")
    try:
        datetime.fromisoformat(made_at)
    except ValueError:
        raise InputError(f"made_at {made_at!r} is not a real date and time") from None
    return made_at
