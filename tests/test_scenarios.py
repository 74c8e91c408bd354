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
from build_tools.training.worked import Worked, clock_problems, every_answer, reasons
from decision.deadlines.clock import deadline
from decision.errors import InputError
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, load_tree
from decision.trees.engine import evaluate
from decision.trees.tree import Tree

DATA = load_deadlines()

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
            result = deadline(expected.clock, expected.start, DATA)
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


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_answer_on_the_route_is_explained_in_words(path: Path, known) -> None:
    """Where a learner's route first differs, the page says why the expected answer fits the case."""
    scenario = read_scenario(PROJECT, path, known)
    rules = tree(scenario.tree)
    trail = evaluate(rules, scenario.answers)["trail"]
    unexplained = [entry["question"] for entry in trail if not reasons(rules, scenario, entry)]
    assert unexplained == [], (
        f"{path.name}: no teaching point cites a clause of the expected answer to "
        f"{', '.join(unexplained)}, and the rule data has no help for it: write it under 'why:'"
    )


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_answer_a_group_might_give_leads_where_the_engine_says(path: Path, known) -> None:
    """The trainer's view: at each question every option, one of them expected and reaching the outcome."""
    scenario = read_scenario(PROJECT, path, known)
    rules = tree(scenario.tree)
    worked = Worked(scenario, evaluate(rules, scenario.answers), ())
    views = every_answer(rules, worked)
    assert [entry["question"] for entry, _ in views] == [
        entry["question"] for entry in worked.result["trail"]
    ]
    decision = rules.outcomes[scenario.outcome].decision
    for entry, choices in views:
        question = rules.questions[entry["question"]]
        assert [choice.leads_to for choice in choices if choice.expected] == [decision], question.id
        if question.kind in ("choice", "yes_no_not_sure"):
            assert [choice.labels for choice in choices] == [(option.label,) for option in question.options]
        for choice in choices:
            known_text = (
                {outcome.decision for outcome in rules.outcomes.values()}
                if choice.is_outcome
                else {other.text for other in rules.questions.values()}
            )
            assert choice.leads_to in known_text, (question.id, choice)


def test_there_are_scenarios() -> None:
    assert FILES, "no scenario files in decision/scenarios/"
