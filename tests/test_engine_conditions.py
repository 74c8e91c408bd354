"""The closed set of condition forms: parsing, evaluation and anniversaries."""

from datetime import date

import pytest

from decision.problems import ShapeError
from decision.trees.conditions import (
    AllOf,
    AnswerIncludes,
    AnswerIs,
    AnyOf,
    DateComparison,
    Not,
    anniversary,
    parse_condition,
)


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2000, 2, 29), 1, (2001, 3, 1)),
        (date(2000, 2, 29), 4, (2004, 2, 29)),
        (date(2000, 2, 29), 25, (2025, 3, 1)),
        (date(2000, 2, 29), 0, (2000, 2, 29)),
        (date(2000, 2, 29), -18, (1982, 3, 1)),
        (date(2001, 3, 1), 3, (2004, 3, 1)),
        (date(1999, 12, 31), 25, (2024, 12, 31)),
        (date(9999, 12, 31), 25, (10024, 12, 31)),
    ],
)
def test_anniversary(day, years, expected):
    assert anniversary(day, years) == expected


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ({"answer": "q", "equals": "a"}, AnswerIs("q", ("a",))),
        ({"answer": "q", "in": ["a", "b"]}, AnswerIs("q", ("a", "b"))),
        ({"answer": "m", "includes": "a"}, AnswerIncludes("m", ("a",))),
        ({"answer": "m", "includes_any": ["a", "b"]}, AnswerIncludes("m", ("a", "b"))),
        ({"date": "d", "before": "e"}, DateComparison("d", "e", before=True, plus_years=0)),
        (
            {"date": "d", "on_or_after": "e", "plus_years": 18},
            DateComparison("d", "e", before=False, plus_years=18),
        ),
        (
            {"all": [{"answer": "q", "equals": "a"}, {"not": {"answer": "r", "equals": "b"}}]},
            AllOf((AnswerIs("q", ("a",)), Not(AnswerIs("r", ("b",))))),
        ),
        ({"any": [{"answer": "q", "equals": "a"}]}, AnyOf((AnswerIs("q", ("a",)),))),
    ],
)
def test_every_form_parses(raw, parsed):
    assert parse_condition(raw) == parsed


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ({"answer": "q", "equal": "a"}, "is not one of the accepted forms"),
        ({"answer": "q", "equals": "a", "in": ["b"]}, "is not one of the accepted forms"),
        ({"eval": "answers['q'] == 'a'"}, "is not one of the accepted forms"),
        ({"date": "d", "after": "e"}, "is not one of the accepted forms"),
        ({"date": "d", "before": "e", "on_or_after": "f"}, "is not one of the accepted forms"),
        (
            {"date": "d", "before": "e", "plus_years": 0},
            "plus_years must be a whole number of years, 1 or more",
        ),
        ({"date": "d", "before": "e", "plus_years": "18"}, "plus_years must be a whole number"),
        ({"date": "d", "before": "e", "plus_years": True}, "plus_years must be a whole number"),
        ({"all": []}, "'all' takes a non-empty list of conditions"),
        ({"any": {"answer": "q", "equals": "a"}}, "'any' takes a non-empty list of conditions"),
        ({"answer": "q", "in": []}, "must be a non-empty list of option values"),
        ({"answer": "q", "in": ["a", "a"]}, "lists a value twice"),
        ({"answer": "q", "equals": 3}, "must be a question id or option value"),
        ("q == a", "a condition must be a mapping"),
        ({"not": "q"}, "a condition must be a mapping"),
    ],
)
def test_anything_else_is_refused(raw, fragment):
    with pytest.raises(ShapeError, match=fragment.replace("(", r"\(")):
        parse_condition(raw)


def test_evaluation_of_every_form():
    answers = {"q": "a", "m": ["x", "y"], "birth": "2000-02-29", "death": "2018-02-28"}
    assert parse_condition({"answer": "q", "equals": "a"}).holds(answers)
    assert not parse_condition({"answer": "q", "in": ["b", "c"]}).holds(answers)
    assert parse_condition({"answer": "m", "includes": "y"}).holds(answers)
    assert not parse_condition({"answer": "m", "includes": "z"}).holds(answers)
    assert parse_condition({"answer": "m", "includes_any": ["z", "x"]}).holds(answers)
    assert parse_condition({"date": "birth", "before": "death"}).holds(answers)
    assert not parse_condition({"date": "death", "before": "birth"}).holds(answers)
    assert parse_condition({"date": "death", "before": "birth", "plus_years": 18}).holds(answers)
    assert not parse_condition({"date": "death", "on_or_after": "birth", "plus_years": 18}).holds(answers)
    both = {"all": [{"answer": "q", "equals": "a"}, {"answer": "m", "includes": "z"}]}
    assert not parse_condition(both).holds(answers)
    assert parse_condition({"any": both["all"]}).holds(answers)
    assert parse_condition({"not": both}).holds(answers)


def test_same_day_is_on_or_after():
    answers = {"a": "2024-06-15", "b": "2024-06-15"}
    assert parse_condition({"date": "a", "on_or_after": "b"}).holds(answers)
    assert not parse_condition({"date": "a", "before": "b"}).holds(answers)
