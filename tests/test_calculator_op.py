"""The deadline calculator's ops in the engine (decision/aid/browser.py `calculate`, `calculator_ics`),
run on CPython: the result drawn from the form or a link, every problem named by field and value."""

import json
import re
from html import unescape

import pytest
from aid_bundle import project_bundle

from decision.aid import browser
from decision.deadlines.clock import deadline
from decision.deadlines.timeline import timeline

BUNDLE = project_bundle()
DATA = BUNDLE.deadlines
REAL = "h-serious-incident-national-panel-notification"  # the real date of the notification, in the form
NOT_REAL = "Date of the event: The date must be a real date"
NOT_TEXT = "'fields' must map the form's field names to text, not "


def call(**request: object) -> dict:
    return json.loads(browser.answer(BUNDLE, json.dumps(request)))


def form(what: str, day: str = "", month: str = "", year: str = "", time: str = "", **more: str) -> dict:
    fields = {"what": what, "event-day": day, "event-month": month, "event-year": year, "event-time": time}
    return call(op="calculate", base="../", level=3, fields={**fields, **more})


def link(fragment: str) -> dict:
    return call(op="calculate", base="../", level=3, fragment=fragment)


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_a_clock_gives_its_work_to_date_first_and_the_latest_under_it() -> None:
    response = form("clock:national-panel-notification", "23", "12", "2026")
    engine = deadline("national-panel-notification", "2026-12-23", DATA)
    assert response["fragment"] == "clock=national-panel-notification&date=2026-12-23"
    assert (response["errors"], response["messages"]) == ("", {})
    html = response["html"]
    assert '<h3 class="calc-heading" tabindex="-1">Result: Notify the National Panel</h3>' in html
    due = html.index(f'<p class="calc-due">{engine["due_text"]}</p>')
    assert engine["due_text"] == "By the end of Sunday 27 December 2026"
    assert due < html.index('<p class="calc-latest">')
    assert unescape(engine["latest"]["latest_text"]) in text(html)
    assert '<a href="../kent/national-panel/#kn-notify-5wd">KN-NOTIFY-5WD</a>' in html
    assert 'class="md-button calc-ics"' in html


def test_working_days_name_every_day_not_counted() -> None:
    working = text(form("clock:alert-response", "23", "12", "2026")["html"])
    assert "Day 0 Wednesday 23 December 2026" in working
    # A weekday holiday, a holiday at a weekend, a plain weekend day: each worded as what it is.
    assert "Friday 25 December 2026: bank holiday, Christmas Day" in working
    assert "Saturday 26 December 2026: weekend (Boxing Day)" in working
    assert "Sunday 27 December 2026: weekend Monday 28 December 2026" in working


def test_an_hours_clock_takes_the_time_and_keeps_it_in_the_link() -> None:
    response = form("clock:return-interview", "23", "10", "2026", "14.30")
    assert response["fragment"] == "clock=return-interview&date=2026-10-23&time=14:30"
    assert "By 13:30 GMT on Monday 26 October 2026" in response["html"]


def test_a_time_typed_for_a_day_clock_is_left_out() -> None:
    response = form("clock:alert-response", "23", "12", "2026", "99:99")
    assert response["fragment"] == "clock=alert-response&date=2026-12-23"


def test_a_real_date_counts_the_later_steps_from_it() -> None:
    response = form(
        "timeline:serious-incident",
        "3",
        "3",
        "2025",
        **{f"{REAL}-day": "10", f"{REAL}-month": "3", f"{REAL}-year": "2025"},
    )
    assert response["fragment"] == (
        "timeline=serious-incident&date=2025-03-03&real.national-panel-notification=2025-03-10"
    )
    steps = timeline(
        "serious-incident", "2025-03-03", DATA, happened={"national-panel-notification": "2025-03-10"}
    )
    rapid = next(step for step in steps["steps"] if step["step"] == "rapid-review")
    assert rapid["due_text"] == "By the end of Monday 24 March 2025"
    row = re.search(r"<tr><th scope=\"row\">KSCMP convenes the Rapid Review</th>(.*?)</tr>", response["html"])
    assert row and rapid["due_text"] in row.group(1)
    assert "the date given for &#x27;Notify the National Panel&#x27;" in row.group(1)


def test_a_link_fills_the_form_and_gives_the_same_result_as_the_form() -> None:
    fragment = "timeline=serious-incident&date=2025-03-03&real.national-panel-notification=2025-03-10"
    opened = link(fragment)
    shown = {name: value for name, value in opened["form"].items() if value}
    assert shown == {
        "what": "timeline:serious-incident",
        "event-day": "3",
        "event-month": "3",
        "event-year": "2025",
        f"{REAL}-day": "10",
        f"{REAL}-month": "3",
        f"{REAL}-year": "2025",
    }
    submitted = call(op="calculate", base="../", level=3, fields=opened["form"])
    assert (opened["fragment"], opened["html"]) == (fragment, submitted["html"])


def test_an_empty_link_empties_the_form_and_shows_nothing() -> None:
    opened = link("")
    assert (opened["html"], opened["errors"], opened["fragment"]) == ("", "", "")
    assert set(opened["form"].values()) == {""}
    assert f"{REAL}-day" in opened["form"]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"day": "29", "month": "2", "year": "2027"}, "event-day", NOT_REAL),
        ({"day": "first", "month": "1", "year": "2026"}, "event-day", NOT_REAL),
        ({"day": "1"}, "event-month", "Date of the event: The date must include a month and year"),
        ({"day": "1", "month": "1", "year": "26"}, "event-year", "Date of the event: The year must include 4 "
         "numbers"),
        ({}, "event-day", "Enter the date of the event"),
    ],
)  # fmt: skip
def test_a_bad_date_is_named_by_field_in_the_summary_and_beside_it(
    fields: dict, field: str, message: str
) -> None:
    response = form("clock:alert-response", **fields)
    assert (response["html"], response["fragment"]) == ("", None)
    assert response["error"] == {"field": field, "message": message}
    assert f'<li><a href="#calc-{field}">{message}</a></li>' in response["errors"]
    assert '<h3 class="aid-error-summary__title"' in response["errors"]
    assert response["messages"] == {
        "calc-event-error": f'<span class="aid-visually-hidden">Error: </span>{message}'
    }


def test_nothing_chosen_and_no_date_are_both_named_in_the_order_of_the_form() -> None:
    response = form("")
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', response["errors"])
    assert links == [
        ("calc-what", "Select a timescale or timeline"),
        ("calc-event-day", "Enter the date of the event"),
    ]
    assert set(response["messages"]) == {"calc-what-error", "calc-event-error"}


@pytest.mark.parametrize(
    ("time", "message"),
    [
        ("", "Time of the event: Enter the time as well: this timescale counts hours"),
        ("25:00", "Time of the event: Enter the time using the 24-hour clock, for example 14:30"),
        ("half two", "Time of the event: Enter the time using the 24-hour clock, for example 14:30"),
    ],
)
def test_an_hours_clock_names_a_missing_or_wrong_time(time: str, message: str) -> None:
    response = form("clock:joint-agency-response", "2", "3", "2027", time)
    assert response["error"] == {"field": "event-time", "message": message}
    assert set(response["messages"]) == {"calc-event-time-error"}


def test_a_wrong_real_date_names_its_step() -> None:
    response = form(
        "timeline:serious-incident",
        "3",
        "3",
        "2025",
        **{f"{REAL}-day": "31", f"{REAL}-month": "2", f"{REAL}-year": "2025"},
    )
    assert response["error"] == {
        "field": f"{REAL}-day",
        "message": "The National Panel notification is made: the real date, once you know it: "
        "The date must be a real date",
    }
    assert set(response["messages"]) == {f"calc-{REAL}-error"}


def test_a_real_date_left_empty_is_a_step_not_yet_happened() -> None:
    response = form("timeline:serious-incident", "3", "3", "2025", **{f"{REAL}-day": " "})
    assert response["fragment"] == "timeline=serious-incident&date=2025-03-03"


def test_the_engines_word_on_a_date_names_the_date() -> None:
    last = DATA.calendar.last_year
    response = form("clock:alert-response", "1", "1", str(last + 1))
    assert response["error"] == {
        "field": "event-day",
        "message": f"Date of the event: {last + 1}-01-01 is outside the years the bank holiday data covers "
        f"({DATA.calendar.first_year} to {last})",
    }
    early = form(
        "timeline:serious-incident",
        "3",
        "3",
        "2025",
        **{f"{REAL}-day": "1", f"{REAL}-month": "3", f"{REAL}-year": "2025"},
    )
    assert "before the event, Monday 3 March 2025" in early["error"]["message"]


@pytest.mark.parametrize(
    ("fragment", "message"),
    [
        ("clock=no-such-clock&date=2026-12-23", "Select a timescale or timeline"),
        ("clock=alert-response&date=2026-13-01", NOT_REAL),
        ("clock=alert-response&date=23-12-2026", "Enter the date of the event"),
    ],
)
def test_a_link_with_something_wrong_shows_it_as_a_typed_form_would(fragment: str, message: str) -> None:
    opened = link(fragment)
    assert opened["error"]["message"] == message
    assert opened["html"] == ""


def test_a_calendar_file_for_a_clock_has_both_readings_and_a_name() -> None:
    made = call(op="calculator_ics", fragment="clock=national-panel-notification&date=2026-12-23")
    assert made["file"] == "national-panel-notification-2026-12-23.ics"
    assert re.findall(r"DTSTART;VALUE=DATE:(\d+)", made["text"]) == ["20261227", "20270104"]


def test_a_calendar_file_for_a_timeline_uses_its_real_dates() -> None:
    fragment = "timeline=serious-incident&date=2025-03-03&real.national-panel-notification=2025-03-10"
    made = call(op="calculator_ics", fragment=fragment)
    assert made["file"] == "serious-incident-2025-03-03.ics"
    assert "DTSTART;VALUE=DATE:20250324" in made["text"]  # the Rapid Review, from the real notification


@pytest.mark.parametrize(
    ("request_", "says"),
    [
        ({"fields": ["what"]}, NOT_TEXT + "[\"what\"]"),
        ({"fields": {"event-day": 23}}, NOT_TEXT + "{\"event-day\": 23}"),
        ({"fragment": None}, "'fragment' must be text, not null"),
        ({"fields": {}, "level": 9}, "'level' must be a heading level from 1 to 5, not 9"),
    ],
)  # fmt: skip
def test_a_request_the_calculator_cannot_use_is_named(request_: dict, says: str) -> None:
    response = call(**{"op": "calculate", "base": "../", "level": 3, **request_})
    assert response == {"error": {"message": says}}


def test_a_calendar_file_for_a_bad_link_says_what_is_wrong() -> None:
    response = call(op="calculator_ics", fragment="clock=alert-response&date=2026-02-30")
    assert response == {"error": {"message": "Date of the event: The date must be a real date"}}
