"""The project's rule files on disk: load a tree, check them all, compile them for the browser.

Build-time and command-line only (reads YAML through decision.project.source and applies the JSON Schema
with jsonschema); the browser gets the compiled rulebook instead.
"""

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from decision.errors import InputError
from decision.fields import KEBAB
from decision.problems import Problem, RuleError, line_of
from decision.project.clauses import Clause, read_clauses
from decision.project.source import read_yaml
from decision.trees.compiled import compile_rulebook
from decision.trees.tree import Tree, parse_tree
from decision.trees.validate import (
    Known,
    build_tree,
    coverage_problems,
    reference_problems,
    structure_problems,
)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = Path(__file__).resolve().parent / "schema" / "rule-tree.schema.json"


@dataclass(frozen=True)
class Project:
    """Where a project keeps its rules, clocks, clause inventory and pages."""

    root: Path = PROJECT_ROOT
    docs: Path | None = None  # the build passes mkdocs' docs_dir; otherwise root/docs

    @property
    def docs_dir(self) -> Path:
        return self.docs or self.root / "docs"

    @property
    def rules_dir(self) -> Path:
        return self.root / "decision" / "rules"

    @property
    def clocks_file(self) -> Path:
        return self.root / "decision" / "clocks.yaml"

    @property
    def data_dir(self) -> Path:
        return self.root / "decision" / "data"

    @property
    def clauses_file(self) -> Path:
        return self.root / "build_tools" / "clauses" / "clauses.yaml"

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to the project root."""
        return Path(os.path.relpath(path, self.root)).as_posix()

    def tree_file(self, tree_id: str) -> Path:
        return self.rules_dir / f"{tree_id}.yaml"


def tree_ids(project: Project) -> list[str]:
    return sorted(path.stem for path in project.rules_dir.glob("*.yaml"))


def read_tree_data(project: Project, tree_id: str) -> object:
    """The plain data of one rule file; InputError for an unknown tree or unreadable YAML."""
    if not KEBAB.match(tree_id) or not project.tree_file(tree_id).is_file():
        raise InputError(f"unknown tree '{tree_id}'; the trees are: {', '.join(tree_ids(project)) or 'none'}")
    return read_yaml(project.tree_file(tree_id), project.shown(project.tree_file(tree_id)))


def load_tree(project: Project, tree_id: str) -> Tree:
    """One tree, checked for shape and structure; RuleError names file, line and node of every problem."""
    tree = build_tree(read_tree_data(project, tree_id), project.shown(project.tree_file(tree_id)))
    if tree.id != tree_id:
        message = f"id must match the file name '{tree_id}'"
        raise RuleError([Problem(tree.origin, tree.lines.get("id"), f"tree '{tree.id}'", message)])
    return tree


def load_trees(project: Project) -> dict[str, Tree]:
    return {tree_id: load_tree(project, tree_id) for tree_id in tree_ids(project)}


@dataclass(frozen=True)
class CheckedProject:
    """Every rule file of a project and the files they refer to, each read once, and every problem in them."""

    tree_data: dict[str, object]  # tree id -> its rule file's data as read (with line numbers)
    trees: dict[str, Tree]  # tree id -> the tree, for each file with no problem; in file-name order
    clauses: list[Clause]
    clocks: object  # decision/clocks.yaml as read; None when it cannot be read
    problems: list[str]  # one line each, `file:line: node: message`; empty when all is well

    def rulebook(self, version: dict[str, str]) -> dict:
        """The rulebook for the browser (see decision.trees.compiled), from the data already read."""
        return compile_rulebook(self.tree_data, version)


def read_project(project: Project) -> CheckedProject:
    """Read and check every rule file and the clause inventory and clocks they refer to."""
    clauses, clocks, problems = _references(project)
    known = Known(
        frozenset(clause.id for clause in clauses),
        _clock_ids(clocks),
        frozenset(tree_ids(project)),
        frozenset(path.relative_to(project.docs_dir).as_posix() for path in project.docs_dir.rglob("*.md")),
    )
    if clocks is not None and known.clocks is None:
        problems.append(f"{project.shown(project.clocks_file)}: must be a mapping with a list 'clocks'")
    tree_data, trees = {}, {}
    for tree_id in tree_ids(project):
        data, tree, found = _file_problems(project, tree_id, known)
        problems += found
        if data is not None:
            tree_data[tree_id] = data
        if tree is not None and not found:
            trees[tree_id] = tree
    return CheckedProject(tree_data, trees, clauses, clocks, problems)


def check_project(project: Project) -> list[str]:
    """Every problem in every rule file and the files they refer to, one line each; empty when all is well."""
    return read_project(project).problems


def compile_project(project: Project) -> dict:
    """The rulebook for the browser (see decision.trees.compiled); the caller checks the project first."""
    checked = read_project(project)
    return checked.rulebook(rules_version(project, [tree.reviewed for tree in checked.trees.values()]))


def rules_version(project: Project, reviewed: Iterable[str]) -> dict[str, str]:
    """The rules version the aid shows: a hash of the rule files, clocks and calendar data, and the
    latest of the trees' `reviewed` dates."""
    digest = hashlib.sha256()
    for tree_id in tree_ids(project):
        digest.update(tree_id.encode() + b"\0" + project.tree_file(tree_id).read_bytes())
    # Dates are part of a decision too: the clocks and the calendar they count on.
    for path in [project.clocks_file, *sorted(project.data_dir.glob("*"))]:
        digest.update(project.shown(path).encode() + b"\0" + path.read_bytes())
    return {"hash": digest.hexdigest()[:12], "date": max(reviewed, default="")}


def _file_problems(
    project: Project, tree_id: str, known: Known
) -> tuple[object | None, Tree | None, list[str]]:
    """The rule file's data as read, its tree (None if it cannot be parsed) and every problem in it."""
    shown = project.shown(project.tree_file(tree_id))
    try:
        data = read_tree_data(project, tree_id)
    except InputError as error:
        return None, None, [str(error)]
    try:
        tree = parse_tree(data, shown)
    except RuleError as error:
        return data, None, [str(problem) for problem in error.problems]
    problems = _schema_problems(data, shown)  # a second opinion: the parser has accepted the shape
    if tree.id != tree_id:
        message = f"id must match the file name '{tree_id}'"
        problems.append(str(Problem(shown, tree.lines.get("id"), f"tree '{tree.id}'", message)))
    found = reference_problems(tree, known) + (structure_problems(tree) or coverage_problems(tree))
    return data, tree, problems + [str(problem) for problem in found]


def _schema_problems(data: object, shown: str) -> list[str]:
    """JSON Schema errors, each at the line of the culprit's key, or of the innermost mapping or list."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda error: list(map(str, error.absolute_path))):
        line, node = _locate(data, list(error.absolute_path))
        problems.append(str(Problem(shown, line, node, f"does not match the schema: {error.message}")))
    return problems


def _locate(data: object, path: list) -> tuple[int | None, str]:
    line = line_of(data)
    node = ""
    value = data
    for depth, key in enumerate(path):
        line = line_of(value, key) if isinstance(key, str) else line
        value = value[key]  # type: ignore[index]
        line = line_of(value) or line
        if depth == 1 and path[0] in ("questions", "outcomes") and isinstance(value, dict):
            node = f"{path[0][:-1]} '{value.get('id')}'"
    return line, node


def _references(project: Project) -> tuple[list[Clause], object, list[str]]:
    """The clause inventory and the clocks as read, and the problems reading them."""
    problems: list[str] = []
    try:
        clauses = read_clauses(project.clauses_file, project.shown(project.clauses_file))
    except InputError as error:
        clauses, problems = [], [str(problem) for problem in getattr(error, "problems", [error])]
    try:
        clocks = read_yaml(project.clocks_file, project.shown(project.clocks_file))
    except InputError as error:
        clocks, problems = None, [*problems, str(error)]
    return clauses, clocks, problems


def _clock_ids(clocks: object) -> frozenset[str] | None:
    """The ids in clocks.yaml, or None when it is not a mapping with a list `clocks`."""
    listed = clocks.get("clocks") if isinstance(clocks, dict) else None
    if not isinstance(listed, list):
        return None
    return frozenset(
        clock["id"] for clock in listed if isinstance(clock, dict) and isinstance(clock.get("id"), str)
    )
