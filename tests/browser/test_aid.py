"""A decision aid in Chromium: Change, Back, shared links, answering early, no JavaScript, no Pyodide,
the decision record, instant navigation, and axe on every state. Every test fails on a non-local request."""

from collections.abc import Iterator

import pytest
from aid_keys import STEP_TIMEOUT, answer, continue_, focused, press_and_wait, tab_to, wait_for_step
from browsing import VIEWPORTS, Recorder, axe_violations, recorded_context, settled_axe_violations
from playwright.sync_api import Browser, BrowserContext, Page, Route

from decision.project.rulebook import Project, load_tree

pytestmark = pytest.mark.browser

PANEL = load_tree(Project(), "national-panel")
NOT_MET = "what-happened=child-harmed&where-it-happened=in-kent&abuse-or-neglect=no&learning-for-service=no"


@pytest.fixture(scope="module")
def shared(browser: Browser) -> Iterator[tuple[BrowserContext, Recorder]]:
    with recorded_context(browser) as (context, recorder):
        yield context, recorder


def step_state(page: Page) -> tuple[str | None, str | None, str | None]:
    step = page.locator(".aid-step")
    return (
        step.get_attribute("data-status"),
        step.get_attribute("data-question"),
        step.get_attribute("data-outcome"),
    )


def test_change_from_check_your_answers_then_back_and_reload(shared, site_url: str) -> None:
    context, recorder = shared
    page = context.new_page()
    page.goto(f"{site_url}aids/national-panel/#{NOT_MET}")
    wait_for_step(page, '[data-status="check"]')
    tab_to(page, '.aid-step a[href$="show=abuse-or-neglect"]')  # Change: Is abuse or neglect known...
    press_and_wait(page)
    assert step_state(page) == ("question", "abuse-or-neglect", None)
    assert page.locator('.aid-step input[value="no"]').is_checked()  # the answer given, ready to change
    answer(page, PANEL.questions["abuse-or-neglect"], "yes")
    assert step_state(page) == ("question", "harm-seriousness", None)  # the new answer asks more
    assert "learning-for-service" not in page.url  # the answer off the new path is gone
    page.go_back()
    wait_for_step(page, '[data-question="abuse-or-neglect"]')
    page.go_back()
    wait_for_step(page, '[data-status="check"]')
    assert page.url.endswith(NOT_MET)
    tab_to(page, ".aid-step a.aid-back")  # the Back link shows the last question with its answer
    press_and_wait(page)
    assert step_state(page) == ("question", "learning-for-service", None)
    assert page.locator('.aid-step input[value="no"]').is_checked()
    shared_link = page.url
    page.reload()
    wait_for_step(page, '[data-question="learning-for-service"]')
    assert page.url == shared_link and page.locator('.aid-step input[value="no"]').is_checked()
    page.close()
    assert recorder.problems() == []


def test_an_answer_given_before_the_engine_is_ready_is_applied(shared, site_url: str) -> None:
    context, recorder = shared
    page = context.new_page()
    held: list[Route] = []
    page.route(
        "**/assets/aid/engine-worker.mjs", lambda route: held.append(route)
    )  # the engine cannot start yet
    page.goto(f"{site_url}aids/national-panel/")
    answer_first = PANEL.questions["what-happened"]
    tab_to(page, ".aid-step input[type=radio]")
    page.keyboard.press("Space")
    tab_to(page, '.aid-step button[type="submit"]')
    page.keyboard.press("Enter")
    status = page.locator(".aid-status")
    assert "saved" in status.inner_text() and held  # queued while the worker's script is held back
    assert step_state(page) == ("question", answer_first.id, None)
    held[0].continue_()
    wait_for_step(page, '[data-question="where-it-happened"]')
    assert page.url.endswith("#what-happened=child-died")
    assert status.inner_text() == ""
    page.close()
    assert recorder.problems() == []


def test_copy_as_text_gives_the_decision_record(shared, site_url: str) -> None:
    context, recorder = shared
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(f"{site_url}aids/national-panel/#{NOT_MET}&show=outcome")
    wait_for_step(page, '[data-outcome="panel-not-met"]')
    tab_to(page, ".aid-step button[data-aid-copy]")
    page.keyboard.press("Enter")
    page.locator(".aid-copy-status").filter(has_text="Copied").wait_for(timeout=STEP_TIMEOUT)
    text = page.evaluate("navigator.clipboard.readText()")
    assert text.startswith(f"Decision record: {PANEL.title}\n")
    assert PANEL.outcomes["panel-not-met"].decision in text
    assert "- Is abuse or neglect known or suspected? No [KN-S16C]" in text
    assert "Rules version: " in text and page.url in text
    page.close()
    assert recorder.problems() == []


def test_plain_pages_load_no_engine_and_instant_navigation_starts_the_aid(shared, site_url: str) -> None:
    context, recorder = shared
    page = context.new_page()
    before = len(recorder.requests)
    page.goto(f"{site_url}aids/", wait_until="networkidle")
    assert not [url for url in recorder.requests[before:] if "/assets/pyodide/" in url or "engine" in url]
    page.evaluate("window.loadedAt = 'aids'")  # a full page load would forget this
    # The link in the page's text: the navigation also lists the tree's rules review under this name.
    page.locator("article").get_by_role("link", name=PANEL.title).first.click()
    page.wait_for_url("**/aids/national-panel/")
    assert page.evaluate("window.loadedAt") == "aids"  # the theme swapped the page in
    answer(page, PANEL.questions["what-happened"], "child-harmed")
    assert step_state(page) == ("question", "where-it-happened", None)
    page.get_by_role("link", name="After a National Panel notification").first.click()
    page.wait_for_url("**/kent/national-panel/")
    assert page.evaluate("window.loadedAt") == "aids"
    answer(page, PANEL.questions["what-happened"], "care-leaver-died")  # the aid on the guidance page
    assert step_state(page) == ("question", "care-leaver-date-of-death", None)
    assert page.locator(".aid-step h3.aid-heading").count() == 1  # under "## Use the decision aid"
    page.close()
    assert recorder.problems() == []


def test_without_javascript_the_notice_and_the_text_version_show(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["1280px"])
    recorder = Recorder()
    context.on("request", recorder.on_request)
    page = context.new_page()
    page.goto(f"{site_url}aids/national-panel/")
    assert page.locator(".aid-step legend").is_hidden()  # its Continue button could not work
    assert page.locator(".aid-no-js").is_visible()
    assert page.locator(".aid-text").get_attribute("open") == ""
    for outcome in PANEL.outcomes.values():
        heading = page.locator(f"#aid-national-panel-node-{outcome.id}")
        assert heading.is_visible() and outcome.decision in heading.inner_text()
    context.close()
    assert recorder.foreign_requests() == []


def test_without_pyodide_the_reason_and_the_text_version_show(browser: Browser, site_url: str) -> None:
    with recorded_context(browser) as (context, recorder):
        context.route("**/assets/pyodide/**", lambda route: route.fulfill(status=404, body="gone"))
        page = context.new_page()
        page.goto(f"{site_url}aids/national-panel/")
        status = page.locator(".aid-status.aid-status--error")
        status.wait_for(timeout=STEP_TIMEOUT)
        assert "could not start" in status.inner_text() and "/assets/pyodide/" in status.inner_text()
        assert page.locator(".aid-text").get_attribute("open") == ""
        assert page.locator(".aid-text__body").is_visible()
    failed = [error for error in recorder.errors if "404" not in error and "pyodide" not in error]
    assert failed == [] and recorder.foreign_requests() == []


@pytest.mark.parametrize(("viewport", "scheme"), [("1280px", "light"), ("390px", "dark")])
def test_axe_finds_nothing_on_any_state(browser: Browser, site_url: str, viewport: str, scheme: str) -> None:
    found = {}
    with recorded_context(browser, viewport, scheme) as (context, recorder):
        page = context.new_page()
        page.goto(f"{site_url}aids/national-panel/")
        found["question"] = axe_violations(page)
        tab_to(page, '.aid-step button[type="submit"]')
        press_and_wait(page)  # nothing chosen: the error summary takes the focus
        assert focused(page, ".aid-error-summary")
        found["error"] = settled_axe_violations(page)
        # On by keyboard from step to step: the focus stays in the aid, away from the theme's tooltips.
        for answer_ in NOT_MET.split("&"):
            question_id, value = answer_.split("=")
            answer(page, PANEL.questions[question_id], value)
        assert step_state(page) == ("check", None, None)
        found["check"] = axe_violations(page)
        continue_(page)
        wait_for_step(page, '[data-outcome="panel-not-met"]')
        found["outcome"] = axe_violations(page)
    assert found == {state: [] for state in found}
    assert recorder.problems() == []
