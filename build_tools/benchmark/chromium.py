"""One visit to a page in Debian's Chromium, and what it measured.

Times are milliseconds from the start of navigation, read from the page's performance timeline:
the first contentful paint, the marks engine.mjs sets ("engine-start", "engine-ready",
"engine-snapshot-saved"), the bare pages' "bare-start" and "bare-ready", and the marks of a script
the benchmark adds to the aid page (through DevTools, so the site's CSP is untouched): the first
question visible, answered, and the second question (QUESTION_WATCH).
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
# Marks, each at the first frame where it holds: "bench-question-visible", the first question laid out
# in the viewport (it shows no earlier than the first paint); "bench-answered", its first choice
# chosen and submitted as soon as the aid listens (a practitioner answering at first paint);
# "bench-second-question", the step after it on screen.
QUESTION_WATCH = f"""
(() => {{
  let first = null;
  let answered = false;
  const look = () => {{
    const step = document.querySelector({json.dumps(QUESTION)});
    const box = step?.getBoundingClientRect();
    const shown = box && box.height > 0 && box.top < innerHeight;
    if (first === null) {{
      if (shown) {{
        performance.mark("bench-question-visible");
        first = step.dataset.question;
      }}
    }} else if (!answered) {{
      if (step.closest(".aid[data-aid-ready]")) {{
        const choice = step.querySelector("input[type=radio], input[type=checkbox]");
        if (!choice) return performance.mark("bench-unanswerable");
        choice.click();
        choice.form.requestSubmit();
        performance.mark("bench-answered");
        answered = true;
      }}
    }} else if (shown && (step.dataset.status !== "question" || step.dataset.question !== first)) {{
      return performance.mark("bench-second-question");
    }}
    requestAnimationFrame(look);
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
    _wait_for_mark(page, url, "bench-question-visible")
    _wait_for_mark(page, url, "engine-ready")
    if _wait_for_mark(page, url, "bench-second-question", "bench-unanswerable") != "bench-second-question":
        raise VisitError(f"{url}: the first question has no choice the benchmark can answer")
    trips = page.evaluate(ROUND_TRIPS, [server.url + "assets/aid/engine.mjs", requests[:MAX_ROUND_TRIPS]])
    if trips["info"]["boot"] == "plain":
        _wait_for_mark(page, url, "engine-snapshot-saved")
    timeline = page.evaluate(TIMELINE)
    page.close()
    return {
        "boot": trips["info"]["boot"],
        "fallback": trips["info"].get("fallback"),
        "fcp": timeline["first-contentful-paint"],
        "question_visible": max(timeline["bench-question-visible"], timeline["first-contentful-paint"]),
        "engine_start": timeline["engine-start"],
        "engine_ready": timeline["engine-ready"],
        "answered": timeline["bench-answered"],
        "second_question": timeline["bench-second-question"],
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
    """A bare page's visit; "saved" is true when the floor page found no snapshot and saved one instead."""
    page = context.new_page()
    page.goto(server.url + url)
    done = _wait_for_mark(page, url, "bare-ready", "bare-saved")
    timeline = page.evaluate(TIMELINE)
    page.close()
    return {
        "ready": timeline[done],
        "start": timeline["bare-start"],
        "saved": done == "bare-saved",
        "sent": dict(server.take_counts()),
    }


def _wait_for_mark(page: Page, url: str, *names: str) -> str:
    """The first of these marks the page sets; polled, as Playwright's wait_for_function evaluates
    strings, which the site's CSP forbids."""
    for _ in range(TIMEOUT_SECONDS * 20):
        found = page.evaluate(
            "names => names.find((name) => performance.getEntriesByName(name).length)", names
        )
        if found:
            return found
        page.wait_for_timeout(50)
    raise VisitError(f"{url}: no '{names[0]}' within {TIMEOUT_SECONDS} seconds")
