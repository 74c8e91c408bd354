"""decision.aid.browser.handle, the aids' entry point in the worker, run on CPython: every op, bad input."""

import json
import re
from datetime import date, timedelta

import pytest
from aid_bundle import MADE_AT, fragment_of, golden_paths, project_bundle

from decision.aid import browser
from decision.aid.wording import say
from decision.project.rulebook import Project, tree_ids

BUNDLE = project_bundle()


def call(**request: object) -> dict:
    return json.loads(browser.answer(BUNDLE, json.dumps(request)))


def step(tree: str, fragment: str = "", submit: dict | None = None, level: int = 2) -> dict:
    request = {
        "op": "step",
        "tree": tree,
        "fragment": fragment,
        "base": "../../",
        "level": level,
        "made_at": MADE_AT,
    }
    if submit is not None:
        request["submit"] = submit
    return call(**request)


def answer(tree: str, fragment: str, question: str, **fields: object) -> dict:
    return step(tree, fragment, {"form": "question", "question": question, "fields": fields})


def checked_values(html: str) -> list[str]:
    return re.findall(r'value="([^"]*)"[^>]* checked', html)


@pytest.mark.parametrize("tree_id", tree_ids(Project()))
def test_every_golden_path_reaches_its_outcome_through_check_your_answers(tree_id):
    for path in golden_paths(tree_id):
        fragment = fragment_of(path["answers"])
        check = step(tree_id, fragment)
        assert check["status"] == "check", (path, check.get("error"))
        assert check["fragment"] == fragment
        outcome = step(tree_id, f"{fragment}&show=outcome")
        assert (outcome["status"], outcome.get("outcome_id")) == ("outcome", path["outcome"]), path
        assert (
            f'data-urgency="{path["urgency"]}"' in outcome["html"]
            or f"aid-tag--{path['urgency']}" in outcome["html"]
        )


def test_an_empty_fragment_asks_the_first_question():
    response = step("national-panel")
    assert (response["status"], response["question_id"], response["fragment"]) == (
        "question",
        "what-happened",
        "",
    )
    assert "aid-back" not in response["html"]


def test_an_answer_moves_on_and_gives_the_fragment_to_push():
    response = answer("national-panel", "", "what-happened", answer="child-died")
    assert (response["question_id"], response["fragment"]) == (
        "where-it-happened",
        "what-happened=child-died",
    )
    assert 'href="#what-happened=child-died&amp;show=what-happened"' in response["html"]  # the Back link


def test_nothing_chosen_shows_the_error_and_keeps_the_fragment():
    fragment = "what-happened=child-died"
    response = answer("national-panel", fragment, "where-it-happened", answer="")
    question = BUNDLE.trees["national-panel"].questions["where-it-happened"]
    message = say("choose_one", question=question.text)
    assert response["error"] == {"question": question.id, "message": message}
    assert response["fragment"] == fragment
    summary_link = re.search(r'class="aid-error-summary".*?href="#([^"]+)"', response["html"]).group(1)
    assert f'id="{summary_link}"' in response["html"]  # the summary links to a field that exists


def test_a_multi_question_needs_an_answer_and_refuses_none_with_others():
    fragment = "concern=died"
    empty = answer("alert", fragment, "ofsted-triggers", answer=[])
    question = BUNDLE.trees["alert"].questions["ofsted-triggers"]
    assert empty["error"]["message"] == say("choose_some", question=question.text)
    mixed = answer("alert", fragment, "ofsted-triggers", answer=["public-concern", "none"])
    assert mixed["error"] == {
        "question": "ofsted-triggers",
        "message": say("not_combined", label="None of these"),
    }
    chosen = answer("alert", fragment, "ofsted-triggers", answer=["public-concern", "staff-conduct"])
    assert chosen["fragment"] == "concern=died&ofsted-triggers=public-concern,staff-conduct"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"day": "", "month": "", "year": ""}, None),  # names the question, below
        ({"day": "4", "month": "", "year": ""}, "The date must include a month and year"),
        ({"day": "31", "month": "2", "year": "2001"}, "The date must be a real date"),
        ({"day": "4", "month": "3", "year": "01"}, "The year must include 4 numbers"),
        (
            {"day": "5", "month": "3", "year": "2025"},
            "The date of birth cannot be after the date of death. Check both dates.",
        ),
    ],
)
def test_date_problems_are_shown_in_plain_words_with_what_was_typed(fields, message):
    fragment = "what-happened=care-leaver-died&care-leaver-date-of-death=2025-03-04"
    response = answer("national-panel", fragment, "care-leaver-date-of-birth", **fields)
    question = BUNDLE.trees["national-panel"].questions["care-leaver-date-of-birth"]
    message = message or say("enter_answer_date", question=question.text)
    assert response["error"] == {"question": "care-leaver-date-of-birth", "message": message}
    assert response["fragment"] == fragment
    assert (
        f'name="day" type="text" inputmode="numeric" autocomplete="off" value="{fields["day"]}"'
        in response["html"]
    )


def test_a_date_checked_against_today_uses_the_date_the_page_gave():
    day_after = (date.fromisoformat(MADE_AT[:10]) + timedelta(days=1)).isoformat()
    later = answer("national-panel", "what-happened=care-leaver-died", "care-leaver-date-of-death",
                   day=day_after[8:], month=day_after[5:7], year=day_after[:4])  # fmt: skip
    message = "The date of death cannot be in the future."
    assert later["error"] == {"question": "care-leaver-date-of-death", "message": message}
    same = answer("national-panel", "what-happened=care-leaver-died", "care-leaver-date-of-death",
                  day=MADE_AT[8:10], month=MADE_AT[5:7], year=MADE_AT[:4])  # fmt: skip
    assert "error" not in same


def test_a_date_answer_is_stored_as_an_iso_date():
    response = answer("national-panel", "what-happened=care-leaver-died", "care-leaver-date-of-death",
                      day="4", month="3", year="2025")  # fmt: skip
    assert response["fragment"] == "what-happened=care-leaver-died&care-leaver-date-of-death=2025-03-04"


def test_an_accepted_answer_gives_the_fragment_that_shows_it_again_for_the_back_button():
    response = answer("national-panel", "", "what-happened", answer="child-died")
    assert response["fragment"] == "what-happened=child-died"
    assert response["answered"] == "what-happened=child-died&show=what-happened"
    assert "answered" not in answer("national-panel", "", "what-happened", answer="")


def test_show_puts_an_answered_question_back_with_its_answer_chosen():
    response = step("national-panel", "what-happened=child-died&where-it-happened=in-kent&show=what-happened")
    assert response["question_id"] == "what-happened"
    assert checked_values(response["html"]) == ["child-died"]


def test_changing_an_answer_drops_the_answers_off_the_new_path():
    complete = "what-happened=child-died&where-it-happened=in-kent&abuse-or-neglect=no"
    changed = answer("national-panel", f"{complete}&show=where-it-happened", "where-it-happened",
                     answer="elsewhere-in-england")  # fmt: skip
    assert changed["fragment"] == "what-happened=child-died&where-it-happened=elsewhere-in-england"
    assert changed["question_id"] == "looked-after-by-kent-elsewhere"


NOT_MET = "what-happened=child-harmed&where-it-happened=in-kent&abuse-or-neglect=no&learning-for-service=no"


def test_changing_an_answer_that_keeps_the_path_goes_back_to_check_your_answers():
    complete = NOT_MET
    changed = answer(
        "national-panel", f"{complete}&show=learning-for-service", "learning-for-service", answer="no"
    )
    assert (changed["status"], changed["fragment"]) == ("check", complete)


def test_check_your_answers_has_a_change_link_per_answer_and_continues_to_the_outcome():
    fragment = NOT_MET
    html = step("national-panel", fragment)["html"]
    for question in ("what-happened", "where-it-happened", "abuse-or-neglect", "learning-for-service"):
        assert f'href="#{fragment.replace("&", "&amp;")}&amp;show={question}" data-aid-nav>Change' in html
    assert f'data-aid-nav="#{fragment.replace("&", "&amp;")}&amp;show=outcome"' in html


def test_a_link_with_an_unknown_question_is_a_problem_naming_it():
    response = step("alert", "concern=died&colour=blue")
    assert response["status"] == "problem"
    assert response["error"]["message"] == say("unknown_question", question="colour")
    assert 'href="#" data-aid-nav' in response["html"]  # Start again


def test_a_link_with_an_answer_not_offered_shows_that_question_with_the_error():
    response = step("alert", "concern=purple")
    assert response["error"] == {
        "question": "concern",
        "message": say("not_offered", value="purple"),
    }


def test_outcome_shows_decision_actions_why_version_and_time():
    bundle = BUNDLE
    fragment = NOT_MET
    html = step("national-panel", f"{fragment}&show=outcome")["html"]
    assert bundle.trees["national-panel"].outcomes["panel-not-met"].decision in html
    assert bundle.version["hash"] in html and "24 November 2026 at 14:05" in html
    assert 'href="../../kent/national-panel/#kn-s16c"' in html  # why: the answer's clause, on its page
    assert "Is abuse or neglect known or suspected?" in html and "<strong>No</strong>" in html
    assert "data-aid-copy" in html and "data-aid-print" in html


PARTS = ("day", "month", "year", "time")
DIED_IN_KENT = (
    "what-happened=child-died&where-it-happened=in-kent&abuse-or-neglect=yes&looked-after-by-kent=no"
    "&placed-by-other-authority=no&show=outcome"
)


def test_giving_the_event_date_shows_when_each_action_is_due():
    fragment = DIED_IN_KENT
    fields = {
        f"serious-incident-{part}": value for part, value in zip(PARTS, ("24", "12", "2026", ""), strict=True)
    }
    fields |= {f"unexpected-child-death-{part}": "" for part in PARTS}
    response = step("national-panel", fragment, {"form": "dates", "fields": fields})
    assert response["fragment"] == f"{fragment}&when.serious-incident=2026-12-24"
    # Work to the KSCMP appendix's day 5; the 5 working days over Christmas are the latest.
    assert "<strong>By the end of Monday 28 December 2026</strong>" in response["html"]
    assert "At the latest, on the reading that the guidance&#x27;s 5 working days" in response["html"]
    assert "By the end of Tuesday 5 January 2027" in response["html"]


def test_a_clock_counted_in_hours_needs_the_time_and_keeps_what_was_typed():
    fragment = DIED_IN_KENT
    fields = {
        f"unexpected-child-death-{part}": value
        for part, value in zip(PARTS, ("23", "11", "2026", ""), strict=True)
    }
    response = step("national-panel", fragment, {"form": "dates", "fields": fields})
    assert response["fragment"] == fragment
    assert "counts hours" in response["error"]["message"]
    assert (
        'name="unexpected-child-death-day" type="text" inputmode="numeric" autocomplete="off" value="23"'
        in response["html"]
    )


def test_record_is_plain_text_with_answers_reasons_citations_version_and_time():
    bundle = BUNDLE
    fragment = f"{NOT_MET}&show=outcome"
    link = f"http://127.0.0.1/aids/national-panel/#{fragment}"
    text = call(
        op="record", tree="national-panel", fragment=fragment, base="../../", made_at=MADE_AT, link=link
    )["text"]
    assert "<" not in text
    assert bundle.trees["national-panel"].outcomes["panel-not-met"].decision in text
    assert "- Is abuse or neglect known or suspected? No [KN-S16C]" in text
    assert bundle.version["hash"] in text and "24 November 2026 at 14:05" in text and link in text


def test_record_needs_an_outcome():
    response = call(op="record", tree="alert", fragment="concern=died", base="", made_at=MADE_AT, link="x")
    assert "outcome" in response["error"]["message"]


STEP = {"op": "step", "tree": "alert", "fragment": "", "base": "", "level": 2, "made_at": MADE_AT}


@pytest.mark.parametrize(
    ("request_json", "culprit"),
    [
        ("not json", "Expecting value"),
        ("[]", "'op'"),
        ('{"op": "fly"}', "'op'"),
        (json.dumps(STEP | {"tree": "nope"}), "'nope'"),
        (json.dumps(STEP | {"level": 9}), "'level'"),
        (json.dumps(STEP | {"made_at": "today"}), "made_at"),
        (json.dumps(STEP | {"fragment": 3}), "'fragment'"),
        (json.dumps(STEP | {"submit": {"form": "question", "question": "zzz", "fields": {}}}), "'zzz'"),
        (json.dumps(STEP | {"submit": {"form": "letter", "fields": {}}}), "'letter'"),
        ('{"op": "deadline", "clock": "rapid-review", "start": "2026-12-24"}', "'op'"),
    ],
)
def test_bad_requests_get_an_error_naming_the_culprit(request_json, culprit):
    response = json.loads(browser.answer(BUNDLE, request_json))
    assert set(response) == {"error"}
    assert culprit in response["error"]["message"]


def test_the_worker_entry_point_refuses_to_answer_before_the_rules_are_loaded():
    # Importing the module loads no rules (the snapshot holds none): answering then would be wrong.
    with pytest.raises(RuntimeError, match=r"no rules loaded; call load\(rules_json\) before handle\(\)"):
        browser.handle('{"op": "calculate"}')
