"""Safe dates by construction: wherever the sources allow two readings, the headline (the date to work
to) is the earlier one, over every clock and every timeline step, for every start date of a year."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision.deadlines.clock import count, deadline, due_moment
from decision.deadlines.clock_book import Clock
from decision.deadlines.timeline import happened_steps, timeline
from decision.iso_dates import parse_moment
from decision.project.deadline_files import load_deadlines

TODAY = date(2026, 11, 24)
YEAR = [date(2027, 1, 1) + timedelta(days=offset) for offset in range(365)]
DATA = load_deadlines()
TWO_READINGS = [clock for clock in DATA.book.clocks.values() if clock.alternative]


def ends(result: dict) -> datetime:
    moment = due_moment(result)
    return (
        moment
        if isinstance(moment, datetime)
        else datetime.combine(moment + timedelta(days=1), datetime.min.time())
    )


def each_reading_alone(clock: Clock, result: dict) -> list[dict]:
    """Both readings counted again on their own, from the start each one shows."""
    readings = [result, result["latest"]]
    alone = replace(clock, alternative=None, conflict=None, reading_name=None)
    starts = {reading["starts"]: parse_moment(reading["start"]) for reading in readings}
    return [
        count(alone, starts[clock.starts], DATA, TODAY),
        count(clock.alternative, starts[clock.alternative.starts], DATA, TODAY),
    ]


def check_work_to_is_earliest(clock: Clock, result: dict) -> None:
    latest = result["latest"]
    assert latest is not None, f"{clock.id}: two readings but no latest date"
    alone = each_reading_alone(clock, result)
    assert ends(result) == min(ends(reading) for reading in alone), (clock.id, result["start"], result["due"])
    assert ends(latest) == max(ends(reading) for reading in alone), (clock.id, result["start"])
    assert result["work_to"] == result["reading_name"] != latest["reading_name"]
    assert latest["latest_text"].startswith("At the latest, on the reading that ")


def test_some_clocks_have_two_readings():
    assert {clock.id for clock in TWO_READINGS} >= {
        "national-panel-notification", "rapid-review", "agency-summaries", "aisr-to-psw"
    }  # fmt: skip


@pytest.mark.parametrize(
    "clock", [c for c in TWO_READINGS if not c.alternative.from_event], ids=lambda c: c.id
)
def test_every_clock_works_to_its_earlier_reading_all_year(clock):
    for day in YEAR:
        check_work_to_is_earliest(clock, deadline(clock.id, day.isoformat(), DATA, TODAY))


@pytest.mark.parametrize("line", list(DATA.book.timelines.values()), ids=lambda line: line.id)
def test_every_timeline_step_works_to_its_earlier_reading_all_year(line):
    for day in YEAR:
        for step in timeline(line.id, f"{day.isoformat()}T10:00", DATA, TODAY)["steps"]:
            if step["due"] and DATA.book.clocks[step["clock"]].alternative:
                check_work_to_is_earliest(DATA.book.clocks[step["clock"]], step)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(YEAR), st.lists(st.integers(min_value=0, max_value=12), min_size=2, max_size=2))
def test_real_dates_given_for_earlier_steps_keep_the_earlier_reading_as_headline(day, offsets):
    line = DATA.book.timeline("serious-incident")
    steps = happened_steps(line)
    happened, previous = {}, day
    for step, offset in zip(steps, offsets, strict=True):
        previous += timedelta(days=offset)
        happened[step.id] = previous.isoformat()
    result = timeline(line.id, day.isoformat(), DATA, TODAY, happened=happened)
    for step in result["steps"]:
        clock = DATA.book.clocks[step["clock"]]
        if clock.alternative:
            check_work_to_is_earliest(clock, step)
