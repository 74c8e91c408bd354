"""Read the project's clause inventory (build_tools/clauses/clauses.yaml) strictly.

Build-time and command-line only (reads YAML through decision.project.source): the build, the rule check and
the training checks all take their clause ids from here.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from decision.problems import Problem, RuleError, line_of
from decision.project.source import read_yaml

KINDS = ("threshold", "route", "timescale", "definition", "role", "process", "note")
MUST_BE_CITED = frozenset({"threshold", "route", "timescale"})
_ID = re.compile(r"^[A-Z]{2}-[A-Z0-9]+(?:-[A-Z0-9]+)*$")


@dataclass(frozen=True)
class Clause:
    id: str
    source: str  # the short id of the source procedure, e.g. KN
    kind: str
    title: str
    conflict: bool

    @property
    def anchor(self) -> str:
        return self.id.lower()


def read_clauses(path: Path, shown: str) -> list[Clause]:
    """Every clause in inventory order; RuleError naming the file and line of every problem."""
    data = read_yaml(path, shown)
    sources = data.get("sources") if isinstance(data, dict) else None
    rows = data.get("clauses") if isinstance(data, dict) else None
    if not isinstance(sources, dict) or not isinstance(rows, list):
        raise RuleError([Problem(shown, 1, "", "needs a mapping `sources` and a list `clauses`")])
    clauses: list[Clause] = []
    problems: list[Problem] = []
    for row in rows:
        fault = _fault(row, sources, {clause.id for clause in clauses})
        if fault:
            problems.append(Problem(shown, line_of(row), "", fault))
        else:
            clauses.append(
                Clause(row["id"], row["source"], row["kind"], row["title"], row.get("conflict", False))
            )
    if problems:
        raise RuleError(problems)
    return clauses


def _fault(row: object, sources: dict, seen: set[str]) -> str | None:
    if not isinstance(row, dict):
        return f"each clause must be a mapping, not {row!r}"
    unknown = set(row) - set(Clause.__annotations__)
    if unknown:
        return f"clause {row.get('id')!r} has unknown keys: {', '.join(sorted(unknown))}"
    if not isinstance(row.get("id"), str) or not _ID.match(row["id"]):
        return f"clause id {row.get('id')!r} must look like KN-NOTIFY-5WD"
    if row["id"] in seen:
        return f"clause '{row['id']}' is listed twice"
    if row.get("source") not in sources:
        return f"clause '{row['id']}': source {row.get('source')!r} is not one of {', '.join(sources)}"
    if row.get("kind") not in KINDS:
        return f"clause '{row['id']}': kind {row.get('kind')!r} is not one of {', '.join(KINDS)}"
    if not isinstance(row.get("title"), str) or not row["title"].strip():
        return f"clause '{row['id']}' needs a title"
    if not isinstance(row.get("conflict", False), bool):
        return f"clause '{row['id']}': conflict must be true or false"
    return None
