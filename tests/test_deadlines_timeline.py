"""Timelines from one event, the IRO escalation ladders, and the checks on the clock data."""

import copy
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from decision.deadlines.clock_book import ClockDataError, parse_clock_book
from decision.deadlines.timeline import timeline
from decision.errors import InputError
from decision.project.deadline_files import load_deadlines
from decision.project.source import read_yaml

DATA = load_deadlines()

TODAY = date(2026, 11, 24)
PROJECT = Path(__file__).resolve().parent.parent


def steps_by_id(result: dict) -> dict[str, dict]:
    return {step["step"]: step for step in result["steps"]}


def test_serious_incident_timeline_works_to_the_earliest_reading_of_every_step():
    # The audit's example. Before: notification Monday 10 March, Rapid Review Monday 31 March and the
    # report at 23:00 on Saturday 29 March.
    steps = steps_by_id(timeline("serious-incident", "2025-03-03", DATA, today=TODAY))
    assert steps["area-ad-approval"]["due"] == "2025-03-04"
    assert steps["executive-liaison"]["due"] == "2025-03-06"
    notification = steps["national-panel-notification"]
    assert (notification["due"], notification["latest"]["due"]) == ("2025-03-07", "2025-03-10")
    summaries = steps["agency-summaries"]
    assert (summaries["from"], summaries["start"], summaries["due"]) == (
        "national-panel-notification", "2025-03-07", "2025-03-15"
    )  # fmt: skip
    assert summaries["notes"][0] == (
        "No date was given for 'Notify the National Panel', so this is counted from its work-to date, "
        "Friday 7 March 2025. When you know the real date, give it to count from that instead."
    )
    assert "Saturday 15 March 2025 is not a working day" in summaries["notes"][1]
    report = steps["aisr-to-psw"]
    assert (report["from"], report["due"], report["due_time"]) == ("agency-summaries", "2025-03-13", None)
    rapid = steps["rapid-review"]
    assert (rapid["start"], rapid["due"]) == ("2025-03-07", "2025-03-22")
    assert (rapid["latest"]["start"], rapid["latest"]["due"]) == ("2025-03-03", "2025-03-24")


def test_a_real_notification_date_restarts_the_rapid_review_and_the_flowchart_can_be_earlier():
    result = timeline(
        "serious-incident",
        "2025-03-03",
        DATA,
        today=TODAY,
        happened={"national-panel-notification": "2025-03-10"},
    )
    steps = steps_by_id(result)
    rapid = steps["rapid-review"]
    assert (rapid["start"], rapid["due"]) == ("2025-03-03", "2025-03-24")  # 15 working days from knowledge
    assert rapid["work_to"] == "the flowchart's 15 working days count from the day of knowledge as day 0"
    assert (rapid["latest"]["start"], rapid["latest"]["due"]) == ("2025-03-10", "2025-03-25")
    assert rapid["latest"]["notes"][0] == (
        "Counted from Monday 10 March 2025, the date given for 'Notify the National Panel'."
    )
    assert steps["agency-summaries"]["due"] == "2025-03-18"
    assert steps["aisr-to-psw"]["due"] == "2025-03-14"


def test_a_real_date_before_the_event_or_for_an_unchained_step_is_named():
    with pytest.raises(InputError, match="given for 'Notify the National Panel' is before the event"):
        timeline(
            "serious-incident", "2025-03-03", DATA, happened={"national-panel-notification": "2025-03-01"}
        )
    with pytest.raises(InputError, match="no step 'rapid-review' that later steps count from"):
        timeline("serious-incident", "2025-03-03", DATA, happened={"rapid-review": "2025-03-20"})


def test_surrey_ladder_gives_each_stage_and_the_20_working_day_resolution():
    result = timeline("surrey-iro-alert", "2026-12-21", DATA, today=TODAY)
    steps = steps_by_id(result)
    assert [steps[stage]["due"] for stage in ("stage-1", "stage-2", "stage-3")] == [
        "2026-12-30",
        "2027-01-07",
        "2027-01-14",
    ]
    assert steps["stage-2"]["cites"] == ["SY-STAGE2-5WD"]
    for stage in ("stage-4", "stage-5", "stage-6"):
        assert steps[stage]["due"] is None
        assert "no timescale" in steps[stage]["note"]
    assert steps["iro-resolution"]["due"] == "2027-01-21"
    assert steps["iro-resolution"]["cites"] == ["SY-20WD"]
    assert "full time" in result["note"]


def test_rutland_ladder_has_six_stages_and_no_date_for_cafcass():
    result = timeline("rutland-practice-alert", "2026-12-21", DATA, today=TODAY)
    dues = [step["due"] for step in result["steps"]]
    assert dues == ["2026-12-30", "2027-01-07", "2027-01-14", "2027-01-21", "2027-01-28", None]
    assert "four stages but its table lists six" in result["note"]


def test_an_unknown_event_is_named():
    with pytest.raises(InputError, match="unknown timeline event 'fire'"):
        timeline("fire", "2026-01-05", DATA)


def test_an_event_timeline_with_an_hour_clock_needs_the_time():
    with pytest.raises(InputError, match="counts hours: give the time as well, as 2026-03-01THH:MM"):
        timeline("unexpected-child-death", "2026-03-01", DATA)
    result = timeline("unexpected-child-death", "2026-03-01T23:15", DATA, today=TODAY)
    assert result["steps"][0]["due_text"] == "By 23:15 GMT on Wednesday 4 March 2026"


def test_every_timeline_runs_from_an_ordinary_day():
    for line in DATA.book.timelines:
        result = timeline(line, "2026-06-10T09:00", DATA, today=TODAY)
        assert any(step["due"] for step in result["steps"]), line


# --- the clock data is checked ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(json.dumps(read_yaml(PROJECT / "decision" / "clocks.yaml", "clocks.yaml")))


def broken(raw: dict, change) -> str:
    data = copy.deepcopy(raw)
    change(data)
    with pytest.raises(ClockDataError) as error:
        parse_clock_book(data, "clocks.yaml")
    return str(error.value)


def test_clock_data_problems_name_the_clock_and_field(raw):
    def bad_unit(data):
        data["clocks"][0]["unit"] = "fortnights"

    def no_cites(data):
        del data["clocks"][1]["cites"]

    def duplicate(data):
        data["clocks"].append(copy.deepcopy(data["clocks"][0]))

    def unknown_step_clock(data):
        data["timelines"][0]["steps"][0]["clock"] = "no-such-clock"

    def missing_wording(data):
        del data["wording"]["due_day"]

    assert "clock 'return-interview': unit 'fortnights' is not one of" in broken(raw, bad_unit)
    assert "clock 'national-alert-threshold': 'cites' is missing" in broken(raw, no_cites)
    assert "clock 'return-interview': this id is used twice" in broken(raw, duplicate)
    assert "clock 'no-such-clock' is not in the clocks list" in broken(raw, unknown_step_clock)
    assert "wording: 'due_day' is missing" in broken(raw, missing_wording)


def test_the_engine_runs_on_the_documents_alone_without_yaml(raw, tmp_path):
    """What the browser does: JSON in, no PyYAML, no holidays or tzdata packages."""
    clocks = tmp_path / "clocks.json"
    clocks.write_text(json.dumps(raw), encoding="utf-8")
    probe = f"""
import json, sys
for blocked in ("yaml", "holidays", "tzdata"):
    sys.modules[blocked] = None
from pathlib import Path
from decision.deadlines import deadline_data
from decision.deadlines.clock import deadline
data = deadline_data.from_documents(
    json.loads(Path({str(clocks)!r}).read_text()),
    json.loads(deadline_data.HOLIDAYS_FILE.read_text()),
    deadline_data.ZONE_FILE.read_bytes(),
)
print(deadline("return-interview", "2026-03-28T10:00", data)["due_time"])
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "11:00"
