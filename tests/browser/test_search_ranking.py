"""Search finds the procedure first: the words practitioners type, run through the theme's own search.

Each query goes in the address (`?q=`), which the theme's search box reads as if it were typed: the
theme's lunr worker ranks the built site/search/search_index.json, and the theme renders the result
list; the test reads its first screen (the theme renders 10 results at once, more on scrolling), so it
checks the ranking a reader sees, boosts included.
"""

from urllib.parse import quote

import pytest
from browsing import open_page, recorded_context
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

# For each query, the pages that state the rule and the decision aid that applies it, chosen by
# reading the guidance. The first result must be one of them; all must come before any training case.
RULE_PAGES = {
    # Which missing children are alerted and by which route; national alerts for missing families.
    "missing": ["kent/alerts/", "kent/national-alerts/", "aids/alert/", "aids/national-cp-alert/"],
    # The rapid review after a National Panel notification (15 working days).
    "rapid review": ["kent/national-panel/", "aids/national-panel/"],
    # Stage 4 of the Independent Chair's alert, in Surrey and in Rutland.
    "stage 4": ["surrey/alert-policy/", "rutland/practice-alerts/", "aids/iro-escalation/"],
    # Referral to CAFCASS, the last stage in both policies.
    "CAFCASS": ["surrey/alert-policy/", "rutland/practice-alerts/", "aids/iro-escalation/"],
    # When Ofsted must be notified, and who notifies it.
    "Ofsted": ["kent/alerts/", "aids/alert/"],
    # When a national child-protection alert is justified and how it is kept under review.
    "national alert": ["kent/national-alerts/", "aids/national-cp-alert/"],
    # The missing child's return interview within 72 hours; both aids' missing-child outcomes give it.
    "return interview": ["kent/alerts/", "aids/alert/", "aids/national-cp-alert/"],
    # The placing council confirms within 24 hours that it has notified the National Panel.
    "24 hours": ["kent/national-panel/", "aids/national-panel/"],
}
TRAINING = "training/"
MARK = "Fictional training case:"


def is_case(address: str) -> bool:
    """A training case's page: under training/, other than the trainer's list of them."""
    return address.startswith(TRAINING) and address != f"{TRAINING}scenarios/"


def results(page: Page, site_url: str, query: str) -> list[tuple[str, str]]:
    """The first screen of results for `query`: each page's site-relative address and shown title."""
    page.goto(f"{site_url}?q={quote(query)}")
    page.locator(".md-search-result__list > li").first.wait_for()
    assert page.get_by_role("textbox", name="Search").input_value() == query
    found = page.locator(".md-search-result__list > li").evaluate_all(
        """items => items.map(item => {
            const link = item.querySelector("a");
            return [link.href, link.querySelector("h1, h2").textContent];
        })"""
    )
    return [(href.removeprefix(site_url).split("?")[0], title.strip()) for href, title in found]


@pytest.mark.parametrize("query", RULE_PAGES)
def test_the_procedure_comes_before_training_cases(browser: Browser, site_url: str, query: str) -> None:
    with recorded_context(browser) as (context, recorder):
        page = open_page(context, site_url)
        found = results(page, site_url, query)
    assert recorder.problems() == []
    pages = [address for address, _ in found]
    shown = "\n  ".join(f"{address} ({title})" for address, title in found)
    assert pages[0] in RULE_PAGES[query], f"'{query}': the first result is {pages[0]}; results:\n  {shown}"
    first_training = next(
        (rank for rank, address in enumerate(pages) if address.startswith(TRAINING)), len(pages)
    )
    for wanted in RULE_PAGES[query]:
        assert wanted in pages[:first_training], (
            f"'{query}': {wanted} is not on the first screen of results or comes after a training "
            f"case; results:\n  {shown}"
        )
    for address, title in found:
        if is_case(address):
            assert title.startswith(MARK), f"'{query}': the training case {address} shows as '{title}'"


def test_training_cases_are_marked_in_results(browser: Browser, site_url: str) -> None:
    with recorded_context(browser) as (context, recorder):
        page = open_page(context, site_url)
        found = results(page, site_url, "Christmas")  # in many cases' titles, in no procedure's rule
    assert recorder.problems() == []
    cases = [(address, title) for address, title in found if is_case(address)]
    assert len(cases) >= 3, found
    assert [case for case in cases if not case[1].startswith(MARK)] == []
