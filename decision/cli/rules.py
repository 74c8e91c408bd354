"""Commands on the decision trees: trees, questions, run, paths, check (see `python -m decision -h`)."""

import argparse
import json
import sys
from pathlib import Path

from decision.errors import InputError
from decision.project.rulebook import PROJECT_ROOT, Project, check_project, load_tree, load_trees, tree_ids
from decision.trees.engine import evaluate, question_view
from decision.trees.paths import paths_document


def register(commands: argparse._SubParsersAction) -> None:
    trees = commands.add_parser("trees", help="list the decision trees (JSON: id and title)")
    trees.set_defaults(handler=_trees)
    questions = commands.add_parser("questions", help="list the questions of a tree (JSON)")
    questions.add_argument("tree")
    questions.set_defaults(handler=_questions)
    run = commands.add_parser("run", help="the next question or the outcome for the answers so far (JSON)")
    run.add_argument("tree")
    run.add_argument(
        "--answers", required=True, metavar="FILE", help="JSON object of question id to answer; - for stdin"
    )
    run.set_defaults(handler=_run)
    paths = commands.add_parser("paths", help="every path through a tree, answers to outcome (JSON)")
    paths.add_argument("tree")
    paths.set_defaults(handler=_paths)
    check = commands.add_parser(
        "check", help="validate every rule file; problems go to stderr, exit status 1"
    )
    check.set_defaults(handler=_check)
    for parser in (trees, questions, run, paths, check):
        parser.add_argument(
            "--root", type=Path, default=PROJECT_ROOT, help="project folder (default: this one)"
        )


def _trees(args: argparse.Namespace) -> int:
    _print_json([{"id": tree.id, "title": tree.title} for tree in load_trees(Project(args.root)).values()])
    return 0


def _questions(args: argparse.Namespace) -> int:
    tree = load_tree(Project(args.root), args.tree)
    _print_json([question_view(question) for question in tree.questions.values()])
    return 0


def _run(args: argparse.Namespace) -> int:
    tree = load_tree(Project(args.root), args.tree)
    _print_json(evaluate(tree, _read_answers(args.answers)))
    return 0


def _paths(args: argparse.Namespace) -> int:
    sys.stdout.write(paths_document(load_tree(Project(args.root), args.tree)))
    return 0


def _check(args: argparse.Namespace) -> int:
    project = Project(args.root)
    problems = check_project(project)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"checked {len(tree_ids(project))} rule files: {len(problems)} problems")
    return 1 if problems else 0


def _read_answers(name: str) -> object:
    shown = "stdin" if name == "-" else f"answers file '{name}'"
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{shown}: cannot be read: {getattr(error, 'strerror', None) or error}") from None
    try:
        answers = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{shown}: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from None
    if not isinstance(answers, dict):
        raise InputError(f"{shown}: must be a JSON object of question id to answer")
    return answers


def _print_json(value: object) -> None:
    print(json.dumps(value, indent=2, ensure_ascii=False))
