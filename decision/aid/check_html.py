"""Check your answers: every answer on the path with a Change link."""

from html import escape

from decision.aid.fragment import SHOW_OUTCOME, State, href
from decision.aid.pieces import Ids, back_link, button, heading
from decision.aid.view import Site
from decision.aid.wording import say
from decision.trees.tree import Tree


def check_html(site: Site, tree: Tree, trail: list[dict], state: State, back: str | None) -> str:
    """Every answer on the path with a Change link, then Continue to the outcome."""
    ids = Ids(tree)
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
            back_link(back),
            heading(site.level, ids.of("heading"), escape(say("check_heading")), focusable=True),
            f'<dl class="aid-summary">{"".join(rows)}</dl>',
            button(
                say("continue"), primary=True, attributes=f'type="button" data-aid-nav="{escape(confirm)}"'
            ),
        ]
    )


def _answer_html(labels: list[str]) -> str:
    if len(labels) == 1:
        return escape(labels[0])
    return "<ul>" + "".join(f"<li>{escape(label)}</li>" for label in labels) + "</ul>"
