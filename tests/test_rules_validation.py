"""Rule-file validation: each fault in its own tiny fixture (tests/fixtures/rules/invalid)."""

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from flow import FIXTURE_PROJECT

from decision.problems import RuleError
from decision.project.rulebook import SCHEMA_FILE, Project, check_project, load_tree
from decision.project.source import read_yaml
from decision.trees.validate import build_tree

INVALID = Path(__file__).parent / "fixtures" / "rules" / "invalid"
GOOD_RULES = FIXTURE_PROJECT.rules_dir


@pytest.fixture
def project(tmp_path) -> Project:
    """A copy of the fixture project, so a test can add a broken rule file to it."""
    shutil.copytree(FIXTURE_PROJECT.root, tmp_path / "project")
    return Project(tmp_path / "project")


def with_invalid(project: Project, name: str) -> Project:
    shutil.copy(INVALID / f"{name}.yaml", project.rules_dir)
    return project


def test_the_fixture_project_is_clean(project):
    assert check_project(project) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("dangling-next", ["26: question 'q': next names 'nowhere', which is not a question or outcome"]),
        ("unreachable", ["27: question 'orphan': cannot be reached from the start question 'q'"]),
        ("cycle", ["27: question 'r': next leads round in a cycle: q -> r -> q"]),
        (
            "unknown-clause",
            ["17: question 'q' option 'no': cites 'KN-FIX-NOPE', which is not a clause id in the inventory"],
        ),
        (
            "unknown-clock",
            ["36: outcome 'judgement': clock 'no-such-clock' is not a clock in decision/clocks.yaml"],
        ),
        (
            "unknown-tree",
            [
                "36: outcome 'judgement': hands off to tree 'no-such-tree', "
                "which is not a tree in decision/rules/"
            ],
        ),
        (
            "missing-guidance",
            ["6: tree 'missing-guidance': guidance page 'fixture/no-such-page.md' is not under docs/"],
        ),
        ("duplicate-key", ["13: duplicate key 'text'"]),
        (
            "last-branch-conditional",
            [
                "26: question 'q': the last branch of 'next' must have no 'when', "
                "so every answer goes somewhere"
            ],
        ),
        (
            "unanswered-condition",
            ["24: question 'q': condition names question 'r', which is not answered on every path to here"],
        ),
        (
            "bad-kind",
            ["11: question 'q': kind 'dropdown' is not one of: choice, yes_no_not_sure, date, multi"],
        ),
        (
            "yes-no-options",
            ["13: question 'q': options must be exactly yes, no, not-sure, not yes, no, maybe"],
        ),
        ("missing-cites", ["28: outcome 'done': 'cites' is missing"]),
        (
            "option-not-offered",
            ["24: question 'q': condition names option 'maybe', which question 'q' does not offer"],
        ),
        (
            "wrong-form-for-kind",
            ["24: question 'q': condition uses includes / includes_any on 'q', a yes_no_not_sure question"],
        ),
        (
            "never-taken",
            [
                "24: question 'q': branch 1 (go: done) is never taken by any answers; fix or remove it",
                "28: outcome 'done': no path reaches it",
            ],
        ),
        ("wrong-file-name", ["2: tree 'another-name': id must match the file name 'wrong-file-name'"]),
        ("not-yaml", ["12: not valid YAML: expected ',' or ']', but got ':'"]),
    ],
)
def test_each_fault_is_named_with_file_line_and_node(project, name, expected):
    problems = check_project(with_invalid(project, name))
    assert problems == [f"decision/rules/{name}.yaml:{line}" for line in expected]


def test_a_condition_outside_the_closed_set_is_one_problem(project):
    [problem] = check_project(with_invalid(project, "unknown-condition-form"))
    assert problem.startswith(
        "decision/rules/unknown-condition-form.yaml:24: question 'q': "
        "condition with keys ['answer', 'equal'] is not one of the accepted forms: {answer, equals},"
    )


def test_loading_a_broken_tree_raises_one_line_naming_the_first_problem(project):
    shutil.copy(INVALID / "never-taken.yaml", project.rules_dir)
    shutil.copy(INVALID / "dangling-next.yaml", project.rules_dir)
    with pytest.raises(RuleError) as caught:
        load_tree(project, "dangling-next")
    assert str(caught.value) == (
        "decision/rules/dangling-next.yaml:26: question 'q': "
        "next names 'nowhere', which is not a question or outcome"
    )


def test_several_problems_are_all_listed_and_summarised_in_one_line():
    data = read_yaml(INVALID / "dangling-next.yaml", "x.yaml")
    data["questions"][0]["kind"] = "dropdown"
    data["outcomes"][0]["urgency"] = "soon"
    with pytest.raises(RuleError) as caught:
        build_tree(data, "x.yaml")
    assert [str(problem) for problem in caught.value.problems] == [
        "x.yaml:11: question 'q': kind 'dropdown' is not one of: choice, yes_no_not_sure, date, multi",
        "x.yaml:30: outcome 'done': urgency 'soon' is not one of: immediately, within-hours, "
        "within-working-days, keep-under-review, no-action, professional-judgement",
    ]
    assert "\n" not in str(caught.value)
    assert str(caught.value).endswith("(and 1 more; run `python -m decision check` to see them all)")


def test_missing_clocks_file_is_reported_once(project):
    project.clocks_file.unlink()
    assert check_project(project) == ["decision/clocks.yaml: file not found"]


def test_missing_clause_inventory_is_reported(project):
    project.clauses_file.unlink()
    problems = check_project(project)
    assert problems[0] == "build_tools/clauses/clauses.yaml: file not found"
    assert any(
        "cites 'KN-FIX-NOTIFY', which is not a clause id in the inventory" in line for line in problems
    )


def test_a_bad_clause_in_the_inventory_is_named_with_its_line(project):
    text = project.clauses_file.read_text(encoding="utf-8")
    project.clauses_file.write_text(text.replace("kind: timescale", "kind: deadline"), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "kind: timescale" in row)
    problems = check_project(project)
    assert problems[0] == (
        f"build_tools/clauses/clauses.yaml:{line}: clause 'KN-FIX-NOTIFY': kind 'deadline' is not one of "
        "threshold, route, timescale, definition, role, process, note"
    )


# The JSON Schema: valid, accepts every good tree, and agrees with the parser on shape faults.


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", sorted(GOOD_RULES.glob("*.yaml")), ids=lambda path: path.stem)
def test_schema_accepts_the_fixture_trees(validator, path):
    assert list(validator.iter_errors(read_yaml(path, path.name))) == []


@pytest.mark.parametrize("name", ["bad-kind", "yes-no-options", "missing-cites", "unknown-condition-form"])
def test_schema_rejects_shape_faults(validator, name):
    assert list(validator.iter_errors(read_yaml(INVALID / f"{name}.yaml", name))) != []


def test_schema_is_applied_by_check_after_the_parser_accepts(project, monkeypatch):
    """A schema fault the parser does not see (here: a stricter schema) is still reported with its line."""
    strict = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    strict["$defs"]["outcome"]["properties"]["urgency"] = {"enum": ["immediately"]}
    stricter = project.root / "strict.schema.json"
    stricter.write_text(json.dumps(strict), encoding="utf-8")
    monkeypatch.setattr("decision.project.rulebook.SCHEMA_FILE", stricter)
    assert check_project(project)[0] == (
        "decision/rules/categories.yaml:59: outcome 'alert-urgent': "
        "does not match the schema: 'within-hours' is not one of ['immediately']"
    )
