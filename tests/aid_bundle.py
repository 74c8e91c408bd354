"""The decision aids' data as the browser gets it, built from the project's own files for CPython tests."""

import json
from functools import cache
from pathlib import Path

from build_tools.aids.site import anchors_in, cited
from build_tools.calculator.catalogue import cited as clock_cites
from decision.aid import browser
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import PROJECT_ROOT, Project, compile_project

DOCS = PROJECT_ROOT / "docs"
GOLDEN = PROJECT_ROOT / "tests" / "golden" / "paths"
MADE_AT = "2026-11-24T14:05"


@cache
def project_bundle() -> browser.Bundle:
    """Every tree, each cited clause on the page that anchors it, and each tree's aid page."""
    rulebook = compile_project(Project())
    pages = {_url(path): anchors_in(path.read_text(encoding="utf-8")) for path in sorted(DOCS.rglob("*.md"))}
    trees = browser.bundle_from(rulebook, {"clause_pages": {}, "aid_pages": {}}, load_deadlines()).trees
    clauses = {cite for tree in trees.values() for cite in cited(tree)} | clock_cites(load_deadlines().book)
    clause_pages = {
        clause: next(url for url, anchors in pages.items() if clause.lower() in anchors) for clause in clauses
    }
    aid_pages = {tree_id: f"aids/{tree_id}/" for tree_id in trees}
    return browser.bundle_from(
        rulebook, {"clause_pages": clause_pages, "aid_pages": aid_pages}, load_deadlines()
    )


def _url(path: Path) -> str:
    """The page's URL from the site root, as mkdocs writes it with directory URLs."""
    relative = path.relative_to(DOCS).with_suffix("")
    return "" if relative.name == "index" and relative.parent == Path() else f"{relative.as_posix()}/"


def golden_paths(tree_id: str) -> list[dict]:
    return json.loads((GOLDEN / f"{tree_id}.json").read_text(encoding="utf-8"))["paths"]


def fragment_of(answers: dict) -> str:
    """The URL fragment (without #) holding these answers, as the aid writes it."""
    return "&".join(
        f"{key}={','.join(value) if isinstance(value, list) else value}" for key, value in answers.items()
    )
