"""Read the clause inventory: the ids every page anchor and rule citation must come from."""

from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError


@dataclass(frozen=True)
class Clause:
    id: str
    seed: str

    @property
    def anchor(self) -> str:
        return self.id.lower()


def read_inventory(path: Path) -> list[Clause]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"procedures-clauses: cannot read the clause inventory {path}: {error}") from error
    rows = data.get("clauses") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise PluginError(f"procedures-clauses: {path} has no `clauses:` list")
    return [_clause(row, path, number) for number, row in enumerate(rows, start=1)]


def _clause(row: object, path: Path, number: int) -> Clause:
    if not (isinstance(row, dict) and isinstance(row.get("id"), str) and isinstance(row.get("seed"), str)):
        raise PluginError(
            f"procedures-clauses: {path}: clause number {number} needs an `id` and a `seed`: {row!r}"
        )
    return Clause(id=row["id"], seed=row["seed"])
