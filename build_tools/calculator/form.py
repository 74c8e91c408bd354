"""The calculator's form, drawn at build time: every clock and timeline to choose from, the date, the time.

Controls are GOV.UK patterns with the aid's classes (build_tools/aids/static/aid.css). Each option
carries what calculator.mjs needs to know about it: the event it counts from, and whether it needs a time.
"""

from collections.abc import Mapping
from html import escape

from build_tools.calculator.catalogue import Choice
from build_tools.calculator.wording import say

DATE_PARTS = (("day", 2), ("month", 2), ("year", 4))  # input name, width in characters


def form_html(wording: Mapping, groups: list[tuple[str, str, list[Choice]]]) -> str:
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
        f"{escape(say(wording, 'calculate'))}</button></form>"
    )


def _choose_html(wording: Mapping, groups: list[tuple[str, str, list[Choice]]]) -> str:
    optgroups = "".join(
        f'<optgroup label="{escape(say(wording, f"group_{kind}s", authority=authority))}">'
        + "".join(_option_html(wording, choice) for choice in choices)
        + "</optgroup>"
        for kind, authority, choices in groups
    )
    return (
        '<div class="calc-group" id="calc-what-group">'
        f'<label class="calc-label" for="calc-what">{escape(say(wording, "choose_label"))}</label>'
        f'<div class="aid-hint" id="calc-what-hint">{escape(say(wording, "choose_hint"))}</div>'
        '<p class="aid-error-message" id="calc-what-error" hidden></p>'
        '<select class="calc-select" id="calc-what" name="what" aria-describedby="calc-what-hint">'
        f'<option value="">{escape(say(wording, "choose_none"))}</option>{optgroups}</select>'
        '<p class="aid-hint calc-starts" id="calc-starts" hidden></p></div>'
    )


def _option_html(wording: Mapping, choice: Choice) -> str:
    time = " data-needs-time" if choice.needs_time else ""
    starts = escape(say(wording, "starts", starts=choice.starts))
    return f'<option value="{choice.value}" data-starts="{starts}"{time}>{escape(choice.name)}</option>'


def _date_html(wording: Mapping) -> str:
    items = "".join(
        f'<div class="aid-date__item"><label class="aid-date__label" for="calc-{part}">'
        f"{escape(say(wording, part))}</label>"
        f'<input class="aid-date__input aid-width-{width}" id="calc-{part}" name="{part}" type="text" '
        'inputmode="numeric" autocomplete="off"></div>'
        for part, width in DATE_PARTS
    )
    return (
        '<div class="calc-group" id="calc-date-group">'
        '<fieldset class="aid-fieldset" role="group" aria-describedby="calc-starts calc-date-hint">'
        f'<legend class="aid-legend calc-label">{escape(say(wording, "date_legend"))}</legend>'
        f'<div class="aid-hint" id="calc-date-hint">{escape(say(wording, "date_hint"))}</div>'
        '<p class="aid-error-message" id="calc-date-error" hidden></p>'
        f'<div class="aid-date">{items}</div></fieldset></div>'
    )


def _happened_html(wording: Mapping, choice: Choice, step: str, label: str) -> str:
    """Optional boxes for the real date of a step that later steps count from; shown with its timeline."""
    group = f"h-{choice.id}-{step}"
    items = "".join(
        f'<div class="aid-date__item"><label class="aid-date__label" for="calc-{group}-{part}">'
        f"{escape(say(wording, part))}</label>"
        f'<input class="aid-date__input aid-width-{width}" id="calc-{group}-{part}" name="{group}-{part}" '
        'type="text" inputmode="numeric" autocomplete="off"></div>'
        for part, width in DATE_PARTS
    )
    return (
        f'<div class="calc-group calc-happened" id="calc-{group}-group" data-for="{choice.value}" '
        f'data-step="{step}" data-group="{group}" hidden>'
        f'<fieldset class="aid-fieldset" role="group" aria-describedby="calc-{group}-hint">'
        f'<legend class="aid-legend calc-label">{escape(label)}</legend>'
        f'<div class="aid-hint" id="calc-{group}-hint">{escape(say(wording, "happened_hint"))}</div>'
        f'<p class="aid-error-message" id="calc-{group}-error" hidden></p>'
        f'<div class="aid-date">{items}</div></fieldset></div>'
    )


def _time_html(wording: Mapping) -> str:
    return (
        '<div class="calc-group aid-time" id="calc-time-group" hidden>'
        f'<label class="calc-label" for="calc-time">{escape(say(wording, "time_label"))}</label>'
        f'<div class="aid-hint" id="calc-time-hint">{escape(say(wording, "time_hint"))}</div>'
        '<p class="aid-error-message" id="calc-time-error" hidden></p>'
        '<input class="aid-date__input aid-width-5" id="calc-time" name="time" type="text" '
        'autocomplete="off" aria-describedby="calc-time-hint"></div>'
    )
