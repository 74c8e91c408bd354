"""Where things are in the site, for the aid's links: each clause's page, and each tree's own aid page.

Clause anchors are found in the pages' Markdown (`{#ka-cat-death}`, `{ #ka-cat-death }` or
`id="ka-cat-death"`), so the map exists before any page is rendered. The procedures-clauses plugin
checks that each clause is anchored exactly once; here a cited clause with no anchor is an error,
because its link would lead nowhere.
"""

import re
from collections.abc import Iterable, Mapping

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from decision.trees.tree import Tree

_ANCHOR = re.compile(r"\{\s*#([a-z0-9-]+)[^}]*\}|\bid=\"([a-z0-9-]+)\"")


def clause_pages(files: Files, clause_ids: Iterable[str]) -> dict[str, str]:
    """Clause id -> URL (from the site root) of the page that anchors it."""
    wanted = {clause.lower(): clause for clause in clause_ids}
    pages: dict[str, str] = {}
    for file in files.documentation_pages():
        for anchor in anchors_in(file.content_string) & wanted.keys():
            pages.setdefault(wanted[anchor], file.url)
    return pages


def anchors_in(markdown: str) -> set[str]:
    """The lower-case ids a page's Markdown gives its paragraphs, headings and table cells."""
    return {first or second for first, second in _ANCHOR.findall(markdown)}


def aid_pages(files: Files, trees: Iterable[str], pattern: str) -> dict[str, str]:
    """Tree id -> URL of the tree's own aid page; PluginError names a page that is missing."""
    pages = {}
    for tree in trees:
        path = pattern.format(tree=tree)
        file = files.get_file_from_path(path)
        if file is None:
            raise PluginError(
                f"procedures-aids: docs/{path} is missing: each decision tree has its own aid page"
            )
        pages[tree] = file.url
    return pages


def check_citations(trees: Mapping[str, Tree], pages: Mapping[str, str]) -> None:
    """Every clause a tree cites must be anchored on a page, or the aid's link to it is broken."""
    missing = sorted(
        {(tree.origin, cite) for tree in trees.values() for cite in cited(tree) if cite not in pages}
    )
    if missing:
        lines = "\n  ".join(
            f"{origin}: cites {cite}, but no page has the anchor #{cite.lower()}" for origin, cite in missing
        )
        raise PluginError(f"procedures-aids: the aid would link to clauses no page anchors:\n  {lines}")


def cited(tree: Tree) -> set[str]:
    cites = {cite for item in tree.not_modelled for cite in item.cites}
    for question in tree.questions.values():
        cites |= set(question.cites) | {cite for option in question.options for cite in option.cites}
    for outcome in tree.outcomes.values():
        cites |= set(outcome.cites)
        cites |= {cite for action in outcome.actions for cite in action.cites}
        cites |= {cite for item in outcome.consider for cite in item.cites}
    return cites
