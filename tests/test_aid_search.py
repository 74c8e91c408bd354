"""The built search index: each tree's text version is indexed once, on the tree's own aid page.

mkdocs-material's search worker fetches the whole index on every page, so a copy of a tree for each
page that embeds its aid would make every page heavier.
"""

import json
from pathlib import Path

from decision.aid.wording import say
from decision.project.rulebook import Project, load_trees

TREES = load_trees(Project())


def _index(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_each_text_version_is_indexed_only_on_its_own_aid_page(built_site: Path) -> None:
    entries = _index(built_site)
    intro = say("text_intro")
    with_intro = sorted(entry["location"].split("#")[0] for entry in entries if intro in entry["text"])
    assert with_intro == sorted(f"aids/{tree}/" for tree in TREES)
    sections = [entry["location"].split("#") for entry in entries if "#aid-" in entry["location"]]
    assert sections  # the text version's headings, each on its own tree's aid page and nowhere else
    for page, anchor in sections:
        assert page.startswith("aids/") and anchor.startswith(f"aid-{page.split('/')[1]}-"), (
            f"{page}#{anchor}"
        )


def test_the_interactive_form_is_never_indexed(built_site: Path) -> None:
    headings = {f"#aid-{tree}-heading" for tree in TREES}  # the first question's heading, in the form
    assert not [
        entry["location"] for entry in _index(built_site) if entry["location"].endswith(tuple(headings))
    ]
