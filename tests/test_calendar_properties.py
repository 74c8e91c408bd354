"""Property tests of working-day counting over thousands of dates, checked against the holidays package.

holidays' get_nth_working_day(d, n) steps n working days on from d whether or not d is a working
day; get_nth_working_day(d, 0) is d or the next working day. Ours keeps the event's day as day 0
even at a weekend or on a bank holiday, so ours equals get_nth_working_day(d, n) for every d.
"""

import json
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from build_tools.calendar_data import HOLIDAYS_FILE
from decision.deadlines.dates import calendar_from_data

DATA = json.loads(HOLIDAYS_FILE.read_text(encoding="utf-8"))
CALENDAR = calendar_from_data(DATA, HOLIDAYS_FILE.name)
FIRST, LAST = DATA["years"]
ENGLAND = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST, LAST + 1))
# Starts leave room for 10 days later plus 60 working days before the covered years end.
STARTS = st.dates(min_value=date(FIRST, 1, 1), max_value=date(LAST, 9, 15))
COUNTS = st.integers(min_value=0, max_value=60)
MANY = settings(max_examples=2000, deadline=None)


@MANY
@given(STARTS, COUNTS)
def test_a_result_is_never_a_weekend_or_bank_holiday(start, count):
    due = CALENDAR.add_working_days(start, count)
    assert due.weekday() < 5
    assert due not in ENGLAND


@MANY
@given(STARTS, COUNTS)
def test_adding_then_counting_back_gives_the_count(start, count):
    assume(count or CALENDAR.is_working_day(start))  # 0 from a day off moves on to a working day
    assert CALENDAR.working_days_between(start, CALENDAR.add_working_days(start, count)) == count


@MANY
@given(STARTS, COUNTS)
def test_results_rise_with_the_count(start, count):
    assume(count or CALENDAR.is_working_day(start))  # 0 and 1 from a day off both give its next working day
    assert CALENDAR.add_working_days(start, count) < CALENDAR.add_working_days(start, count + 1)


@MANY
@given(STARTS, st.integers(min_value=0, max_value=10), COUNTS)
def test_results_never_fall_as_the_start_moves_later(start, days_later, count):
    later = start + timedelta(days=days_later)
    assert CALENDAR.add_working_days(start, count) <= CALENDAR.add_working_days(later, count)


@MANY
@given(STARTS, COUNTS)
def test_results_agree_with_the_holidays_package(start, count):
    assert CALENDAR.add_working_days(start, count) == ENGLAND.get_nth_working_day(start, count)


@MANY
@given(STARTS, st.integers(min_value=1, max_value=60))
def test_a_day_off_start_is_day_0_never_earlier_than_the_next_working_days_count(start, count):
    next_working = ENGLAND.get_nth_working_day(start, 0)
    assert CALENDAR.add_working_days(start, count) <= CALENDAR.add_working_days(next_working, count)
    if not ENGLAND.is_working_day(start):  # the day-off event's first working day after it is day 1
        assert CALENDAR.add_working_days(start, count) == CALENDAR.add_working_days(next_working, count - 1)


@MANY
@given(st.dates(min_value=date(FIRST, 4, 1), max_value=date(LAST, 12, 31)), COUNTS)
def test_counting_back_agrees_with_the_holidays_package(event, count):
    expected = ENGLAND.get_nth_working_day(event, -count) if count else event
    assert CALENDAR.working_days_before(event, count) == expected


@pytest.mark.parametrize("year", range(FIRST, LAST + 1))
def test_every_day_of_every_covered_year_agrees_on_working_or_not(year):
    day = date(year, 1, 1)
    while day.year == year:
        assert CALENDAR.is_working_day(day) == ENGLAND.is_working_day(day), day
        day += timedelta(days=1)
