"""Work a scenario through the engine and the deadlines engine, and say where it disagrees with them.

The same check fails the build (build_tools.training.plugin) and the tests (tests/test_scenarios.py),
so an answer sheet is never published for a route or a date the tools would not give.
"""

from dataclasses import dataclass

from build_tools.training.scenarios import Scenario
from decision.deadlines.clock import deadline
from decision.deadlines.deadline_data import DeadlineData
from decision.errors import InputError
from decision.problems import Problem
from decision.trees.engine import evaluate
from decision.trees.tree import Tree


@dataclass(frozen=True)
class Worked:
    """A scenario with what the tools make of it: the engine's result and one deadline result per clock."""

    scenario: Scenario
    result: dict  # decision.trees.engine.evaluate's result for the scenario's answers
    deadlines: tuple[dict, ...]  # decision.deadlines.clock.deadline's result, in the scenario's order


def work(scenario: Scenario, tree: Tree, data: DeadlineData) -> tuple[Worked | None, list[Problem]]:
    """The worked scenario and every way it disagrees with the engine, the tree or the deadlines engine."""
    try:
        result = evaluate(tree, scenario.answers)
    except InputError as error:
        return None, [scenario.problem("answers", f"the engine rejects the answers: {error}")]
    problems = _route_problems(scenario, tree, result)
    found = []
    for expected in scenario.deadlines:
        try:
            found.append(deadline(expected.clock, expected.start, data))
        except InputError as error:
            problems.append(scenario.problem("deadlines", f"deadlines: {expected.clock}: {error}"))
            continue
        given = due_written(found[-1])
        if given != expected.due:
            message = (
                f"deadlines: {expected.clock} from {expected.start}: the deadlines engine gives {given} "
                f"({found[-1]['due_text']}), the scenario says {expected.due}"
            )
            problems.append(scenario.problem("deadlines", message))
    return (None if problems else Worked(scenario, result, tuple(found))), problems


def due_written(result: dict) -> str:
    """A deadline result written as scenarios write it: YYYY-MM-DD, or YYYY-MM-DDTHH:MM when timed."""
    return f"{result['due']}T{result['due_time']}" if result["due_time"] else result["due"]


def reasons(tree: Tree, scenario: Scenario, entry: dict) -> list[str]:
    """In words, why the expected answer to a question on the route is right for this case: the
    scenario's own explanation for the question, else its teaching points that cite a clause the
    answer cites, else the question's help in the rule data."""
    if entry["question"] in scenario.why:
        return [scenario.why[entry["question"]]]
    points = [point.text for point in scenario.teaching if set(point.cites) & set(entry["cites"])]
    help_text = tree.questions[entry["question"]].help
    return points or ([help_text] if help_text else [])


@dataclass(frozen=True)
class Choice:
    """One answer a learner might give at a question on the expected route, and where it leads."""

    labels: tuple[str, ...]
    leads_to: str  # the outcome's decision, or the text of a question the expected route never asks
    is_outcome: bool
    expected: bool


def every_answer(tree: Tree, worked: Worked) -> list[tuple[dict, list[Choice]]]:
    """For each question on the expected route, each answer a group might give there, and where it
    leads with every other answer as expected: every option (a multi question's options one at a
    time, then the expected combination), or for a date question the case's date."""
    found = []
    for entry in worked.result["trail"]:
        question = tree.questions[entry["question"]]
        expected = entry["answer"]
        if question.kind == "date":
            answers: list[object] = [expected]
        elif question.kind == "multi":
            answers = [[option.value] for option in question.options]
            answers += [] if expected in answers else [expected]
        else:
            answers = [option.value for option in question.options]
        choices = []
        for answer in answers:
            result = evaluate(tree, {**worked.scenario.answers, question.id: answer})
            reached = result[result["status"]]
            chosen = next(step for step in result["trail"] if step["question"] == question.id)
            choices.append(
                Choice(
                    labels=tuple(chosen["answer_labels"]),
                    leads_to=reached["decision"] if result["status"] == "outcome" else reached["text"],
                    is_outcome=result["status"] == "outcome",
                    expected=answer == expected,
                )
            )
        found.append((entry, choices))
    return found


def outcome_clocks(tree: Tree, outcome_id: str) -> list[str]:
    """The clocks the outcome's actions name, in order, each once."""
    outcome = tree.outcomes[outcome_id]
    return list(dict.fromkeys(action.clock for action in outcome.actions if action.clock))


def _route_problems(scenario: Scenario, tree: Tree, result: dict) -> list[Problem]:
    problems = []
    if result["status"] == "question":
        question = result["question"]
        problems.append(
            scenario.problem(
                "answers", f"the answers stop at question '{question['id']}': {question['text']}"
            )
        )
    if result["unused"]:
        unused = ", ".join(result["unused"])
        problems.append(scenario.problem("answers", f"answers not on the route: {unused}; remove them"))
    if scenario.outcome not in tree.outcomes:
        known = ", ".join(tree.outcomes)
        return [
            *problems,
            scenario.problem(
                "outcome", f"tree '{tree.id}' has no outcome '{scenario.outcome}'; it has: {known}"
            ),
        ]
    if result["status"] == "outcome" and result["outcome"]["id"] != scenario.outcome:
        reached = result["outcome"]["id"]
        problems.append(
            scenario.problem("outcome", f"the answers reach '{reached}', not '{scenario.outcome}'")
        )
    return problems + clock_problems(scenario, tree) + why_problems(scenario, result)


def why_problems(scenario: Scenario, result: dict) -> list[Problem]:
    """Each explanation written for a question that is not on the scenario's route."""
    route = [entry["question"] for entry in result["trail"]]
    return [
        scenario.problem("why", f"why: question '{question}' is not on the route ({', '.join(route)})")
        for question in scenario.why
        if question not in route
    ]


def clock_problems(scenario: Scenario, tree: Tree) -> list[Problem]:
    """Each listed clock that the outcome's actions do not name."""
    clocks = outcome_clocks(tree, scenario.outcome)
    return [
        scenario.problem(
            "deadlines",
            f"deadlines: outcome '{scenario.outcome}' names no clock '{expected.clock}' "
            f"(it names: {', '.join(clocks) or 'none'})",
        )
        for expected in scenario.deadlines
        if expected.clock not in clocks
    ]
