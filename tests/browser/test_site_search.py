"""Search runs in the browser (the theme's lunr worker) under the site's CSP, with no other host."""

import pytest
from browsing import axe_violations, open_page, recorded_context
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_finds_a_page_offline_and_opens_it(browser: Browser, site_url: str, scheme: str) -> None:
    with recorded_context(browser, scheme=scheme) as (context, recorder):
        page = open_page(context, site_url)
        search = page.get_by_role("textbox", name="Search")
        search.click()
        search.press_sequentially("National Panel", delay=30)  # the theme searches on key presses
        result = page.locator(".md-search-result__item a").filter(has_text="National Panel").first
        expect(result).to_be_visible(timeout=10_000)
        violations = axe_violations(page)  # the open search dialog and its results
        assert violations == [], "\n".join(violations)
        result.click()
        expect(page.locator(".md-content article h1")).to_contain_text("National Panel")
        page.wait_for_load_state("networkidle")
        assert recorder.problems() == []
        assert any(url.endswith("search_index.json") for url in recorder.requests)
