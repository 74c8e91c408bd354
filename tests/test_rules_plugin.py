"""The `procedures-rules` MkDocs plugin on a tiny site over the fixture project."""

import json
import shutil
from pathlib import Path

import pytest
from flow import FIXTURE_PROJECT
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from decision.compiled import trees_from_rulebook

INVALID = Path(__file__).parent / "fixtures" / "rules" / "invalid"


@pytest.fixture
def site_root(tmp_path) -> Path:
    shutil.copytree(FIXTURE_PROJECT.root, tmp_path / "project")
    root = tmp_path / "project"
    (root / "docs" / "index.md").write_text("# Fixture site\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: Fixture\nplugins:\n  - procedures-rules\n", encoding="utf-8")
    return root


def test_build_writes_the_compiled_rulebook(site_root):
    build(load_config(str(site_root / "mkdocs.yml")))
    rulebook = json.loads((site_root / "site" / "assets" / "decision" / "rulebook.json").read_text("utf-8"))
    assert sorted(trees_from_rulebook(rulebook)) == ["categories", "dates", "notify"]
    assert rulebook["version"]["date"] == "2026-02-01"


def test_build_fails_naming_file_line_and_node(site_root, caplog):
    shutil.copy(INVALID / "unknown-clause.yaml", site_root / "decision" / "rules")
    with pytest.raises(Abort):
        build(load_config(str(site_root / "mkdocs.yml")))
    assert caplog.messages[-1].splitlines() == [
        "procedures-rules: the rule files have problems:",
        "decision/rules/unknown-clause.yaml:17: question 'q' option 'no': "
        "cites 'KN-FIX-NOPE', which is not a clause id in the inventory",
    ]
