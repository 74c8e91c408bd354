"""The guidance text at each clause anchor, and the conflict notes, taken from the rendered pages.

Copied from the page HTML as the build made it, so the Rules review shows exactly what readers see.
What a clause's text is depends on what carries its anchor: a paragraph or list item is itself (a
paragraph that ends in a colon takes the list after it too); a span in a table cell is the whole row,
with the table's header row; a heading is the heading and the text under it up to the next heading.
Ids are dropped from the copy (the page keeps them) and links are rewritten to work from the review
page.
"""

import functools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
INLINE = {"span", "a", "strong", "em", "b", "i", "abbr", "code", "small", "mark"}
# What may follow a heading as its text; anything else (an embedded aid or chart) is left out.
SECTION_TEXT = {"p", "ul", "ol", "dl", "table", "blockquote"}
CONFLICT = "Conflict in the source"
_SITE = "https://site.invalid/"  # a stand-in root to resolve relative links against
_ID = re.compile(r'\s(?:id|aria-labelledby|aria-describedby)="[^"]*"')
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_HEADING_OPEN = re.compile(r"<h[1-6]\b[^>]*>")
_HEADING_CLOSE = re.compile(r"</h[1-6]>")
_HREF = re.compile(r'\bhref="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_ID_VALUE = re.compile(r"""\bid=["']([^"']*)["']""")  # a quick look before parsing the page


@dataclass(eq=False)
class _Element:
    tag: str
    attrs: dict[str, str]
    start: int
    parent: "_Element | None"
    end: int = -1  # just after the end tag
    children: list["_Element"] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()


class _Outline(HTMLParser):
    """Elements with their offsets in the HTML, and which element has each id."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
        self.root = _Element("#root", {}, 0, None, len(html))
        self.open = [self.root]
        self.by_id: dict[str, _Element] = {}
        self.feed(html)
        self.close()
        for element in self.open[1:]:  # never closed: runs to the end
            element.end = len(html)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        element = _Element(tag, {name: value or "" for name, value in attrs}, start, self.open[-1])
        self.open[-1].children.append(element)
        if element.attrs.get("id"):
            self.by_id.setdefault(element.attrs["id"], element)
        if tag in VOID:
            element.end = start + len(self.get_starttag_text() or "")
        else:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop().end = self._offset() + len(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        end = self.html.index(">", self._offset()) + 1
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                for element in self.open[depth:]:
                    element.end = end
                del self.open[depth:]
                return

    def outer(self, element: _Element) -> str:
        return self.html[element.start : element.end]


@functools.lru_cache(maxsize=256)  # a page is read for excerpts and conflicts, and again when serve rebuilds
def _outline(html: str) -> _Outline:
    return _Outline(html)


@dataclass(frozen=True)
class Excerpt:
    page_url: str  # from the site root: "kent/alerts/"
    page_title: str
    anchor: str
    html: str  # ids dropped, links still relative to the guidance page
    empty: bool  # the anchored element itself has no text


@dataclass(frozen=True)
class Conflict:
    page_url: str
    page_title: str
    section: str  # the id of the heading the note sits under ("" if none)
    html: str


def page_excerpts(html: str, page_url: str, page_title: str, anchors: set[str]) -> list[Excerpt]:
    """The text at each of `anchors` that this page has."""
    if not anchors & set(_ID_VALUE.findall(html)):
        return []
    outline = _outline(html)
    found = []
    for anchor in sorted(anchors & outline.by_id.keys()):
        element = outline.by_id[anchor]
        text = _clean("".join(outline.outer(part) for part in _text_of(outline, element)), outline, element)
        empty = not _words(outline.outer(element))
        found.append(Excerpt(page_url, page_title, anchor, text, empty))
    return found


def page_conflicts(html: str, page_url: str, page_title: str) -> list[Conflict]:
    """Each `!!! warning "Conflict in the source: ..."` note on the page, in page order."""
    if CONFLICT not in html:
        return []
    outline = _outline(html)
    found = []
    for element in _walk(outline.root):
        if "admonition" in element.classes and element.children:
            title = element.children[0]
            if "admonition-title" in title.classes and _words(outline.outer(title)).startswith(CONFLICT):
                section = _heading_before(element)
                found.append(Conflict(page_url, page_title, section, _strip_ids(outline.outer(element))))
    return found


def relinked(html: str, page_url: str, base: str) -> str:
    """`html` from the page at `page_url` with its links made to work from a page `base` from the root."""

    def fix(match: re.Match) -> str:
        target = urljoin(_SITE + page_url, match.group(1))
        return f'href="{base}{target.removeprefix(_SITE)}"' if target.startswith(_SITE) else match.group(0)

    return _HREF.sub(fix, html)


def _text_of(outline: _Outline, element: _Element) -> list[_Element]:
    if element.tag in HEADINGS:
        return [element, *_section_after(element)]
    row = _ancestor(element, "tr")
    if row is not None:
        return [row]
    while element.tag in INLINE and element.parent is not None and element.parent.tag != "#root":
        element = element.parent
    following = _next_sibling(element)
    if _words(outline.outer(element)).endswith(":") and following and following.tag in ("ul", "ol"):
        return [element, following]
    return [element]


def _next_sibling(element: _Element) -> _Element | None:
    assert element.parent is not None
    siblings = element.parent.children
    index = siblings.index(element)
    return siblings[index + 1] if index + 1 < len(siblings) else None


def _heading_before(element: _Element) -> str:
    assert element.parent is not None
    siblings = element.parent.children
    headings = [s for s in siblings[: siblings.index(element)] if s.tag in HEADINGS and s.attrs.get("id")]
    return headings[-1].attrs["id"] if headings else ""


def _section_after(heading: _Element) -> list[_Element]:
    assert heading.parent is not None
    siblings = heading.parent.children
    following = []
    for sibling in siblings[siblings.index(heading) + 1 :]:
        if sibling.tag in HEADINGS:
            break
        if sibling.tag in SECTION_TEXT or "admonition" in sibling.classes:
            following.append(sibling)
    return following


def _clean(html: str, outline: _Outline, element: _Element) -> str:
    row = _ancestor(element, "tr")
    if row is not None and element.tag not in HEADINGS:
        table = _ancestor(row, "table")
        head = next((child for child in table.children if child.tag == "thead"), None) if table else None
        header = outline.outer(head) if head is not None else ""
        html = f"<table>{header}<tbody>{html}</tbody></table>"
    # Headings become plain bold paragraphs: the review page keeps its own outline.
    html = _HEADING_CLOSE.sub("</strong></p>", _HEADING_OPEN.sub('<p class="review-heading"><strong>', html))
    return _strip_ids(html)


def _strip_ids(html: str) -> str:
    return _ID.sub("", _HEADERLINK.sub("", html))


def _ancestor(element: _Element, tag: str) -> _Element | None:
    current = element.parent
    while current is not None and current.tag != tag:
        current = current.parent
    return current


def _walk(element: _Element):
    for child in element.children:
        yield child
        yield from _walk(child)


def _words(html: str) -> str:
    return " ".join(_TAG.sub(" ", html).split())
