"""Check that every clause is anchored exactly once across the rendered pages."""

import functools
from collections.abc import Mapping, Sequence
from html.parser import HTMLParser

from decision.project.clauses import Clause


class _IdCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.extend(value for name, value in attrs if name == "id" and value)


@functools.lru_cache(maxsize=256)  # mkdocs serve rebuilds every page: an unchanged page is not parsed again
def html_ids(html: str) -> tuple[str, ...]:
    """Every `id` attribute in the HTML, in document order, repeats kept."""
    collector = _IdCollector()
    collector.feed(html)
    collector.close()
    return tuple(collector.ids)


def anchor_problems(
    clauses: list[Clause], ids_by_page: Mapping[str, Sequence[str]], seed_pages: Mapping[str, list[str]]
) -> list[str]:
    """One line per clause that is not anchored, or anchored more than once."""
    pages_by_id: dict[str, list[str]] = {}
    for page, ids in ids_by_page.items():
        for anchor in ids:
            pages_by_id.setdefault(anchor, []).append(page)
    problems = []
    for clause in clauses:
        pages = pages_by_id.get(clause.anchor, [])
        if not pages:
            home = " or ".join(seed_pages.get(clause.source, [])) or f"the page of source {clause.source}"
            problems.append(f"{clause.id}: no anchor #{clause.anchor} on any page; it belongs on {home}")
        elif len(pages) > 1:
            listed = ", ".join(pages)
            problems.append(f"{clause.id}: anchor #{clause.anchor} appears more than once: {listed}")
    return problems
