"""Date forms added for the care leaver rules: a fixed day in a condition, and checks against today or a
later-asked date. Trees are built inline so each test shows the whole rule it relies on."""

from datetime import date

import pytest

from decision.aid.text_version import condition_text
from decision.aid.wording import say
from decision.problems import RuleError, ShapeError
from decision.trees.conditions import DateComparison, parse_condition
from decision.trees.engine import AnswerError, evaluate
from decision.trees.paths import enumerate_paths
from decision.trees.validate import build_tree


def _tree(questions: list, outcomes: tuple[str, ...]) -> object:
    return build_tree(
        {
            "id": "dates",
            "title": "Dates",
            "summary": "Date forms.",
            "authority": "Kent",
            "guidance": "kent/national-panel.md",
            "reviewed": "2026-12-02",
            "start": questions[0]["id"],
            "questions": questions,
            "outcomes": [
                {"id": outcome, "decision": outcome, "urgency": "no-action", "cites": ["KN-S16C"]}
                for outcome in outcomes
            ],
        },
        "dates.yaml",
    )


DEATH_FIRST = [
    {
        "id": "death",
        "kind": "date",
        "text": "Date of death?",
        "cites": ["KN-S16C"],
        "checks": [{"not_after": "today", "message": "Not in the future."}],
        "next": [
            {"when": {"date": "death", "before_day": "2024-01-01"}, "go": "before-duty"},
            {"go": "birth"},
        ],
    },
    {
        "id": "birth",
        "kind": "date",
        "text": "Date of birth?",
        "cites": ["KN-S16C"],
        "checks": [{"not_after": "death", "message": "Not after the death."}],
        "next": [
            {"when": {"date": "death", "before": "birth", "plus_years": 18}, "go": "child"},
            {"go": "adult"},
        ],
    },
]


@pytest.fixture(scope="module")
def tree():
    return _tree(DEATH_FIRST, ("before-duty", "child", "adult"))


def test_a_fixed_day_is_parsed_and_compared():
    condition = parse_condition({"date": "death", "before_day": "2024-01-01"})
    assert condition == DateComparison("death", "2024-01-01", before=True, plus_years=0, fixed=True)
    assert condition.holds({"death": "2023-12-31"})
    assert not condition.holds({"death": "2024-01-01"})
    assert parse_condition({"date": "death", "on_or_after_day": "2024-01-01"}).holds({"death": "2024-01-01"})


@pytest.mark.parametrize("day", ["2024-02-30", "1/1/2024", 20240101])
def test_a_fixed_day_must_be_a_real_date(day):
    with pytest.raises(ShapeError, match="before_day must be a real date written YYYY-MM-DD"):
        parse_condition({"date": "death", "before_day": day})


def test_a_date_after_today_names_its_question(tree):
    with pytest.raises(AnswerError) as caught:
        evaluate(tree, {"death": "2026-12-03"}, today=date(2026, 12, 2))
    assert (caught.value.question, caught.value.reason) == ("death", "Not in the future.")
    assert evaluate(tree, {"death": "2026-12-02"}, today=date(2026, 12, 2))["question"]["id"] == "birth"


def test_a_date_after_a_later_asked_date_names_its_question(tree):
    with pytest.raises(AnswerError) as caught:
        evaluate(tree, {"death": "2025-01-01", "birth": "2025-01-02"}, today=date(2026, 12, 2))
    assert (caught.value.question, caught.value.reason) == ("birth", "Not after the death.")


def test_every_route_is_found_either_side_of_the_fixed_day_and_the_anniversary(tree):
    paths = {(tuple(dict(path.answers).values()), path.outcome) for path in enumerate_paths(tree)}
    assert paths == {
        (("2023-12-31",), "before-duty"),
        (("2024-01-01", "2006-01-01"), "adult"),  # the 18th birthday itself
        (("2024-01-01", "2006-01-02"), "child"),
    }


def test_a_check_names_exactly_one_limit():
    both = [{**DEATH_FIRST[0], "checks": [{"not_before": "x", "not_after": "today", "message": "M."}]}]
    with pytest.raises(RuleError, match="a check needs one of 'not_before' or 'not_after'"):
        _tree([*both, DEATH_FIRST[1]], ("before-duty", "child", "adult"))


def test_a_fixed_day_reads_as_a_date_in_words(tree):
    condition = tree.questions["death"].next[0].when
    assert condition_text(tree, condition) == say(
        "cond_day_before", date="Date of death?", day="1 January 2024"
    )
