"""The README's pictures of what the site prints: `python -m build_tools.readme_images`.

Builds the site once, prints two pages to A4 PDF in Debian's Chromium with the pages' own print
styles, and turns each PDF's first page into a PNG under readme/ with poppler's pdftoppm:
- printed-record.png: one National Panel decision record, printed with the aid's Print button;
- printed-flowchart.png: the first tree's flowchart page, whose first page is the overview.
"""

import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from build_tools.benchmark.chromium import CHROMIUM, FLAGS, TIMEOUT_SECONDS, VIEWPORT
from build_tools.benchmark.server import serve
from build_tools.benchmark.site import build
from decision.aid import outcome_dates
from decision.aid.fragment import SHOW_OUTCOME, State, format_state
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import PROJECT_ROOT, Project, load_tree, tree_ids
from decision.trees.engine import evaluate

IMAGES = PROJECT_ROOT / "readme"
RECORD_TREE = "national-panel"
# A child known to social care dies in Kent, and abuse or neglect is suspected: notify the Panel.
RECORD_ANSWERS = {
    "what-happened": "child-died",
    "where-it-happened": "in-kent",
    "abuse-or-neglect": "yes",
    "looked-after-by-kent": "no",
    "placed-by-other-authority": "no",
}
RECORD_STARTED = "2026-11-23"  # the date given for the outcome's first timescale


def record_address() -> tuple[str, Callable[[Page], None]]:
    """The record's site address (with its answers and a date) and how to print it: the Print button."""
    tree = load_tree(Project(), RECORD_TREE)
    result = evaluate(tree, RECORD_ANSWERS)
    if result["status"] != "outcome":
        raise SystemExit(f"readme_images: the record's answers no longer reach an outcome of '{RECORD_TREE}'")
    outcome = result["outcome"]["id"]
    plans = outcome_dates.plans(tree.outcomes[outcome], load_deadlines())
    when = {plans[0].id: RECORD_STARTED + ("T10:30" if plans[0].needs_time else "")} if plans else {}

    def press_print(page: Page) -> None:
        page.locator(f'.aid-step[data-outcome="{outcome}"]').wait_for(timeout=TIMEOUT_SECONDS * 1000)
        page.evaluate("window.print = () => {}")  # headless Chromium has no print dialog to open
        page.locator(".aid-step button[data-aid-print]").click()

    return f"aids/{RECORD_TREE}/#{format_state(State(RECORD_ANSWERS, SHOW_OUTCOME, when))}", press_print


def first_page_image(pdf: Path, image: Path, width_px: int, grey: bool) -> None:
    colour = ["-gray"] if grey else []
    size = ["-scale-to-x", str(width_px), "-scale-to-y", "-1"]
    # pdftoppm adds the .png itself
    subprocess.run(
        ["pdftoppm", "-png", *colour, "-singlefile", "-f", "1", *size, str(pdf), str(image.with_suffix(""))],
        check=True,
    )
    print(f"{image.relative_to(PROJECT_ROOT)}: {image.stat().st_size // 1024} kB")


def main() -> int:
    record, press_print = record_address()
    # name, site address, what to do before printing, width (readable, and small enough), grey
    pictures = [
        ("printed-record.png", record, press_print, 640, True),
        ("printed-flowchart.png", f"flowcharts/{tree_ids(Project())[0]}/", lambda page: None, 1000, False),
    ]
    with tempfile.TemporaryDirectory() as temp:
        site_dir = Path(temp) / "site"
        build(PROJECT_ROOT, site_dir)
        IMAGES.mkdir(exist_ok=True)
        with serve(site_dir) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            for name, address, prepare, width_px, grey in pictures:
                page = browser.new_page(viewport=VIEWPORT)
                page.goto(f"http://127.0.0.1:{server.server_port}/{address}")
                prepare(page)
                pdf = Path(temp) / f"{name}.pdf"
                page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
                page.close()
                first_page_image(pdf, IMAGES / name, width_px, grey)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
