"""Every page prints to A4 with its content only and no empty page (Chromium's PDF output)."""

import subprocess
from pathlib import Path

import pytest
from browsing import open_page, recorded_context
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

A4_POINTS = (595.3, 841.9)
# Labels of the navigation, header and footer that are not also words of the page's own text.
CHROME_LABELS = """() => {
  const squash = text => text.replace(/\\s+/g, " ").trim();
  const article = squash(document.querySelector("article").textContent);
  const chrome = document.querySelectorAll(
    "[data-md-component=skip], .md-header, .md-tabs, .md-sidebar, .md-footer, .md-top");
  const labels = [...chrome].flatMap(el => [...el.querySelectorAll("a, label, button, .md-ellipsis")]);
  return [...new Set(labels.map(el => squash(el.textContent)))]
    .filter(text => text.length > 3 && !article.includes(text));
}"""


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = []
    for line in info.splitlines():
        if line.startswith("Page") and " size:" in line:
            width, _, height = line.split("size:")[1].split()[:3]
            sizes.append((float(width), float(height)))
    return sizes


def _page_texts(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


def test_every_page_prints_to_a4_without_chrome_or_empty_pages(
    browser: Browser, site_url: str, site_pages: list[str], tmp_path: Path, subtests
) -> None:
    with recorded_context(browser) as (context, recorder):
        for number, path in enumerate(site_pages):
            with subtests.test(page=path):
                page = open_page(context, site_url + path)
                chrome = page.evaluate(CHROME_LABELS)
                pdf = tmp_path / f"{number}.pdf"
                page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
                page.close()
                sizes, texts = _page_sizes(pdf), _page_texts(pdf)
                assert len(sizes) == len(texts) > 0
                assert all(abs(w - A4_POINTS[0]) < 2 and abs(h - A4_POINTS[1]) < 2 for w, h in sizes), sizes
                empty = [n for n, text in enumerate(texts, start=1) if not text.strip()]
                assert empty == [], f"/{path}: empty page(s) {empty} of {len(texts)}"
                printed = " ".join(" ".join(texts).split())
                assert [label for label in chrome if label in printed] == []
        assert recorder.problems() == []
