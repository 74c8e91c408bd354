"""The project's rules, checked and loaded once per build: trees, clocks and the rules version.

`load_rules` runs the whole rule check (decision.project.rulebook.check_project: shape, the JSON Schema,
clauses, clocks, hand-offs, guidance pages, unreachable branches) and reads the clocks, and raises
RulesProblem listing every problem as `file:line: node: message`.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from decision.deadlines.clock_book import ClockBook, ClockDataError, parse_clock_book
from decision.errors import InputError
from decision.project.rulebook import Project, check_project, load_trees, rules_version
from decision.project.source import read_yaml
from decision.trees.tree import Tree


@dataclass(frozen=True)
class Rules:
    project: Project
    trees: Mapping[str, Tree]  # by id, in file-name order
    book: ClockBook
    version: Mapping[str, str]  # {"hash": ..., "date": YYYY-MM-DD}, as the aid shows it


class RulesProblem(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def load_rules(project: Project) -> Rules:
    problems = check_project(project)
    book, shown = None, project.shown(project.clocks_file)
    try:
        book = parse_clock_book(read_yaml(project.clocks_file, shown), shown)
    except ClockDataError as error:
        problems += [str(problem) for problem in error.problems]
    except InputError as error:
        problems.append(str(error))
    if problems or book is None:
        raise RulesProblem(problems)
    try:
        trees = load_trees(project)
        return Rules(project, trees, book, rules_version(project, [tree.reviewed for tree in trees.values()]))
    except InputError as error:  # the check passed, so only a file changed since could do this
        raise RulesProblem([str(error)]) from None
