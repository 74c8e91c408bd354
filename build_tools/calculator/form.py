"""The calculator's form, drawn at build time: every clock and timeline to choose from, the date, the time.

Controls are GOV.UK patterns with the aid's classes (build_tools/aids/static/aid.css); fields are named
as decision/aid/calculator.py reads them. Each option carries what calculator.mjs needs to show the
right boxes: the event it counts from, and whether it needs a time. Each group's error slot is always
in its aria-describedby: empty and hidden until decision/aid/calculator.py gives it a message.
"""

from html import escape

from build_tools.calculator.catalogue import Choice
from decision.aid.calculator import EVENT, WHAT, happened_group
from decision.aid.wording import say
from decision.project.wording import Wording

DATE_PARTS = (("day", 2), ("month", 2), ("year", 4))  # input name, width in characters


def form_html(wording: Wording, groups: list[tuple[str, str, list[Choice]]]) -> str:
    happened = "".join(
        _happened_html(wording, choice, step, label)
        for _, _, choices in groups
        for choice in choices
        for step, label in choice.happened
    )
    return (
        '<form class="calc-form" method="dialog" novalidate>'
        f"{_choose_html(wording, groups)}{_date_html(wording)}{_time_html(wording)}{happened}"
        f'<button type="submit" class="md-button md-button--primary calc-button">'
        f"{escape(wording('calculate'))}</button></form>"
    )


def _choose_html(wording: Wording, groups: list[tuple[str, str, list[Choice]]]) -> str:
    optgroups = "".join(
        f'<optgroup label="{escape(wording(f"group_{kind}s", authority=authority))}">'
        + "".join(_option_html(wording, choice) for choice in choices)
        + "</optgroup>"
        for kind, authority, choices in groups
    )
    return (
        '<div class="calc-group" id="calc-what-group">'
        f'<label class="calc-label" for="calc-what">{escape(wording("choose_label"))}</label>'
        f'<div class="aid-hint" id="calc-what-hint">{escape(wording("choose_hint"))}</div>'
        '<p class="aid-error-message" id="calc-what-error" hidden></p>'
        f'<select class="calc-select" id="calc-what" name="{WHAT}" '
        'aria-describedby="calc-what-hint calc-what-error">'
        f'<option value="">{escape(wording("choose_none"))}</option>{optgroups}</select>'
        '<p class="aid-hint calc-starts" id="calc-starts" hidden></p></div>'
    )


def _option_html(wording: Wording, choice: Choice) -> str:
    time = " data-needs-time" if choice.needs_time else ""
    starts = escape(wording("starts", starts=choice.starts))
    return f'<option value="{choice.value}" data-starts="{starts}"{time}>{escape(choice.name)}</option>'


def _date_html(wording: Wording) -> str:
    return (
        f'<div class="calc-group" id="calc-{EVENT}-group">'
        '<fieldset class="aid-fieldset" role="group" '
        f'aria-describedby="calc-starts calc-{EVENT}-hint calc-{EVENT}-error">'
        f'<legend class="aid-legend calc-label">{escape(wording("date_legend"))}</legend>'
        f'<div class="aid-hint" id="calc-{EVENT}-hint">{escape(say("date_hint"))}</div>'
        f'<p class="aid-error-message" id="calc-{EVENT}-error" hidden></p>'
        f"{_date_boxes(wording, EVENT)}</fieldset></div>"
    )


def _date_boxes(wording: Wording, group: str) -> str:
    """Day, month and year boxes named `<group>-day` and so on, with ids calc-<name>."""
    items = "".join(
        f'<div class="aid-date__item"><label class="aid-date__label" for="calc-{group}-{part}">'
        f"{escape(say(part))}</label>"
        f'<input class="aid-date__input aid-width-{width}" id="calc-{group}-{part}" name="{group}-{part}" '
        'type="text" inputmode="numeric" autocomplete="off"></div>'
        for part, width in DATE_PARTS
    )
    return f'<div class="aid-date">{items}</div>'


def _happened_html(wording: Wording, choice: Choice, step: str, label: str) -> str:
    """Optional boxes for the real date of a step that later steps count from; shown with its timeline."""
    group = happened_group(choice.id, step)
    return (
        f'<div class="calc-group calc-happened" id="calc-{group}-group" data-for="{choice.value}" hidden>'
        '<fieldset class="aid-fieldset" role="group" '
        f'aria-describedby="calc-{group}-hint calc-{group}-error">'
        f'<legend class="aid-legend calc-label">{escape(label)}</legend>'
        f'<div class="aid-hint" id="calc-{group}-hint">{escape(wording("happened_hint"))}</div>'
        f'<p class="aid-error-message" id="calc-{group}-error" hidden></p>'
        f"{_date_boxes(wording, group)}</fieldset></div>"
    )


def _time_html(wording: Wording) -> str:
    time = f"{EVENT}-time"
    return (
        f'<div class="calc-group aid-time" id="calc-{time}-group" hidden>'
        f'<label class="calc-label" for="calc-{time}">{escape(wording("time_label"))}</label>'
        f'<div class="aid-hint" id="calc-{time}-hint">{escape(wording("time_hint"))}</div>'
        f'<p class="aid-error-message" id="calc-{time}-error" hidden></p>'
        f'<input class="aid-date__input aid-width-5" id="calc-{time}" name="{time}" type="text" '
        f'autocomplete="off" aria-describedby="calc-{time}-hint calc-{time}-error"></div>'
    )
