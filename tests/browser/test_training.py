"""The training pages in Chromium: a scenario worked by keyboard, a divergence explained, axe-core, print."""

from pathlib import Path

import pytest
from browsing import axe_violations, open_page, recorded_context
from playwright.sync_api import Browser, Page
from printing import pdf_pages

from build_tools.training.scenarios import Scenario, project_known, read_scenarios
from build_tools.training.worked import reasons
from decision.project.rulebook import Project, load_tree
from decision.trees.engine import evaluate

pytestmark = pytest.mark.browser

PROJECT = Project()
ENGINE_WAIT = 120_000  # ms: the first step waits for Pyodide to load in the worker
STEP = ".aid .aid-step"
PANEL = ".training-compare"
STORED = "[...Object.keys(localStorage), ...Object.keys(sessionStorage)].sort()"


@pytest.fixture(scope="module")
def scenarios() -> dict[str, Scenario]:
    return {scenario.id: scenario for scenario in read_scenarios(PROJECT, project_known(PROJECT))}


def test_a_scenario_worked_by_keyboard_matches(browser: Browser, site_url: str, scenarios) -> None:
    scenario = scenarios["unexpected-infant-death-before-easter"]  # a radio question, then checkboxes
    with recorded_context(browser) as (context, recorder):
        page = open_page(context, f"{site_url}training/scenarios/")
        page.evaluate("window.loadedAt = 'scenarios'")  # a full page load would forget this
        page.locator(f"article a[href$='/training/{scenario.id}/']").focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/training/{scenario.id}/")
        assert page.evaluate("window.loadedAt") == "scenarios"  # the theme's instant navigation
        page.locator(STEP).wait_for()
        assert page.locator(PANEL).is_hidden()
        stored = page.evaluate(STORED)
        choose_by_keyboard(page, "concern", ["died"])
        wait_for(page, "dataset.question === 'ofsted-triggers'")
        choose_by_keyboard(page, "ofsted-triggers", ["none"])
        wait_for(page, "dataset.status === 'check'")
        tab_to(page, f"{STEP} button[data-aid-nav]")
        page.keyboard.press("Enter")
        wait_for(page, f"dataset.outcome === '{scenario.outcome}'")
        panel = page.locator(PANEL)
        panel.wait_for(state="visible")
        result = panel.locator(".training-result--matches")
        assert "Your answers match the expected route." in result.inner_text()
        assert "2 of 2 questions answered as expected." in result.inner_text()
        assert page.locator(".training-compare-status").inner_text().startswith("Your answers match")
        assert scenario.teaching[0].text.split()[0] in panel.inner_text()
        assert "Thursday 1 April 2027" in panel.inner_text()  # the expected deadline
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
        assert page.evaluate(STORED) == stored  # the score is kept nowhere but on the page
    assert recorder.problems() == []


def test_a_different_answer_shows_where_and_why(browser: Browser, site_url: str, scenarios) -> None:
    scenario = scenarios["organisational-risk-alert-over-christmas"]
    answers = "request-type=information-only&may-meet-review-criteria=no&show=outcome"
    with recorded_context(browser) as (context, recorder):
        page = open_page(context, f"{site_url}training/{scenario.id}/#{answers}")
        wait_for(page, "dataset.outcome === 'information-only-response'")
        panel = page.locator(PANEL)
        panel.wait_for(state="visible")
        text = " ".join(panel.inner_text().split())
        assert "You reached a different outcome from the one expected." in text
        assert "1 of 2 questions answered as expected." in text
        assert "Where your route first differs What is the district asking for in the alert?" in text
        assert "You answered: Sharing information only, with no action asked for" in text
        assert "Expected answer: For senior managers to consider organisational risk" in text
        assert f"Why the expected answer fits this case: {scenario.why['request-type']}" in text
        why = panel.locator(".training-facts dd a", has_text="KT-REQUEST-TYPES")
        assert why.get_attribute("href") == "../../kent/responding-to-alerts/#kt-request-types"
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
        why.click()
        page.wait_for_url("**/kent/responding-to-alerts/#kt-request-types")
        assert page.locator("#kt-request-types").count() == 1
        page.go_back()
        page.locator(f"{STEP} a[data-aid-nav]", has_text="Start again").click()
        wait_for(page, "dataset.status === 'question'")
        assert panel.is_hidden()  # no outcome, no comparison
    assert recorder.problems() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", ["1280px", "390px"])
def test_a_case_is_labelled_fictional_and_explains_in_words(
    browser: Browser, site_url: str, scenarios, viewport: str, scheme: str
) -> None:
    """Where the route first differs, the case's own teaching points say why, not only clause codes."""
    scenario = scenarios["missing-child-with-no-plan"]  # no `why`: its teaching points explain it
    rules = load_tree(PROJECT, scenario.tree)
    first = evaluate(rules, scenario.answers)["trail"][0]
    title = f"Fictional training case: {scenario.title}"
    with recorded_context(browser, viewport, scheme) as (context, recorder):
        page = open_page(context, f"{site_url}training/{scenario.id}/#concern=staff-conduct&show=outcome")
        assert page.title().startswith(title)
        assert page.locator("article h1").inner_text().startswith(title)  # then the theme's permalink
        assert "The people and events in this case are fictional." in page.locator(".admonition").inner_text()
        panel = page.locator(PANEL)
        panel.wait_for(state="visible", timeout=ENGINE_WAIT)
        text = " ".join(panel.inner_text().split())
        assert f"Where your route first differs {first['text']}" in text
        explained = reasons(rules, scenario, first)
        assert explained and set(explained) <= {point.text for point in scenario.teaching}
        assert [point for point in explained if " ".join(point.split()) not in text] == []
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
    assert recorder.problems() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", ["1280px", "390px"])
def test_the_trainers_view_shows_every_answer_and_where_it_leads(
    browser: Browser, site_url: str, scenarios, viewport: str, scheme: str
) -> None:
    scenario = scenarios["organisational-risk-alert-over-christmas"]
    rules = load_tree(PROJECT, scenario.tree)
    with recorded_context(browser, viewport, scheme) as (context, recorder):
        page = open_page(context, f"{site_url}training/answers/#{scenario.id}")
        view = page.locator(f"section.training-answer:has(#{scenario.id}) details.training-every-answer")
        view.locator("summary").click()
        rows = (
            view.locator("table")
            .first.locator("tbody tr")
            .evaluate_all("rows => rows.map(row => [...row.cells].map(cell => cell.textContent.trim()))")
        )
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
    assert recorder.problems() == []
    options = rules.questions["request-type"].options
    assert [row[0] for row in rows] == [option.label for option in options]
    assert [row[0] for row in rows if row[2] == "Yes"] == [
        "For senior managers to consider organisational risk"
    ]
    outcomes = {row[0]: row[1] for row in rows}
    assert outcomes["For senior managers to consider organisational risk"] == (
        f"Outcome: {rules.outcomes[scenario.outcome].decision}"
    )
    assert outcomes["Sharing information only, with no action asked for"] == (
        f"Outcome: {rules.outcomes['information-only-response'].decision}"
    )


@pytest.mark.parametrize("path", ["training/scenarios/", "training/handouts/", "training/answers/"])
def test_trainer_pages_are_private_and_accessible(browser: Browser, site_url: str, path: str) -> None:
    with recorded_context(browser) as (context, recorder):
        page = open_page(context, site_url + path)
        violations = axe_violations(page)
        assert not violations, "\n".join(violations)
        assert page.locator("script[type=module][src*=training]").count() == 0  # no panel, no script
    assert recorder.problems() == []


def test_trainer_page_lists_every_scenario(browser: Browser, site_url: str, scenarios) -> None:
    with recorded_context(browser) as (context, _):
        page = open_page(context, f"{site_url}training/scenarios/")
        links = page.locator("article table a[href$='/']").evaluate_all("els => els.map(e => e.textContent)")
    assert sorted(scenario.title for scenario in scenarios.values()) == sorted(
        link for link in links if link.endswith(".")
    )


def test_handouts_print_one_vignette_a_page(
    browser: Browser, site_url: str, scenarios, tmp_path: Path
) -> None:
    texts = printed(browser, f"{site_url}training/handouts/", tmp_path / "handouts.pdf")
    assert len(texts) == len(scenarios), f"{len(texts)} pages for {len(scenarios)} scenarios"
    for number, text in enumerate(texts, start=1):
        titles = [scenario for scenario in scenarios.values() if letters(scenario.title) in letters(text)]
        assert len(titles) == 1, f"page {number} has {len(titles)} scenario titles: {text[:200]}"
        assert letters(titles[0].vignette) in letters(text), f"page {number}: the vignette is not all there"
        teaching = [point.text for point in titles[0].teaching if letters(point.text)[:60] in letters(text)]
        assert teaching == [], f"page {number} gives away teaching points"


def test_answer_sheets_print_each_from_a_new_page(
    browser: Browser, site_url: str, scenarios, tmp_path: Path
) -> None:
    texts = printed(browser, f"{site_url}training/answers/", tmp_path / "answers.pdf")
    assert [number for number, text in enumerate(texts, start=1) if not text] == []  # no empty page
    starts = [
        text for text in texts if any(letters(text).startswith(letters(s.title)) for s in scenarios.values())
    ]
    assert len(starts) == len(scenarios), f"{len(starts)} sheets start a page; {len(scenarios)} scenarios"


def letters(text: str) -> str:
    """Only the letters and digits, lower case: a word split by a hyphen at a line end prints as two."""
    return "".join(character for character in text.lower() if character.isalnum())


def choose_by_keyboard(page: Page, question: str, values: list[str]) -> None:
    """Tab to the question's options, pick `values` with the keyboard, and Tab on to Continue."""
    tab_to(page, f"{STEP} input[name=answer]")
    if page.evaluate("document.activeElement.type") == "radio":
        page.keyboard.press("Space")
        while page.evaluate("document.activeElement.value") != values[0]:
            page.keyboard.press("ArrowDown")
    else:
        while not page.evaluate("document.activeElement.matches('button[type=submit]')"):
            if page.evaluate("document.activeElement.value") in values:
                page.keyboard.press("Space")
            page.keyboard.press("Tab")
    chosen = page.locator(f"{STEP} input[name=answer]:checked").evaluate_all("els => els.map(e => e.value)")
    assert chosen == values, f"{question}: chose {chosen}"
    tab_to(page, f"{STEP} button[type=submit]")
    page.keyboard.press("Enter")


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    for _ in range(limit):
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def wait_for(page: Page, condition: str) -> None:
    """Wait until the aid's step element satisfies `condition` (JavaScript about `step`)."""
    page.wait_for_function(
        f"() => {{ const step = document.querySelector('{STEP}'); return step && step.{condition}; }}",
        timeout=ENGINE_WAIT,
    )


def printed(browser: Browser, url: str, pdf: Path) -> list[str]:
    """Each printed A4 page's text, whitespace squashed."""
    with recorded_context(browser) as (context, recorder):
        page = open_page(context, url)
        page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
    assert recorder.problems() == []
    return [text for _, _, text, _ in pdf_pages(pdf)]
