"""Every outcome of every decision aid, reached in Chromium by keyboard alone, then Start again.

One golden path per outcome id (the shortest), driven with Tab, arrow keys, Space, typing and Enter.
The pages share one browser context, so after the first boot the engine starts from the snapshot
in the HTTP cache, as it would for a practitioner's second visit.
"""

from collections.abc import Iterator

import pytest
from aid_keys import answer, continue_, press_start_again, shortest_paths, wait_for_step
from browsing import Recorder, recorded_context
from playwright.sync_api import Browser, BrowserContext

from decision.project.rulebook import Project, load_tree, tree_ids

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shared(browser: Browser) -> Iterator[tuple[BrowserContext, Recorder]]:
    with recorded_context(browser) as (context, recorder):
        yield context, recorder


@pytest.mark.parametrize("tree_id", tree_ids(Project()))
def test_every_outcome_is_reached_by_keyboard(shared, site_url: str, tree_id: str) -> None:
    context, recorder = shared
    tree = load_tree(Project(), tree_id)
    page = context.new_page()
    page.goto(f"{site_url}aids/{tree_id}/")
    reached = {}
    for outcome_id, path in shortest_paths(tree_id).items():
        for question_id, value in path["answers"].items():
            answer(page, tree.questions[question_id], value)
        assert page.locator(".aid-step").get_attribute("data-status") == "check", path
        continue_(page)
        wait_for_step(page, "[data-outcome]")
        reached[outcome_id] = page.locator(".aid-step").get_attribute("data-outcome")
        press_start_again(page, tree.start)
    page.close()
    assert reached == {outcome_id: outcome_id for outcome_id in reached}
    assert set(reached) == set(tree.outcomes)
    assert recorder.problems() == []
