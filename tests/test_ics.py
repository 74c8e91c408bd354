"""The iCalendar export (RFC 5545): line endings and folding, events, time zone, and no personal data."""

import re
from datetime import UTC, datetime

import pytest

from decision.deadlines.ics import to_ics
from decision.deadlines.timeline import timeline
from decision.project.deadline_files import load_deadlines

DATA = load_deadlines()

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def unfold(text: str) -> list[str]:
    """The logical content lines: CRLF followed by a space continues the line before."""
    assert text.endswith("\r\n")
    return text[:-2].replace("\r\n ", "").split("\r\n")


def events(lines: list[str]) -> list[dict]:
    """Each VEVENT's properties, with its VALARMs' properties as a list under "alarms"."""
    found, event, alarm = [], None, None
    for line in lines:
        if line == "BEGIN:VEVENT":
            event = {"alarms": []}
        elif line == "END:VEVENT":
            found.append(event)
            event = None
        elif line == "BEGIN:VALARM":
            alarm = {}
        elif line == "END:VALARM":
            event["alarms"].append(alarm)
            alarm = None
        elif event is not None:
            name, value = line.split(":", 1)
            (alarm if alarm is not None else event)[name] = value
    return found


@pytest.fixture(scope="module")
def incident() -> dict:
    return timeline("serious-incident", "2026-03-13", DATA, today=NOW.date())


def test_lines_end_in_crlf_and_fold_at_75_octets(incident):
    text = to_ics(incident, DATA, now=NOW)
    physical = text.split("\r\n")[:-1]
    assert "\n" not in "".join(physical)
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert any(line.startswith(" ") for line in physical), "the descriptions are long enough to fold"
    lines = unfold(text)
    assert lines[:5] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Kent Surrey Rutland alert procedures//Deadline clocks//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    assert lines[-1] == "END:VCALENDAR"


def test_folding_never_splits_a_multibyte_character(incident):
    result = {**incident, "steps": [{**incident["steps"][0], "label": "Réponse " * 30}]}
    text = to_ics(result, DATA, now=NOW)
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
        line.encode("utf-8").decode("utf-8")
    assert "SUMMARY:" + "Réponse " * 30 in unfold(text)


def test_day_deadlines_are_all_day_events_with_uid_and_stamp(incident):
    found = events(unfold(to_ics(incident, DATA, now=NOW)))
    assert len(found) == 10  # 6 steps, 4 of them with a work-to date and a latest date
    notify = next(event for event in found if event["SUMMARY"] == "Work to: Notify the National Panel")
    assert notify["DTSTART;VALUE=DATE"] == "20260317"
    assert notify["DTEND;VALUE=DATE"] == "20260318"
    assert notify["DTSTAMP"] == "20261124T093000Z"
    assert notify["DESCRIPTION"].startswith("By the end of Tuesday 17 March 2026")
    assert "At the latest\\, on the reading that the guidance's 5 working days" in notify["DESCRIPTION"]
    assert "Clauses: KN-NOTIFY-5WD\\, KN-FLOW-TIMELINE" in notify["DESCRIPTION"]
    latest = next(event for event in found if event["SUMMARY"] == "Latest: Notify the National Panel")
    assert latest["DTSTART;VALUE=DATE"] == "20260320"
    assert latest["DESCRIPTION"].startswith("By the end of Friday 20 March 2026")
    assert len({event["UID"] for event in found}) == 10


def test_every_event_reminds_the_day_before_and_an_hour_clock_hours_before_too(incident):
    # An all-day event starts at midnight: 15 hours before is 09:00 the day before.
    for event in events(unfold(to_ics(incident, DATA, now=NOW))):
        assert event["alarms"] == [
            {"ACTION": "DISPLAY", "DESCRIPTION": event["SUMMARY"], "TRIGGER": "-PT15H"}
        ]
    (timed,) = events(
        unfold(to_ics(timeline("child-found", "2026-03-28T10:00", DATA, today=NOW.date()), DATA, now=NOW))
    )
    assert [alarm["TRIGGER"] for alarm in timed["alarms"]] == ["-P1D", "-PT3H"]


def test_hour_deadlines_are_timed_events_in_europe_london():
    result = timeline("child-found", "2026-03-28T10:00", DATA, today=NOW.date())
    lines = unfold(to_ics(result, DATA, now=NOW))
    (event,) = events(lines)
    assert event["DTSTART;TZID=Europe/London"] == "20260331T110000"
    assert "DTEND;VALUE=DATE" not in event
    zone = lines[lines.index("BEGIN:VTIMEZONE") : lines.index("END:VTIMEZONE") + 1]
    assert "TZID:Europe/London" in zone
    spring = zone.index("DTSTART:20260329T010000")
    assert zone[spring - 1 : spring + 5] == [
        "BEGIN:DAYLIGHT",
        "DTSTART:20260329T010000",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "TZNAME:BST",
        "END:DAYLIGHT",
    ]
    autumn = zone.index("DTSTART:20261025T020000")
    assert zone[autumn + 1 : autumn + 4] == ["TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT"]


def test_stages_without_a_timescale_are_left_out():
    result = timeline("surrey-iro-alert", "2026-12-21", DATA, today=NOW.date())
    summaries = [event["SUMMARY"] for event in events(unfold(to_ics(result, DATA, now=NOW)))]
    assert len(summaries) == 4
    assert not any("Stage 4" in summary for summary in summaries)


def test_only_clock_names_rules_and_dates_go_in_the_file(incident):
    lines = unfold(to_ics(incident, DATA, now=NOW))
    names = {re.split("[:;]", line, maxsplit=1)[0] for line in lines}
    assert names <= {
        "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "TZID", "DTSTART", "DTEND",
        "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "UID", "DTSTAMP", "SUMMARY", "DESCRIPTION", "TRANSP",
        "ACTION", "TRIGGER",
    }  # fmt: skip
    summaries = [event["SUMMARY"] for event in events(lines)]
    assert summaries == [
        summary
        for step in incident["steps"]
        for summary in (
            [f"Work to: {step['label']}", f"Latest: {step['label']}"] if step["latest"] else [step["label"]]
        )
    ]
