"""Find the `[[deadline-calculator]]` line in a page's Markdown and replace it with a slot.

The directive is a line on its own (build_tools.directives), once per page (the calculator's state is
the page's URL fragment). The calculator's headings are one level below the last Markdown heading above it.
"""

import re

from mkdocs.exceptions import PluginError

from build_tools.directives import find_directives, replace_lines

DIRECTIVE = "[[deadline-calculator]]"
SLOT = re.compile(r'<div class="calc-slot" data-level="([2-6])"></div>')


def replace_directive(markdown: str, page: str) -> tuple[str, int | None]:
    """The Markdown with the directive replaced by a slot, and the line it was on (None: no directive)."""
    found = find_directives(markdown, page, "deadline-calculator", DIRECTIVE, "procedures-calculator", ("",))
    if not found:
        return markdown, None
    if len(found) > 1:
        raise PluginError(
            f"procedures-calculator: {page}:{found[1].line}: only one calculator per page "
            f"(line {found[0].line} has one); its state lives in the page's URL fragment"
        )
    slot = f'\n<div class="calc-slot" data-level="{min(found[0].level + 1, 6)}"></div>\n'
    return replace_lines(markdown, {found[0].line: slot}), found[0].line
