"""On a page that starts the engine, the theme's search index is fetched only once the search box is
used, so building it does not compete with the engine's boot; other pages fetch it as they load."""

import pytest
from browsing import open_page, recorded_context
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.browser

AID = "aids/national-panel/"
PLAIN = "kent/child-death-and-other-reviews/"  # a guidance page with no aid or calculator
ENGINE_READY = "() => import('/assets/aid/engine.mjs').then((engine) => engine.startEngine().ready)"


def index_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if url.endswith("search_index.json")]


def test_an_aid_page_loads_the_search_index_when_the_search_box_is_used(browser: Browser, site_url: str):
    with recorded_context(browser) as (context, recorder):
        page = open_page(context, site_url + AID)
        page.evaluate(ENGINE_READY)
        page.wait_for_timeout(500)  # time for the theme's request, were it not held
        assert index_requests(recorder.requests) == []
        search = page.get_by_role("textbox", name="Search")
        search.click()
        search.press_sequentially("National Panel", delay=30)  # the theme searches on key presses
        result = page.locator(".md-search-result__item a").filter(has_text="National Panel").first
        expect(result).to_be_visible(timeout=10_000)
        assert len(index_requests(recorder.requests)) == 1
        assert recorder.problems() == []


def test_a_guidance_page_loads_the_search_index_at_once(browser: Browser, site_url: str):
    with recorded_context(browser) as (context, recorder):
        open_page(context, site_url + PLAIN, settle=True)
        assert len(index_requests(recorder.requests)) == 1
        assert recorder.problems() == []
