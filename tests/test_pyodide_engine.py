"""The engine's own cases, run inside Pyodide (Node, the pinned npm package) from the files the site ships.

Every golden path must reach the same outcome, and the deadlines of every clock, timeline and ladder
from hard starting points (Christmas, bank holidays, leap days, both clock changes, times that
happen twice or never, dates outside the holiday data) must equal CPython's, value for value.
"""

import importlib.util
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from build_tools.pyodide.decision_bundle import bundle_bytes, rules_bytes
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, load_trees

PROJECT = Path(__file__).resolve().parent.parent
NODE_DIR = PROJECT / "tests" / "node"
PYODIDE = PROJECT / "node_modules" / "pyodide" / "pyodide.mjs"
GOLDEN = PROJECT / "tests" / "golden" / "paths"
TODAY = "2026-11-24"
STARTS = (
    "2026-12-24",  # Christmas and Boxing Day on weekdays
    "2027-12-23",  # Christmas Day and Boxing Day at the weekend, substitute days after
    "2026-11-28",  # a Saturday
    "2023-05-05",  # the day before the weekend ahead of the coronation bank holiday
    "2028-02-29",  # a leap day: month and year clocks must land sensibly
    "2027-01-31",  # month clocks clamp to the end of February
    "2027-03-27T10:00",  # 72 hours across the clocks going forward
    "2026-10-24T10:00",  # 72 hours across the clocks going back
    "2026-10-25T01:30",  # a time that happens twice
    "2027-03-28T01:30",  # a time that never happens
    "2030-06-03",  # far ahead: one-off bank holidays may be missing
    "2036-01-01",  # outside the years the holiday data covers
)


def _cases_module():
    spec = importlib.util.spec_from_file_location("engine_cases", NODE_DIR / "engine_cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def golden_cases() -> list[tuple[dict, dict]]:
    """(case, expected result) for every path in every golden file."""
    pairs = []
    for golden in sorted(GOLDEN.glob("*.json")):
        document = json.loads(golden.read_text(encoding="utf-8"))
        for path in document["paths"]:
            case = {"kind": "path", "tree": document["tree"], "answers": path["answers"]}
            pairs.append(
                (case, {"status": "outcome", "outcome": path["outcome"], "urgency": path["urgency"]})
            )
    return pairs


def deadline_cases() -> list[dict]:
    book = load_deadlines().book
    cases = [
        {"kind": "deadline", "clock": clock, "start": start} for clock in book.clocks for start in STARTS
    ]
    return cases + [
        {"kind": "timeline", "timeline": line, "start": start} for line in book.timelines for start in STARTS
    ]


def run_in_pyodide(cases: list[dict], tmp_path: Path) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "node is not installed: the engine cannot be checked in Pyodide (./dev test needs Node 20)"
        )
    if not PYODIDE.is_file():
        pytest.fail(f"{PYODIDE} is missing: run `npm ci`")
    bundle = tmp_path / "decision.zip"
    bundle.write_bytes(bundle_bytes(PROJECT))
    rules = tmp_path / "rules.json"
    rules.write_bytes(rules_bytes(PROJECT, {"clause_pages": {}, "aid_pages": {}}))
    cases_file = tmp_path / "cases.json"
    cases_file.write_text(json.dumps(cases), encoding="utf-8")
    result = subprocess.run(
        [node, str(NODE_DIR / "run-engine-cases.mjs"), str(bundle), str(rules), str(cases_file), TODAY],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict], dict]:
    cases = [case for case, _ in golden_cases()] + deadline_cases()
    return cases, run_in_pyodide(cases, tmp_path_factory.mktemp("pyodide"))


def test_the_bundle_runs_on_the_pyodide_python_without_packages(pyodide_run):
    _, report = pyodide_run
    assert report["python"].startswith("3.14.")
    assert report["decision_file"] == "/app/decision/__init__.py"
    assert report["loaded_packages"] == []


def test_every_golden_path_reaches_its_outcome_in_pyodide(pyodide_run):
    _, report = pyodide_run
    expected = golden_cases()
    assert len(expected) > 50  # every tree's paths, not an empty folder
    assert {case["tree"] for case, _ in expected} == set(load_trees(Project()))
    wrong = [
        f"{case['tree']} {case['answers']}: expected {want}, got {got}"
        for (case, want), got in zip(expected, report["results"][: len(expected)], strict=True)
        if got != want
    ]
    assert wrong == [], "\n".join(wrong[:20])


def test_every_deadline_is_the_same_in_pyodide_as_in_cpython(pyodide_run):
    cases, report = pyodide_run
    engine_cases = _cases_module()
    trees, data = load_trees(Project()), load_deadlines()
    today = date.fromisoformat(TODAY)
    first = len(golden_cases())
    different = []
    for case, got in zip(cases[first:], report["results"][first:], strict=True):
        want = json.loads(json.dumps(engine_cases.run_case(case, trees, data, today), default=str))
        if got != want:
            different.append(f"{case}: CPython {want}, Pyodide {got}")
    assert different == [], "\n".join(different[:10])
    answered = [result for result in report["results"][first:] if "error" not in result]
    assert len(answered) > 200  # real deadlines compared, not only error messages
