"""The starts an outcome asks for: one per event, and every clock of the outcome dated from them."""

import pytest

from decision.aid.outcome_dates import plans, work_out
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, load_trees
from decision.trees.tree import Outcome

TREES = load_trees(Project())
OUTCOMES = [(tree.id, outcome) for tree in TREES.values() for outcome in tree.outcomes.values()]


@pytest.mark.parametrize(("tree_id", "outcome"), OUTCOMES, ids=[f"{t}:{o.id}" for t, o in OUTCOMES])
def test_each_event_is_asked_for_once_and_dates_every_clock(tree_id: str, outcome: Outcome) -> None:
    starts = plans(outcome, load_deadlines())
    labels = [start.label for start in starts]
    assert len(labels) == len(set(labels)), f"{tree_id}:{outcome.id} asks twice for the same event: {labels}"
    given = {start.id: "2027-03-01T09:00" for start in starts}
    _, dues = work_out(starts, given, load_deadlines())
    assert set(dues) == {action.clock for action in outcome.actions if action.clock}


def test_a_same_day_reply_and_a_three_day_reply_share_the_alerts_arrival() -> None:
    outcome = TREES["alert"].outcomes["alert-serious-harm"]
    (start,) = plans(outcome, load_deadlines())
    assert start.label == "The alert reaches the Safeguarding Unit"
    _, dues = work_out([start], {start.id: "2026-12-24"}, load_deadlines())
    # Christmas Day, the weekend and Boxing Day's substitute on Monday 28th are not working days.
    assert dues["alert-response-urgent"].text == "By the end of Tuesday 29 December 2026"
    assert dues["alert-response"].text == "By the end of Thursday 31 December 2026"


def test_the_panel_outcome_asks_for_the_real_notification_date_and_counts_from_it() -> None:
    outcome = TREES["national-panel"].outcomes["notify-panel"]
    starts = plans(outcome, load_deadlines())
    assert [(start.id, start.step) for start in starts] == [
        ("serious-incident", None),
        ("serious-incident-national-panel-notification", "national-panel-notification"),
        ("serious-incident-agency-summaries", "agency-summaries"),
    ]
    assert starts[1].label == "The National Panel notification is made: the real date, once you know it"
    # Knowledge on Monday 3 March 2025. Before: notification Monday 10 March, Rapid Review Monday
    # 31 March, report to the Principal Social Worker at 23:00 on Saturday 29 March.
    _, dues = work_out(starts, {"serious-incident": "2025-03-03"}, load_deadlines())
    assert dues["national-panel-notification"].text == "By the end of Friday 7 March 2025"
    assert dues["national-panel-notification"].latest.endswith("By the end of Monday 10 March 2025")
    assert dues["rapid-review"].text == "By the end of Saturday 22 March 2025"
    assert dues["rapid-review"].notes[0].startswith("No date was given for 'Notify the National Panel'")
    assert dues["aisr-to-psw"].text == "By the end of Thursday 13 March 2025"
    given = {"serious-incident": "2025-03-03", "serious-incident-national-panel-notification": "2025-03-10"}
    _, dues = work_out(starts, given, load_deadlines())
    assert dues["rapid-review"].text == "By the end of Monday 24 March 2025"  # the flowchart, from knowledge
    assert dues["rapid-review"].latest.endswith("By the end of Tuesday 25 March 2025")
    assert dues["aisr-to-psw"].text == "By the end of Friday 14 March 2025"


def test_a_real_date_alone_dates_its_own_clocks_and_one_before_the_event_is_an_error() -> None:
    starts = plans(TREES["national-panel"].outcomes["notify-panel"], load_deadlines())
    _, dues = work_out(starts, {"serious-incident-agency-summaries": "2025-03-18"}, load_deadlines())
    assert set(dues) == {"aisr-to-psw"}
    assert dues["aisr-to-psw"].text == "By the end of Friday 14 March 2025"
    given = {"serious-incident": "2025-03-03", "serious-incident-national-panel-notification": "2025-02-28"}
    shown, _ = work_out(starts, given, load_deadlines())
    assert shown[1].error.message == (
        "The real date cannot be before the event the timeline starts from, Monday 3 March 2025."
    )
