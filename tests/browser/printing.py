"""Print a page to PDF with Chromium and read the result back with poppler."""

import re
import subprocess
from html import unescape
from pathlib import Path

from playwright.sync_api import Page

A4_POINTS = (595.3, 841.9)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
Word = tuple[float, float, float, float, str]
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
    printed_pages = pdf_pages(pdf)
    problems = [
        f"page {n} is {w:.0f} x {h:.0f} pt, not A4"
        for n, (w, h, _, _) in enumerate(printed_pages, 1)
        if not _a4(w, h)
    ]
    problems += [
        f"page {n} of {len(printed_pages)} is empty"
        for n, (_, _, text, _) in enumerate(printed_pages, 1)
        if not text.strip()
    ]
    printed = " ".join(text for _, _, text, _ in printed_pages)
    problems += [f"navigation printed: {label!r}" for label in chrome if label in printed]
    if not printed_pages:
        problems.append("unreadable PDF: no pages")
    return problems


def pdf_pages(pdf: Path) -> list[tuple[float, float, str, list[Word]]]:
    """Each page's width, height, text, and words with their boxes (points, from pdftotext -bbox)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for match in _PAGE.finditer(html):
        words = [
            (float(a), float(b), float(c), float(d), unescape(word))
            for a, b, c, d, word in _WORD.findall(match[3])
        ]
        pages.append((float(match[1]), float(match[2]), " ".join(word[4] for word in words), words))
    return pages


def _a4(width: float, height: float) -> bool:
    """A4 either way up: the flowcharts print landscape."""
    short, long = sorted((width, height))
    return abs(short - A4_POINTS[0]) < 2 and abs(long - A4_POINTS[1]) < 2
