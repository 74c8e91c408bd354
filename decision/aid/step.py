"""One step of a decision aid: from the URL fragment (and a submitted form) to the HTML to show next.

    next unanswered question -> ... -> Check your answers -> outcome (once `show=outcome`)

`show=<question>` shows an answered question again, for Back and Change; answering it keeps the later
answers that still lie on the path, so a changed answer leads straight back to Check your answers
when nothing new is needed. Answers off the path are dropped from the fragment given back. A bad
answer never loses the others: the fragment comes back unchanged and the question is shown with
its error.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from decision.aid import form, outcome_dates
from decision.aid.check_html import check_html
from decision.aid.fragment import SHOW_OUTCOME, State, format_state, href, parse
from decision.aid.outcome_html import outcome_html, problem_html
from decision.aid.question_html import question_html
from decision.aid.record import record_text
from decision.aid.view import Fault, Site, Start
from decision.aid.wording import say
from decision.deadlines.deadline_data import DeadlineData
from decision.errors import InputError
from decision.trees.engine import AnswerError, evaluate
from decision.trees.tree import Question, Tree


@dataclass(frozen=True)
class Aid:
    """What every step needs: the tree, the site it is drawn for, the deadline data, and the time."""

    tree: Tree
    site: Site
    deadlines: DeadlineData
    made_at: str  # UK local time, YYYY-MM-DDTHH:MM, shown on the outcome


def step(aid: Aid, state: State, submit: Mapping | None) -> dict:
    """The response to a step request (see decision.aid.browser)."""
    if submit is None:
        return show(aid, state)
    fields = submit.get("fields")
    if not isinstance(fields, Mapping):
        raise InputError("submit must be an object with 'form' and 'fields'")
    if submit.get("form") == "question":
        return _answer(aid, state, str(submit.get("question")), fields)
    if submit.get("form") == "dates":
        return _dates(aid, state, fields)
    raise InputError(f"submit form {submit.get('form')!r} is not 'question' or 'dates'")


def _answer(aid: Aid, state: State, question_id: str, fields: Mapping) -> dict:
    question = aid.tree.questions.get(question_id)
    if question is None:
        raise InputError(f"tree '{aid.tree.id}' has no question {question_id!r}")
    value, fault = form.submitted_answer(question, fields)
    answers = {**state.answers, question.id: value}
    if fault is None:
        fault = _contradiction(aid, answers, question)
    if fault is None:
        return _answered(aid, State(answers, None, state.when), question)
    shown = fields if question.kind == "date" else value
    html = question_html(aid.site, aid.tree, question, shown, _back(state, question.id), fault)
    return _question_response(html, state, question, fault)


def _answered(aid: Aid, state: State, question: Question) -> dict:
    """The step after an accepted answer, with `answered`: the fragment that shows the question again
    with that answer. The page puts it in place of the history entry it leaves, so the browser's Back
    button returns to the answer given, as the Back link does."""
    response = show(aid, state)
    shown = parse(response["fragment"], aid.tree)
    if question.id in shown.answers:
        response["answered"] = format_state(State(shown.answers, question.id, shown.when))
    return response


def _today(aid: Aid) -> date:
    """The user's own date, from the time the page gave: a date 'not after today' is checked against it."""
    return date.fromisoformat(aid.made_at[:10])


def _contradiction(aid: Aid, answers: Mapping[str, object], question: Question) -> Fault | None:
    """A date check the new answer fails (the message is in the rule data), or None."""
    try:
        evaluate(aid.tree, answers, _today(aid))
    except AnswerError as error:
        if error.question == question.id:
            return Fault(error.reason, _first_field(question))
    return None


def _dates(aid: Aid, state: State, fields: Mapping) -> dict:
    result = evaluate(aid.tree, state.answers, _today(aid))
    if result["status"] != "outcome":
        raise InputError("dates can be given only once the aid has reached an outcome")
    when, faults = dict(state.when), {}
    for plan in outcome_dates.plans(aid.tree.outcomes[result["outcome"]["id"]], aid.deadlines):
        value, fault = form.submitted_moment(fields, plan.id, plan.needs_time)
        if fault:
            faults[plan.id] = Start(plan.id, plan.label, None, fault, form.typed(fields, plan.id))
        elif value:
            when[plan.id] = value
        else:
            when.pop(plan.id, None)
    return show(aid, State(state.answers, state.show, when), faults)


def show(aid: Aid, state: State, typed: Mapping[str, Start] | None = None) -> dict:
    """The step a state leads to, and the canonical fragment for it."""
    tree = aid.tree
    for question_id, value in state.answers.items():
        question = tree.questions.get(question_id)
        if question is None:
            return _problem(aid, state, say("unknown_question", question=question_id))
        fault = form.answer_fault(question, value)
        if fault:
            return _question_response(question_html(aid.site, tree, question, None, None, fault),
                                      state, question, fault)  # fmt: skip
    try:
        result = evaluate(tree, state.answers, _today(aid))
    except AnswerError as error:  # a date check the stored answers fail
        question = tree.questions[error.question]
        fault = Fault(error.reason, _first_field(question))
        html = question_html(aid.site, tree, question, state.answers[question.id], None, fault)
        return _question_response(html, state, question, fault)
    path = [entry["question"] for entry in result["trail"]]
    state = State({question_id: state.answers[question_id] for question_id in path}, state.show, state.when)
    if state.show in path:
        return _question(aid, state, tree.questions[state.show], state.answers[state.show])
    if state.show not in (None, SHOW_OUTCOME) and state.show not in tree.questions:
        return _problem(aid, state, say("unknown_show", show=state.show))
    if result["status"] == "question":
        return _question(
            aid, State(state.answers, None, state.when), tree.questions[result["question"]["id"]]
        )
    if state.show == SHOW_OUTCOME:
        return _outcome(aid, state, result, typed or {})
    state = State(state.answers, None, state.when)
    html = check_html(aid.site, tree, result["trail"], state, _show_href(state, path[-1]))
    return {"status": "check", "html": html, "fragment": format_state(state)}


def _question(aid: Aid, state: State, question: Question, value: object = None) -> dict:
    html = question_html(aid.site, aid.tree, question, value, _back(state, question.id))
    return {"status": "question", "html": html, "fragment": format_state(state), "question_id": question.id}


def _outcome(aid: Aid, state: State, result: dict, typed: Mapping[str, Start]) -> dict:
    outcome = aid.tree.outcomes[result["outcome"]["id"]]
    starts, dues = outcome_dates.work_out(
        outcome_dates.plans(outcome, aid.deadlines), state.when, aid.deadlines
    )
    starts = [typed.get(start.id, start) for start in starts]
    zone = aid.deadlines.zone
    html = outcome_html(aid.site, aid.tree, result, state, starts, dues, aid.made_at, zone)
    response = {"status": "outcome", "html": html, "fragment": format_state(state), "outcome_id": outcome.id}
    wrong = [start for start in starts if start.error]
    if wrong:
        response["error"] = {"message": f"{wrong[0].label}: {wrong[0].error.message}"}  # type: ignore[union-attr]
    return response


def record(aid: Aid, state: State, link: str) -> str:
    """The plain-text decision record of the outcome the state reaches."""
    result = evaluate(aid.tree, state.answers, _today(aid))
    if result["status"] != "outcome":
        raise InputError("a decision record needs the answers that reach an outcome")
    outcome = aid.tree.outcomes[result["outcome"]["id"]]
    starts, dues = outcome_dates.work_out(
        outcome_dates.plans(outcome, aid.deadlines), state.when, aid.deadlines
    )
    return record_text(aid.site, aid.tree, result, starts, dues, aid.made_at, aid.deadlines.zone, link)


def _problem(aid: Aid, state: State, message: str) -> dict:
    html = problem_html(aid.site, aid.tree, message)
    return {"status": "problem", "html": html, "fragment": format_state(state), "error": {"message": message}}


def _question_response(html: str, state: State, question: Question, fault: Fault) -> dict:
    return {
        "status": "question",
        "html": html,
        "fragment": format_state(state),
        "question_id": question.id,
        "error": {"question": question.id, "message": fault.message},
    }


def _back(state: State, question_id: str) -> str | None:
    """Back from a question: the answered question before it on the path, shown again to change."""
    path = list(state.answers)
    if question_id in path:
        path = path[: path.index(question_id)]
    return _show_href(state, path[-1]) if path else None


def _show_href(state: State, question_id: str) -> str:
    return href(State(state.answers, question_id, state.when))


def _first_field(question: Question) -> str:
    return "day" if question.kind == "date" else "0"
