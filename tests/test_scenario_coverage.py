"""Together the scenarios reach every outcome of every tree (as the golden paths list them)."""

import json
from pathlib import Path

from build_tools.training.scenarios import project_known, read_scenarios
from decision.project.rulebook import Project

PROJECT = Project()
GOLDEN = PROJECT.root / "tests" / "golden" / "paths"
MINIMUM = 30


def golden_outcomes() -> set[tuple[str, str]]:
    """(tree, outcome) for every outcome some golden path reaches."""
    outcomes = set()
    for path in sorted(GOLDEN.glob("*.json")):
        document = json.loads(Path(path).read_text(encoding="utf-8"))
        outcomes |= {(document["tree"], row["outcome"]) for row in document["paths"]}
    return outcomes


def test_golden_paths_are_there() -> None:
    assert len({tree for tree, _ in golden_outcomes()}) >= 5


def test_scenarios_reach_every_outcome() -> None:
    scenarios = read_scenarios(PROJECT, project_known(PROJECT))
    covered = {(scenario.tree, scenario.outcome) for scenario in scenarios}
    missing = sorted(golden_outcomes() - covered)
    assert not missing, "outcomes no scenario reaches:\n  " + "\n  ".join(
        f"{tree}: {outcome}" for tree, outcome in missing
    )


def test_at_least_thirty_scenarios() -> None:
    count = len(read_scenarios(PROJECT, project_known(PROJECT)))
    assert count >= MINIMUM, f"{count} scenarios; at least {MINIMUM} are needed"
