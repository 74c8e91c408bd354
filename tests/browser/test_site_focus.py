"""Keyboard users can see where they are: a thick focus ring, never hidden or off screen."""

import pytest
from browsing import open_page, recorded_context
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

TAB_STOPS = 40

# The focused element's ring and whether the element itself is what shows at its centre. The colour
# scheme switch is a hidden radio button shown through the label after it, so that label is checked.
FOCUS_STATE = """() => {
  const focused = document.activeElement;
  const label = focused.nextElementSibling;
  const hidden = getComputedStyle(focused).opacity === "0" && label && label.tagName === "LABEL";
  const el = hidden ? label : focused;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const shown = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && box.width > 0 && box.height > 0;
  const top = shown ? document.elementFromPoint(x, y) : null;
  return {
    name: focused.outerHTML.slice(0, 120),
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    visible: shown && top !== null && (el === top || el.contains(top)),
  };
}"""


def _tab_through(page: Page) -> list[str]:
    problems = []
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if not state["visible"]:  # the theme may still be opening the drawer or search for it
            page.wait_for_timeout(300)
            state = page.evaluate(FOCUS_STATE)
        if state["name"].startswith("<body"):
            break
        if not state["ring"]:
            problems.append(f"no focus ring: {state['name']}")
        if not state["visible"]:
            problems.append(f"focused but hidden or off screen: {state['name']}")
    return problems


@pytest.mark.parametrize("viewport", ["1280px", "390px"])
def test_focus_is_visible_on_every_tab_stop(browser: Browser, site_url: str, viewport: str) -> None:
    with recorded_context(browser, viewport) as (context, _):
        page = open_page(context, site_url + "kent/alerts/")
        problems = _tab_through(page)
    assert problems == [], "\n".join(problems)
