"""Each flowchart and timeline chart prints whole, one to a page, on A4 landscape (Chromium's PDF output)."""

import base64
from pathlib import Path

import pytest
from browsing import open_page, recorded_context
from playwright.sync_api import Browser
from printing import pdf_pages

from decision.rulebook import Project, tree_ids

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
