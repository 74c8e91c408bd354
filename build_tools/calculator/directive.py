"""Find the `[[deadline-calculator]]` line in a page's Markdown and replace it with a slot.

The directive is a line on its own, once per page (the calculator's state is the page's URL
fragment). The calculator's headings are one level below the last Markdown heading above it.
Lines inside fenced code blocks are left alone.
"""

import re

from mkdocs.exceptions import PluginError

DIRECTIVE = "[[deadline-calculator]]"
HEADING = re.compile(r"^(#{1,6})\s")
FENCE = re.compile(r"^\s*(```|~~~)")
SLOT = re.compile(r'<div class="calc-slot" data-level="([2-6])"></div>')


def replace_directive(markdown: str, page: str) -> tuple[str, int | None]:
    """The Markdown with the directive replaced by a slot, and the line it was on (None: no directive)."""
    lines = markdown.split("\n")
    found: int | None = None
    in_fence = False
    level = 1
    for number, line in enumerate(lines, start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        heading = HEADING.match(line)
        if heading:
            level = len(heading.group(1))
        text = line.strip()
        if not text.startswith("[[deadline-calculator"):
            continue
        if text != DIRECTIVE:
            raise PluginError(
                f"procedures-calculator: {page}:{number}: write the directive as {DIRECTIVE} "
                f"on a line of its own, not {text!r}"
            )
        if found is not None:
            raise PluginError(
                f"procedures-calculator: {page}:{number}: only one calculator per page "
                f"(line {found} has one); its state lives in the page's URL fragment"
            )
        found = number
        lines[number - 1] = f'\n<div class="calc-slot" data-level="{min(level + 1, 6)}"></div>\n'
    return "\n".join(lines), found
