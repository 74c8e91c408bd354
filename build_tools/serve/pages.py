"""What a page's render leaves on it, kept so a later build can skip the page and still see it whole."""

from dataclasses import dataclass, replace
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents


@dataclass(frozen=True)
class Rendered:
    markdown: str  # after every plugin's on_page_markdown
    meta: dict[str, Any]
    content: str  # after every plugin's on_page_content: what on_env sees
    toc: TableOfContents
    anchors: frozenset[str]  # the ids the page has, for other pages' links to check against
    links: dict[str, dict[str, str]]  # the page's links to anchors: target page -> anchor -> link
    title: str | None = None  # as the navigation shows it, once every page is rendered


def rendered(page: Page, content: str) -> Rendered:
    """The page as Markdown and every plugin left it; `content` is the HTML its on_page_content gives."""
    assert page.markdown is not None  # mkdocs reads the page before it renders it
    links = {target.src_uri: dict(anchors) for target, anchors in (page.links_to_anchors or {}).items()}
    return Rendered(
        page.markdown, dict(page.meta), content, page.toc, frozenset(page.present_anchor_ids or ()), links
    )


def restore(page: Page, kept: Rendered, files: Files) -> None:
    """Put back on a page mkdocs will not read again what its last render left."""
    page.markdown, page.meta, page.content, page.toc = kept.markdown, dict(kept.meta), kept.content, kept.toc
    page.title = kept.title
    page.present_anchor_ids = set(kept.anchors)
    page.links_to_anchors = {
        target: dict(anchors)
        for uri, anchors in kept.links.items()
        if (target := files.get_file_from_path(uri)) is not None
    }


def with_title(kept: Rendered, page: Page) -> Rendered:
    return replace(kept, title=page.title)
