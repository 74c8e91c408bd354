"""Per-node flow tests of the engine on the fixture trees (tests/fixtures/project)."""

import pytest
from flow import assert_invalid, assert_next_node, assert_outcome, fixture_tree

from decision.errors import InputError
from decision.trees.engine import evaluate


@pytest.fixture(scope="module")
def notify():
    return fixture_tree("notify")


@pytest.fixture(scope="module")
def dates():
    return fixture_tree("dates")


@pytest.fixture(scope="module")
def categories():
    return fixture_tree("categories")


def test_no_answers_asks_the_start_question(notify):
    result = assert_next_node(notify, {}, "what-happened")
    assert result["status"] == "question"
    assert result["question"] == {
        "id": "what-happened",
        "kind": "choice",
        "text": "What has happened to the child?",
        "help": "Choose the nearest.",
        "options": [
            {"value": "died", "label": "The child has died", "exclusive": False, "cites": ["KN-FIX-DEATH"]},
            {
                "value": "harmed",
                "label": "The child has been seriously harmed",
                "exclusive": False,
                "cites": ["KN-FIX-HARM"],
            },
            {
                "value": "neither",
                "label": "Neither of these",
                "exclusive": False,
                "cites": ["KN-FIX-DEATH", "KN-FIX-HARM"],
            },
        ],
        "cites": [],
    }
    assert result["trail"] == [] and result["unused"] == []


@pytest.mark.parametrize("happened", ["died", "harmed"])
def test_death_or_harm_asks_about_abuse(notify, happened):
    assert_next_node(notify, {"what-happened": happened}, "abuse-suspected")


def test_neither_needs_no_notification(notify):
    assert_outcome(notify, {"what-happened": "neither"}, "no-notification")


def test_abuse_suspected_notifies_with_clock_and_handoff(notify):
    result = assert_outcome(notify, {"what-happened": "harmed", "abuse-suspected": "yes"}, "notify")
    assert result["outcome"] == {
        "id": "notify",
        "decision": "Notify the panel.",
        "urgency": "within-working-days",
        "explanation": "The fixture's notifying outcome.",
        "actions": [
            {
                "who": "Principal Social Worker",
                "does": "Send the notification.",
                "clock": "notify-clock",
                "cites": ["KN-FIX-NOTIFY"],
            }
        ],
        "consider": [{"text": "Check the dates.", "tree": "dates", "cites": ["KN-FIX-DEATH"]}],
        "cites": ["KN-FIX-NOTIFY", "KN-FIX-HARM"],
    }
    assert result["trail"] == [
        {
            "question": "what-happened",
            "text": "What has happened to the child?",
            "answer": "harmed",
            "answer_labels": ["The child has been seriously harmed"],
            "cites": ["KN-FIX-HARM"],
        },
        {
            "question": "abuse-suspected",
            "text": "Is abuse or neglect known or suspected?",
            "answer": "yes",
            "answer_labels": ["Yes"],
            "cites": ["KN-FIX-NOTIFY"],
        },
    ]


def test_not_sure_goes_to_professional_judgement(notify):
    result = assert_outcome(notify, {"what-happened": "died", "abuse-suspected": "not-sure"}, "discuss")
    assert result["outcome"]["urgency"] == "professional-judgement"


def test_earlier_answer_decides_later_branch(notify):
    assert_outcome(notify, {"what-happened": "died", "abuse-suspected": "no"}, "review-death")
    assert_outcome(notify, {"what-happened": "harmed", "abuse-suspected": "no"}, "no-notification")


def test_answers_off_the_path_are_reported_unused(notify):
    result = assert_outcome(notify, {"abuse-suspected": "yes", "what-happened": "neither"}, "no-notification")
    assert result["unused"] == ["abuse-suspected"]
    assert [entry["question"] for entry in result["trail"]] == ["what-happened"]


def test_later_answer_given_before_earlier_one_waits(notify):
    result = assert_next_node(notify, {"abuse-suspected": "yes"}, "what-happened")
    assert result["unused"] == ["abuse-suspected"]


def test_unknown_question_is_named(notify):
    assert_invalid(
        notify, {"what-happend": "died"}, "what-happend", "tree 'notify' has no question with this id"
    )


def test_option_not_offered_is_named(notify):
    error = assert_invalid(notify, {"what-happened": "injured"}, "what-happened", '"injured" is not offered')
    assert "offered: died, harmed, neither" in str(error)


@pytest.mark.parametrize("value", [None, "", []])
def test_empty_answer_is_required(notify, value):
    assert_invalid(notify, {"what-happened": value}, "what-happened", "an answer is required")


@pytest.mark.parametrize("value", [True, 3, ["died"], {"died": True}])
def test_choice_answer_must_be_one_option(notify, value):
    assert_invalid(notify, {"what-happened": value}, "what-happened", "is not offered")


def test_bad_answer_to_a_question_off_the_path_is_still_rejected(notify):
    assert_invalid(
        notify, {"what-happened": "neither", "abuse-suspected": "maybe"}, "abuse-suspected", "not offered"
    )


@pytest.mark.parametrize("answers", [[], "what-happened=died", None])
def test_answers_must_be_an_object(notify, answers):
    with pytest.raises(InputError, match="answers must be an object of question id to answer"):
        evaluate(notify, answers)


def test_yes_stays_text_not_boolean(notify):
    """YAML 1.1 reads an unquoted yes as true; the loader must keep the option value 'yes'."""
    assert [option.value for option in notify.questions["abuse-suspected"].options] == [
        "yes",
        "no",
        "not-sure",
    ]
    assert_invalid(
        notify, {"what-happened": "died", "abuse-suspected": True}, "abuse-suspected", "true is not offered"
    )


# dates: boundaries of anniversaries, 29 February, contradictions


def test_date_trail_shows_a_readable_date_and_cites_the_question(dates):
    result = assert_next_node(dates, {"date-of-death": "2024-02-29"}, "date-of-birth")
    assert result["trail"] == [
        {
            "question": "date-of-death",
            "text": "What was the date of death?",
            "answer": "2024-02-29",
            "answer_labels": ["29 February 2024"],
            "cites": ["KA-FIX-CARE-LEAVER"],
        }
    ]


@pytest.mark.parametrize(
    ("birth", "death", "outcome_or_next"),
    [
        ("2006-06-15", "2024-06-14", "child"),  # the day before the 18th birthday
        ("2006-06-15", "2024-06-15", "date-of-knowledge"),  # the 18th birthday itself
        ("1999-06-15", "2024-06-14", "date-of-knowledge"),  # the day before the 25th birthday
        ("1999-06-15", "2024-06-15", "too-old"),  # the 25th birthday
    ],
)
def test_birthday_boundaries(dates, birth, death, outcome_or_next):
    assert_next_node(dates, {"date-of-death": death, "date-of-birth": birth}, outcome_or_next)


@pytest.mark.parametrize(
    ("death", "outcome_or_next"),
    [
        ("2018-02-28", "child"),  # 18th birthday of a 29 February child is 1 March in 2018
        ("2018-03-01", "date-of-knowledge"),
        ("2025-02-28", "date-of-knowledge"),
        ("2025-03-01", "too-old"),
    ],
)
def test_leap_day_birthday_falls_on_1_march_in_non_leap_years(dates, death, outcome_or_next):
    assert_next_node(dates, {"date-of-death": death, "date-of-birth": "2000-02-29"}, outcome_or_next)


@pytest.mark.parametrize(
    ("knowledge", "outcome"),
    [("2024-06-15", "care-leaver"), ("2025-06-14", "care-leaver"), ("2025-06-15", "late")],
)
def test_knowledge_a_year_after_death_is_late(dates, knowledge, outcome):
    answers = {"date-of-death": "2024-06-15", "date-of-birth": "2004-01-01", "date-of-knowledge": knowledge}
    assert_outcome(dates, answers, outcome)


def test_date_before_an_earlier_date_contradicts_it(dates):
    answers = {
        "date-of-death": "2024-06-15",
        "date-of-birth": "2004-01-01",
        "date-of-knowledge": "2024-06-14",
    }
    error = assert_invalid(
        dates, answers, "date-of-knowledge", "You cannot learn of a death before it happens."
    )
    assert error.reason == "You cannot learn of a death before it happens."


@pytest.mark.parametrize(
    "value", ["15/06/2024", "2024-02-30", "2024-6-15", "20240615", 20240615, ["2024-06-15"]]
)
def test_date_must_be_a_real_iso_date(dates, value):
    assert_invalid(dates, {"date-of-death": value}, "date-of-death", "is not a valid date written YYYY-MM-DD")


def test_far_future_dates_compare_without_overflow(dates):
    assert_next_node(dates, {"date-of-death": "9999-12-31", "date-of-birth": "9990-01-01"}, "child")


# multi-select


def test_multi_labels_and_cites_follow_the_chosen_options(categories):
    result = assert_outcome(categories, {"categories": ["media", "injury"]}, "alert-urgent")
    entry = result["trail"][0]
    assert entry["answer"] == ["media", "injury"]
    assert entry["answer_labels"] == ["The media may be interested", "The child is severely injured"]
    assert entry["cites"] == ["KA-FIX-CATEGORIES"]


@pytest.mark.parametrize(
    ("chosen", "node"),
    [
        (["death"], "in-care"),
        (["injury"], "alert"),
        (["media"], "alert"),
        (["missing"], "alert"),
        (["injury", "missing"], "alert"),
        (["injury", "media", "missing"], "alert-urgent"),
        (["none"], "no-alert"),
    ],
)
def test_multi_routes(categories, chosen, node):
    assert_next_node(categories, {"categories": chosen}, node)


def test_condition_on_an_earlier_multi_answer(categories):
    assert_outcome(categories, {"categories": ["death"], "in-care": "open-case"}, "alert")
    assert_outcome(categories, {"categories": ["death", "media"], "in-care": "open-case"}, "alert-and-ofsted")


@pytest.mark.parametrize(
    ("chosen", "fragment"),
    [
        (["none", "death"], '"none" cannot be combined with other options'),
        (["death", "death"], '"death" is chosen more than once'),
        (["death", "fire"], '"fire" is not offered'),
        ("death", '"death" is not a list of options'),
        ([], "an answer is required"),
    ],
)
def test_multi_bad_answers(categories, chosen, fragment):
    assert_invalid(categories, {"categories": chosen}, "categories", fragment)
