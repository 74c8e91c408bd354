"""Find `[[aid TREE-ID]]` lines in a page's Markdown and replace each with a slot for the aid's HTML.

The directive is a line on its own. Its heading level is one below the last Markdown heading above it,
so the aid's headings fit the page's outline. Lines inside fenced code blocks are left alone.
"""

import re
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

DIRECTIVE = re.compile(r"^\[\[aid ([a-z0-9]+(?:-[a-z0-9]+)*)\]\]$")
HEADING = re.compile(r"^(#{1,6})\s")
FENCE = re.compile(r"^\s*(```|~~~)")
SLOT = re.compile(r'<div class="aid-slot" data-tree="([a-z0-9-]+)" data-level="([1-5])"></div>')


@dataclass(frozen=True)
class Directive:
    tree: str
    level: int
    line: int


def replace_directives(markdown: str, page: str, trees: set[str]) -> tuple[str, list[Directive]]:
    """The Markdown with each directive replaced by a slot, and the directives found."""
    lines = markdown.split("\n")
    found: list[Directive] = []
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
        if not line.strip().startswith("[[aid"):
            continue
        match = DIRECTIVE.match(line.strip())
        if match is None:
            raise PluginError(f"procedures-aids: {page}:{number}: write the directive as [[aid TREE-ID]]")
        tree = match.group(1)
        if tree not in trees:
            raise PluginError(
                f"procedures-aids: {page}:{number}: no decision tree '{tree}' "
                f"(the trees: {', '.join(sorted(trees))})"
            )
        if found:
            raise PluginError(
                f"procedures-aids: {page}:{number}: only one aid per page (line {found[0].line} has one); "
                "the answers live in the page's URL fragment"
            )
        directive = Directive(tree, min(level + 1, 5), number)
        found.append(directive)
        lines[number - 1] = (
            f'\n<div class="aid-slot" data-tree="{tree}" data-level="{directive.level}"></div>\n'
        )
    return "\n".join(lines), found
