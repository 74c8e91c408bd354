"""Find `[[aid TREE-ID]]` lines in a page's Markdown and replace each with a slot for the aid's HTML.

The directive is a line on its own (build_tools.directives). Its heading level is one below the last
Markdown heading above it, so the aid's headings fit the page's outline.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from build_tools.directives import find_directives, replace_lines
from decision.fields import KEBAB
from decision.problems import Problem
from decision.trees.tree import Tree

SLOT = re.compile(r'<div class="aid-slot" data-tree="([a-z0-9-]+)" data-level="([1-5])"></div>')
USAGE = "[[aid TREE-ID]]"


@dataclass(frozen=True)
class Directive:
    tree: str
    level: int
    line: int


def replace_directives(markdown: str, page: str, trees: set[str]) -> tuple[str, list[Directive]]:
    """The Markdown with each directive replaced by a slot, and the directives found."""
    found: list[Directive] = []
    for directive in find_directives(markdown, page, "aid", USAGE, "procedures-aids"):
        where, tree = f"procedures-aids: {page}:{directive.line}", directive.argument
        if not KEBAB.match(tree):
            raise PluginError(f"{where}: write the directive as {USAGE}, not {f'[[aid {tree}]]'!r}")
        if tree not in trees:
            raise PluginError(f"{where}: no decision tree '{tree}' (the trees: {', '.join(sorted(trees))})")
        if found:
            raise PluginError(
                f"{where}: only one aid per page (line {found[0].line} has one); "
                "the answers live in the page's URL fragment"
            )
        found.append(Directive(tree, min(directive.level + 1, 5), directive.line))
    slots = {
        item.line: f'\n<div class="aid-slot" data-tree="{item.tree}" data-level="{item.level}"></div>\n'
        for item in found
    }
    return replace_lines(markdown, slots), found


def guidance_problems(trees: Mapping[str, Tree], files: Files) -> list[Problem]:
    """Each tree whose guidance page (`guidance:` in its rule file) lacks its `[[aid TREE-ID]]` line."""
    problems = []
    for tree in trees.values():
        page = files.get_file_from_path(tree.guidance)
        shown = f"docs/{tree.guidance}"
        _, found = replace_directives(page.content_string if page else "", shown, set(trees))
        if tree.id not in [item.tree for item in found]:
            message = f"its guidance page {shown} has no line [[aid {tree.id}]]"
            problems.append(Problem(tree.origin, tree.lines.get("guidance"), f"tree '{tree.id}'", message))
    return problems
