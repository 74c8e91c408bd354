"""Print a page to PDF with Chromium and read the result back with poppler."""

import subprocess
from pathlib import Path

from playwright.sync_api import Page

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


def print_problems(page: Page, pdf: Path) -> list[str]:
    """What is wrong with the page printed to A4: size, empty pages, navigation chrome."""
    chrome = page.evaluate(CHROME_LABELS)
    page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
    sizes, texts = _page_sizes(pdf), _page_texts(pdf)
    problems = [
        f"page {n} is {w:.0f} x {h:.0f} pt, not A4" for n, (w, h) in enumerate(sizes, 1) if not _a4(w, h)
    ]
    problems += [f"page {n} of {len(texts)} is empty" for n, text in enumerate(texts, 1) if not text.strip()]
    printed = " ".join(" ".join(texts).split())
    problems += [f"navigation printed: {label!r}" for label in chrome if label in printed]
    if not texts or len(sizes) != len(texts):
        problems.append(f"unreadable PDF: {len(sizes)} page sizes, {len(texts)} pages of text")
    return problems


def _a4(width: float, height: float) -> bool:
    """A4 either way up: the flowcharts print landscape."""
    short, long = sorted((width, height))
    return abs(short - A4_POINTS[0]) < 2 and abs(long - A4_POINTS[1]) < 2


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
