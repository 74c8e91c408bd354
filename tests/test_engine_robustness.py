"""Never a crash: damaged rule data gives RuleError and odd answers give InputError, nothing else."""

import contextlib
import copy

from flow import FIXTURE_PROJECT, fixture_tree
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision.errors import InputError
from decision.project.rulebook import read_tree_data
from decision.trees.engine import evaluate
from decision.trees.validate import build_tree

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=12)
    | st.sampled_from(["yes", "2024-02-29", "q"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
TREES = ["notify", "dates", "categories"]


def _places(data: object, path: tuple = ()) -> list[tuple]:
    """Every (container path, key) in the data, so any field or item can be replaced."""
    places = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    for key, value in items:
        places.append((*path, key))
        places += _places(value, (*path, key))
    return places


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree_id=st.sampled_from(TREES), pick=st.integers(min_value=0), replacement=JSON)
def test_damaged_rule_data_is_refused_cleanly(tree_id, pick, replacement):
    data = copy.deepcopy(read_tree_data(FIXTURE_PROJECT, tree_id))
    places = _places(data)
    *container_path, key = places[pick % len(places)]
    container = data
    for step in container_path:
        container = container[step]
    container[key] = replacement
    with contextlib.suppress(InputError):  # any other exception fails the test
        build_tree(data, "fuzz.yaml")


@settings(max_examples=150, deadline=None)
@given(
    tree_id=st.sampled_from(TREES),
    answers=st.dictionaries(
        st.sampled_from(
            ["what-happened", "abuse-suspected", "date-of-death", "date-of-birth", "categories", "x"]
        ),
        JSON | st.sampled_from(["died", "yes", "not-sure", "1999-12-31"]) | st.just(["death", "media"]),
        max_size=4,
    ),
)
def test_odd_answers_are_refused_cleanly(tree_id, answers):
    try:
        result = evaluate(fixture_tree(tree_id), answers)
    except InputError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert result["status"] in ("question", "outcome")
