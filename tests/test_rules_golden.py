"""The real trees in decision/rules/: every path matches its golden file; every outcome is reached and cites.

After a deliberate rule change: `python -m build_tools.rules.golden`, then review the diff of
tests/golden/paths/.
"""

import difflib
import json
from pathlib import Path

import pytest

from decision.project.rulebook import Project, load_tree, tree_ids
from decision.trees.engine import evaluate
from decision.trees.paths import paths_document

GOLDEN = Path(__file__).parent / "golden" / "paths"
PROJECT = Project()
TREES = tree_ids(PROJECT)
REGENERATE = "if the change is intended, run `python -m build_tools.rules.golden` and review the diff"


def test_the_five_trees_exist():
    assert (
        sorted(["alert", "national-panel", "national-cp-alert", "iro-escalation", "alert-response"]) == TREES
    )


def test_every_golden_file_belongs_to_a_tree():
    assert sorted(path.stem for path in GOLDEN.glob("*.json")) == TREES


@pytest.mark.parametrize("tree_id", TREES)
def test_paths_match_the_golden_file(tree_id):
    golden = GOLDEN / f"{tree_id}.json"
    assert golden.exists(), f"no golden file for tree '{tree_id}': {REGENERATE}"
    current = paths_document(load_tree(PROJECT, tree_id))
    expected = golden.read_text(encoding="utf-8")
    diff = "\n".join(
        difflib.unified_diff(expected.splitlines(), current.splitlines(), "golden", "current", lineterm="")
    )
    assert current == expected, f"paths of '{tree_id}' changed ({REGENERATE}):\n{diff}"


@pytest.mark.parametrize("tree_id", TREES)
def test_every_outcome_is_reached_by_a_golden_path_and_cites(tree_id):
    tree = load_tree(PROJECT, tree_id)
    reached = {path["outcome"] for path in json.loads((GOLDEN / f"{tree_id}.json").read_text())["paths"]}
    assert sorted(set(tree.outcomes) - reached) == []
    assert [outcome.id for outcome in tree.outcomes.values() if not outcome.cites] == []


@pytest.mark.parametrize("tree_id", TREES)
def test_every_golden_path_replays_through_the_engine(tree_id):
    tree = load_tree(PROJECT, tree_id)
    for path in json.loads((GOLDEN / f"{tree_id}.json").read_text())["paths"]:
        result = evaluate(tree, path["answers"])
        assert result["status"] == "outcome", path
        assert (result["outcome"]["id"], result["outcome"]["urgency"]) == (path["outcome"], path["urgency"])
        assert [entry["question"] for entry in result["trail"]] == list(path["answers"])
        assert all(entry["cites"] for entry in result["trail"]), path
