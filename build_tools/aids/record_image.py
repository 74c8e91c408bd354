"""The README's picture of a printed decision record: `python -m build_tools.aids.record_image`.

Builds the site, opens one outcome of the National Panel aid in Debian's Chromium with a date given,
presses the aid's Print button (so the page's own print styles apply), prints to A4 PDF, and turns
the first page into readme/printed-record.png, in grey, with poppler's pdftoppm.
"""

import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

from build_tools.benchmark.chromium import CHROMIUM, FLAGS, TIMEOUT_SECONDS, VIEWPORT
from build_tools.benchmark.site import build
from decision import deadline_data, outcome_dates
from decision.engine import evaluate
from decision.fragment import SHOW_OUTCOME, State, format_state
from decision.rulebook import PROJECT_ROOT, Project, load_tree

IMAGE = PROJECT_ROOT / "readme" / "printed-record.png"
TREE = "national-panel"
# A child known to social care dies in Kent, and abuse or neglect is suspected: notify the Panel.
ANSWERS = {
    "what-happened": "child-died",
    "where-it-happened": "in-kent",
    "abuse-or-neglect": "yes",
    "looked-after-by-kent": "no",
    "placed-by-other-authority": "no",
}
STARTED = "2026-11-23"  # the date given for the outcome's first timescale
WIDTH_PX = 640  # readable, and in grey the file stays under 150 kB


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the output to what went wrong."""


def record_fragment() -> tuple[str, str]:
    """The fragment of the confirmed outcome with a date for its first timescale, and the outcome's id."""
    tree = load_tree(Project(), TREE)
    result = evaluate(tree, ANSWERS)
    if result["status"] != "outcome":
        raise SystemExit(f"record_image: the answers in {__name__} no longer reach an outcome of '{TREE}'")
    outcome = result["outcome"]["id"]
    plans = outcome_dates.plans(tree.outcomes[outcome], deadline_data.current())
    when = {plans[0].id: STARTED + ("T10:30" if plans[0].needs_time else "")} if plans else {}
    return format_state(State(ANSWERS, SHOW_OUTCOME, when)), outcome


def print_record(url: str, outcome: str, pdf: Path) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(url)
        page.locator(f'.aid-step[data-outcome="{outcome}"]').wait_for(timeout=TIMEOUT_SECONDS * 1000)
        page.evaluate("window.print = () => {}")  # headless Chromium has no print dialog to open
        page.locator(".aid-step button[data-aid-print]").click()
        page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
        browser.close()


def main() -> int:
    fragment, outcome = record_fragment()
    with tempfile.TemporaryDirectory() as temp:
        site_dir = Path(temp) / "site"
        build(PROJECT_ROOT, site_dir)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site_dir)))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        pdf = Path(temp) / "record.pdf"
        try:
            print_record(f"http://127.0.0.1:{server.server_port}/aids/{TREE}/#{fragment}", outcome, pdf)
        finally:
            server.shutdown()
            server.server_close()
        IMAGE.parent.mkdir(exist_ok=True)
        size = ["-scale-to-x", str(WIDTH_PX), "-scale-to-y", "-1"]
        first_page = ["-singlefile", "-f", "1"]
        image = str(IMAGE.with_suffix(""))  # pdftoppm adds the .png
        subprocess.run(["pdftoppm", "-png", "-gray", *first_page, *size, str(pdf), image], check=True)
    print(f"{IMAGE.relative_to(PROJECT_ROOT)}: {IMAGE.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
