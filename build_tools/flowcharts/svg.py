"""Finish a D2 SVG for inlining in a page: accessible name and summary, node ids, small type, font files.

D2 marks each drawn object with a <g> whose class is the base64 of its D2 key; we add `data-node`
(tree nodes) and `data-connector` (part-to-part stubs) so tests and styles can find them.
D2 embeds its fonts as data: URLs, which the site's Content-Security-Policy (font-src 'self') blocks,
so they are moved out to files and named by content hash.
"""

import base64
import binascii
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass

from build_tools.flowcharts.split import SMALL_PX
from decision.errors import InputError

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
SECONDARY_COLOUR = "#444444"  # clause ids: grey as well as small, so the eye passes over them
FONT_PLACEHOLDER = "FLOWCHART-FONTS/"  # the plugin puts the page-relative font folder here
_FONT_URL = re.compile(r'url\("data:application/font-woff;base64,([A-Za-z0-9+/=]+)"\)')


@dataclass(frozen=True)
class Accessible:
    element_id: str  # id of the <svg>; the title and desc ids extend it
    title: str
    description: str


@dataclass(frozen=True)
class FinishedSvg:
    element_id: str
    markup: str  # <svg ...>...</svg>, font URLs starting with FONT_PLACEHOLDER
    fonts: dict[str, bytes]  # file name -> WOFF bytes
    width: float
    height: float


def finish_svg(
    svg: str,
    accessible: Accessible,
    nodes: frozenset[str],
    small_lines: Mapping[str, int],
    name: str,
) -> FinishedSvg:
    """`nodes`: the tree node keys drawn; `small_lines`: how many last lines of each key are small type."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise InputError(f"{name}: D2 output is not valid SVG: {error}") from None
    _name_it(root, accessible)
    for group in root.iter(f"{{{SVG_NS}}}g"):
        key = d2_key(group.get("class", ""))
        if key in nodes:
            group.set("data-node", key)
        elif key is not None and key.startswith(("CONTINUES_", "CONTINUED_")):
            group.set("data-connector", key)
        if key in small_lines:
            _shrink_last_lines(group, small_lines[key])
    markup, fonts = _move_fonts(ET.tostring(root, encoding="unicode"))
    width, height = (float(value) for value in root.get("viewBox", "0 0 0 0").split()[2:])
    return FinishedSvg(accessible.element_id, markup, fonts, width, height)


def _name_it(root: ET.Element, accessible: Accessible) -> None:
    title = ET.Element(f"{{{SVG_NS}}}title", id=f"{accessible.element_id}-title")
    title.text = accessible.title
    desc = ET.Element(f"{{{SVG_NS}}}desc", id=f"{accessible.element_id}-desc")
    desc.text = accessible.description
    root.insert(0, desc)
    root.insert(0, title)
    root.set("id", accessible.element_id)
    root.set("role", "img")
    root.set("aria-labelledby", f"{title.get('id')} {desc.get('id')}")
    root.set("class", "flowchart-svg")
    width, height = root.get("viewBox", "0 0 0 0").split()[2:]
    # Natural size on screen (the page scrolls sideways); print CSS scales it to the page.
    root.set("width", width)
    root.set("height", height)


def d2_key(css_class: str) -> str | None:
    if " " in css_class or not css_class:
        return None
    try:
        return base64.b64decode(css_class, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None


def _shrink_last_lines(group: ET.Element, count: int) -> None:
    lines = [tspan for text in group.iter(f"{{{SVG_NS}}}text") for tspan in text.iter(f"{{{SVG_NS}}}tspan")]
    for tspan in lines[len(lines) - count :]:
        tspan.set("style", f"font-size:{SMALL_PX}px;fill:{SECONDARY_COLOUR}")


def _move_fonts(markup: str) -> tuple[str, dict[str, bytes]]:
    fonts: dict[str, bytes] = {}

    def to_file(match: re.Match[str]) -> str:
        data = base64.b64decode(match.group(1))
        file_name = hashlib.sha256(data).hexdigest()[:20] + ".woff"
        fonts[file_name] = data
        return f'url("{FONT_PLACEHOLDER}{file_name}")'

    return _FONT_URL.sub(to_file, markup), fonts
