"""Every training scenario is a test: its answers reach its outcome, and its deadlines are the engine's."""

from functools import cache
from pathlib import Path

import pytest

from build_tools.training.scenarios import (
    Scenario,
    ScenarioError,
    project_known,
    read_scenario,
    scenario_files,
)
from build_tools.training.worked import clock_problems
from decision.deadlines import deadline
from decision.engine import evaluate
from decision.errors import InputError
from decision.rulebook import Project, load_tree
from decision.tree import Tree

PROJECT = Project()
FILES = scenario_files(PROJECT)


@cache
def tree(tree_id: str) -> Tree:
    return load_tree(PROJECT, tree_id)


@pytest.fixture(scope="module")
def known():
    return project_known(PROJECT)


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_scenario(path: Path, known) -> None:
    try:
        scenario = read_scenario(PROJECT, path, known)
    except ScenarioError as error:
        pytest.fail(f"{path.name} cannot be read:\n  {error}", pytrace=False)
    problems = route_problems(scenario) + deadline_problems(scenario) + listed_clock_problems(scenario)
    if problems:
        pytest.fail(f"{scenario.title}\n  " + "\n  ".join(problems), pytrace=False)


def route_problems(scenario: Scenario) -> list[str]:
    try:
        result = evaluate(tree(scenario.tree), scenario.answers)
    except InputError as error:
        return [f"the engine rejects the answers: {error}"]
    if result["status"] != "outcome":
        return [f"the answers stop at question '{result['question']['id']}'"]
    problems = []
    if result["outcome"]["id"] != scenario.outcome:
        problems.append(
            f"outcome: the engine gives '{result['outcome']['id']}', expected '{scenario.outcome}'"
        )
    if result["unused"]:
        problems.append(f"answers not on the route: {', '.join(result['unused'])}")
    return problems


def listed_clock_problems(scenario: Scenario) -> list[str]:
    rules = tree(scenario.tree)
    if scenario.outcome not in rules.outcomes:
        return [f"tree '{rules.id}' has no outcome '{scenario.outcome}'"]
    return [problem.message for problem in clock_problems(scenario, rules)]


def deadline_problems(scenario: Scenario) -> list[str]:
    problems = []
    for expected in scenario.deadlines:
        try:
            result = deadline(expected.clock, expected.start)
        except InputError as error:
            problems.append(f"deadline {expected.clock}: {error}")
            continue
        given = f"{result['due']}T{result['due_time']}" if result["due_time"] else result["due"]
        if given != expected.due:
            problems.append(
                f"deadline {expected.clock} from {expected.start}: the engine gives {given} "
                f"({result['due_text']}), expected {expected.due}"
            )
    return problems


def test_there_are_scenarios() -> None:
    assert FILES, "no scenario files in decision/scenarios/"
