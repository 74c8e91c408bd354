"""`python -m decision` rule commands, run as a person would: JSON out, one-line errors with exit status 2."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from flow import FIXTURE_PROJECT, fixture_tree

from decision.trees.paths import paths_document

ROOT = ["--root", str(FIXTURE_PROJECT.root)]
INVALID = Path(__file__).parent / "fixtures" / "rules" / "invalid"
DANGLING = (
    "decision/rules/dangling-next.yaml:26: question 'q': "
    "next names 'nowhere', which is not a question or outcome"
)


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "decision", *args], input=stdin, capture_output=True, text=True, timeout=60
    )


def assert_rejected(result: subprocess.CompletedProcess, message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"error: {message}\n"


def test_trees_lists_id_and_title():
    result = run("trees", *ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {"id": "categories", "title": "Fixture: alert categories"},
        {"id": "dates", "title": "Fixture: care leaver dates"},
        {"id": "notify", "title": "Fixture: decide whether to notify"},
    ]


def test_questions_lists_every_question():
    result = run("questions", "dates", *ROOT)
    assert result.returncode == 0, result.stderr
    questions = json.loads(result.stdout)
    assert [question["id"] for question in questions] == [
        "date-of-death",
        "date-of-birth",
        "date-of-knowledge",
    ]
    assert questions[0]["kind"] == "date" and questions[0]["cites"] == ["KA-FIX-CARE-LEAVER"]


def test_run_with_an_answers_file(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"what-happened": "died", "abuse-suspected": "no"}), encoding="utf-8")
    result = run("run", "notify", "--answers", str(answers), *ROOT)
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert (output["status"], output["outcome"]["id"]) == ("outcome", "review-death")


def test_run_with_answers_on_stdin():
    result = run("run", "notify", "--answers", "-", *ROOT, stdin='{"what-happened": "harmed"}')
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert (output["status"], output["question"]["id"]) == ("question", "abuse-suspected")


def test_malformed_json_names_the_source(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text('{"what-happened": died}', encoding="utf-8")
    assert_rejected(
        run("run", "notify", "--answers", str(answers), *ROOT),
        f"answers file '{answers}': not valid JSON: Expecting value (line 1, column 19)",
    )
    assert_rejected(
        run("run", "notify", "--answers", "-", *ROOT, stdin="{"),
        "stdin: not valid JSON: Expecting property name enclosed in double quotes (line 1, column 2)",
    )


def test_answers_must_be_an_object():
    assert_rejected(
        run("run", "notify", "--answers", "-", *ROOT, stdin='["died"]'),
        "stdin: must be a JSON object of question id to answer",
    )


def test_missing_answers_file_is_named(tmp_path):
    missing = tmp_path / "nope.json"
    assert_rejected(
        run("run", "notify", "--answers", str(missing), *ROOT),
        f"answers file '{missing}': cannot be read: No such file or directory",
    )


def test_unknown_tree_lists_the_trees():
    for command in (["questions", "nope"], ["paths", "nope"], ["run", "nope", "--answers", "-"]):
        assert_rejected(
            run(*command, *ROOT, stdin="{}"), "unknown tree 'nope'; the trees are: categories, dates, notify"
        )


def test_path_like_tree_names_are_unknown_trees():
    assert_rejected(
        run("questions", "../rules/notify", *ROOT),
        "unknown tree '../rules/notify'; the trees are: categories, dates, notify",
    )


def test_unknown_question_is_named():
    assert_rejected(
        run("run", "notify", "--answers", "-", *ROOT, stdin='{"what-happend": "died"}'),
        "question 'what-happend': tree 'notify' has no question with this id",
    )


def test_option_not_offered_is_named():
    assert_rejected(
        run("run", "notify", "--answers", "-", *ROOT, stdin='{"what-happened": "injured"}'),
        "question 'what-happened': \"injured\" is not offered; offered: died, harmed, neither",
    )


def test_contradicting_date_is_named():
    answers = {
        "date-of-death": "2024-06-15",
        "date-of-birth": "2004-01-01",
        "date-of-knowledge": "2024-01-01",
    }
    assert_rejected(
        run("run", "dates", "--answers", "-", *ROOT, stdin=json.dumps(answers)),
        "question 'date-of-knowledge': You cannot learn of a death before it happens.",
    )


def test_paths_prints_the_golden_document():
    result = run("paths", "categories", *ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == paths_document(fixture_tree("categories"))


def test_check_passes_a_clean_project():
    result = run("check", *ROOT)
    assert (result.returncode, result.stdout, result.stderr) == (0, "checked 3 rule files: 0 problems\n", "")


@pytest.fixture
def broken_root(tmp_path) -> Path:
    shutil.copytree(FIXTURE_PROJECT.root, tmp_path / "project")
    root = tmp_path / "project"
    for name in ("dangling-next", "unknown-clause"):
        shutil.copy(INVALID / f"{name}.yaml", root / "decision" / "rules")
    return root


def test_check_lists_every_problem_and_fails(broken_root):
    result = run("check", "--root", str(broken_root))
    assert result.returncode == 1
    assert result.stdout == "checked 5 rule files: 2 problems\n"
    assert result.stderr.splitlines() == [
        DANGLING,
        "decision/rules/unknown-clause.yaml:17: question 'q' option 'no': "
        "cites 'KN-FIX-NOPE', which is not a clause id in the inventory",
    ]


def test_a_broken_rule_file_is_rejected_in_one_line_by_run(broken_root):
    assert_rejected(
        run("run", "dangling-next", "--answers", "-", "--root", str(broken_root), stdin="{}"),
        DANGLING,
    )
