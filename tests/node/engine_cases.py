"""Engine cases run twice: by CPython in pytest, and inside Pyodide by run-engine-cases.mjs.

Each case is a plain dict; its result is plain JSON data (or {"error": message} for bad input),
so the two runs can be compared value for value.
"""

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from decision.deadlines import clock, timeline
from decision.deadlines.deadline_data import DeadlineData, from_documents
from decision.errors import InputError
from decision.trees.compiled import trees_from_rulebook
from decision.trees.engine import evaluate
from decision.trees.tree import Tree


def run_case(case: Mapping, trees: Mapping[str, Tree], data: DeadlineData, today: date) -> dict:
    try:
        if case["kind"] == "path":
            result = evaluate(trees[case["tree"]], case["answers"])
            outcome = result.get("outcome") or {}
            return {
                "status": result["status"],
                "outcome": outcome.get("id"),
                "urgency": outcome.get("urgency"),
            }
        if case["kind"] == "deadline":
            return clock.deadline(case["clock"], case["start"], data, today)
        return timeline.timeline(case["timeline"], case["start"], data, today)
    except InputError as error:
        return {"error": str(error)}


def from_bundle(package: Path) -> tuple[dict[str, Tree], DeadlineData]:
    """The trees and deadline data exactly as the browser loads them from the unpacked bundle."""
    trees = trees_from_rulebook(_json(package / "built" / "rulebook.json"))
    data = from_documents(
        _json(package / "built" / "clocks.json"),
        _json(package / "data" / "bank-holidays-england.json"),
        (package / "data" / "Europe-London.tzif").read_bytes(),
    )
    return trees, data


def main(cases_json: str, package_dir: str, today: str) -> str:
    """Run in Pyodide: every case against the bundle unpacked at `package_dir`."""
    trees, data = from_bundle(Path(package_dir))
    day = date.fromisoformat(today)
    results = [run_case(case, trees, data, day) for case in json.loads(cases_json)]
    return json.dumps(results, default=str)


def _json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))
