"""The second rules audit's findings (issue 9) held against the real rule data, scenarios and glossary.

Each test failed on the rules as they were before the fix (commit ab75103).
"""

import re
from pathlib import Path

import pytest

from decision.deadlines.clock_book import parse_clock_book
from decision.project.rulebook import Project, load_tree, tree_ids
from decision.project.source import read_yaml
from decision.trees.engine import AnswerError, evaluate
from decision.trees.paths import enumerate_paths

PROJECT = Project()
ROOT = Path(__file__).parent.parent
SCENARIOS = sorted((ROOT / "decision" / "scenarios").glob("*.yaml"))


def tree(tree_id: str):
    return load_tree(PROJECT, tree_id)


def outcome_of(tree_id: str, answers: dict) -> str:
    result = evaluate(tree(tree_id), answers)
    assert result["status"] == "outcome", result
    return result["outcome"]["id"]


def every_outcome():
    for tree_id in tree_ids(PROJECT):
        for outcome in tree(tree_id).outcomes.values():
            yield tree_id, outcome


def outcome_texts(outcome) -> list[str]:
    return [
        outcome.decision,
        outcome.explanation or "",
        *(f"{action.who}: {action.does}" for action in outcome.actions),
        *(item.text for item in outcome.consider),
    ]


# National child-protection alert: the checks are prompts, the test is reasonable attempts + 3 weeks

CP_FAMILY = {"stage": "deciding", "who-is-missing": "cp-plan", "really-missing": "unknown"}


def test_a_check_that_does_not_fit_the_family_does_not_block_a_national_alert():
    answers = {
        **CP_FAMILY,
        "absence-checks": ["family-friends", "community-view", "custody", "police", "key-agencies"],
        "reasonable-attempts": "yes",
        "three-weeks": "yes",
        "local-alert-raised": "yes",
    }
    assert outcome_of("national-cp-alert", answers) == "issue-national-alert"


def test_without_reasonable_attempts_the_outcome_still_gives_the_three_week_minimum():
    answers = {**CP_FAMILY, "absence-checks": ["none-yet"], "reasonable-attempts": "no"}
    assert outcome_of("national-cp-alert", answers) == "not-yet-rule-out-temporary-absence"
    outcome = tree("national-cp-alert").outcomes["not-yet-rule-out-temporary-absence"]
    assert "national-alert-threshold" in [action.clock for action in outcome.actions]
    assert "three weeks" in outcome.decision


def test_a_child_in_care_meets_the_exceptional_situations_before_any_threshold_question():
    national = tree("national-cp-alert")
    for path in enumerate_paths(national):
        answers = dict(path.answers)
        if answers.get("who-is-missing") in ("in-care", "other-child"):
            asked = list(answers)
            assert asked[2] == "exceptional-category", asked
            if path.outcome.startswith("not-yet"):
                assert answers["exceptional-category"] not in ("none", "not-sure"), answers
    in_care = {"stage": "deciding", "who-is-missing": "in-care", "exceptional-category": "none"}
    assert outcome_of("national-cp-alert", in_care) == "not-for-national-alerts"


# Ofsted notifications: only the Service Manager, Safeguarding and Quality Assurance, and only in absence


def test_no_rule_or_training_answer_lets_the_assistant_director_delegate_ofsted_to_any_service_manager():
    texts = [text for _, outcome in every_outcome() for text in outcome_texts(outcome)]
    texts += [point["text"] for path in SCENARIOS for point in read_yaml(path, path.name)["teaching"]]
    assert [text for text in texts if "delegate it to" in text] == []
    ofsted = [
        item.text
        for _, outcome in every_outcome()
        for item in outcome.consider
        if "KA-OFSTED" in item.cites and "Ofsted notification" in item.text
    ]
    assert ofsted and all(
        "absent" in text and "Safeguarding and Quality Assurance" in text for text in ofsted
    )


# Rutland: straight to stage 3 or 4 only; stages 5 and 6 need the stage before tried


@pytest.mark.parametrize("stage", ["stage-5", "stage-6"])
def test_rutland_stages_5_and_6_need_the_stage_before(stage):
    answers = {"authority": "rutland", "rutland-reasons": ["code-13-other"], "rutland-stage": stage}
    assert outcome_of("iro-escalation", {**answers, "rutland-stage-before-tried": "no"}) == (
        "rutland-earlier-stages-first"
    )
    tried = outcome_of("iro-escalation", {**answers, "rutland-stage-before-tried": "yes"})
    assert tried == f"rutland-{stage}"


def test_the_rutland_page_and_index_explain_both_readings_of_the_stages():
    rutland = (ROOT / "docs" / "rutland" / "practice-alerts.md").read_text(encoding="utf-8")
    assert "**Four stages (the text).**" in rutland and "**Six stages (the table" in rutland
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "There are [six stages]" not in index and "four stages" in index


# Care leavers: under 18 is a child; January 2024; impossible dates are input errors


def test_a_care_leaver_under_18_gets_the_child_death_duties_as_well():
    answers = {
        "what-happened": "care-leaver-died",
        "care-leaver-date-of-death": "2026-10-10",
        "care-leaver-date-of-birth": "2009-05-20",
    }
    assert outcome_of("national-panel", answers) == "care-leaver-child-death"
    outcome = tree("national-panel").outcomes["care-leaver-child-death"]
    assert {"KN-CARE-LEAVER-DEATH", "KN-S16C", "KN-JAR-TRIGGERS"} <= set(outcome.cites)
    assert {item.tree for item in outcome.consider} >= {"national-panel", "alert"}


def test_a_care_leaver_death_before_january_2024_is_outside_the_duty():
    answers = {"what-happened": "care-leaver-died", "care-leaver-date-of-death": "2023-12-31"}
    assert outcome_of("national-panel", answers) == "care-leaver-death-before-2024"
    on_the_day = {
        **answers,
        "care-leaver-date-of-death": "2024-01-01",
        "care-leaver-date-of-birth": "2000-01-01",
    }
    assert outcome_of("national-panel", on_the_day) == "care-leaver-death-notify"


def test_a_death_in_the_future_or_a_birth_after_the_death_names_the_question():
    future = {"what-happened": "care-leaver-died", "care-leaver-date-of-death": "2099-01-01"}
    with pytest.raises(AnswerError) as caught:
        evaluate(tree("national-panel"), future)
    assert caught.value.question == "care-leaver-date-of-death"
    born_after = {
        "what-happened": "care-leaver-died",
        "care-leaver-date-of-death": "2025-01-01",
        "care-leaver-date-of-birth": "2025-01-02",
    }
    with pytest.raises(AnswerError) as caught:
        evaluate(tree("national-panel"), born_after)
    assert caught.value.question == "care-leaver-date-of-birth"


def test_the_25th_birthday_boundary_is_marked_as_a_reading():
    national = tree("national-panel")
    assert "reading" in (national.outcomes["care-leaver-no-notification"].explanation or "") or (
        "reads" in (national.outcomes["care-leaver-no-notification"].explanation or "")
    )
    assert any("25th birthday" in item.text and "reading" in item.text for item in national.not_modelled)


# Serious harm: "not normally" is judgement; "neither life-threatening nor life-changing" never reaches "met"

MET = {"notify-panel", "notify-panel-outside-england", "placing-authority-invited"}


def test_isolated_injuries_go_to_the_strategy_discussion_not_a_flat_not_met():
    answers = {
        "what-happened": "child-harmed",
        "where-it-happened": "in-kent",
        "abuse-or-neglect": "yes",
        "harm-seriousness": "lesser-physical-injury",
        "injury-features": "isolated-only",
    }
    outcome_id = outcome_of("national-panel", answers)
    outcome = tree("national-panel").outcomes[outcome_id]
    assert outcome.urgency == "professional-judgement"
    assert any("strategy discussion" in action.does for action in outcome.actions)


def test_no_path_reaches_criteria_met_after_neither_life_threatening_nor_life_changing():
    for path in enumerate_paths(tree("national-panel")):
        if dict(path.answers).get("harm-seriousness") == "lesser-physical-injury":
            assert path.outcome not in MET, path


def test_the_internal_review_outcome_keeps_the_strategy_discussion_reminder():
    outcome = tree("national-panel").outcomes["internal-review-consider"]
    assert any("KN-STRATEGY-DISCUSSION" in item.cites for item in outcome.consider)


def test_no_training_answer_claims_serious_harm_despite_full_recovery():
    teaching = [point["text"] for path in SCENARIOS for point in read_yaml(path, path.name)["teaching"]]
    assert [text for text in teaching if "full recovery" in text] == []


# Joint Agency Response while the child is alive


def test_harm_outcomes_state_the_resuscitation_trigger_and_why_there_is_no_72_hour_date():
    national = tree("national-panel")
    for outcome_id in ("notify-panel", "panel-judgement", "placing-authority-invited", "panel-not-met"):
        texts = [
            item.text for item in national.outcomes[outcome_id].consider if "KN-JAR-TRIGGERS" in item.cites
        ]
        assert texts, outcome_id
        assert all("none is called" not in text for text in texts), outcome_id
        assert any("revived" in text and "72" in text for text in texts), outcome_id


# Surrey stage 6: where it goes, whatever the Director's answer


@pytest.mark.parametrize(
    ("case_type", "where"),
    [("looked-after", "CAFCASS"), ("child-protection", "Surrey Safeguarding Children Partnership")],
)
@pytest.mark.parametrize("agreed", ["yes", "no", "not-sure"])
def test_surrey_stage_6_says_where_it_goes_for_this_child(case_type, where, agreed):
    answers = {
        "authority": "surrey",
        "surrey-imminent-risk": "no",
        "surrey-alert-scope": "one-child",
        "surrey-reasons": ["a-report-not-completed"],
        "surrey-informal-route": "informal-unresolved",
        "surrey-stage": "stage-6",
        "surrey-case-type": case_type,
        "surrey-qpp-agreed": agreed,
    }
    outcome = tree("iro-escalation").outcomes[outcome_of("iro-escalation", answers)]
    assert where in outcome.decision


# Urgency: "no action" never where the source requires action; a time label says where it comes from


def test_no_outcome_marked_no_action_asks_anyone_to_monitor_or_keep_it_under_review():
    wrong = [
        (tree_id, outcome.id)
        for tree_id, outcome in every_outcome()
        if outcome.urgency == "no-action"
        and any(re.search(r"monitor|under review", text, re.IGNORECASE) for text in outcome_texts(outcome))
    ]
    assert wrong == []


def test_the_unauthorised_absence_outcome_says_monitor_and_review():
    assert tree("alert").outcomes["no-alert-unauthorised-absence"].urgency == "keep-under-review"
    assert tree("national-cp-alert").outcomes["not-yet-three-weeks"].urgency == "keep-under-review"


def test_every_act_now_or_within_hours_outcome_says_where_its_urgency_comes_from():
    basis = ("site's advice", "own timescale", "urgently")
    missing = [
        (tree_id, outcome.id)
        for tree_id, outcome in every_outcome()
        if outcome.urgency in ("immediately", "within-hours")
        and not any(words in (outcome.explanation or "") for words in basis)
    ]
    assert missing == []


# The Corporate Director and the Director of Children's Services are two roles in KN's appendix


def test_no_rule_treats_the_corporate_director_as_the_director_of_childrens_services():
    for tree_id in tree_ids(PROJECT):
        text = (ROOT / "decision" / "rules" / f"{tree_id}.yaml").read_text(encoding="utf-8")
        assert "Education (Director of Children's Services)" not in re.sub(r"\s+", " ", text), tree_id


# The 24-hour placing-authority step: one wording in the aid and the clock


def test_the_placing_council_confirms_that_it_has_notified_in_the_aid_and_the_clock():
    book = parse_clock_book(read_yaml(PROJECT.clocks_file, "decision/clocks.yaml"), "decision/clocks.yaml")
    clock = book.clocks["placing-authority-confirmation"]
    assert "has notified" in clock.name
    national = tree("national-panel")
    for outcome_id in ("placing-authority-invited", "placing-authority-invited-death"):
        outcome = national.outcomes[outcome_id]
        invite = [action for action in outcome.actions if action.clock == "placing-authority-confirmation"]
        assert invite and all("has made the notification" in action.does for action in invite)
        assert "keep running" in (outcome.explanation or "")


# Training answers: must/should as strong as the source


@pytest.mark.parametrize(
    "overstated",
    [
        "must not be used",
        "must rule out",
        "three weeks must pass",
        "must be told too",
        "national alert must be considered",
        "always goes to the Principal",
        "whoever covers their leave",
    ],
)
def test_no_training_answer_overstates_the_source(overstated):
    teaching = [point["text"] for path in SCENARIOS for point in read_yaml(path, path.name)["teaching"]]
    assert [text for text in teaching if overstated in re.sub(r"\s+", " ", text)] == []


# Glossary: expansions no source gives are marked as the site's


@pytest.mark.parametrize("abbreviation", ["FDS", "EHM", "GCP2", "ACPO", "ICB", "SMART", "CYPE"])
def test_glossary_marks_the_sites_own_expansions(abbreviation):
    lines = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8").splitlines()
    entry = next(line for line in lines if line.startswith(f"*[{abbreviation}]: "))
    assert "the site" in entry
