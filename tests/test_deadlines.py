"""Deadline clocks: the clock data, golden deadlines for the hard cases, and the working they show."""

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from decision.deadlines.clock import add_months, clocks_list, deadline
from decision.deadlines.clock_book import ClockDataError, parse_clock_book
from decision.errors import InputError
from decision.project.clauses import read_clauses
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project
from decision.project.source import read_yaml

DATA = load_deadlines()

TODAY = date(2026, 11, 24)
CLOCKS_FILE = Path(__file__).resolve().parent.parent / "decision" / "clocks.yaml"
PUBLIC_IDS = [
    *("national-panel-notification", "rapid-review", "aisr-to-psw", "placing-authority-confirmation"),
    *("alert-response", "alert-response-urgent", "internal-review", "joint-agency-response"),
    *("return-interview", "national-alert-threshold", "national-alert-reissue", "national-alert-expiry"),
    *("dhr-decision", "dhr-overview-report", "iro-stage-response", "iro-resolution"),
    *(
        "practice-alert-response",
        "icpc-report",
        "rcpc-report",
        "first-visit-after-placement",
        "statutory-visit",
    ),
]


def inventory() -> dict[str, str]:
    """Clause id -> kind, from the project's inventory."""
    project = Project()
    return {clause.id: clause.kind for clause in read_clauses(project.clauses_file, "clauses.yaml")}


def due_of(clock_id: str, start: str, today: date = TODAY) -> dict:
    return deadline(clock_id, start, DATA, today=today)


# --- the clock data ----------------------------------------------------------------------------


def test_every_public_clock_exists_and_cites_known_clauses():
    clauses = inventory()
    clocks = {clock["id"]: clock for clock in clocks_list(DATA)}
    for clock_id in PUBLIC_IDS:
        assert clock_id in clocks, clock_id
        assert clocks[clock_id]["cites"], clock_id
    for clock in clocks.values():
        assert set(clock["cites"]) <= set(clauses), clock["id"]


def test_every_timescale_clause_is_cited_by_the_clock_file():
    cited = set(re.findall(r"\b[A-Z]{2}-[A-Z0-9-]*[A-Z0-9]\b", CLOCKS_FILE.read_text(encoding="utf-8")))
    timescales = {clause for clause, kind in inventory().items() if kind == "timescale"}
    assert len(timescales) == 23
    assert timescales - cited == set()


def test_clocks_list_gives_each_clock_as_plain_data():
    surrey = next(clock for clock in clocks_list(DATA) if clock["id"] == "iro-stage-response")
    assert surrey["amount"] == 5
    assert surrey["unit"] == "working_days"
    assert surrey["cites"] == ("SY-STAGE1-5WD", "SY-STAGE2-5WD", "SY-STAGE3-5WD")
    assert "no timescale for stages 4 to 6" in surrey["counting"]


# --- working days --------------------------------------------------------------------------------


def statutory(start: str) -> dict:
    """The guidance's 5 working days from knowledge: the latest date of the Panel notification."""
    result = due_of("national-panel-notification", start)
    assert result["latest"]["reading_name"].startswith("the guidance's 5 working days"), result["latest"]
    return result["latest"]


def test_christmas_2026_lists_every_day_skipped_by_name():
    result = statutory("2026-12-24")
    assert (result["due"], result["due_weekday"]) == ("2027-01-05", "Tuesday")
    assert result["due_text"] == "By the end of Tuesday 5 January 2027"
    assert result["day_zero"] == "2026-12-24"
    assert [(day["date"], day["holiday"]) for day in result["skipped"]] == [
        ("2026-12-25", "Christmas Day"),
        ("2026-12-26", "Boxing Day"),
        ("2026-12-27", None),
        ("2026-12-28", "Boxing Day (observed)"),
        ("2027-01-01", "New Year's Day"),
        ("2027-01-02", None),
        ("2027-01-03", None),
    ]
    assert result["cites"] == ["KN-NOTIFY-5WD"]
    assert result["warnings"] == []


def test_the_panel_notification_works_to_the_appendix_day_5_even_on_a_bank_holiday():
    result = due_of("national-panel-notification", "2026-12-24")
    assert result["due_text"] == "By the end of Monday 28 December 2026"  # day 1 is 24 December
    assert result["work_to"].startswith("the KSCMP appendix's days are calendar days")
    assert result["notes"] == [
        "Monday 28 December 2026 is not a working day (Boxing Day (observed)). This clock counts calendar "
        "days, so the date does not move."
    ]
    assert result["latest"]["latest_text"] == (
        "At the latest, on the reading that the guidance's 5 working days count the day of knowledge as "
        "day 0: By the end of Tuesday 5 January 2027"
    )
    assert result["cites"] == ["KN-NOTIFY-5WD", "KN-FLOW-TIMELINE"]


def test_christmas_2027_when_both_days_and_new_year_fall_at_weekends():
    result = statutory("2027-12-23")
    assert result["due"] == "2028-01-04"  # working days 24, 29, 30, 31 December and 4 January
    skipped = {day["date"]: day["holiday"] for day in result["skipped"]}
    assert len(skipped) == 7
    assert skipped["2027-12-27"] == "Christmas Day (observed)"
    assert skipped["2027-12-28"] == "Boxing Day (observed)"
    assert skipped["2028-01-01"] == "New Year's Day"
    assert skipped["2028-01-03"] == "New Year's Day (observed)"


def test_a_saturday_start_is_day_0_and_the_appendix_date_is_the_headline():
    headline = due_of("national-panel-notification", "2026-01-03")
    assert headline["due"] == "2026-01-07"  # Saturday is day 1 of the appendix, Wednesday day 5
    assert "KSCMP appendix" in headline["conflict"]
    result = headline["latest"]
    assert result["day_zero"] == "2026-01-03"
    assert result["due"] == "2026-01-09"  # Monday 5 January is day 1, not day 0
    assert result["notes"] == [
        "Saturday 3 January 2026 is not a working day, but it is still day 0: a timescale in working "
        "days counts from the day of the event itself, and the earlier date is the safe one for a "
        "deadline. The first working day after it, Monday 5 January 2026, is day 1."
    ]
    assert [day["date"] for day in result["skipped"]] == ["2026-01-03", "2026-01-04"]
    assert "even at a weekend or on a bank holiday" in result["rule"]


def test_a_sunday_start_gives_the_friday_of_that_week():
    result = statutory("2027-07-18")
    assert (result["day_zero"], result["due"]) == ("2027-07-18", "2027-07-23")
    assert result["skipped"] == [{"date": "2027-07-18", "weekday": "Sunday", "holiday": None}]


def test_a_good_friday_start_skips_the_easter_weekend_and_monday():
    result = statutory("2027-03-26")
    assert (result["day_zero"], result["due"]) == ("2027-03-26", "2027-04-05")
    assert [(day["date"], day["holiday"]) for day in result["skipped"]] == [
        ("2027-03-26", "Good Friday"),
        ("2027-03-27", None),
        ("2027-03-28", None),
        ("2027-03-29", "Easter Monday"),
        ("2027-04-03", None),
        ("2027-04-04", None),
    ]


def test_a_working_day_start_has_no_day_off_note():
    assert statutory("2027-07-19")["notes"] == []


def test_rapid_review_on_its_own_counts_15_calendar_days_from_the_notification():
    result = due_of("rapid-review", "2026-01-12")
    assert result["due"] == "2026-01-27"  # before: 15 working days, Monday 2 February
    assert result["latest"] is None  # the flowchart's reading counts from knowledge, not given here
    assert "which is not given here" in result["notes"][-1]
    assert "flowchart" in result["conflict"]


def test_easter_and_the_special_bank_holidays_are_skipped_by_name():
    easter = due_of("alert-response-urgent", "2026-04-02")
    assert easter["due"] == "2026-04-07"
    assert [day["holiday"] for day in easter["skipped"]] == ["Good Friday", None, None, "Easter Monday"]
    jubilee = due_of("alert-response-urgent", "2022-06-01", today=date(2022, 5, 1))
    assert jubilee["due"] == "2022-06-06"
    assert "Platinum Jubilee of Elizabeth II" in [day["holiday"] for day in jubilee["skipped"]]
    coronation = due_of("alert-response-urgent", "2023-05-05", today=date(2023, 5, 1))
    assert coronation["due"] == "2023-05-09"
    assert "Coronation of Charles III" in [day["holiday"] for day in coronation["skipped"]]


def test_conference_reports_count_working_days_back_from_the_conference():
    icpc = due_of("icpc-report", "2026-03-09")  # a Monday
    assert (icpc["due"], icpc["due_weekday"]) == ("2026-03-05", "Thursday")
    assert [day["date"] for day in icpc["skipped"]] == ["2026-03-07", "2026-03-08"]
    assert "working days" in icpc["reading"]
    assert icpc["before"] == "The Initial Child Protection Conference"
    rcpc = due_of("rcpc-report", "2026-03-09")
    assert (rcpc["due"], rcpc["due_weekday"]) == ("2026-03-04", "Wednesday")


# --- calendar days, weeks and months ---------------------------------------------------------------


def test_first_visit_counts_calendar_days_and_says_so():
    result = due_of("first-visit-after-placement", "2026-03-05")
    assert (result["due"], result["due_weekday"]) == ("2026-03-08", "Sunday")
    assert result["skipped"] == []
    assert "calendar days" in result["reading"]
    assert result["notes"] == [
        "Sunday 8 March 2026 is not a working day (Sunday). This clock counts calendar days, so the date "
        "does not move."
    ]
    assert result["cites"] == ["RU-VISIT-3D"]


def test_statutory_visit_is_four_weeks_even_on_a_bank_holiday():
    result = due_of("statutory-visit", "2026-03-09")
    assert result["due"] == "2026-04-06"
    assert "Easter Monday" in result["notes"][0]


def test_national_alert_threshold_is_an_earliest_date():
    result = due_of("national-alert-threshold", "2026-03-01")
    assert result["meaning"] == "earliest"
    assert result["due"] == "2026-03-22"
    assert result["due_text"] == "Not before Sunday 22 March 2026"


@pytest.mark.parametrize(
    ("clock_id", "start", "due"),
    [
        ("dhr-decision", "2026-01-31", "2026-02-28"),
        ("dhr-decision", "2028-01-31", "2028-02-29"),
        ("dhr-decision", "2026-12-15", "2027-01-15"),
        ("dhr-overview-report", "2026-08-31", "2027-02-28"),
        ("national-alert-reissue", "2026-03-31", "2026-09-30"),
        ("national-alert-expiry", "2026-02-28", "2027-02-28"),
    ],
)
def test_month_clocks_clamp_to_the_last_day_of_the_month(clock_id, start, due):
    assert due_of(clock_id, start)["due"] == due


def test_add_months_across_years():
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 31), 12) == date(2027, 12, 31)


# --- hours -----------------------------------------------------------------------------------------


def test_72_hours_across_the_march_clock_change():
    result = due_of("return-interview", "2026-03-28T10:00")
    assert (result["due"], result["due_time"], result["due_zone"]) == ("2026-03-31", "11:00", "BST")
    assert result["due_utc"] == "2026-03-31T10:00Z"
    assert result["due_text"] == "By 11:00 BST on Tuesday 31 March 2026"
    assert result["notes"][0].startswith(
        "The clocks go forward an hour at 01:00 GMT on Sunday 29 March 2026."
    )


def test_72_hours_across_the_october_clock_change():
    result = due_of("joint-agency-response", "2026-10-24T10:00")
    assert (result["due"], result["due_time"], result["due_zone"]) == ("2026-10-27", "09:00", "GMT")
    assert result["notes"][0].startswith("The clocks go back an hour at 02:00 BST on Sunday 25 October 2026.")


def test_72_hours_with_no_clock_change_keeps_the_clock_time():
    result = due_of("return-interview", "2026-06-01T09:30")
    assert (result["due"], result["due_time"], result["due_zone"]) == ("2026-06-04", "09:30", "BST")
    assert result["notes"] == []


def test_a_time_that_happened_twice_is_read_as_the_first_and_says_so():
    result = due_of("return-interview", "2026-10-25T01:30")
    assert result["due_utc"] == "2026-10-28T00:30Z"
    assert "happened twice" in result["warnings"][0]


def test_a_time_the_clocks_skipped_is_an_error():
    with pytest.raises(InputError, match="2026-03-29T01:30 did not happen in UK time"):
        due_of("return-interview", "2026-03-29T01:30")


def test_an_hour_clock_needs_the_time():
    with pytest.raises(InputError, match="clock 'joint-agency-response' counts hours: give the time as well"):
        due_of("joint-agency-response", "2026-03-01")


def test_agency_report_works_to_2_working_days_before_day_9_and_says_when_48_hours_end_at_a_weekend():
    result = due_of("aisr-to-psw", "2026-03-02")  # Rapid Review day 9, a Monday
    assert result["due_text"] == "By the end of Thursday 26 February 2026"  # before: Saturday 28th
    assert result["before"] == "Agency summaries back to KSCMP (Rapid Review day 9)"
    assert [day["date"] for day in result["skipped"]] == ["2026-02-28", "2026-03-01"]
    latest = result["latest"]
    assert latest["due_text"] == "By the end of Saturday 28 February 2026"
    assert latest["notes"] == [
        "Saturday 28 February 2026 is not a working day (Saturday). The last working day before it is "
        "Friday 27 February 2026."
    ]


def test_agency_report_has_no_time_of_day_across_the_march_clock_change():
    result = due_of("aisr-to-psw", "2026-03-30")  # before: 23:00 GMT on Saturday 28 March
    assert (result["due"], result["due_time"]) == ("2026-03-26", None)
    assert (result["latest"]["due"], result["latest"]["due_time"]) == ("2026-03-28", None)


def test_agency_summaries_are_due_on_day_9_counting_the_notification_day_as_day_1():
    result = due_of("agency-summaries", "2025-03-10")
    assert result["due_text"] == "By the end of Tuesday 18 March 2025"
    assert result["latest"]["due_text"] == "By the end of Thursday 20 March 2025"  # 8 working days


# --- warnings and errors ---------------------------------------------------------------------------


def test_a_date_more_than_two_years_ahead_warns_about_one_off_bank_holidays():
    assert due_of("alert-response", "2027-01-04")["warnings"] == []
    far = due_of("alert-response", "2029-01-02")
    assert far["warnings"] == [
        "Friday 5 January 2029 is more than two years after Tuesday 24 November 2026. A one-off bank "
        "holiday may still be announced for that time, and this date would not allow for it. Check "
        "nearer the time."
    ]


def test_old_holiday_data_warns_even_when_the_date_is_near_today():
    data = load_deadlines()
    stale = replace(data, calendar=replace(data.calendar, generated=date(2025, 1, 1)))
    result = deadline("alert-response", "2027-06-01", data=stale, today=TODAY)
    assert "two years after Wednesday 1 January 2025" in result["warnings"][0]


@pytest.mark.parametrize(
    ("clock_id", "start", "message"),
    [
        ("no-such-clock", "2026-01-05", "unknown clock 'no-such-clock'"),
        ("alert-response", "2027-02-29", "start '2027-02-29' is not a real date"),
        ("alert-response", "2031-02-03", "2031-02-03 is outside the years the bank holiday data covers"),
        ("alert-response", "soon", "start 'soon' is not a date written YYYY-MM-DD"),
    ],
)
def test_bad_input_is_named(clock_id, start, message):
    with pytest.raises(InputError, match=re.escape(message)):
        due_of(clock_id, start)


def test_a_clock_counted_back_in_hours_is_refused_with_its_line():
    data = read_yaml(CLOCKS_FILE, "decision/clocks.yaml")
    aisr = next(clock for clock in data["clocks"] if clock["id"] == "aisr-to-psw")
    aisr["counted_in"] = "hours"
    with pytest.raises(ClockDataError) as error:
        parse_clock_book(data, "decision/clocks.yaml")
    message = "clock 'aisr-to-psw': a clock counted back from an event counts days, not hours"
    assert f"decision/clocks.yaml:{aisr.line}: {message}" in str(error.value)
