"""Engine cases run twice: by CPython in pytest, and inside Pyodide by run-engine-cases.mjs.

Each case is a plain dict; its result is plain JSON data (or {"error": message} for bad input),
so the two runs can be compared value for value.
"""

import json
from collections.abc import Mapping
from datetime import date

from decision.aid.browser import read_rules
from decision.deadlines import clock, timeline
from decision.deadlines.deadline_data import DeadlineData
from decision.errors import InputError
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


def main(cases_json: str, rules_json: str, today: str) -> str:
    """Run in Pyodide: every case against the rules file, read as the browser reads it (read_rules)."""
    bundle = read_rules(rules_json)
    day = date.fromisoformat(today)
    results = [run_case(case, bundle.trees, bundle.deadlines, day) for case in json.loads(cases_json)]
    return json.dumps(results, default=str)
