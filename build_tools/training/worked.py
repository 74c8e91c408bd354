"""Work a scenario through the engine and the deadlines engine, and say where it disagrees with them.

The same check fails the build (build_tools.training.plugin) and the tests (tests/test_scenarios.py),
so an answer sheet is never published for a route or a date the tools would not give.
"""

from dataclasses import dataclass

from build_tools.training.scenarios import Scenario
from decision.deadlines import deadline
from decision.engine import evaluate
from decision.errors import InputError
from decision.problems import Problem
from decision.tree import Tree


@dataclass(frozen=True)
class Worked:
    """A scenario with what the tools make of it: the engine's result and one deadline result per clock."""

    scenario: Scenario
    result: dict  # decision.engine.evaluate's result for the scenario's answers
    deadlines: tuple[dict, ...]  # decision.deadlines.deadline's result, in the scenario's order


def work(scenario: Scenario, tree: Tree) -> tuple[Worked | None, list[Problem]]:
    """The worked scenario and every way it disagrees with the engine, the tree or the deadlines engine."""
    try:
        result = evaluate(tree, scenario.answers)
    except InputError as error:
        return None, [scenario.problem("answers", f"the engine rejects the answers: {error}")]
    problems = _route_problems(scenario, tree, result)
    found = []
    for expected in scenario.deadlines:
        try:
            found.append(deadline(expected.clock, expected.start))
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
    return problems + clock_problems(scenario, tree)


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
