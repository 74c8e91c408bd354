"""The compiled rulebook: plain JSON the browser loads, giving back the same trees and answers."""

import json
import shutil

import pytest
from flow import FIXTURE_PROJECT, fixture_tree

from decision.errors import InputError
from decision.problems import RuleError
from decision.project.rulebook import Project, compile_project
from decision.trees.compiled import trees_from_rulebook
from decision.trees.engine import evaluate
from decision.trees.paths import paths_document


@pytest.fixture(scope="module")
def rulebook() -> dict:
    return json.loads(json.dumps(compile_project(FIXTURE_PROJECT)))


def test_rulebook_holds_the_version_and_the_trees(rulebook):
    assert set(rulebook) == {"version", "trees"}
    assert rulebook["version"]["date"] == "2026-02-01"  # the latest `reviewed` of the three trees
    assert len(rulebook["version"]["hash"]) == 12
    assert list(rulebook["trees"]) == ["categories", "dates", "notify"]


def test_trees_from_the_rulebook_walk_exactly_like_the_source(rulebook):
    trees = trees_from_rulebook(rulebook)
    for tree_id, tree in trees.items():
        source = fixture_tree(tree_id)
        assert paths_document(tree) == paths_document(source)
        answers = {"what-happened": "died", "abuse-suspected": "yes"} if tree_id == "notify" else {}
        assert evaluate(tree, answers) == evaluate(source, answers)


def test_the_hash_changes_with_the_rules(rulebook, tmp_path):
    shutil.copytree(FIXTURE_PROJECT.root, tmp_path / "project")
    project = Project(tmp_path / "project")
    rules = project.rules_dir / "notify.yaml"
    rules.write_text(rules.read_text() + "\n", encoding="utf-8")
    assert compile_project(project)["version"]["hash"] != rulebook["version"]["hash"]


def test_the_hash_changes_with_the_clocks(rulebook, tmp_path):
    shutil.copytree(FIXTURE_PROJECT.root, tmp_path / "project")
    project = Project(tmp_path / "project")
    project.clocks_file.write_text(project.clocks_file.read_text() + "\n", encoding="utf-8")
    assert compile_project(project)["version"]["hash"] != rulebook["version"]["hash"]


def test_a_broken_compiled_tree_is_named_without_line_numbers(rulebook):
    rulebook["trees"]["notify"]["questions"][0]["next"][-1]["go"] = "nowhere"
    with pytest.raises(
        RuleError, match=r"^rulebook trees/notify: question 'what-happened': next names 'nowhere'"
    ):
        trees_from_rulebook(rulebook)


def test_a_rulebook_without_trees_is_refused():
    with pytest.raises(InputError, match=r"^rulebook: must be an object with 'trees'"):
        trees_from_rulebook({"version": {}})
