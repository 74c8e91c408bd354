"""Flow-test helpers in the style of smart-answers: given answers, assert the next node, outcome or error."""

from pathlib import Path

import pytest

from decision.project.rulebook import Project, load_tree
from decision.trees.engine import AnswerError, evaluate
from decision.trees.tree import Tree

FIXTURE_PROJECT = Project(Path(__file__).parent / "fixtures" / "project")


def fixture_tree(tree_id: str) -> Tree:
    return load_tree(FIXTURE_PROJECT, tree_id)


def assert_next_node(tree: Tree, answers: dict, node_id: str) -> dict:
    """The answers lead to `node_id`: the next question to ask, or the outcome."""
    result = evaluate(tree, answers)
    reached = result[result["status"]]["id"]
    assert reached == node_id, (
        f"{tree.id}: {answers} leads to {result['status']} '{reached}', not '{node_id}'"
    )
    return result


def assert_outcome(tree: Tree, answers: dict, outcome_id: str) -> dict:
    result = assert_next_node(tree, answers, outcome_id)
    assert result["status"] == "outcome", f"{tree.id}: '{outcome_id}' is a question, not an outcome"
    return result


def assert_invalid(tree: Tree, answers: dict, question_id: str, message_fragment: str) -> AnswerError:
    """The answers are rejected with an error naming `question_id` and containing the fragment."""
    with pytest.raises(AnswerError) as caught:
        evaluate(tree, answers)
    assert caught.value.question == question_id
    assert str(caught.value).startswith(f"question '{question_id}': ")
    assert message_fragment in str(caught.value)
    return caught.value
