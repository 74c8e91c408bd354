"""Scenario files: each mistake is named by file, line and scenario; clashes with the tools are caught."""

from pathlib import Path

import pytest

from build_tools.training.scenarios import Known, Scenario, ScenarioError, read_scenario
from build_tools.training.worked import work
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, load_tree

KNOWN = Known(
    trees=frozenset({"alert-response"}),
    clocks=frozenset({"alert-response", "alert-response-urgent"}),
    clauses=frozenset({"KT-RESPONSE-3WD", "KT-LOGGING"}),
)
VIGNETTE = " ".join(["word"] * 70)
GOOD = f"""\
id: sample
title: An alert arrives two days before Christmas.
tree: alert-response
role: Social Work Standards Officer
boundary: Christmas 2026
vignette: {VIGNETTE}
answers:
  request-type: organisational-risk
  may-meet-review-criteria: no
outcome: organisational-risk-request
event:
  what: The alert reaches the Safeguarding Unit
  date: 2026-12-23
deadlines:
  alert-response: 2026-12-30
teaching:
  - text: Day 0 is the day it arrives.
    cites: [KT-RESPONSE-3WD]
  - text: Reply to everyone it went to.
    cites: [KT-LOGGING]
"""


def scenario_from(tmp_path: Path, text: str, name: str = "sample") -> Scenario:
    folder = tmp_path / "decision" / "scenarios"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return read_scenario(Project(root=tmp_path), path, KNOWN)


def problems_in(tmp_path: Path, text: str, name: str = "sample") -> str:
    with pytest.raises(ScenarioError) as caught:
        scenario_from(tmp_path, text, name)
    return str(caught.value)


def test_a_good_scenario_reads_with_yes_and_no_kept_as_text(tmp_path: Path) -> None:
    scenario = scenario_from(tmp_path, GOOD)
    assert scenario.answers == {"request-type": "organisational-risk", "may-meet-review-criteria": "no"}
    assert scenario.event.start == "2026-12-23"
    assert [(item.clock, item.due) for item in scenario.deadlines] == [("alert-response", "2026-12-30")]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("outcome: organisational-risk-request\n", ""),
            "decision/scenarios/sample.yaml:1: scenario 'sample': 'outcome' is missing",
        ),
        (
            ("id: sample", "id: other"),
            "sample.yaml:1: scenario 'other': id 'other' must match the file name 'sample'",
        ),
        (
            ("title: An alert arrives two days before Christmas.", "title: No full stop"),
            ":2: scenario 'sample': title",
        ),
        (
            ("role: Social Work Standards Officer", "role: Director"),
            ":4: scenario 'sample': role 'Director' is not one of",
        ),
        ((VIGNETTE, "Too short."), ":6: scenario 'sample': the vignette has 2 words; write 60 to 150"),
        (
            ("date: 2026-12-23", "date: 2026-02-30"),
            ":13: scenario 'sample': event: date '2026-02-30' must be a real date",
        ),
        (
            ("  alert-response: 2026-12-30", "  panel: 2026-12-30"),
            ":15: scenario 'sample': deadlines: clock 'panel' is not in",
        ),
        (
            ("cites: [KT-LOGGING]", "cites: [KT-NOWHERE]"),
            ":20: scenario 'sample': teaching point 2: cites KT-NOWHERE, which is not in",
        ),
        (
            ("id: sample", "id: Sample_1"),
            ":1: scenario 'Sample_1': id 'Sample_1' must be kebab-case",
        ),
        (
            ("tree: alert-response", "tree: alerts"),
            ":3: scenario 'sample': tree 'alerts' is not one of: alert-response",
        ),
    ],
)
def test_each_mistake_is_named_by_file_line_and_scenario(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    assert change[0] in GOOD
    assert message in problems_in(tmp_path, GOOD.replace(*change))


def test_unreadable_yaml_is_named_by_file_and_line(tmp_path: Path) -> None:
    text = GOOD.replace("boundary: Christmas 2026", "boundary: Christmas: 2026")
    assert "decision/scenarios/sample.yaml:5: not valid YAML" in problems_in(tmp_path, text)


def test_a_wrong_outcome_and_a_wrong_deadline_are_caught(tmp_path: Path) -> None:
    text = GOOD.replace("outcome: organisational-risk-request", "outcome: information-only-response")
    scenario = scenario_from(tmp_path, text.replace("2026-12-30", "2026-12-29"))
    worked, problems = work(scenario, load_tree(Project(), "alert-response"), load_deadlines())
    shown = [str(problem) for problem in problems]
    assert worked is None
    where = "decision/scenarios/sample.yaml"
    assert shown == [
        f"{where}:10: scenario 'sample': the answers reach 'organisational-risk-request', "
        "not 'information-only-response'",
        f"{where}:14: scenario 'sample': deadlines: alert-response from 2026-12-23: the deadlines engine "
        "gives 2026-12-30 (By the end of Wednesday 30 December 2026), the scenario says 2026-12-29",
    ]


def test_a_clock_the_outcome_does_not_start_is_caught(tmp_path: Path) -> None:
    scenario = scenario_from(
        tmp_path, GOOD.replace("  alert-response: 2026-12-30", "  alert-response-urgent: 2026-12-24")
    )
    _, problems = work(scenario, load_tree(Project(), "alert-response"), load_deadlines())
    assert [problem.message for problem in problems] == [
        "deadlines: outcome 'organisational-risk-request' names no clock 'alert-response-urgent' "
        "(it names: alert-response)"
    ]


def test_answers_off_the_route_are_caught(tmp_path: Path) -> None:
    text = GOOD.replace(
        "  may-meet-review-criteria: no\n",
        "  may-meet-review-criteria: no\n  criteria-discussion: agreed-not-needed\n",
    )
    _, problems = work(
        scenario_from(tmp_path, text), load_tree(Project(), "alert-response"), load_deadlines()
    )
    assert [problem.message for problem in problems] == [
        "answers not on the route: criteria-discussion; remove them"
    ]


WHY = "why:\n  request-type: The district asks senior managers to weigh the risk to the council.\n"


def test_an_explanation_is_read_for_a_question_on_the_route(tmp_path: Path) -> None:
    scenario = scenario_from(tmp_path, GOOD + WHY)
    assert scenario.why == {
        "request-type": "The district asks senior managers to weigh the risk to the council."
    }
    _, problems = work(scenario, load_tree(Project(), "alert-response"), load_deadlines())
    assert problems == []


@pytest.mark.parametrize(
    ("why", "message"),
    [
        ("why: [request-type]\n", ":21: scenario 'sample': 'why' must be a mapping of question id"),
        ("why:\n  request-type: ''\n", ":22: scenario 'sample': why: 'request-type' must be non-empty text"),
        (
            "why:\n  Request_Type: Because.\n",
            ":22: scenario 'sample': why: 'Request_Type' is not a question id",
        ),
    ],
)
def test_a_wrong_explanation_is_named_by_line(tmp_path: Path, why: str, message: str) -> None:
    assert message in problems_in(tmp_path, GOOD + why)


def test_an_explanation_off_the_route_is_caught(tmp_path: Path) -> None:
    text = GOOD + "why:\n  criteria-discussion: Because.\n"
    _, problems = work(
        scenario_from(tmp_path, text), load_tree(Project(), "alert-response"), load_deadlines()
    )
    assert [str(problem) for problem in problems] == [
        "decision/scenarios/sample.yaml:21: scenario 'sample': why: question 'criteria-discussion' is not "
        "on the route (request-type, may-meet-review-criteria)"
    ]
