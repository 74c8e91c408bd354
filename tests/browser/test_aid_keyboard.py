"""A decision aid by keyboard on a phone-width screen, and without JavaScript: the skip link, focus stops
that are on screen, browser Back, errors that name the question, and a no-JavaScript page that leads with
the text version. Axe checks every state these tests reach, at both widths and in both colour schemes."""

import pytest
from aid_bundle import fragment_of, golden_paths
from aid_keys import answer, focused, press_and_wait, tab_to, wait_for_step
from browsing import axe_violations, recorded_context, settled_axe_violations
from playwright.sync_api import Browser, Page
from test_site_focus import FOCUS_STATE

from decision.aid import outcome_dates
from decision.aid.wording import say
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, load_tree, tree_ids

pytestmark = pytest.mark.browser

TREES = tree_ids(Project())
# Both widths, both colour schemes: where axe runs on the states these tests reach.
EVERY_VIEW = [("390px", "light"), ("390px", "dark"), ("1280px", "light"), ("1280px", "dark")]
FIRST_ANSWER = ".aid-step input"
FEW_PRESSES = 4  # after the skip link: the heading's permalink, a link in the page's introduction, the answer
# Each focus stop as it takes the focus, before anything the page does in answer to it: the theme opens
# search when its box takes the focus, so the box must never take it while hidden. (The navigation
# drawer also opens on focus, by design: test_site_focus checks every stop once the page has settled.)
RECORD_FOCUS = f"""() => {{
  const state = {FOCUS_STATE};
  window.focusLog = [];
  addEventListener("focus", () => focusLog.push({{
    ...state(),
    searchBox: document.activeElement.matches(".md-search__input"),
    searchButton: document.activeElement.matches(".md-header__button[for='__search']"),
    searchClosed: !document.getElementById("__search").checked,
  }}), true);
}}"""


def _presses_to(page: Page, selector: str, limit: int = 200) -> int:
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


@pytest.mark.parametrize("tree_id", TREES)
def test_skip_link_is_the_first_stop_and_leads_to_the_first_answer(
    browser: Browser, site_url: str, tree_id: str
) -> None:
    with recorded_context(browser, "390px") as (context, recorder):
        page = context.new_page()
        page.goto(f"{site_url}aids/{tree_id}/")
        page.keyboard.press("Tab")
        assert focused(page, ".md-skip") and page.locator(".md-skip").inner_text() == "Skip to content"
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.hash !== ''")
        presses = _presses_to(page, FIRST_ANSWER)
        page.close()
    assert presses <= FEW_PRESSES
    assert recorder.problems() == []


def test_the_hidden_search_box_is_no_focus_stop_and_its_button_opens_it(
    browser: Browser, site_url: str
) -> None:
    with recorded_context(browser, "390px") as (context, recorder):
        page = context.new_page()
        page.goto(f"{site_url}aids/alert/")
        page.evaluate(RECORD_FOCUS)
        _presses_to(page, FIRST_ANSWER)
        stops = page.evaluate("focusLog")
        # The search box is reached through the header's search button, which opens it.
        search = page.locator('.md-header label.md-header__button[for="__search"]')
        search.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.matches('.md-search__input')")
        page.close()
    assert [stop["name"] for stop in stops if stop["searchBox"] and stop["searchClosed"]] == []
    assert [stop["visible"] for stop in stops if stop["searchButton"]] == [True]
    assert recorder.problems() == []


def test_browser_back_shows_the_earlier_question_with_its_answer(browser: Browser, site_url: str) -> None:
    tree = load_tree(Project(), "national-panel")
    with recorded_context(browser, "390px") as (context, recorder):
        page = context.new_page()
        page.goto(f"{site_url}aids/national-panel/")
        answer(page, tree.questions["what-happened"], "child-harmed")
        answer(page, tree.questions["where-it-happened"], "in-kent")
        page.go_back()
        wait_for_step(page, '[data-question="where-it-happened"]')
        assert page.locator('.aid-step input[value="in-kent"]').is_checked()
        page.go_back()
        wait_for_step(page, '[data-question="what-happened"]')
        assert page.locator('.aid-step input[value="child-harmed"]').is_checked()
        page.go_forward()
        wait_for_step(page, '[data-question="where-it-happened"]')
        page.close()
    assert recorder.problems() == []


def _dates_outcome() -> tuple[str, str, str]:
    """A national-panel outcome whose first clock start takes a date with an optional time: its fragment,
    outcome id and start id."""
    tree = load_tree(Project(), "national-panel")
    for path in golden_paths("national-panel"):
        plans = outcome_dates.plans(tree.outcomes[path["outcome"]], load_deadlines())
        if plans and not plans[0].needs_time:
            return f"{fragment_of(path['answers'])}&show=outcome", path["outcome"], plans[0].id
    raise AssertionError("no national-panel outcome has a clock counted in days")


@pytest.mark.parametrize(("viewport", "scheme"), EVERY_VIEW)
def test_errors_name_the_question_and_mark_only_the_boxes_at_fault(
    browser: Browser, site_url: str, viewport: str, scheme: str
) -> None:
    tree = load_tree(Project(), "national-panel")
    question = tree.questions[tree.start]
    fragment, outcome_id, start = _dates_outcome()
    found = {}
    with recorded_context(browser, viewport, scheme) as (context, recorder):
        page = context.new_page()
        page.goto(f"{site_url}aids/national-panel/")
        found["question"] = settled_axe_violations(page)
        tab_to(page, '.aid-step button[type="submit"]')
        press_and_wait(page)
        assert focused(page, ".aid-error-summary")
        assert page.locator(".aid-error-summary a").inner_text() == say("choose_one", question=question.text)
        invalid = page.locator('.aid-step input[aria-invalid="true"]')
        assert invalid.count() == len(question.options)
        found["question error"] = settled_axe_violations(page)
        page.goto(f"{site_url}aids/national-panel/#{fragment}")
        wait_for_step(page, f'[data-outcome="{outcome_id}"]')
        found["outcome"] = settled_axe_violations(page)
        tab_to(page, f'.aid-step input[name="{start}-day"]')
        page.keyboard.type("32")  # no such day; the month, year and the optional time are left empty
        tab_to(page, '.aid-step form[data-form="dates"] button[type="submit"]')
        press_and_wait(page)
        boxes = page.locator(f'.aid-step input[name^="{start}-"]')
        marked = boxes.evaluate_all("boxes => boxes.filter(b => b.ariaInvalid === 'true').map(b => b.name)")
        colours = boxes.evaluate_all("boxes => boxes.map(b => [b.name, getComputedStyle(b).borderTopColor])")
        found["dates error"] = settled_axe_violations(page)
        page.close()
    assert marked == [f"{start}-day", f"{start}-month", f"{start}-year"]
    colour = dict(colours)
    assert colour[f"{start}-time"] != colour[f"{start}-day"]  # the empty time box is not shown as wrong
    assert found == {state: [] for state in found}
    assert recorder.problems() == []


@pytest.mark.parametrize(("viewport", "scheme"), EVERY_VIEW)
def test_without_javascript_the_page_leads_with_the_text_version(
    browser: Browser, site_url: str, viewport: str, scheme: str
) -> None:
    tree = load_tree(Project(), "alert")
    with recorded_context(browser, viewport, scheme) as (context, recorder):
        page = context.new_page()
        # The page loads with its scripts off; DevTools can still read it, and can run axe (which needs
        # timers) once they are back on.
        devtools = context.new_cdp_session(page)
        devtools.send("Emulation.setScriptExecutionDisabled", {"value": True})
        page.goto(f"{site_url}aids/alert/")
        shown = page.locator(".aid").evaluate(
            "aid => [...aid.querySelectorAll('.aid-no-js, .aid-step, .aid-text')]"
            ".filter(el => el.checkVisibility()).map(el => el.className)"
        )
        open_ = page.locator(".aid-text").get_attribute("open")
        first_line = say("text_next_first")
        says_first_line = page.locator(".aid-text__node p", has_text=first_line).count()
        devtools.send("Emulation.setScriptExecutionDisabled", {"value": False})
        violations = axe_violations(page)
        page.close()
    assert shown == ["aid-no-js", "aid-text"]  # no Continue button that cannot work
    assert open_ == ""
    branching = [question for question in tree.questions.values() if len(question.next) > 1]
    assert says_first_line == len(branching) > 0
    assert violations == []
    assert recorder.problems() == []
