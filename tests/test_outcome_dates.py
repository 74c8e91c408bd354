"""The starts an outcome asks for: one per event, and every clock of the outcome dated from them."""

import pytest

from decision.deadline_data import current
from decision.outcome_dates import plans, work_out
from decision.rulebook import Project, load_trees
from decision.tree import Outcome

TREES = load_trees(Project())
OUTCOMES = [(tree.id, outcome) for tree in TREES.values() for outcome in tree.outcomes.values()]


@pytest.mark.parametrize(("tree_id", "outcome"), OUTCOMES, ids=[f"{t}:{o.id}" for t, o in OUTCOMES])
def test_each_event_is_asked_for_once_and_dates_every_clock(tree_id: str, outcome: Outcome) -> None:
    starts = plans(outcome, current())
    labels = [start.label for start in starts]
    assert len(labels) == len(set(labels)), f"{tree_id}:{outcome.id} asks twice for the same event: {labels}"
    given = {start.id: "2027-03-01T09:00" for start in starts}
    _, dues = work_out(starts, given, current())
    assert set(dues) == {action.clock for action in outcome.actions if action.clock}


def test_a_same_day_reply_and_a_three_day_reply_share_the_alerts_arrival() -> None:
    outcome = TREES["alert"].outcomes["alert-serious-harm"]
    (start,) = plans(outcome, current())
    assert start.label == "The alert reaches the Safeguarding Unit"
    _, dues = work_out([start], {start.id: "2026-12-24"}, current())
    # Christmas Day, the weekend and Boxing Day's substitute on Monday 28th are not working days.
    assert dues["alert-response-urgent"].text == "By the end of Tuesday 29 December 2026"
    assert dues["alert-response"].text == "By the end of Thursday 31 December 2026"
