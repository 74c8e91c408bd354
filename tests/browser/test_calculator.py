"""The deadline calculator in Chromium: keyboard only, its working, .ics, errors, Back, axe, no network.

Dates here were worked out by hand over the England calendar (day 0 rules in decision/clocks.yaml);
each test also checks the page says what the deadlines engine says.
"""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import Recorder, axe_violations, recorded_context
from playwright.sync_api import Browser, BrowserContext, Download, Page, expect

from decision.deadlines.clock import deadline
from decision.deadlines.timeline import timeline
from decision.project.deadline_files import load_deadlines

DATA = load_deadlines()

pytestmark = pytest.mark.browser

PAGE = "deadlines/"
BOOT_MS = 150_000  # Pyodide compiles its WebAssembly first: tens of seconds on two slow cores
MAX_TABS = 150
DOWNLOAD_POLLS = 100  # tenths of a second


@pytest.fixture(scope="module")
def wide(browser: Browser, site_url: str) -> Iterator[tuple[Page, Recorder]]:
    """One calculator page at 1280 px, its engine started once for the tests that share it."""
    with recorded_context(browser, "1280px") as (context, recorder):
        yield _open_ready(context, site_url + PAGE), recorder


def _open_ready(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    page.locator(".calc-needs-engine").wait_for(state="hidden", timeout=BOOT_MS)
    return page


def _tab_to(page: Page, selector: str) -> None:
    for _ in range(MAX_TABS):
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{MAX_TABS} presses of Tab did not reach {selector}")


def _type_into_focused(page: Page, text: str) -> None:
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.type(text)


def _calculate_by_keyboard(page: Page, choice: str, day: str, month: str, year: str, time: str = "") -> None:
    """Tab to the list, type the start of an option's name, then each field in turn, then Enter."""
    page.evaluate("() => window.scrollTo(0, 0)")
    _tab_to(page, "#calc-what")
    page.keyboard.type(choice)  # a closed list selects the option whose name starts with what is typed
    for value in (day, month, year, *([time] if time else [])):
        page.keyboard.press("Tab")
        _type_into_focused(page, value)
    _tab_to(page, ".calc-button")  # past a timeline's optional real dates, left empty
    page.keyboard.press("Enter")


def _fill(page: Page, value: str, day: str, month: str, year: str, time: str = "") -> None:
    """Fill in the form (every field, so nothing is left from an earlier test) and press Calculate."""
    page.select_option("#calc-what", value)
    for field, text in (("day", day), ("month", month), ("year", year)):
        page.fill(f"#calc-event-{field}", text)
    if page.locator("#calc-event-time").is_visible():
        page.fill("#calc-event-time", time)
    page.locator(".calc-button").press("Enter")


def _result_shown(page: Page, heading: str) -> None:
    expect(page.locator(".calc-heading")).to_have_text(heading)
    expect(page.locator(".calc-heading")).to_be_focused()


def _clean(recorder: Recorder) -> None:
    assert recorder.problems() == []


def test_national_panel_by_keyboard_works_to_the_earlier_reading(
    wide: tuple[Page, Recorder], site_url: str
) -> None:
    page, recorder = wide
    _calculate_by_keyboard(page, "Notify", "23", "12", "2026")
    _result_shown(page, "Result: Notify the National Panel")
    engine = deadline("national-panel-notification", "2026-12-23", DATA)
    # The KSCMP appendix: Wed 23 Dec is day 1, so day 5 is Sun 27 Dec (calendar days). The guidance:
    # Wed 23 Dec is day 0; working days Thu 24, Tue 29, Wed 30, Thu 31 Dec, Mon 4 Jan.
    assert engine["due_text"] == "By the end of Sunday 27 December 2026"
    assert engine["latest"]["due_text"] == "By the end of Monday 4 January 2027"
    result = page.locator(".calc-result")
    expect(result.locator(".calc-due")).to_have_text(engine["due_text"])
    expect(result.locator(".calc-latest")).to_have_text(
        "At the latest, on the reading that the guidance's 5 working days count the day of knowledge as "
        "day 0: By the end of Monday 4 January 2027"
    )
    assert (
        result.locator(".calc-due").bounding_box()["y"] < result.locator(".calc-latest").bounding_box()["y"]
    )
    working = result.locator(".calc-working").inner_text()
    assert "Sunday 27 December 2026 is not a working day (Sunday)" in working
    conflict = result.locator(".admonition").inner_text()
    assert engine["conflict"] in conflict
    assert engine["latest"]["rule"] in conflict
    link = result.get_by_role("link", name="KN-NOTIFY-5WD").first
    assert link.evaluate("a => a.href") == site_url + "kent/national-panel/#kn-notify-5wd"
    assert page.url.endswith("#clock=national-panel-notification&date=2026-12-23")
    _clean(recorder)


def test_working_days_list_every_day_skipped(wide: tuple[Page, Recorder]) -> None:
    page, recorder = wide
    _fill(page, "clock:alert-response", "23", "12", "2026")
    _result_shown(page, "Result: Social Work Standards Officer's response to an alert")
    working = page.locator(".calc-result .calc-working").inner_text()
    assert "Day 0\nWednesday 23 December 2026" in working
    for skipped in (
        "Friday 25 December 2026: bank holiday, Christmas Day",
        "Saturday 26 December 2026: weekend (Boxing Day)",
        "Sunday 27 December 2026: weekend",
        "Monday 28 December 2026: bank holiday, Boxing Day (observed)",
    ):
        assert skipped in working
    _clean(recorder)


def test_rapid_review_on_its_own_counts_from_the_notification(wide: tuple[Page, Recorder]) -> None:
    page, recorder = wide
    _fill(page, "clock:rapid-review", "4", "1", "2027")
    _result_shown(page, "Result: KSCMP convenes the Rapid Review")
    engine = deadline("rapid-review", "2027-01-04", DATA)
    # 15 calendar days after Mon 4 Jan 2027: Tue 19 Jan (before: 15 working days, Mon 25 Jan).
    assert engine["due_text"] == "By the end of Tuesday 19 January 2027"
    expect(page.locator(".calc-due")).to_have_text(engine["due_text"])
    expect(page.locator(".calc-latest")).to_have_count(0)
    assert "Work out the timeline from that event" in page.locator(".calc-working").inner_text()
    _clean(recorder)


def test_a_real_notification_date_counts_the_rapid_review_from_it(wide: tuple[Page, Recorder]) -> None:
    page, recorder = wide
    page.select_option("#calc-what", "timeline:serious-incident")
    real = "#calc-h-serious-incident-national-panel-notification"
    expect(page.locator(f"{real}-group")).to_be_visible()
    for part, value in (("day", "3"), ("month", "3"), ("year", "2025")):
        page.fill(f"#calc-event-{part}", value)
    for part, value in (("day", "31"), ("month", "2"), ("year", "2025")):
        page.fill(f"{real}-{part}", value)
    page.locator(".calc-button").press("Enter")
    summary = page.locator(".aid-error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("a")).to_have_text(
        ["The National Panel notification is made: the real date, once you know it: The date must be a real "
         "date"]
    )  # fmt: skip
    expect(page.locator(f"{real}-error")).to_contain_text("The date must be a real date")
    expect(page.locator(f"{real}-group")).to_have_class(re.compile(r"\baid-group--error\b"))
    page.fill(f"{real}-day", "10")
    page.fill(f"{real}-month", "3")
    page.locator(".calc-button").press("Enter")
    _result_shown(page, "Result: Serious incident and the National Panel")
    expect(page.locator(f"{real}-error")).to_be_hidden()
    expect(page.locator(".aid-error-summary")).to_have_count(0)
    real_date = {"national-panel-notification": "2025-03-10"}
    steps = {
        step["step"]: step
        for step in timeline("serious-incident", "2025-03-03", DATA, happened=real_date)["steps"]
    }
    rapid = page.locator(".calc-result tbody tr").filter(has_text="KSCMP convenes the Rapid Review")
    assert steps["rapid-review"]["due_text"] == "By the end of Monday 24 March 2025"  # the flowchart's date
    expect(rapid.locator("td").nth(0)).to_contain_text("By the end of Monday 24 March 2025")
    expect(rapid.locator("td").nth(0)).to_contain_text(steps["rapid-review"]["latest"]["latest_text"])
    expect(rapid.locator("td").nth(1)).to_contain_text("the date given for 'Notify the National Panel'")
    assert page.url.endswith(
        "#timeline=serious-incident&date=2025-03-03&real.national-panel-notification=2025-03-10"
    )
    page.reload()
    page.locator(".calc-needs-engine").wait_for(state="hidden", timeout=BOOT_MS)
    expect(page.locator(f"{real}-day")).to_have_value("10")
    _clean(recorder)


def test_return_interview_counts_real_hours_across_the_clock_change(wide: tuple[Page, Recorder]) -> None:
    page, recorder = wide
    _calculate_by_keyboard(page, "Return", "23", "10", "2026", "14:30")
    _result_shown(page, "Result: Return interview after a missing child is found")
    engine = deadline("return-interview", "2026-10-23T14:30", DATA)
    # 14:30 BST is 13:30 UTC; 72 hours on is 13:30 UTC on Monday 26 October, which is GMT by then.
    assert engine["due_text"] == "By 13:30 GMT on Monday 26 October 2026"
    expect(page.locator(".calc-due")).to_have_text(engine["due_text"])
    working = page.locator(".calc-working").inner_text()
    assert "The child is found: 14:30 BST, Friday 23 October 2026" in working
    assert "The clocks go back an hour at 02:00 BST on Sunday 25 October 2026" in working
    assert "How the tools read the source" in working
    assert page.url.endswith("#clock=return-interview&date=2026-10-23&time=14:30")
    _clean(recorder)


def test_surrey_ladder_table_and_ics_download(wide: tuple[Page, Recorder]) -> None:
    page, recorder = wide
    _calculate_by_keyboard(page, "Surrey", "23", "12", "2026")
    _result_shown(page, "Result: Surrey Independent Chair's alert, stage by stage")
    engine = timeline("surrey-iro-alert", "2026-12-23", DATA)
    rows = page.locator(".calc-result tbody tr")
    expect(rows).to_have_count(len(engine["steps"]))
    # Each stage: 5 working days from the day the one before is due; the dispute: 20 from the start.
    dated = {
        "Stage 1: Team Manager or equivalent responds": "Monday 4 January 2027",
        "Stage 2: Service Manager or equivalent responds": "Monday 11 January 2027",
        "Stage 3: Assistant Director or equivalent responds": "Monday 18 January 2027",
        "Whole dispute resolved (IRO Handbook 6.2)": "Monday 25 January 2027",
    }
    for index, step in enumerate(engine["steps"]):
        cells = rows.nth(index).locator("th, td")
        expect(cells.nth(0)).to_have_text(step["label"])
        if step["due"]:
            assert step["due_text"] == f"By the end of {dated[step['label']]}"
            expect(cells.nth(1)).to_have_text(step["due_text"])
        else:
            expect(cells.nth(1)).to_have_text("No timescale")
            expect(cells.nth(2)).to_have_text(step["note"])
    _tab_to(page, ".calc-ics")
    download = _download(page)
    assert download.suggested_filename == "surrey-iro-alert-2026-12-23.ics"
    lines = _ics_lines(Path(download.path()))
    assert [line for line in lines if line.startswith("DTSTART;VALUE=DATE:")] == [
        "DTSTART;VALUE=DATE:20270104",
        "DTSTART;VALUE=DATE:20270111",
        "DTSTART;VALUE=DATE:20270118",
        "DTSTART;VALUE=DATE:20270125",
    ]
    summaries = [
        line.removeprefix("SUMMARY:").replace("\\,", ",") for line in lines if line.startswith("SUMMARY:")
    ]
    assert summaries == list(dated)
    _clean(recorder)


def test_one_timescale_downloads_as_ics_with_both_readings(wide: tuple[Page, Recorder]) -> None:
    page, recorder = wide
    _fill(page, "clock:national-panel-notification", "23", "12", "2026")
    _result_shown(page, "Result: Notify the National Panel")
    page.locator(".calc-ics").focus()
    download = _download(page)
    assert download.suggested_filename == "national-panel-notification-2026-12-23.ics"
    lines = _ics_lines(Path(download.path()))
    assert [line for line in lines if line.startswith(("DTSTART;", "SUMMARY:", "TRIGGER:"))] == [
        "DTSTART;VALUE=DATE:20261227",
        "SUMMARY:Work to: Notify the National Panel",
        "TRIGGER:-PT15H",
        "DTSTART;VALUE=DATE:20270104",
        "SUMMARY:Latest: Notify the National Panel",
        "TRIGGER:-PT15H",
    ]
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "At the latest\\, on the reading that the guidance's 5 working days" in description
    expect(page.locator(".calc-ics-status")).to_have_text("")
    _clean(recorder)


def _download(page: Page) -> Download:
    """Press Enter on the focused download button: the file, or the reason the page gives for none."""
    downloads: list[Download] = []
    page.once("download", lambda download: downloads.append(download))
    page.keyboard.press("Enter")
    status = page.locator(".calc-ics-status")
    for _ in range(DOWNLOAD_POLLS):
        if downloads or status.inner_text():
            break
        page.wait_for_timeout(100)
    assert status.inner_text() == ""
    assert downloads, f"no download within {DOWNLOAD_POLLS / 10} seconds"
    return downloads[0]


def _ics_lines(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8")  # as sent: CRLF line ends
    lines = text.replace("\r\n ", "").split("\r\n")  # RFC 5545: a folded line goes on after CRLF and a space
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2:] == ["END:VCALENDAR", ""]
    return lines


@pytest.mark.parametrize(
    ("day", "month", "year", "message", "field"),
    [
        ("29", "2", "2027", "Date of the event: The date must be a real date", "calc-event-day"),
        ("1", "13", "2026", "Date of the event: The date must be a real date", "calc-event-day"),
        ("first", "1", "2026", "Date of the event: The date must be a real date", "calc-event-day"),
        ("1", "", "", "Date of the event: The date must include a month and year", "calc-event-month"),
        ("1", "1", "26", "Date of the event: The year must include 4 numbers", "calc-event-year"),
        ("", "", "", "Enter the date of the event", "calc-event-day"),
    ],
)
def test_a_bad_date_gets_the_error_summary_naming_the_field(
    wide: tuple[Page, Recorder], day: str, month: str, year: str, message: str, field: str
) -> None:
    page, recorder = wide
    url = page.url
    _fill(page, "clock:alert-response", day, month, year)
    summary = page.locator(".aid-error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("h3")).to_have_text("There is a problem")
    link = summary.get_by_role("link")
    expect(link).to_have_text(message)
    expect(link).to_have_attribute("href", f"#{field}")
    expect(page.locator("#calc-event-error")).to_have_text(f"Error: {message}")
    expect(page.locator("#calc-event-group")).to_have_class(re.compile(r"\baid-group--error\b"))
    expect(page.locator(".calc-result")).to_be_hidden()
    assert page.url == url  # nothing wrong goes into the history
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator(f"#{field}")).to_be_focused()
    _clean(recorder)


def test_a_date_outside_the_bank_holiday_data_gets_the_engines_message(wide: tuple[Page, Recorder]) -> None:
    page, recorder = wide
    calendar = load_deadlines().calendar
    year = calendar.last_year + 1
    _fill(page, "clock:alert-response", "1", "1", str(year))
    message = (
        f"Date of the event: {year}-01-01 is outside the years the bank holiday data covers "
        f"({calendar.first_year} to {calendar.last_year})"
    )
    expect(page.locator(".aid-error-summary")).to_be_focused()
    expect(page.locator(".aid-error-summary a")).to_have_text(message)
    _clean(recorder)


def test_missing_choice_and_time_are_named(wide: tuple[Page, Recorder]) -> None:
    page, recorder = wide
    _fill(page, "", "", "", "")
    expect(page.locator(".aid-error-summary a")).to_have_text(
        ["Select a timescale or timeline", "Enter the date of the event"]
    )
    _fill(page, "clock:joint-agency-response", "2", "3", "2027")
    expect(page.locator(".aid-error-summary a")).to_have_text(
        ["Time of the event: Enter the time as well: this timescale counts hours"]
    )
    expect(page.locator(".aid-error-summary a")).to_have_attribute("href", "#calc-event-time")
    _fill(page, "clock:joint-agency-response", "2", "3", "2027", "25:00")
    expect(page.locator(".aid-error-summary a")).to_have_text(
        ["Time of the event: Enter the time using the 24-hour clock, for example 14:30"]
    )
    _clean(recorder)


def test_back_and_forward_show_the_results_in_the_link(wide: tuple[Page, Recorder]) -> None:
    page, recorder = wide
    _fill(page, "clock:alert-response", "23", "12", "2026")
    _result_shown(page, "Result: Social Work Standards Officer's response to an alert")
    # Day 0 Wed 23 Dec; working days Thu 24, Tue 29, Wed 30 Dec.
    expect(page.locator(".calc-due")).to_have_text("By the end of Wednesday 30 December 2026")
    _fill(page, "timeline:child-placed", "1", "4", "2027")
    _result_shown(page, "Result: Child in care placed with carers")
    page.go_back()
    _result_shown(page, "Result: Social Work Standards Officer's response to an alert")
    expect(page.locator("#calc-what")).to_have_value("clock:alert-response")
    expect(page.locator("#calc-event-day")).to_have_value("23")
    page.go_forward()
    _result_shown(page, "Result: Child in care placed with carers")
    # 3 calendar days from Thu 1 Apr 2027: Sun 4 Apr; then every 4 weeks: Sun 2 May.
    expect(page.locator(".calc-result tbody tr td:nth-child(2)")).to_have_text(
        ["By the end of Sunday 4 April 2027", "By the end of Sunday 2 May 2027"]
    )
    _clean(recorder)


def test_a_shared_link_opens_with_its_result(browser: Browser, site_url: str) -> None:
    with recorded_context(browser, "1280px") as (context, recorder):
        page = _open_ready(context, f"{site_url}{PAGE}#timeline=serious-incident&date=2026-12-23")
        expect(page.locator(".calc-heading")).to_have_text("Result: Serious incident and the National Panel")
        expect(page.locator("#calc-what")).to_have_value("timeline:serious-incident")
        engine = timeline("serious-incident", "2026-12-23", DATA)
        table = page.locator(".calc-result table").inner_text()
        for step in engine["steps"]:
            assert step["due_text"] in table
        for step in engine["steps"]:
            if step["latest"]:
                assert step["latest"]["latest_text"] in table
        # A link edited by hand to a date that does not exist: the form shows it, with the problem named.
        page.goto(f"{site_url}{PAGE}#clock=alert-response&date=2027-02-29")
        expect(page.locator(".aid-error-summary a")).to_have_text(
            "Date of the event: The date must be a real date"
        )
        expect(page.locator("#calc-what")).to_have_value("clock:alert-response")
        expect(page.locator("#calc-event-day")).to_have_value("29")
        expect(page.locator(".calc-result")).to_be_hidden()
        _clean(recorder)


def test_axe_finds_nothing_when_empty_in_error_and_with_results(browser: Browser, site_url: str) -> None:
    with recorded_context(browser, "390px") as (context, recorder):
        page = _open_ready(context, site_url + PAGE)
        found = _axe_both_widths(page, "empty form")
        _fill(page, "clock:alert-response", "29", "2", "2027")
        expect(page.locator(".aid-error-summary")).to_be_focused()
        found += _axe_both_widths(page, "error summary")
        _fill(page, "clock:national-panel-notification", "23", "12", "2026")
        _result_shown(page, "Result: Notify the National Panel")
        found += _axe_both_widths(page, "clock result")
        _fill(page, "timeline:serious-incident", "23", "12", "2026")
        _result_shown(page, "Result: Serious incident and the National Panel")
        found += _axe_both_widths(page, "timeline result")
        _clean(recorder)
    assert found == [], "\n".join(found)


def _axe_both_widths(page: Page, state: str) -> list[str]:
    found = []
    for width, height in ((390, 844), (1280, 800)):
        page.set_viewport_size({"width": width, "height": height})
        found += [f"{state} at {width}px: {violation}" for violation in axe_violations(page)]
    return found


def test_a_failed_engine_says_why_and_keeps_the_tables(browser: Browser, site_url: str) -> None:
    with recorded_context(browser, "1280px") as (context, _):
        context.route("**/assets/aid/engine.mjs", lambda route: route.fulfill(status=404, body="missing"))
        page = context.new_page()
        page.goto(site_url + PAGE, wait_until="load")
        status = page.locator(".calc-status")
        expect(status).to_contain_text("The calculator could not start:")
        expect(status).to_contain_text("engine.mjs")
        expect(page.locator(".calc-needs-engine")).to_be_visible()
        expect(page.locator("#calc-every-clock")).to_be_visible()


def test_without_javascript_the_note_and_the_tables_are_there(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PAGE, wait_until="load")
        expect(page.locator(".calc-needs-engine")).to_be_visible()
        expect(page.locator(".calc-needs-engine")).to_contain_text("needs JavaScript")
        clocks = len(load_deadlines().book.clocks)
        timelines = len(load_deadlines().book.timelines)
        expect(page.locator(".calc-table tbody tr")).to_have_count(clocks + timelines)
        expect(page.locator(".calc-table tbody tr").first).to_be_visible()
    finally:
        context.close()


def test_pages_without_the_calculator_do_not_load_it_or_pyodide(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    with_script = sorted(
        html.relative_to(built_site).as_posix()
        for html in built_site.rglob("*.html")
        if "calculator/calculator.mjs" in html.read_text(encoding="utf-8")
    )
    assert with_script == ["deadlines/index.html"]
    with recorded_context(browser, "1280px") as (context, recorder):
        page = context.new_page()
        page.goto(site_url, wait_until="networkidle")
        loaded = [
            url for url in recorder.requests if "pyodide" in url or "calculator.mjs" in url or "engine" in url
        ]
        assert loaded == []
        _clean(recorder)
