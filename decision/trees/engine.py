"""Walk a tree with the answers given so far: the next question or the outcome, and the trail of why.

`evaluate(tree, answers)` returns a JSON-ready dict:

    {"tree": id, "status": "question", "question": {...}, "trail": [...], "unused": [...]}
    {"tree": id, "status": "outcome", "outcome": {...}, "trail": [...], "unused": [...]}

Bad answers raise AnswerError (an InputError) naming the question; nothing is guessed or defaulted.
"""

import json
from collections.abc import Mapping
from datetime import date

from decision.errors import InputError
from decision.iso_dates import day_month_year, is_date, parse_date
from decision.trees.tree import TODAY, DateCheck, Outcome, Question, Tree


class AnswerError(InputError):
    """An answer that cannot be used; `reason` is the part a reader can be shown."""

    def __init__(self, question: str, value: object, reason: str) -> None:
        self.question = question
        self.value = value
        self.reason = reason
        super().__init__(f"question '{question}': {reason}")


def evaluate(tree: Tree, answers: object, today: date | None = None) -> dict:
    """The next unanswered question on the path, or the outcome, with the trail of answers used.

    `today` (default: the computer's date) is the latest day a date checked `not_after: today` may be."""
    checked = check_answers(tree, answers)
    today = today or date.today()
    trail = []
    node = tree.start
    while (question := tree.questions.get(node)) is not None:
        if question.id not in checked:
            return _result(tree, "question", question_view(question), trail, checked)
        contradicted = contradiction(question, checked, today)
        if contradicted is not None:
            raise AnswerError(question.id, checked[question.id], contradicted.message)
        trail.append(trail_entry(question, checked[question.id]))
        node = question.next[branch_index(question, checked)].go
    return _result(tree, "outcome", outcome_view(tree.outcomes[node]), trail, checked)


def check_answers(tree: Tree, answers: object) -> dict[str, object]:
    """The answers, each checked against its question; AnswerError names the first bad one."""
    if not isinstance(answers, Mapping):
        raise InputError(f"answers must be an object of question id to answer, not {_shown(answers)}")
    for question_id, value in answers.items():
        question = tree.questions.get(question_id)
        if question is None:
            raise AnswerError(str(question_id), value, f"tree '{tree.id}' has no question with this id")
        check_answer(question, value)
    return dict(answers)


def answer_fault(question: Question, value: object) -> tuple[str, object] | None:
    """The rule `value` breaks as an answer to `question` on its own, and the value or option at fault:
    "required", "not_a_date", "not_a_list", "not_offered", "chosen_twice" or "not_combined";
    None when the answer can be used. Callers word the fault for their readers."""
    if value is None or value == "" or value == []:
        return "required", value
    if question.kind == "date":
        return None if is_date(value) else ("not_a_date", value)
    if question.kind != "multi":
        return None if isinstance(value, str) and question.option(value) else ("not_offered", value)
    if not isinstance(value, list):
        return "not_a_list", value
    for item in value:
        option = question.option(item) if isinstance(item, str) else None
        if option is None:
            return "not_offered", item
        if value.count(item) > 1:
            return "chosen_twice", item
        if option.exclusive and len(value) > 1:
            return "not_combined", item
    return None


def check_answer(question: Question, value: object) -> None:
    """Raise AnswerError unless `value` is a usable answer to `question` on its own."""
    fault = answer_fault(question, value)
    if fault is None:
        return
    code, culprit = fault
    reasons = {
        "required": "an answer is required",
        "not_a_date": f"{_shown(culprit)} is not a valid date written YYYY-MM-DD",
        "not_a_list": f"{_shown(culprit)} is not a list of options; {_offered(question)}",
        "not_offered": f"{_shown(culprit)} is not offered; {_offered(question)}",
        "chosen_twice": f"{_shown(culprit)} is chosen more than once",
        "not_combined": f"{_shown(culprit)} cannot be combined with other options",
    }
    raise AnswerError(question.id, value, reasons[code])


def contradiction(question: Question, answers: Mapping[str, object], today: date) -> DateCheck | None:
    """The first date check the answer to `question` fails (an earlier answer, or today), if any."""
    if not question.checks:
        return None
    day = date.fromisoformat(str(answers[question.id]))
    for check in question.checks:
        if check.not_before is not None and day < date.fromisoformat(str(answers[check.not_before])):
            return check
        if check.not_after == TODAY and day > today:
            return check
        if check.not_after not in (None, TODAY) and day > date.fromisoformat(str(answers[check.not_after])):
            return check
    return None


def branch_index(question: Question, answers: Mapping[str, object]) -> int:
    """Index of the first branch of `next` whose condition holds (the last one has none)."""
    for index, branch in enumerate(question.next):
        if branch.when is None or branch.when.holds(answers):
            return index
    raise AssertionError(
        f"question '{question.id}' has no unconditional last branch"
    )  # validation ensures one


def question_view(question: Question) -> dict:
    return {
        "id": question.id,
        "kind": question.kind,
        "text": question.text,
        "help": question.help,
        "options": [
            {
                "value": option.value,
                "label": option.label,
                "exclusive": option.exclusive,
                "cites": list(option.cites),
            }
            for option in question.options
        ],
        "cites": list(question.cites),
    }


def outcome_view(outcome: Outcome) -> dict:
    return {
        "id": outcome.id,
        "decision": outcome.decision,
        "urgency": outcome.urgency,
        "explanation": outcome.explanation,
        "actions": [
            {"who": action.who, "does": action.does, "clock": action.clock, "cites": list(action.cites)}
            for action in outcome.actions
        ],
        "consider": [
            {"text": item.text, "tree": item.tree, "cites": list(item.cites)} for item in outcome.consider
        ],
        "cites": list(outcome.cites),
    }


def trail_entry(question: Question, value: object) -> dict:
    """One answered question on the path: what was asked, what was answered, and the clauses behind it."""
    if question.kind == "date":
        labels = [format_date(str(value))]
        cites = list(question.cites)
    else:
        chosen = [question.option(item) for item in (value if isinstance(value, list) else [value])]
        labels = [option.label for option in chosen if option]
        cites = list(
            dict.fromkeys([*question.cites, *(cite for option in chosen if option for cite in option.cites)])
        )
    return {
        "question": question.id,
        "text": question.text,
        "answer": value,
        "answer_labels": labels,
        "cites": cites,
    }


def format_date(iso: str) -> str:
    """GOV.UK style: 1 March 2025."""
    return day_month_year(parse_date(iso))


def _result(tree: Tree, status: str, view: dict, trail: list[dict], answers: Mapping[str, object]) -> dict:
    used = {entry["question"] for entry in trail}
    return {
        "tree": tree.id,
        "status": status,
        status: view,
        "trail": trail,
        "unused": [question_id for question_id in answers if question_id not in used],
    }


def _offered(question: Question) -> str:
    return "offered: " + ", ".join(option.value for option in question.options)


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=repr)
