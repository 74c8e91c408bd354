"""Every path through a tree, from the first question to an outcome, for golden files and coverage checks.

Choice and yes/no/not sure questions: every option. Multi-select: each option a condition tests,
alone, and the first option no condition tests, alone (the others route just like it); then every
combination of the tested non-exclusive options that routes differently from the answers already kept.
Routing depends only on which tested options are chosen, so this covers every route without listing
all 2^n subsets. Dates: the day before and the day of each boundary a condition draws against an
earlier date or a fixed day (29 February included), then the earliest day each check allows if it
routes differently; a date compared with nothing answered yet gets BASE_DATE.
"""

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from decision.trees.conditions import AnswerIncludes, DateComparison, anniversary, atoms
from decision.trees.engine import branch_index, contradiction
from decision.trees.tree import Option, Question, Tree

BASE_DATE = date(2000, 2, 29)  # a leap day, so anniversaries falling on 1 March are exercised
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class TreePath:
    answers: tuple[tuple[str, object], ...]  # (question id, answer) in the order asked
    branches: tuple[tuple[str, int], ...]  # (question id, index of the branch taken)
    outcome: str


def enumerate_paths(tree: Tree) -> list[TreePath]:
    return _walk(tree, tree.start, {})


def path_views(tree: Tree) -> list[dict]:
    return [
        {
            "answers": dict(path.answers),
            "outcome": path.outcome,
            "urgency": tree.outcomes[path.outcome].urgency,
        }
        for path in enumerate_paths(tree)
    ]


def paths_document(tree: Tree) -> str:
    """JSON with one path per line, so a rule change shows as a readable diff of the golden file."""
    lines = ",\n".join("  " + json.dumps(view, ensure_ascii=False) for view in path_views(tree))
    return f'{{"tree": {json.dumps(tree.id)}, "paths": [\n{lines}\n]}}\n'


def _walk(tree: Tree, node_id: str, answers: dict[str, object]) -> list[TreePath]:
    if node_id in tree.outcomes:
        return [TreePath((), (), node_id)]
    question = tree.questions[node_id]
    paths: list[TreePath] = []
    seen = set()
    for answer, always_keep in _candidates(tree, question, answers):
        given = {**answers, question.id: answer}
        if question.kind == "date" and contradiction(question, given, date.max) is not None:
            continue
        index = branch_index(question, given)
        suffixes = _walk(tree, question.next[index].go, given)
        behaviour = (index, tuple((suffix.branches, suffix.outcome) for suffix in suffixes))
        if behaviour in seen and not always_keep:
            continue
        seen.add(behaviour)
        paths += [
            TreePath(
                ((question.id, answer), *suffix.answers),
                ((question.id, index), *suffix.branches),
                suffix.outcome,
            )
            for suffix in suffixes
        ]
    return paths


def _candidates(
    tree: Tree, question: Question, answers: Mapping[str, object]
) -> Iterator[tuple[object, bool]]:
    """Answers to try, each with whether to keep it even when it routes like one already kept."""
    if question.kind == "date":
        boundaries = _condition_boundaries(tree, question, answers)
        for day in boundaries:
            yield day.isoformat(), True
        for day in _other_days(question, answers, boundaries):
            yield day.isoformat(), False
        return
    if question.kind != "multi":
        for option in question.options:
            yield option.value, True
        return
    tested = _tested_options(tree, question)
    untested = [option for option in question.options if option not in tested]
    for option in question.options:
        # Options no condition tests all route alike: the first stands for the rest.
        yield [option.value], option in tested or option == untested[0]
    combinable = [option.value for option in tested if not option.exclusive]
    for size in range(2, len(combinable) + 1):
        for chosen in combinations(combinable, size):
            yield list(chosen), False


def _tested_options(tree: Tree, question: Question) -> list[Option]:
    """Options of a multi question that some condition tests, in option order."""
    tested = {
        value
        for atom in _atoms(tree)
        if isinstance(atom, AnswerIncludes) and atom.question == question.id
        for value in atom.values
    }
    return [option for option in question.options if option.value in tested]


def _condition_boundaries(tree: Tree, question: Question, answers: Mapping[str, object]) -> list[date]:
    """The day before and the day of each boundary a condition draws against an earlier date."""
    days: set[date] = set()
    for atom in _atoms(tree):
        if not isinstance(atom, DateComparison):
            continue
        if atom.date == question.id and (atom.fixed or atom.other in answers):
            limit = date(*anniversary(atom.other_day(answers), atom.plus_years))
            days |= {limit - _DAY, limit}
        elif not atom.fixed and atom.other == question.id and atom.date in answers:
            days |= _days_either_side_of_anniversary(_day(answers[atom.date]), atom.plus_years)
    return sorted(days)


def _other_days(question: Question, answers: Mapping[str, object], boundaries: list[date]) -> list[date]:
    """The earliest day each check allows, else BASE_DATE when no condition gave a day."""
    days = {_day(answers[check.not_before]) for check in question.checks if check.not_before is not None}
    return sorted(days) or ([] if boundaries else [BASE_DATE])


def _days_either_side_of_anniversary(target: date, years: int) -> set[date]:
    """The last day whose `years`th anniversary is on or before `target`, and the day after it: where
    "`target` is before the anniversary" changes from false to true."""
    estimate = date(*anniversary(target, -years))
    first_after = next(
        day
        for day in (estimate + offset * _DAY for offset in range(-3, 4))
        if anniversary(day, years) > (target.year, target.month, target.day)
    )
    return {first_after - _DAY, first_after}


def _atoms(tree: Tree) -> Iterator:
    for question in tree.questions.values():
        for branch in question.next:
            if branch.when is not None:
                yield from atoms(branch.when)


def _day(value: object) -> date:
    return date.fromisoformat(str(value))
