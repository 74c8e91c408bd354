"""The outcome: the decision, who does what by when, why, what next; and a link the aid cannot use."""

from collections.abc import Mapping
from html import escape
from zoneinfo import ZoneInfo

from decision.aid.fragment import State, href
from decision.aid.made_at import made_at_text
from decision.aid.pieces import (
    Ids,
    aria_invalid,
    back_link,
    button,
    cites_inline,
    clock_text,
    date_inputs,
    date_parts,
    error_message,
    error_summary,
    group_open,
    guidance,
    hand_off,
    heading,
    moment_text,
    not_modelled_list,
    version_text,
    who_does,
)
from decision.aid.view import Due, Fault, Site, Start
from decision.aid.wording import say
from decision.trees.tree import Outcome, Tree


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
    ids = Ids(tree)
    outcome = tree.outcomes[result["outcome"]["id"]]
    urgency = escape(say("urgency")[outcome.urgency])
    reopen = escape(href(state))
    record = [
        f'<p class="aid-record__title aid-print-only">{escape(say("record_title", title=tree.title))}</p>',
        heading(site.level, ids.of("heading"), escape(say("outcome_heading")), focusable=True),
        f'<p class="aid-decision">{escape(outcome.decision)}</p>',
        f'<p class="aid-urgency">{escape(say("urgency_label"))} '
        f'<strong class="aid-tag aid-tag--{outcome.urgency}">{urgency}</strong></p>',
        f"<p>{escape(outcome.explanation)}</p>" if outcome.explanation else "",
        guidance(site, list(outcome.cites), say("outcome_cites")),
        _starts_given(starts),
        heading(site.sub, None, escape(say("actions_heading"))),
        _actions_html(site, outcome, dues),
        _dates_form(site, ids, starts) if starts else "",
        heading(site.sub, None, escape(say("why_heading"))),
        f"<p>{escape(say('why_intro'))}</p>",
        _why_html(site, result["trail"]),
        _consider_html(site, outcome),
        f'<p class="aid-reopen aid-print-only">{escape(say("reopen"))} '
        f'<a href="{reopen}" data-aid-address>{reopen}</a></p>',
        f'<p class="aid-version">{escape(version_text(site.version))} '
        f"{escape(made_at_text(made_at, zone))}</p>",
    ]
    copy = f'type="button" data-aid-copy data-copied="{escape(say("copied"))}" '
    copy += f'data-fallback="{escape(say("copy_fallback"))}"'
    return "".join(
        [
            back_link(href(State(state.answers, None, state.when))),
            f'<div class="aid-record" id="{ids.of("record")}">{"".join(record)}</div>',
            '<div class="aid-record-actions aid-no-print">',
            button(say("copy"), primary=False, attributes=copy),
            button(say("print"), primary=False, attributes='type="button" data-aid-print'),
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
            timing = f'<p class="aid-due">{escape(clock_text(site, action.clock))}{worked}</p>'
        items.append(f"<li>{who_does(site, action.who, action.does, action.cites)}{timing}</li>")
    return f'<ol class="aid-actions">{"".join(items)}</ol>'


def _latest_html(due: Due) -> str:
    return f' <span class="aid-latest">{escape(due.latest)}.</span>' if due.latest else ""


def _dates_form(site: Site, ids: Ids, starts: list[Start]) -> str:
    """A date and time for each event that starts a clock; the aid then shows when each is due."""
    faults = [
        Fault(say("dates_error", start=start.label, message=start.error.message), start.error.field)
        for start in starts
        if start.error
    ]
    heading = f'<h{site.sub + 1} class="aid-heading">{escape(say("dates_heading"))}</h{site.sub + 1}>'
    return (
        '<div class="aid-dates aid-no-print">'
        + (error_summary(ids, site.sub + 1, faults) if faults else "")
        + f'<form class="aid-form" method="dialog" novalidate data-form="dates">{heading}'
        + f'<p class="aid-hint">{escape(say("dates_intro"))}</p>'
        + "".join(_start_fields(ids, start) for start in starts)
        + button(say("dates_button"), primary=False, attributes='type="submit"')
        + "</form></div>"
    )


def _start_fields(ids: Ids, start: Start) -> str:
    """Date boxes and a time box for one start, named `<start>-day`, ..., `<start>-time`."""
    hint_id, error_id, time_id = (ids.of(f"{start.id}-{name}") for name in ("hint", "error", "time"))
    typed = start.typed or date_parts(start.value)
    time = start.typed.get("time", "") if start.typed else (start.value or "")[11:16]
    # Only the boxes at fault are marked: an empty time box is fine when the date is what is wrong.
    time_wrong = start.error is not None and start.error.field == f"{start.id}-time"
    date_wrong = start.error is not None and not time_wrong
    return (
        group_open(start.error is not None, [hint_id, *([error_id] if start.error else [])])
        + f'<legend class="aid-legend aid-legend--small">{escape(start.label)}</legend>'
        + f'<div class="aid-hint" id="{hint_id}">{escape(say("date_hint"))}</div>'
        + (error_message(error_id, start.error.message) if start.error else "")
        + date_inputs(ids, f"{start.id}-", typed, date_wrong)
        + f'<div class="aid-time"><label class="aid-date__label" for="{time_id}">'
        + f"{escape(say('time'))}</label>"
        + f'<div class="aid-hint">{escape(say("time_hint"))}</div>'
        + f'<input class="aid-date__input aid-width-5" id="{time_id}" name="{start.id}-time" type="text" '
        + f'autocomplete="off" value="{escape(time)}"{aria_invalid(time_wrong)}></div></fieldset></div>'
    )


def _why_html(site: Site, trail: list[dict]) -> str:
    items = [
        f"<li>{escape(entry['text'])} <strong>{escape('; '.join(entry['answer_labels']))}</strong> "
        f"{cites_inline(site, entry['cites'])}</li>"
        for entry in trail
    ]
    return f'<ul class="aid-why">{"".join(items)}</ul>'


def _consider_html(site: Site, outcome: Outcome) -> str:
    if not outcome.consider:
        return ""
    items = "".join(
        f"<li>{escape(item.text)} {cites_inline(site, item.cites)}{hand_off(site, item.tree)}</li>"
        for item in outcome.consider
    )
    return heading(site.sub, None, escape(say("consider_heading"))) + f'<ul class="aid-consider">{items}</ul>'


def _not_modelled_details(site: Site, tree: Tree) -> str:
    if not tree.not_modelled:
        return ""
    return (
        f'<details class="aid-not-modelled aid-no-print"><summary>{escape(say("not_modelled_heading"))}'
        f"</summary>{not_modelled_list(site, tree)}</details>"
    )


def _starts_given(starts: list[Start]) -> str:
    """The dates given for the outcome's clocks, for print, where the form that holds them is left out."""
    given = [start for start in starts if start.value and not start.error]
    if not given:
        return ""
    items = "".join(
        f"<li>{escape(start.label)}: {escape(moment_text(start.value or ''))}</li>" for start in given
    )
    return f'<div class="aid-print-only"><p>{escape(say("record_starts"))}</p><ul>{items}</ul></div>'


def problem_html(site: Site, tree: Tree, message: str) -> str:
    """A link the aid cannot use at all: say why, and offer Start again."""
    start_again = (
        f'<a href="#" data-aid-nav class="md-button md-button--primary">{escape(say("start_again"))}</a>'
    )
    return error_summary(Ids(tree), site.level, [Fault(message, "")]) + f"<p>{start_again}</p>"
