"""The state of a decision aid, kept only in the URL fragment (after #), which browsers never send.

    #concern=missing&child-status=known&ofsted-triggers=public-concern,staff-conduct&show=outcome

Keys are question ids; a multi answer lists its options with commas (option values are kebab-case).
Two more keys are not questions: `show` (a question id to show again for Back or Change, or
`outcome` once Check your answers is accepted) and `when.<start>` (the date and time, YYYY-MM-DDTHH:MM,
that starts an outcome's clocks; the dot keeps it apart from any kebab-case question id).
"""

from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from decision.trees.tree import Tree

SHOW = "show"
SHOW_OUTCOME = "outcome"
WHEN = "when."
RESERVED = (SHOW,)  # a tree must not use these as question ids (checked by the build)


@dataclass(frozen=True)
class State:
    answers: dict[str, object]  # question id -> str, or list of str for a multi question
    show: str | None = None  # a question id, SHOW_OUTCOME, or None for the next step
    when: dict[str, str] = field(default_factory=dict)  # start id -> YYYY-MM-DDTHH:MM


def parse(fragment: str, tree: Tree) -> State:
    """The state a fragment holds; values are checked later, by the engine, against each question."""
    answers: dict[str, object] = {}
    show = None
    when = {}
    for part in fragment.removeprefix("#").split("&"):
        if not part:
            continue
        key, _, raw = part.partition("=")
        key, value = unquote(key), unquote(raw)
        if key == SHOW:
            show = value
        elif key.startswith(WHEN):
            when[key.removeprefix(WHEN)] = value
        elif key in tree.questions and tree.questions[key].kind == "multi":
            answers[key] = value.split(",") if value else []
        else:
            answers[key] = value
    return State(answers, show, when)


def format_state(state: State) -> str:
    """The fragment for a state, without the leading #; the same state always gives the same text."""
    parts = [f"{_quote(key)}={_quote(_joined(value))}" for key, value in state.answers.items()]
    if state.show is not None:
        parts.append(f"{SHOW}={_quote(state.show)}")
    parts += [f"{WHEN}{_quote(key)}={_quote(value)}" for key, value in sorted(state.when.items())]
    return "&".join(parts)


def href(state: State) -> str:
    """A link to a state on the same page; an empty state is a bare # (Start again)."""
    return "#" + format_state(state)


def _joined(value: object) -> str:
    return ",".join(value) if isinstance(value, list) else str(value)


def _quote(text: str) -> str:
    # Keep the characters answers use readable: kebab-case values, dates, times and commas.
    return quote(text, safe="-,:.")
