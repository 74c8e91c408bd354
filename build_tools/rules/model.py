"""The project's rules, checked and loaded once per build for every plugin: trees, clocks, clauses, scenarios.

`load_rules` reads each file once (decision.project.rulebook.read_project: shape, the JSON Schema, clauses,
clocks, hand-offs, guidance pages, unreachable branches; then the clocks and calendar, then the training
scenarios) and raises RulesProblem listing every problem as `file:line: node: message`. While none of the
files it reads has changed (mkdocs serve rebuilding after an edit elsewhere), it returns the same Rules.

The `procedures-rules` plugin loads it in on_config and leaves it in mkdocs' config for this build; every
other plugin takes it from there with `build_rules`, which fails if procedures-rules did not run first.
"""

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from build_tools.training.scenarios import SCENARIOS, Known, Scenario, ScenarioError, read_scenarios
from decision.deadlines.clock_book import ClockBook, ClockDataError
from decision.deadlines.deadline_data import DeadlineData, from_documents
from decision.errors import InputError
from decision.project.clauses import Clause
from decision.project.deadline_files import read_calendar
from decision.project.rulebook import SCHEMA_FILE, Project, read_project, rules_version
from decision.trees.compiled import plain
from decision.trees.tree import Tree

CONFIG_KEY = "procedures_rules"  # where procedures-rules leaves this build's Rules in mkdocs' config


@dataclass(frozen=True)
class Rules:
    project: Project
    trees: Mapping[str, Tree]  # by id, in file-name order
    deadlines: DeadlineData  # the clocks, bank holidays and time zone
    clauses: tuple[Clause, ...]  # the clause inventory, in its order
    scenarios: tuple[Scenario, ...]  # the training scenarios, in file-name order
    rulebook: Mapping  # every tree compiled for the browser (decision.trees.compiled)
    clocks: object  # decision/clocks.yaml as plain data, for the browser
    version: Mapping[str, str]  # {"hash": ..., "date": YYYY-MM-DD}, as the aid shows it

    @property
    def book(self) -> ClockBook:
        return self.deadlines.book


class RulesProblem(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


_loaded: dict[tuple[Path, Path], tuple[str, Rules]] = {}  # by project: the files' fingerprint, their Rules


def load_rules(project: Project) -> Rules:
    """The project's Rules; RulesProblem lists every problem in its files."""
    key, files = (project.root, project.docs_dir), fingerprint(project)
    if key in _loaded and _loaded[key][0] == files:
        return _loaded[key][1]
    rules = _read_rules(project)
    _loaded[key] = (files, rules)
    return rules


def build_rules(config: MkDocsConfig, plugin: str) -> Rules:
    """This build's Rules, as procedures-rules loaded them; PluginError if it has not run."""
    rules = config.get(CONFIG_KEY)
    if not isinstance(rules, Rules):
        raise PluginError(
            f"{plugin}: the procedures-rules plugin must be listed before it in mkdocs.yml "
            "(it loads and checks the rules every plugin uses)"
        )
    return rules


def _read_rules(project: Project) -> Rules:
    checked = read_project(project)
    problems, deadlines = checked.problems, None
    try:
        deadlines = from_documents(checked.clocks, *read_calendar(project))
    except ClockDataError as error:
        problems += [str(problem) for problem in error.problems]
    except InputError as error:
        problems.append(str(error))
    if problems or deadlines is None:
        raise RulesProblem(problems)
    known = Known(
        trees=frozenset(checked.trees),
        clocks=frozenset(deadlines.book.clocks),
        clauses=frozenset(clause.id for clause in checked.clauses),
    )
    try:
        scenarios = read_scenarios(project, known)
    except ScenarioError as error:
        raise RulesProblem(error.problems) from None
    version = rules_version(project, [tree.reviewed for tree in checked.trees.values()])
    return Rules(
        project=project,
        trees=checked.trees,
        deadlines=deadlines,
        clauses=tuple(checked.clauses),
        scenarios=tuple(scenarios),
        rulebook=checked.rulebook(version),
        clocks=plain(checked.clocks),
        version=version,
    )


def model_files(project: Project) -> list[Path]:
    """The files and folders the model is read from (the docs folder aside)."""
    return [
        project.rules_dir,
        project.clocks_file,
        project.data_dir,
        project.clauses_file,
        SCHEMA_FILE,
        project.root / SCENARIOS,
    ]


def fingerprint(project: Project) -> str:
    """A hash of every file `_read_rules` reads, and of the list of pages a tree's `guidance` may name."""
    pages = sorted(path.relative_to(project.docs_dir).as_posix() for path in project.docs_dir.rglob("*.md"))
    return files_digest(model_files(project), extra="\0".join(pages))


def files_digest(places: Iterable[Path], extra: str = "") -> str:
    """A hash of the files named and of every file in the folders named (missing ones count as none)."""
    digest = hashlib.sha256()
    for path in [file for place in places for file in _files_in(place)]:
        digest.update(str(path).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    digest.update(extra.encode())
    return digest.hexdigest()


def _files_in(place: Path) -> list[Path]:
    """The file itself, or every file under the folder; none if it is missing."""
    return [place] if place.is_file() else sorted(path for path in place.rglob("*") if path.is_file())
