"""Open site pages in a browser context that records every request, console error and page error."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request

PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
VIEWPORTS = {"1280px": {"width": 1280, "height": 800}, "390px": {"width": 390, "height": 844}}
# URLs that never leave the browser.
IN_BROWSER_SCHEMES = {"data", "blob", "about"}


@dataclass
class Recorder:
    """What the pages of one browser context asked for and complained about."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not is_local(url)]

    def problems(self) -> list[str]:
        return [f"request to another host: {url}" for url in self.foreign_requests()] + self.errors


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in IN_BROWSER_SCHEMES or parts.hostname == "127.0.0.1"


@contextmanager
def recorded_context(
    browser: Browser, viewport: str = "1280px", scheme: str = "light", service_workers: str = "block"
) -> Iterator[tuple[BrowserContext, Recorder]]:
    """A fresh context (no shared storage) whose pages and workers are all recorded.

    The site's service worker is blocked unless asked for (tests/browser/test_offline.py): it would
    download the whole site in every fresh context, and the tests would see its requests as the page's."""
    # Reduced motion turns the theme's transitions off, so every check sees a settled page.
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        color_scheme=scheme,
        reduced_motion="reduce",
        service_workers=service_workers,
    )
    recorder = Recorder()
    context.on("request", recorder.on_request)  # the context also sees the search worker's requests
    context.on("console", recorder.on_console)
    context.on("weberror", lambda error: recorder.errors.append(f"page error: {error.error}"))
    context.on("page", lambda page: page.on("websocket", lambda ws: recorder.requests.append(ws.url)))
    try:
        yield context, recorder
    finally:
        context.close()


def open_page(context: BrowserContext, url: str, settle: bool = False) -> Page:
    """The page once loaded; with `settle`, once nothing more is fetched (aids start Pyodide after load)."""
    page = context.new_page()
    response = page.goto(url, wait_until="networkidle" if settle else "load", timeout=90_000)
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    return page


def axe_violations(page: Page, rules: list[str] | None = None) -> list[str]:
    """axe-core's findings (WCAG 2.0-2.2 A and AA, best practice; or only `rules`), one line each."""
    # Evaluated through DevTools, not added as a <script>: the site's CSP rightly refuses inline scripts.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    run_only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    result = page.evaluate("runOnly => axe.run(document, {runOnly, resultTypes: ['violations']})", run_only)
    return [
        f"{violation['id']} ({violation['impact']}): {' '.join(node['target'])}: "
        + " ".join(node["failureSummary"].split())
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


def settled_axe_violations(page: Page) -> list[str]:
    """Axe's findings once the theme's tooltips, shown while Tab passed controls with a title, have gone."""
    page.wait_for_function("() => !document.querySelector('.md-tooltip2')")
    return axe_violations(page)
