"""One visit to a page in Debian's Chromium, and what it measured.

Times are milliseconds from the start of navigation, read from the page's performance timeline:
the first contentful paint, the marks engine.mjs sets ("engine-start", "engine-ready",
"engine-snapshot-saved"), the bare page's "bare-ready", and "bench-question-visible", set by a
script the benchmark adds (through DevTools, so the site's CSP is untouched) once the aid's first
question has a box inside the viewport.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Playwright

from build_tools.benchmark.launch import CHROMIUM, FLAGS
from build_tools.benchmark.server import SiteServer

VIEWPORT = {"width": 1280, "height": 800}
QUESTION = "div.aid .aid-step"  # the aid's first question, in the page's HTML from the start
TIMEOUT_SECONDS = 120
MAX_ROUND_TRIPS = 200
# The time at the first frame that lays the question out; the question shows no earlier than the first paint.
QUESTION_WATCH = f"""
(() => {{
  const look = () => {{
    const box = document.querySelector({json.dumps(QUESTION)})?.getBoundingClientRect();
    if (box && box.height > 0 && box.top < innerHeight) performance.mark("bench-question-visible");
    else requestAnimationFrame(look);
  }};
  requestAnimationFrame(look);
}})();
"""
ROUND_TRIPS = """
async ([url, requests]) => {
  const { startEngine } = await import(url);
  const engine = startEngine();
  const info = await engine.ready;
  const times = [];
  for (const request of requests) {
    const started = performance.now();
    const response = await engine.call(request);
    times.push(performance.now() - started);
    if (response.error) throw new Error(`${JSON.stringify(request)} gave ${JSON.stringify(response.error)}`);
  }
  return { info, times };
}
"""
TIMELINE = """
() => Object.fromEntries([
  ...performance.getEntriesByType("mark").map((mark) => [mark.name, mark.startTime]),
  ...performance.getEntriesByType("paint").map((paint) => [paint.name, paint.startTime]),
])
"""


class VisitError(Exception):
    """A page did not do what the benchmark waits for."""


@contextmanager
def profile(playwright: Playwright, user_data_dir: Path) -> Iterator[BrowserContext]:
    """Chromium with this profile (its disk cache, Cache API storage and code cache) until the block ends.

    The site's service worker is blocked: it saves the whole site in the background after the first
    visit, and its downloads would be counted as the page's own and compete with the engine's boot."""
    context = playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=CHROMIUM,
        args=FLAGS,
        headless=True,
        viewport=VIEWPORT,
        service_workers="block",
    )
    try:
        yield context
    finally:
        context.close()


def visit_aid(context: BrowserContext, server: SiteServer, url: str, requests: list[dict]) -> dict:
    page = context.new_page()
    page.add_init_script(QUESTION_WATCH)
    page.goto(server.url + url)
    _wait_for_mark(page, "bench-question-visible", url)
    _wait_for_mark(page, "engine-ready", url)
    trips = page.evaluate(ROUND_TRIPS, [server.url + "assets/aid/engine.mjs", requests[:MAX_ROUND_TRIPS]])
    if trips["info"]["boot"] == "plain":
        _wait_for_mark(page, "engine-snapshot-saved", url)
    timeline = page.evaluate(TIMELINE)
    page.close()
    return {
        "boot": trips["info"]["boot"],
        "fallback": trips["info"].get("fallback"),
        "fcp": timeline["first-contentful-paint"],
        "question_visible": max(timeline["bench-question-visible"], timeline["first-contentful-paint"]),
        "engine_start": timeline["engine-start"],
        "engine_ready": timeline["engine-ready"],
        "round_trips": trips["times"],
        "sent": dict(server.take_counts()),
    }


def visit_plain(context: BrowserContext, server: SiteServer, url: str) -> dict:
    page = context.new_page()
    page.goto(server.url + url, wait_until="networkidle")
    timeline = page.evaluate(TIMELINE)
    page.close()
    if "first-contentful-paint" not in timeline:
        raise VisitError(f"{url}: Chromium reported no first contentful paint")
    return {"fcp": timeline["first-contentful-paint"], "sent": dict(server.take_counts())}


def visit_bare(context: BrowserContext, server: SiteServer, url: str) -> dict:
    page = context.new_page()
    page.goto(server.url + url)
    _wait_for_mark(page, "bare-ready", url)
    timeline = page.evaluate(TIMELINE)
    page.close()
    return {
        "ready": timeline["bare-ready"],
        "start": timeline["bare-start"],
        "sent": dict(server.take_counts()),
    }


def _wait_for_mark(page: Page, name: str, url: str) -> None:
    """Poll the page: Playwright's wait_for_function evaluates strings, which the site's CSP forbids."""
    for _ in range(TIMEOUT_SECONDS * 20):
        if page.evaluate("name => performance.getEntriesByName(name).length > 0", name):
            return
        page.wait_for_timeout(50)
    raise VisitError(f"{url}: no '{name}' within {TIMEOUT_SECONDS} seconds")
