"""Each flowchart and timeline chart prints whole, one to a page, on A4 landscape (Chromium's PDF output);
a tree's page prints its overview first. On screen each chart fits the width, with a full-size control
that works by keyboard and without JavaScript, and axe finds nothing in either colour scheme."""

import base64
from pathlib import Path

import pytest
from browsing import VIEWPORTS, axe_violations, open_page, recorded_context
from playwright.sync_api import Browser, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from printing import pdf_pages

from decision.project.rulebook import Project, load_trees, tree_ids

pytestmark = pytest.mark.browser

A4_LANDSCAPE_POINTS = (841.9, 595.3)
MM = 96 / 25.4
CONTENT_BOX_PX = (277 * MM, 190 * MM)  # A4 landscape less the 10 mm margins of @page flowchart
PAGES = [f"flowcharts/{tree_id}/" for tree_id in tree_ids(Project())] + ["flowcharts/deadlines/"]
# D2 marks each drawn object with the base64 of its key; the title and footer are the chart's first
# and last words, so both on one printed page means the chart was not split across pages.
CHART_ENDS = f"""() => [...document.querySelectorAll('.flowchart-figure svg.flowchart-svg')].map(svg => [
  svg.querySelector('g[class="{base64.b64encode(b"TITLE").decode()}"] text').textContent,
  svg.querySelector('g[class="{base64.b64encode(b"FOOTER").decode()}"] text').textContent,
])"""
# With the print stylesheet on a window the size of the page's content box: each chart's box, and
# the boxes drawn inside it, which must lie within it (nothing outside the chart's own viewport).
PRINT_BOXES = """() => [...document.querySelectorAll('.flowchart-figure svg.flowchart-svg')].map(svg => {
  const box = svg.getBoundingClientRect();
  const inside = [...svg.querySelectorAll('g[data-node], g[data-connector]')]
    .map(g => g.getBoundingClientRect())
    .every(r => r.left >= box.left - 1 && r.right <= box.right + 1
      && r.top >= box.top - 1 && r.bottom <= box.bottom + 1);
  return {id: svg.id, width: box.width, height: box.height, inside};
})"""


def _has_words(page_words: list[str], text: str) -> bool:
    """Whether the page has the text as whole words in a row (a quoted mention in prose does not count)."""
    words = text.split()
    return any(page_words[i : i + len(words)] == words for i in range(len(page_words)))


@pytest.mark.parametrize("path", PAGES)
def test_each_chart_prints_whole_on_its_own_a4_landscape_page(
    browser: Browser, site_url: str, tmp_path: Path, path: str
) -> None:
    with recorded_context(browser) as (context, recorder):
        page = open_page(context, site_url + path)
        ends = page.evaluate(CHART_ENDS)
        pdf = tmp_path / "chart.pdf"
        page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
        page.set_viewport_size({"width": round(CONTENT_BOX_PX[0]), "height": round(CONTENT_BOX_PX[1])})
        page.emulate_media(media="print")
        boxes = page.evaluate(PRINT_BOXES)
        page.close()
        assert recorder.problems() == []
    assert ends, f"/{path} has no charts"
    printed = pdf_pages(pdf)
    assert all(
        abs(width - A4_LANDSCAPE_POINTS[0]) < 2 and abs(height - A4_LANDSCAPE_POINTS[1]) < 2
        for width, height, _, _ in printed
    ), [(width, height) for width, height, _, _ in printed]
    assert [number for number, page in enumerate(printed, start=1) if not page[2].strip()] == []
    for width, height, _, words in printed:
        outside = [
            word for word in words if word[0] < 0 or word[1] < 0 or word[2] > width or word[3] > height
        ]
        assert outside == [], f"/{path}: words cut off at the page edge: {outside[:5]}"
    chart_pages = []
    for title, footer in ends:
        whole = [
            number
            for number, page in enumerate(printed, start=1)
            if _has_words(page[2].split(), title) and _has_words(page[2].split(), footer)
        ]
        assert len(whole) == 1, f"/{path}: '{title}' ({footer}) is whole on pages {whole}"
        chart_pages.append(whole[0])
    assert chart_pages == sorted(set(chart_pages)), f"/{path}: charts share a page: {chart_pages}"
    for box in boxes:
        assert box["width"] <= CONTENT_BOX_PX[0] + 1 and box["height"] <= CONTENT_BOX_PX[1] + 1, box
        assert box["inside"], f"/{path}: {box['id']} draws outside its own box"


@pytest.mark.parametrize("tree_id", tree_ids(Project()))
def test_the_text_version_link_leads_to_the_text_version(
    browser: Browser, site_url: str, tree_id: str
) -> None:
    with recorded_context(browser) as (context, recorder):
        page = open_page(context, site_url + f"flowcharts/{tree_id}/")
        link = page.get_by_role("link", name="Text version of this tree")
        target = link.get_attribute("href")
        assert target is not None and target.endswith(f"#aid-{tree_id}-text")
        link.click()
        page.wait_for_url(f"**/aids/{tree_id}/#aid-{tree_id}-text")
        page.locator(f"#aid-{tree_id}-text").wait_for(state="attached")
        assert page.locator(f"#aid-{tree_id}-text").count() == 1
        page.close()
        assert recorder.problems() == []


# The start node of the overview (the first chart on a tree's page) and the chart itself, on screen.
START_BOX = """treeStart => {
  const svg = document.querySelector('.flowchart-figure svg.flowchart-svg');
  const box = svg.querySelector(`g[data-node="${treeStart}"]`).getBoundingClientRect();
  const chart = svg.getBoundingClientRect();
  const content = document.querySelector('article').getBoundingClientRect();
  return {start: [box.left, box.top, box.right, box.bottom], chart: [chart.left, chart.right],
          content: [content.left, content.right], overview: svg.id};
}"""
SCROLLED = "id => document.getElementById(id).closest('.flowchart-scroll').scrollLeft > 0"
SCROLL_STATE = """id => {
  const svg = document.getElementById(id);
  const region = svg.closest('.flowchart-scroll');
  return {width: svg.getBoundingClientRect().width, natural: svg.viewBox.baseVal.width,
          scrollLeft: region.scrollLeft, scrollable: region.scrollWidth > region.clientWidth};
}"""


@pytest.mark.parametrize("tree_id", tree_ids(Project()))
def test_the_page_prints_the_overview_first_then_each_part_then_the_key(
    browser: Browser, site_url: str, tmp_path: Path, tree_id: str
) -> None:
    with recorded_context(browser) as (context, recorder):
        page = open_page(context, site_url + f"flowcharts/{tree_id}/")
        ends = page.evaluate(CHART_ENDS)
        pdf = tmp_path / "chart.pdf"
        page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
        page.close()
        assert recorder.problems() == []
    printed = pdf_pages(pdf)
    # One page for the overview, one for each part of the detailed chart, one for the key.
    assert len(printed) == len(ends) + 1, [text[:60] for _, _, text, _ in printed]
    assert ends[0][0].endswith(": overview") and _has_words(printed[0][2].split(), ends[0][0])
    assert "Key to the flowchart" in printed[-1][2]


@pytest.mark.parametrize("tree_id", tree_ids(Project()))
def test_at_390_px_the_first_screen_shows_the_start_of_the_chart_fitted_to_the_width(
    browser: Browser, site_url: str, tree_id: str
) -> None:
    start = load_trees(Project())[tree_id].start
    with recorded_context(browser, "390px") as (context, recorder):
        page = open_page(context, site_url + f"flowcharts/{tree_id}/")
        found = page.evaluate(START_BOX, start)
        page.close()
        assert recorder.problems() == []
    left, top, right, bottom = found["start"]
    assert found["overview"] == f"flowchart-{tree_id}-overview"
    assert left >= 0 and right <= 390 and top >= 0 and bottom <= 844, found
    assert found["content"][0] - 1 <= found["chart"][0] and found["chart"][1] <= found["content"][1] + 1, (
        found
    )


@pytest.mark.parametrize("javascript", [True, False])
def test_the_full_size_control_works_by_keyboard_with_or_without_javascript(
    browser: Browser, site_url: str, javascript: bool
) -> None:
    context = browser.new_context(viewport=VIEWPORTS["390px"], java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(site_url + "flowcharts/alert/")
        overview = "flowchart-alert-overview"
        fitted = page.evaluate(SCROLL_STATE, overview)
        assert fitted["width"] < 390 and not fitted["scrollable"], fitted
        control = page.get_by_label("Show the chart at full size").first
        control.focus()  # how many Tab presses reach it is the theme's business (issue 11 item 5)
        page.keyboard.press("Space")
        expect(control).to_be_checked()
        page.keyboard.press("Tab")  # on to the chart's scrolling region
        region = page.locator(".flowchart-scroll", has=page.locator(f"#{overview}"))
        expect(region).to_be_focused()
        for _ in range(5):
            page.keyboard.press("ArrowRight")
            try:
                page.wait_for_function(SCROLLED, arg=overview, timeout=2000)
                break
            except PlaywrightTimeoutError:
                continue  # Chromium's compositor, which scrolls for the key, had not yet seen the chart grow
        enlarged = page.evaluate(SCROLL_STATE, overview)
        assert enlarged["scrollLeft"] > 0, enlarged
        assert abs(enlarged["width"] - enlarged["natural"]) < 1 and enlarged["scrollable"], enlarged
    finally:
        context.close()


@pytest.mark.parametrize("viewport", ["1280px", "390px"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_flowchart_pages(
    browser: Browser, site_url: str, viewport: str, scheme: str
) -> None:
    found = {}
    with recorded_context(browser, viewport, scheme) as (context, recorder):
        page = context.new_page()
        for path in PAGES:
            page.goto(site_url + path)
            found[path] = axe_violations(page)
            page.get_by_label("Show the chart at full size").first.check()
            found[path + " full size"] = axe_violations(page)
        assert recorder.problems() == []
    assert found == {state: [] for state in found}
