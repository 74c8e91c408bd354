"""What each box and arrow of a flowchart says, in words built from the tree's own text.

An arrow names the options that lead along it; the clause ids, small and secondary, go in the
question's box, so arrows stay short. Where the order
of a question's branches matters (a branch also tests an earlier answer, or tests a multi-select
question), the arrows are numbered: the first that fits is the one to follow, as the engine does.
"""

import math
import textwrap
from dataclasses import dataclass

from decision.aid.wording import say
from decision.project.wording import Wording
from decision.trees.conditions import AllOf, AnswerIncludes, AnswerIs, AnyOf, Condition, DateComparison, Not
from decision.trees.engine import format_date
from decision.trees.tree import Question, Tree, reading_order

QUESTION_WIDTH = 34  # characters per line inside a question box
OUTCOME_WIDTH = 28
CLAUSE_WIDTH = 28  # no wider than a box: D2 sizes the box before svg.py makes these lines small
# Characters a line in arrow labels, by the direction the chart flows: arrows side by side (down) need
# narrow labels; arrows stacked one above another (right) take wide ones, which are shorter.
ARROW_WIDTH = {"down": 24, "right": 40}


@dataclass(frozen=True)
class BoxText:
    lines: tuple[str, ...]  # shown at the normal size
    small: tuple[str, ...]  # shown in small type after them: the clause ids


def question_numbers(tree: Tree) -> dict[str, int]:
    """Questions numbered in the order a reader meets them (as the aid's text version lists them), so
    arrows can refer back to earlier answers."""
    return {question.id: number for number, question in enumerate(reading_order(tree), start=1)}


def question_box(tree: Tree, question: Question, wording: Wording, cites: bool = True) -> BoxText:
    """The question, with the clause ids of the question or its options unless `cites` is False."""
    number = wording("question", number=question_numbers(tree)[question.id])
    ids = _unique([*question.cites, *(cite for option in question.options for cite in option.cites)])
    return BoxText(
        wrap(f"{number}. {question.text}", QUESTION_WIDTH), _clause_lines(ids, wording) if cites else ()
    )


def outcome_box(tree: Tree, outcome_id: str, wording: Wording) -> BoxText:
    outcome = tree.outcomes[outcome_id]
    lines = (say("urgency")[outcome.urgency], *wrap(outcome.decision, OUTCOME_WIDTH))
    return BoxText(lines, _clause_lines(outcome.cites, wording))


def arrow_labels(tree: Tree, question: Question, wording: Wording, width: int) -> list[BoxText]:
    """One label per branch, in branch order, `width` characters a line."""
    if len(question.next) == 1:
        labels = [wording("only_branch")]
    elif _order_free(question):
        labels = _option_labels_per_branch(question, wording)
    else:
        numbers = question_numbers(tree)
        labels = [_describe(branch.when, question, tree, numbers, wording) for branch in question.next[:-1]]
        labels.append(wording("otherwise"))
        labels = [
            wording("numbered", number=index, label=label[:1].upper() + label[1:])
            for index, label in enumerate(labels, start=1)
        ]
    return [BoxText(wrap_arrow_label(label, width), ()) for label in labels]


def continued_label(wording: Wording, parts: list[int], letter: str) -> str:
    """ "Continued from part 2 at B", or "... parts 1, 3 and 4 at B"."""
    if len(parts) == 1:
        return wording("continued", parts=parts[0], letter=letter)
    return wording("continued_many", parts=", ".join(map(str, parts[:-1])), last=parts[-1], letter=letter)


def _order_free(question: Question) -> bool:
    """True when every branch but the last tests only this question's single answer: none overlap."""
    return question.kind in ("choice", "yes_no_not_sure") and all(
        isinstance(branch.when, AnswerIs) and branch.when.question == question.id
        for branch in question.next[:-1]
    )


def _option_labels_per_branch(question: Question, wording: Wording) -> list[str]:
    """Each branch labelled with its options; the last with the options no earlier branch names."""
    named: set[str] = set()
    labels = []
    for branch in question.next[:-1]:
        assert isinstance(branch.when, AnswerIs)  # _order_free vouches for it
        named.update(branch.when.values)
        labels.append(options_text(question, branch.when.values, wording))
    rest = tuple(option.value for option in question.options if option.value not in named)
    labels.append(options_text(question, rest, wording) if rest else wording("otherwise"))
    return labels


def _describe(
    condition: Condition | None, question: Question, tree: Tree, numbers: dict[str, int], wording: Wording
) -> str:
    def describe(inner: Condition) -> str:
        return _describe(inner, question, tree, numbers, wording)

    if isinstance(condition, AllOf):
        return wording["all_of"].join(_grouped(inner, describe(inner)) for inner in condition.conditions)
    if isinstance(condition, AnyOf):
        return wording["any_of"].join(_grouped(inner, describe(inner)) for inner in condition.conditions)
    if isinstance(condition, Not):
        return wording("negation", condition=describe(condition.condition))
    if isinstance(condition, DateComparison):
        return _date_text(condition, question, numbers, wording)
    assert isinstance(condition, AnswerIs | AnswerIncludes)  # only the last branch has no condition
    asked = tree.questions[condition.question]
    answers = options_text(asked, condition.values, wording, quoted=True)
    if asked.id == question.id:
        return wording("this_answer", answers=answers)
    key = "earlier_includes" if isinstance(condition, AnswerIncludes) else "earlier_answer"
    return wording(key, number=numbers[asked.id], answers=answers)


def _date_text(
    condition: DateComparison, question: Question, numbers: dict[str, int], wording: Wording
) -> str:
    def name(question_id: str) -> str:
        if question_id == question.id:
            return wording("this_date")
        return wording("date_answer", number=numbers[question_id])

    other = format_date(condition.other) if condition.fixed else name(condition.other)
    if condition.plus_years:
        years = wording["date_years"][condition.plus_years != 1]
        other = years.format(years=condition.plus_years, question=other)
    key = "date_before" if condition.before else "date_on_or_after"
    return wording(key, date=name(condition.date), other=other)


def options_text(question: Question, values: tuple[str, ...], wording: Wording, quoted: bool = False) -> str:
    """The options' labels joined with "or"; quoted where they sit among other words."""
    labels = [option.label for value in values if (option := question.option(value)) is not None]
    if quoted:
        labels = [wording("quoted", label=label) for label in labels]
    return wording["one_of"].join(labels)


def _grouped(condition: Condition, text: str) -> str:
    """Brackets round a nested `all` or `any`, so "and" and "or" cannot be misread."""
    return f"({text})" if isinstance(condition, AllOf | AnyOf) else text


def _clause_lines(cites: tuple[str, ...] | list[str], wording: Wording) -> tuple[str, ...]:
    return wrap(wording("clauses", ids=", ".join(cites)), CLAUSE_WIDTH) if cites else ()


def wrap_arrow_label(text: str, width: int) -> tuple[str, ...]:
    """At least `width` characters a line, wider for a long label, so it never makes a tall tower."""
    return wrap(text, max(width, math.isqrt(len(text) * 3)))


def wrap(text: str, width: int) -> tuple[str, ...]:
    return tuple(textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False))


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
