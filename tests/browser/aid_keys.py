"""Drive a decision aid in Chromium by keyboard alone: Tab to a control, then Space, arrows, typing, Enter."""

import json
from pathlib import Path

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from decision.trees.tree import Question

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "paths"
TAB_LIMIT = 200  # more than the focusable controls of any step
STEP_TIMEOUT = 120_000  # ms: the first step may wait for the engine to boot on a busy machine


def shortest_paths(tree_id: str) -> dict[str, dict]:
    """One golden path per outcome id of a tree: the one with the fewest answers."""
    paths = json.loads((GOLDEN / f"{tree_id}.json").read_text(encoding="utf-8"))["paths"]
    chosen: dict[str, dict] = {}
    for path in paths:
        known = chosen.get(path["outcome"])
        if known is None or len(path["answers"]) < len(known["answers"]):
            chosen[path["outcome"]] = path
    return chosen


def focused(page: Page, selector: str) -> bool:
    return page.evaluate(
        "s => document.activeElement !== null && document.activeElement.matches(s)", selector
    )


# How many presses of Tab lead from the focused element to the first one matching the selector, counting
# the stops Chromium makes: visible controls in page order, one stop per radio group (its chosen radio,
# or its first). Only a guess to save round trips, made from a focused control (from the page itself
# Chromium may start anywhere); tab_to then checks where the focus really lands.
TAB_STOPS = """s => {
  const candidates = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), summary, select, textarea, [tabindex]:not([tabindex='-1'])");
  const stops = [];
  for (const el of candidates) {
    if (el.disabled || !el.checkVisibility()) continue;
    if (el.type === "radio") {
      const group = [...el.form.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
      if (el !== (group.find((radio) => radio.checked) ?? group[0])) continue;
    }
    stops.push(el);
  }
  const here = stops.indexOf(document.activeElement);
  const target = stops.findIndex((el, index) => index > here && el.matches(s));
  return here < 0 || target < 0 ? 0 : target - here;
}"""


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the focus is on an element matching `selector`."""
    for _ in range(page.evaluate(TAB_STOPS, selector)):
        page.keyboard.press("Tab")
    for _ in range(TAB_LIMIT):
        if focused(page, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{TAB_LIMIT} presses of Tab never reached {selector}")


def answer(page: Page, question: Question, value: object) -> None:
    """Answer the question on screen, press Continue and wait for the next step to take the focus."""
    if question.kind == "date":
        year, month, day = str(value).split("-")
        tab_to(page, '.aid-step input[name="day"]')
        for part in (str(int(day)), str(int(month)), year):
            page.keyboard.type(part)
            page.keyboard.press("Tab")
    elif question.kind == "multi":
        for option in question.options:
            tab_to(page, f'.aid-step input[value="{option.value}"]')
            if option.value in value:  # type: ignore[operator]
                page.keyboard.press("Space")
    else:
        tab_to(page, ".aid-step input[type=radio]")
        for _ in question.options:  # arrows move the choice round the group
            if page.evaluate("document.activeElement.value") == value:
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
    tab_to(page, '.aid-step button[type="submit"]')
    press_and_wait(page)


def continue_(page: Page) -> None:
    """Continue from Check your answers."""
    tab_to(page, ".aid-step button[data-aid-nav]")
    press_and_wait(page)


def press_start_again(page: Page, start: str) -> None:
    tab_to(page, '.aid-step a[href="#"][data-aid-nav]')
    press_and_wait(page)
    wait_for_step(page, f'[data-question="{start}"]')


def press_and_wait(page: Page) -> None:
    """Press Enter on the focused control; the aid moves the focus to the new step's heading or errors."""
    page.evaluate("document.activeElement.dataset.testPressed = 'yes'")
    page.keyboard.press("Enter")
    try:
        page.wait_for_function(
            "() => !document.activeElement.dataset.testPressed"
            " && document.activeElement.matches('.aid-heading, .aid-error-summary')",
            timeout=STEP_TIMEOUT,
        )
    except PlaywrightTimeout:
        raise AssertionError(f"no new step after Enter: {aid_now(page)}") from None


def wait_for_step(page: Page, selector: str) -> None:
    try:
        page.locator(f".aid-step:not([hidden]){selector}").wait_for(timeout=STEP_TIMEOUT)
    except PlaywrightTimeout:
        raise AssertionError(f"no step {selector}: {aid_now(page)}") from None


def aid_now(page: Page) -> str:
    """What the aid shows, for a failure message: its status line and the step's attributes."""
    return page.evaluate(
        """() => {
          const step = document.querySelector(".aid-step");
          return `status ${JSON.stringify(document.querySelector(".aid-status").textContent)}, `
            + `step ${JSON.stringify({...step.dataset, hidden: step.hidden})}, address ${location.href}`;
        }"""
    )
