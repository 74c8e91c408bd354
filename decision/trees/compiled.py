"""The compiled rulebook the browser loads: plain JSON data of every tree, and Tree objects built from it.

The build puts `compile_rulebook(...)` into the rules file beside the code bundle, as its "rulebook"; the
browser (and any other reader) calls `trees_from_rulebook(document)` on it to get the same Tree
objects the command line uses, checked again for shape and structure.
"""

from collections.abc import Mapping

from decision.errors import InputError
from decision.trees.tree import Tree
from decision.trees.validate import build_tree

ORIGIN = "rulebook"  # its key in the rules file the site ships (build_tools/pyodide/decision_bundle.py)


def plain(value: object) -> object:
    """A copy of rule data as plain dicts and lists (source line numbers dropped)."""
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def compile_rulebook(tree_data: Mapping[str, object], version: Mapping[str, str]) -> dict:
    """The JSON-ready rulebook: version, and every tree's data by id."""
    return {
        "version": dict(version),
        "trees": {tree_id: plain(tree_data[tree_id]) for tree_id in sorted(tree_data)},
    }


def trees_from_rulebook(rulebook: object) -> dict[str, Tree]:
    """Tree objects from a compiled rulebook; RuleError (an InputError) names the first bad tree."""
    trees = rulebook.get("trees") if isinstance(rulebook, Mapping) else None
    if not isinstance(trees, Mapping):
        raise InputError(f"{ORIGIN}: must be an object with 'trees'")
    built = {}
    for tree_id, data in trees.items():
        tree = build_tree(data, f"{ORIGIN} trees/{tree_id}")
        if tree.id != tree_id:
            raise InputError(f"{ORIGIN} trees/{tree_id}: holds tree '{tree.id}'")
        built[tree_id] = tree
    return built
