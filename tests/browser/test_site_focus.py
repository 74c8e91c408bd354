"""Keyboard users can see where they are: a thick focus ring, never hidden or off screen."""

import re

import pytest
from browsing import axe_violations, open_page, recorded_context
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


# WCAG 1.4.10 reflow: 320 CSS px, the width of a 1280 px screen zoomed to 400 %.
REFLOW = {"width": 320, "height": 700}

# Each scrolling table region's name, and the words it may come from: the page's headings and captions.
TABLE_REGIONS = """() => ({
  names: [...document.querySelectorAll(".md-typeset__scrollwrap[role=region]")]
    .map((wrap) => wrap.getAttribute("aria-label")),
  topics: [...document.querySelectorAll(".md-content :is(h1, h2, h3, h4, h5, h6), .md-content caption")]
    .map((el) => el.textContent.replace("¶", "").trim()),
})"""


# A second table under the first one's heading, then the resize that has the names worked out again.
COPY_FIRST_TABLE = """() => {
  const wrap = document.querySelector(".md-typeset__scrollwrap[role=region]");
  wrap.after(wrap.cloneNode(true));
  dispatchEvent(new Event("resize"));
}"""


def _region_problems(page: Page) -> list[str]:
    found = page.evaluate(TABLE_REGIONS)
    names = found["names"]
    problems = [] if len(names) >= 2 else [f"fewer than two scrolling tables to tell apart: {names}"]
    problems += [f"named twice: {name}" for name in set(names) if names.count(name) > 1]
    for name in names:
        topic = re.sub(r" \(\d+ of \d+\)$", "", name).removeprefix("Table: ")
        if not name.startswith("Table: ") or topic not in found["topics"]:
            problems.append(f"not named after its heading or caption: {name}")
    return problems + axe_violations(page, ["landmark-unique"])


def test_scrolling_tables_have_their_own_names(browser: Browser, site_url: str) -> None:
    with recorded_context(browser, "390px") as (context, _):
        # The tables are what is checked; the decision aids on these pages need not start their engine.
        context.route("**/assets/pyodide/**", lambda route: route.fulfill(status=404, body="not needed"))
        page = open_page(context, site_url + "kent/responding-to-alerts/")
        page.set_viewport_size(REFLOW)
        assert _region_problems(page) == []
        # The next page, by its link: the names are worked out again for every page the theme shows.
        page.locator('.md-content a[href$="national-alerts/"]').first.click()
        page.wait_for_url("**/kent/national-alerts/")
        assert _region_problems(page) == []
        page.evaluate(COPY_FIRST_TABLE)
        labels = page.locator(".md-typeset__scrollwrap[role=region]").evaluate_all(
            "wraps => wraps.map((wrap) => wrap.getAttribute('aria-label'))"
        )
        assert labels[0].endswith(" (1 of 2)"), labels
        assert labels[1] == labels[0].replace("(1 of 2)", "(2 of 2)"), labels
        assert _region_problems(page) == []


def test_navigation_links_are_big_enough_to_hit(browser: Browser, site_url: str) -> None:
    with recorded_context(browser, "1280px") as (context, _):
        page = open_page(context, site_url + "surrey/alert-template/")
        heights = page.locator(".md-sidebar .md-nav__link").evaluate_all(
            "links => links.filter((a) => a.offsetParent).map((a) => [a.textContent.trim(), a.offsetHeight])"
        )
    assert len(heights) > 5, heights
    assert [(name, height) for name, height in heights if height < 24] == []  # WCAG 2.5.8 target size
