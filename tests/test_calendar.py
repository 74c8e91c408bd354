"""Working days in England: the generated holiday data and golden cases for the hard dates."""

import json
from datetime import date

import pytest

from build_tools.calendar_data import HOLIDAYS_FILE, ZONE_FILE, holiday_data, london_tzif
from decision.deadlines.dates import calendar_from_data, parse_count
from decision.errors import InputError
from decision.iso_dates import parse_date, parse_moment


@pytest.fixture(scope="module")
def committed() -> dict:
    return json.loads(HOLIDAYS_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def calendar(committed):
    return calendar_from_data(committed, HOLIDAYS_FILE.name)


def test_committed_holidays_match_the_installed_package(committed):
    first, last = committed["years"]
    regenerated = holiday_data(first, last, date.fromisoformat(committed["generated"]))
    assert committed == regenerated, "run `python -m build_tools.calendar_data`"


def test_committed_time_zone_matches_the_installed_tzdata():
    assert ZONE_FILE.read_bytes() == london_tzif(), "run `python -m build_tools.calendar_data`"


def test_holiday_data_says_where_it_came_from_and_covers_two_years_ahead(committed):
    assert committed["source"] == "holidays 0.109"
    assert committed["subdivision"] == "ENG"
    assert committed["years"][0] <= 2022
    assert committed["years"][1] >= date.today().year + 2, "regenerate the data for later years"


def test_special_bank_holidays_are_in_the_data(committed):
    assert committed["holidays"]["2022-06-03"] == "Platinum Jubilee of Elizabeth II"
    assert committed["holidays"]["2022-09-19"] == "State Funeral of Queen Elizabeth II"
    assert committed["holidays"]["2023-05-08"] == "Coronation of Charles III"


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        # Christmas 2026: Boxing Day is a Saturday, so Monday 28th is its substitute day.
        ("2026-12-24", 5, "2027-01-05"),
        ("2026-12-23", 1, "2026-12-24"),
        ("2026-12-24", 1, "2026-12-29"),
        # Christmas 2027: both days at the weekend (27th and 28th substitutes); 1 January 2028 is a
        # Saturday (3rd substitutes).
        ("2027-12-24", 1, "2027-12-29"),
        ("2027-12-24", 5, "2028-01-05"),
        ("2027-12-31", 1, "2028-01-04"),
        # Easter 2026 (Good Friday 3 April, Easter Monday 6 April) and 2027 (26 and 29 March).
        ("2026-04-02", 1, "2026-04-07"),
        ("2027-03-25", 3, "2027-04-01"),
        # 2022: Spring bank holiday moved to 2 June, Platinum Jubilee 3 June, State Funeral 19 September.
        ("2022-06-01", 1, "2022-06-06"),
        ("2022-09-16", 1, "2022-09-20"),
        # 2023: Coronation, Monday 8 May.
        ("2023-05-05", 1, "2023-05-09"),
        # A start on a Saturday is day 0 itself: Monday is day 1.
        ("2026-01-03", 5, "2026-01-09"),
        ("2026-01-03", 1, "2026-01-05"),
        ("2026-01-03", 0, "2026-01-05"),
        ("2026-01-05", 0, "2026-01-05"),
        # Sunday 18 July 2027 gives Friday 23 July; Good Friday 2027 skips Easter Monday (29 March).
        ("2027-07-18", 5, "2027-07-23"),
        ("2027-03-26", 5, "2027-04-05"),
    ],
)
def test_add_working_days_golden(calendar, start, count, due):
    assert calendar.add_working_days(date.fromisoformat(start), count) == date.fromisoformat(due)


def test_working_days_before_counts_back_from_the_event(calendar):
    monday = date(2026, 3, 9)
    assert calendar.working_days_before(monday, 2) == date(2026, 3, 5)
    assert calendar.working_days_before(date(2026, 4, 7), 1) == date(2026, 4, 2)  # over Easter
    # A conference on a day off is still day 0: Easter Monday 2026 counts back to Thursday 2 April.
    assert calendar.working_days_before(date(2026, 4, 6), 1) == date(2026, 4, 2)
    assert calendar.working_days_before(date(2026, 1, 3), 2) == date(2025, 12, 31)  # Fri 2, then 1 Jan off


def test_working_days_between(calendar):
    assert calendar.working_days_between(date(2026, 12, 24), date(2027, 1, 5)) == 5
    assert calendar.working_days_between(date(2026, 1, 3), date(2026, 1, 4)) == 0
    assert calendar.working_days_between(date(2026, 1, 3), date(2026, 1, 9)) == 5  # Saturday is day 0
    with pytest.raises(InputError, match="end date 2026-01-01 is before start date 2026-01-02"):
        calendar.working_days_between(date(2026, 1, 2), date(2026, 1, 1))


def test_non_working_days_name_weekends_and_holidays(calendar):
    assert calendar.non_working_days(date(2026, 12, 25), date(2026, 12, 28)) == [
        {"date": "2026-12-25", "weekday": "Friday", "holiday": "Christmas Day"},
        {"date": "2026-12-26", "weekday": "Saturday", "holiday": "Boxing Day"},
        {"date": "2026-12-27", "weekday": "Sunday", "holiday": None},
        {"date": "2026-12-28", "weekday": "Monday", "holiday": "Boxing Day (observed)"},
    ]
    assert calendar.why_not_working(date(2026, 12, 26)) == "Saturday (Boxing Day)"


@pytest.mark.parametrize("day", [date(2019, 12, 31), date(2031, 1, 1)])
def test_a_date_outside_the_covered_years_is_an_error(calendar, day):
    with pytest.raises(InputError, match=f"{day.isoformat()} is outside the years .* covers \\(2020 to 20"):
        calendar.add_working_days(day, 1)


def test_counting_past_the_covered_years_is_an_error(calendar):
    last = calendar.last_year
    with pytest.raises(InputError, match=f"{last + 1}-01-0.* is outside the years"):
        calendar.add_working_days(date(last, 12, 20), 30)


def test_a_negative_count_is_an_error(calendar):
    with pytest.raises(InputError, match="count -1 must be 0 or more"):
        calendar.add_working_days(date(2026, 1, 5), -1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2027-02-29", "date '2027-02-29' is not a real date"),
        ("2026-13-01", "date '2026-13-01' is not a real date"),
        ("next week", "date 'next week' is not a date written YYYY-MM-DD"),
        ("20260105", "date '20260105' is not a date written YYYY-MM-DD"),
    ],
)
def test_bad_dates_are_named(text, message):
    with pytest.raises(InputError, match=f"^{message}$"):
        parse_date(text)


def test_moments_and_counts():
    assert parse_moment("2026-03-28T10:30").hour == 10
    assert parse_moment("2026-03-28") == date(2026, 3, 28)
    with pytest.raises(InputError, match="'2026-03-28T25:00' is not a real date and time"):
        parse_moment("2026-03-28T25:00")
    assert parse_count("3") == 3
    with pytest.raises(InputError, match="count '-3' must be a whole number, 0 or more"):
        parse_count("-3")


def test_holiday_data_that_is_not_ours_is_named():
    with pytest.raises(InputError, match=r"^holidays\.json: not bank holiday data"):
        calendar_from_data({"years": [2020, 2030]}, "holidays.json")
    bad = {"source": "x", "years": [2020, 2021], "generated": "2026-01-01", "holidays": {"2025-01-01": "x"}}
    with pytest.raises(InputError, match="holidays fall outside its years 2020 to 2021"):
        calendar_from_data(bad, "holidays.json")
