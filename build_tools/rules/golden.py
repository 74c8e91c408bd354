"""Rewrite the golden path files: `python -m build_tools.rules.golden` (then review the diff).

One file per tree, tests/golden/paths/<tree>.json, the same text as `python -m decision paths TREE`;
files of trees that no longer exist are removed.
"""

import sys

from decision.errors import InputError
from decision.project.rulebook import PROJECT_ROOT, Project, load_trees
from decision.trees.paths import paths_document

GOLDEN_DIR = PROJECT_ROOT / "tests" / "golden" / "paths"


def main() -> int:
    try:
        trees = load_trees(Project())
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for stale in GOLDEN_DIR.glob("*.json"):
        if stale.stem not in trees:
            stale.unlink()
    for tree in trees.values():
        (GOLDEN_DIR / f"{tree.id}.json").write_text(paths_document(tree), encoding="utf-8")
    print(f"wrote {len(trees)} golden path files to {GOLDEN_DIR.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
