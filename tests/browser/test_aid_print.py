"""Printing a decision aid to A4 PDF in Chromium: the Print button gives the decision record alone, on as
few pages as it needs; printing the page as a whole gives the aid as it stands, not its text version."""

import math
from pathlib import Path

import pytest
from aid_bundle import fragment_of, golden_paths
from aid_keys import STEP_TIMEOUT, tab_to, wait_for_step
from browsing import recorded_context
from playwright.sync_api import Browser, Page
from printing import pdf_pages, print_problems

from decision.aid import outcome_dates
from decision.aid.wording import say
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, load_tree

pytestmark = pytest.mark.browser

INBOX = "safeguardingunitalerts@kent.gov.uk"  # docs/kent/alerts.md: every alert goes to this inbox
MM = 96 / 25.4  # CSS pixels
A4_CONTENT_PX = ((210 - 2 * 16) * MM, (297 - 2 * 18) * MM)  # less the margins of site.css's @page


def _record_fragment(tree_id: str, outcome_id: str) -> str:
    """The fragment of the outcome, confirmed, with a date (and time) given for each of its clocks' starts."""
    tree = load_tree(Project(), tree_id)
    answers = next(path["answers"] for path in golden_paths(tree_id) if path["outcome"] == outcome_id)
    plans = outcome_dates.plans(tree.outcomes[outcome_id], load_deadlines())
    assert plans, f"{tree_id} {outcome_id} has no clock to give a date for"
    when = "".join(f"&when.{plan.id}=2026-11-23{'T10:30' if plan.needs_time else ''}" for plan in plans)
    return f"{fragment_of(answers)}&show=outcome{when}"


def _printed(page: Page, pdf: Path) -> tuple[list[str], list[str], str]:
    """Print problems (size, empty pages, navigation), each page's text, and all the words run together."""
    problems = print_problems(page, pdf)
    pages = [text for _, _, text, _ in pdf_pages(pdf)]
    return problems, pages, _squashed("".join(pages))


def _pages_needed(page: Page) -> int:
    """How many A4 pages the record fills, laid out for print at the width of the page's content."""
    page.emulate_media(media="print")
    page.set_viewport_size({"width": round(A4_CONTENT_PX[0]), "height": round(A4_CONTENT_PX[1])})
    height = page.locator(".aid-record").evaluate("record => record.getBoundingClientRect().height")
    return math.ceil(height / A4_CONTENT_PX[1])


def _squashed(text: str) -> str:
    """The text without spaces or hyphens: the PDF's lines break at both, and pdftotext drops a hyphen
    that ends a line."""
    return "".join(text.split()).replace("-", "")


@pytest.mark.parametrize(
    ("tree_id", "outcome_id"), [("national-panel", "notify-panel-death"), ("alert", "alert-child-death")]
)
def test_print_button_prints_the_decision_record_alone(
    browser: Browser, site_url: str, tmp_path: Path, tree_id: str, outcome_id: str
) -> None:
    tree = load_tree(Project(), tree_id)
    outcome = tree.outcomes[outcome_id]
    with recorded_context(browser) as (context, recorder):
        page = context.new_page()
        page.goto(f"{site_url}aids/{tree_id}/#{_record_fragment(tree_id, outcome_id)}")
        wait_for_step(page, f'[data-outcome="{outcome_id}"]')
        address = page.locator(".aid-record a[data-aid-address]").inner_text()
        page.evaluate("window.print = () => { window.printAsked = true; }")  # headless cannot show the dialog
        tab_to(page, ".aid-step button[data-aid-print]")
        page.keyboard.press("Enter")
        page.wait_for_function("() => window.printAsked === true", timeout=STEP_TIMEOUT)
        problems, pages, printed = _printed(page, tmp_path / "record.pdf")
        needed = _pages_needed(page)
        page.close()
    assert problems == []
    assert 1 <= len(pages) <= needed + 1, f"{len(pages)} pages for a record {needed} pages long"
    assert address.startswith(f"{site_url}aids/{tree_id}/#") and "show=outcome" in address
    expected = [
        say("record_title", title=tree.title),
        outcome.decision,
        say("urgency")[outcome.urgency],
        say("record_starts"),
        "23 November 2026",  # the date given
        "By the end of",  # a deadline worked out from it
        *(action.who for action in outcome.actions),
        say("why_heading"),
        *([say("consider_heading")] if outcome.consider else []),
        say("reopen"),
        address,
        "Rules version",
        "UK time (GMT)",
    ]
    assert [text for text in expected if _squashed(text) not in printed] == []
    left_out = [say("copy"), say("dates_button"), say("start_again"), say("text_summary")]
    assert [text for text in left_out if _squashed(text) in printed] == []
    if tree_id == "alert":  # the inbox the alert goes to, by its address
        assert _squashed(INBOX) in printed
    assert recorder.problems() == []


def test_printing_the_page_gives_the_aid_as_it_stands_not_the_text_version(
    browser: Browser, site_url: str, tmp_path: Path
) -> None:
    tree = load_tree(Project(), "national-panel")
    outcome = tree.outcomes["notify-panel-death"]
    with recorded_context(browser) as (context, recorder):
        page = context.new_page()
        page.goto(f"{site_url}aids/national-panel/#{_record_fragment('national-panel', outcome.id)}")
        wait_for_step(page, f'[data-outcome="{outcome.id}"]')
        title = page.locator("h1").evaluate("h1 => h1.firstChild.textContent")  # without its permalink
        problems, pages, printed = _printed(page, tmp_path / "page.pdf")
        page.close()
    assert problems == []
    assert len(pages) <= 3, f"{len(pages)} pages"
    assert _squashed(title) in printed and _squashed(outcome.decision) in printed
    start = tree.questions[tree.start].text
    assert _squashed(say("text_question", text=start)) not in printed  # the text version's first entry
    assert recorder.problems() == []
