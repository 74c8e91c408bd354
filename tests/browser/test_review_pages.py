"""The Rules review pages in Chromium: no axe findings at 1280 px and 390 px, rule beside guidance on a
wide screen and on paper, stacked on a phone, and an A4 print with no empty page that ends in the
sign-off block."""

from pathlib import Path

import pytest
from browsing import VIEWPORTS, axe_violations, open_page, recorded_context
from playwright.sync_api import Browser
from printing import pdf_pages, print_problems

pytestmark = pytest.mark.browser

# Where the first rule's column and the guidance column start, left and top.
COLUMNS = """() => {
  const row = document.querySelector(".review-row");
  const [rule, guidance] = [row.children[0], row.children[1]].map(el => el.getBoundingClientRect());
  return {
    ruleLeft: rule.left, guidanceLeft: guidance.left, ruleBottom: rule.bottom, guidanceTop: guidance.top,
  };
}"""


def test_review_pages(
    browser: Browser, site_url: str, site_pages: list[str], tmp_path: Path, subtests
) -> None:
    reviews = [path for path in site_pages if path.startswith("review/") and path != "review/"]
    assert len(reviews) >= 3, site_pages  # the trees, the clocks and the readings
    with recorded_context(browser) as (context, recorder):
        for number, path in enumerate(reviews):
            with subtests.test(page=path):
                page = open_page(context, site_url + path)
                problems = [f"axe at 1280px: {finding}" for finding in axe_violations(page)]
                side_by_side = page.evaluate(COLUMNS)
                if not side_by_side["guidanceLeft"] > side_by_side["ruleLeft"]:
                    problems.append(f"at 1280px the guidance is not beside the rule: {side_by_side}")
                pdf = tmp_path / f"{number}.pdf"
                problems += [f"print: {problem}" for problem in print_problems(page, pdf)]
                last_page = pdf_pages(pdf)[-1][2]
                if "Signature" not in last_page:
                    problems.append(f"print: the last page has no sign-off block: {last_page[:200]!r}")
                page.set_viewport_size(VIEWPORTS["390px"])
                problems += [f"axe at 390px: {finding}" for finding in axe_violations(page)]
                stacked = page.evaluate(COLUMNS)
                if not stacked["guidanceTop"] >= stacked["ruleBottom"]:
                    problems.append(f"at 390px the guidance is not under the rule: {stacked}")
                page.close()
                assert problems == [], f"/{path}:\n  " + "\n  ".join(problems)
        assert recorder.problems() == []
