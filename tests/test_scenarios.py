"""Every training scenario is a test, run through the check that fails the build (worked.work)."""

from functools import cache
from pathlib import Path

import pytest

from build_tools.training.scenarios import ScenarioError, project_known, read_scenario, scenario_files
from build_tools.training.worked import Worked, every_answer, reasons, work
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, load_tree
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


def worked(path: Path, known) -> Worked:
    """The scenario in `path` worked by the check the build runs; the test fails with its problems."""
    try:
        scenario = read_scenario(PROJECT, path, known)
    except ScenarioError as error:
        pytest.fail(f"{path.name} cannot be read:\n  {error}", pytrace=False)
    item, problems = work(scenario, tree(scenario.tree), DATA)
    if item is None:
        pytest.fail(f"{scenario.title}\n  " + "\n  ".join(map(str, problems)), pytrace=False)
    return item


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_scenario(path: Path, known) -> None:
    """Its answers reach its outcome and its deadlines are the engine's, as the build checks them."""
    assert worked(path, known).result["outcome"]["id"] == read_scenario(PROJECT, path, known).outcome


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_answer_on_the_route_is_explained_in_words(path: Path, known) -> None:
    """Where a learner's route first differs, the page says why the expected answer fits the case."""
    item = worked(path, known)
    scenario, rules, trail = item.scenario, tree(item.scenario.tree), item.result["trail"]
    unexplained = [entry["question"] for entry in trail if not reasons(rules, scenario, entry)]
    assert unexplained == [], (
        f"{path.name}: no teaching point cites a clause of the expected answer to "
        f"{', '.join(unexplained)}, and the rule data has no help for it: write it under 'why:'"
    )


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_answer_a_group_might_give_leads_where_the_engine_says(path: Path, known) -> None:
    """The trainer's view: at each question every option, one of them expected and reaching the outcome."""
    item = worked(path, known)
    scenario, rules = item.scenario, tree(item.scenario.tree)
    views = every_answer(rules, item)
    assert [entry["question"] for entry, _ in views] == [entry["question"] for entry in item.result["trail"]]
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
