"""Path enumeration on the fixture trees: every route, boundary dates, multi-select combinations."""

import json

import pytest
from flow import fixture_tree

from decision.trees.engine import evaluate
from decision.trees.paths import enumerate_paths, path_views, paths_document


def test_dates_are_tried_either_side_of_each_anniversary():
    views = path_views(fixture_tree("dates"))
    assert [(view["answers"], view["outcome"]) for view in views] == [
        ({"date-of-death": "2000-02-29", "date-of-birth": "1975-02-28"}, "too-old"),
        (
            {"date-of-death": "2000-02-29", "date-of-birth": "1975-03-01", "date-of-knowledge": "2001-02-28"},
            "care-leaver",
        ),
        (
            {"date-of-death": "2000-02-29", "date-of-birth": "1975-03-01", "date-of-knowledge": "2001-03-01"},
            "late",
        ),
        (
            {"date-of-death": "2000-02-29", "date-of-birth": "1982-02-28", "date-of-knowledge": "2001-02-28"},
            "care-leaver",
        ),
        (
            {"date-of-death": "2000-02-29", "date-of-birth": "1982-02-28", "date-of-knowledge": "2001-03-01"},
            "late",
        ),
        ({"date-of-death": "2000-02-29", "date-of-birth": "1982-03-01"}, "child"),
    ]


def test_multi_select_tries_each_option_then_only_combinations_that_route_differently():
    views = path_views(fixture_tree("categories"))
    assert [(view["answers"], view["outcome"]) for view in views] == [
        ({"categories": ["death"], "in-care": "in-care"}, "alert-and-ofsted"),
        ({"categories": ["death"], "in-care": "open-case"}, "alert"),
        ({"categories": ["injury"]}, "alert"),
        ({"categories": ["media"]}, "alert"),
        ({"categories": ["missing"]}, "alert"),
        ({"categories": ["none"]}, "no-alert"),
        ({"categories": ["death", "media"], "in-care": "in-care"}, "alert-and-ofsted"),
        ({"categories": ["death", "media"], "in-care": "open-case"}, "alert-and-ofsted"),
        ({"categories": ["injury", "media"]}, "alert-urgent"),
    ]


def test_choice_questions_try_every_option():
    views = path_views(fixture_tree("notify"))
    assert len(views) == 7
    assert {view["outcome"] for view in views} == {"notify", "discuss", "review-death", "no-notification"}
    assert {"what-happened": "neither"} in [view["answers"] for view in views]


@pytest.mark.parametrize("tree_id", ["notify", "dates", "categories"])
def test_every_path_replays_through_the_engine(tree_id):
    tree = fixture_tree(tree_id)
    for path in enumerate_paths(tree):
        answers = dict(path.answers)
        result = evaluate(tree, answers)
        assert (result["status"], result["outcome"]["id"], result["unused"]) == ("outcome", path.outcome, [])
        for asked in range(len(path.answers)):
            partial = dict(path.answers[:asked])
            assert evaluate(tree, partial)["question"]["id"] == path.answers[asked][0]


def test_paths_document_is_json_with_one_path_per_line():
    text = paths_document(fixture_tree("notify"))
    document = json.loads(text)
    assert document["tree"] == "notify"
    assert document["paths"] == path_views(fixture_tree("notify"))
    assert len(text.splitlines()) == len(document["paths"]) + 2
