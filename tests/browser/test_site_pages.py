"""Every built page, visited once: only the site's own host, no errors or cookies, no axe-core
findings at 1280 px and 390 px (and in the dark scheme), and a clean A4 print."""

from pathlib import Path

import pytest
from browsing import VIEWPORTS, Recorder, axe_violations, is_local, open_page, recorded_context
from playwright.sync_api import Browser, BrowserContext, Page
from printing import print_problems

pytestmark = pytest.mark.browser

CSP = "default-src 'self'"
# The dark scheme changes colours only, so only the colour rules need to run again in it.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def test_pages_are_found(site_pages: list[str]) -> None:
    assert "" in site_pages and "glossary/" in site_pages, site_pages


def test_every_page(browser: Browser, site_url: str, site_pages: list[str], tmp_path: Path, subtests) -> None:
    scripts_seen: set[str] = set()
    with recorded_context(browser) as (context, recorder):
        for number, path in enumerate(site_pages):
            with subtests.test(page=path):
                pdf = tmp_path / f"{number}.pdf"
                problems = _visit(context, recorder, site_url + path, scripts_seen, pdf)
                assert problems == [], f"/{path}:\n  " + "\n  ".join(problems)
        assert context.cookies() == []


def _visit(
    context: BrowserContext, recorder: Recorder, url: str, scripts_seen: set[str], pdf: Path
) -> list[str]:
    seen = len(recorder.requests), len(recorder.errors)
    page = open_page(context, url)
    # A page that brings in a script no earlier page did is watched until nothing more is fetched
    # (the decision engine starts Pyodide after load); pages built from the same scripts are not.
    if _scripts(recorder.requests[seen[0] :]) - scripts_seen:
        page.wait_for_load_state("networkidle", timeout=120_000)
        scripts_seen.update(_scripts(recorder.requests[seen[0] :]))
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    problems = [] if policy and CSP in policy else [f"no Content-Security-Policy: {policy!r}"]
    problems += [f"axe at 1280px: {finding}" for finding in axe_violations(page)]
    problems += [f"axe at 1280px, dark: {finding}" for finding in _dark_scheme_findings(page)]
    problems += [f"print: {problem}" for problem in print_problems(page, pdf)]
    page.set_viewport_size(VIEWPORTS["390px"])
    problems += [f"axe at 390px: {finding}" for finding in axe_violations(page)]
    page.close()
    problems += [f"request to another host: {r}" for r in recorder.requests[seen[0] :] if not is_local(r)]
    return problems + recorder.errors[seen[1] :]


def _scripts(requests: list[str]) -> set[str]:
    return {request for request in requests if request.endswith((".js", ".mjs"))}


def _dark_scheme_findings(page: Page) -> list[str]:
    """Switch to the dark scheme with the header's own switch, check the colours, switch back."""
    page.locator('.md-header label[for="__palette_1"]').click()  # "Switch to dark mode"
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    findings = axe_violations(page, COLOUR_RULES)
    page.locator('.md-header label[for="__palette_0"]').click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    return findings
