"""Every built page: only the site's own host, no errors, no cookies, no axe-core findings."""

import pytest
from browsing import Recorder, axe_violations, is_local, open_page, recorded_context
from playwright.sync_api import Browser, BrowserContext

pytestmark = pytest.mark.browser

CSP = "default-src 'self'"


def _check_page(context: BrowserContext, recorder: Recorder, url: str, label: str, settle: bool) -> None:
    seen = len(recorder.requests), len(recorder.errors)
    page = open_page(context, url, settle)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    violations = axe_violations(page)
    page.close()
    requests, errors = recorder.requests[seen[0] :], recorder.errors[seen[1] :]
    assert policy and CSP in policy
    assert [request for request in requests if not is_local(request)] == []
    assert errors == []
    assert not violations, f"axe-core on {label}:\n  " + "\n  ".join(violations)


def test_pages_are_found(site_pages: list[str]) -> None:
    assert "" in site_pages and "glossary/" in site_pages, site_pages


def test_every_page_asks_only_the_site_itself_and_passes_axe(
    browser: Browser, site_url: str, site_pages: list[str], subtests
) -> None:
    """At 1280 px, each page is watched until nothing more is fetched, Pyodide included."""
    with recorded_context(browser) as (context, recorder):
        for path in site_pages:
            with subtests.test(page=path):
                _check_page(context, recorder, site_url + path, f"/{path} at 1280px", settle=True)
        assert context.cookies() == []


# The default scheme at the phone width; the dark scheme's colours at the width that shows the most.
@pytest.mark.parametrize(("viewport", "scheme"), [("390px", "light"), ("1280px", "dark")])
def test_every_page_passes_axe(
    browser: Browser, site_url: str, site_pages: list[str], viewport: str, scheme: str, subtests
) -> None:
    with recorded_context(browser, viewport, scheme) as (context, recorder):
        for path in site_pages:
            with subtests.test(page=path):
                label = f"/{path} at {viewport}, {scheme}"
                _check_page(context, recorder, site_url + path, label, settle=False)
