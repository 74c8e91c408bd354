"""One question of a decision aid as a GOV.UK form.

The aid's HTML is drawn by the same code in the build (the first question and the text version
in the page) and in the browser (every later step, in the Pyodide worker), so both show the same
thing. Standard library only. Every word comes from the rule data, the clocks or the wording.
"""

from html import escape

from decision.aid.pieces import (
    Ids,
    aria_invalid,
    back_link,
    button,
    cite_links,
    date_inputs,
    error_message,
    error_summary,
    group_open,
    heading,
)
from decision.aid.view import Fault, Site
from decision.aid.wording import say
from decision.trees.tree import Question, Tree


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
    ids = Ids(tree)
    hint = _hint(question)
    described = [ids.of("hint")] if hint else []
    described += [ids.of("error")] if fault else []
    legend = heading(site.level, ids.of("heading"), escape(question.text), focusable=True)
    invalid = fault is not None
    return "".join(
        [
            back_link(back),
            error_summary(ids, site.level, [fault]) if fault else "",
            f'<form class="aid-form" method="dialog" novalidate data-form="question" '
            f'data-question="{question.id}" data-kind="{question.kind}">',
            group_open(invalid, described),
            f'<legend class="aid-legend">{legend}</legend>',
            f'<div class="aid-hint" id="{ids.of("hint")}">{escape(hint)}</div>' if hint else "",
            error_message(ids.of("error"), fault.message) if fault else "",
            date_inputs(ids, "", value, invalid)
            if question.kind == "date"
            else _choices(ids, question, value, invalid),
            "</fieldset></div>",
            _question_guidance(site, _question_cites(question)),
            button(say("continue"), primary=True, attributes='type="submit"'),
            "</form>",
        ]
    )


def _question_guidance(site: Site, cites: list[str]) -> str:
    if not cites:
        return ""
    return (
        f'<details class="aid-guidance"><summary>{escape(say("question_guidance"))}</summary>'
        f"<p>{cite_links(site, cites)}</p></details>"
    )


def _hint(question: Question) -> str:
    extra = {"multi": say("multi_hint"), "date": say("date_hint")}.get(question.kind)
    return " ".join(text for text in (question.help, extra) if text)


def _question_cites(question: Question) -> list[str]:
    cites = [*question.cites, *(cite for option in question.options for cite in option.cites)]
    return list(dict.fromkeys(cites))


def _choices(ids: Ids, question: Question, value: object, invalid: bool) -> str:
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
            f'type="{kind}" value="{option.value}"{exclusive}{checked}{aria_invalid(invalid)}>'
            f'<label class="aid-choices__label" for="{input_id}">{escape(option.label)}</label></div>'
        )
    return f'<div class="aid-choices aid-choices--{kind}">{"".join(items)}</div>'
