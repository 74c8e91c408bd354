"""The project's clause inventory for the build: decision.project.clauses' reader, errors as build errors."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from decision.errors import InputError
from decision.project.clauses import Clause, read_clauses
from decision.project.rulebook import Project


def read_inventory(root: Path) -> list[Clause]:
    """The clauses of the project at `root`; PluginError naming the file and line of every problem."""
    project = Project(root=root)
    try:
        return read_clauses(project.clauses_file, project.shown(project.clauses_file))
    except InputError as error:
        problems = getattr(error, "problems", [error])
        raise PluginError("procedures-clauses: " + "\n".join(str(problem) for problem in problems)) from None
