"""One project model per build: procedures-rules loads it, the other plugins take it, each file read once."""

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from site_build import PROJECT

import decision.project.source
from build_tools.rules import model
from decision.project.rulebook import Project


def _config(drop: str | None = None) -> MkDocsConfig:
    """The site's configuration, optionally without one plugin, as mkdocs loads it for a build."""
    settings = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    plugins = [
        name for name in settings["plugins"] if drop not in (name, *(name if isinstance(name, dict) else ()))
    ]
    return load_config(str(PROJECT / "mkdocs.yml"), plugins=plugins)


def test_a_plugin_without_procedures_rules_before_it_stops_the_build() -> None:
    config = _config(drop="procedures-rules")
    with pytest.raises(PluginError, match="procedures-clauses: the procedures-rules plugin must be listed"):
        config.plugins.on_config(config)


def test_every_rule_file_is_read_once_for_all_the_plugins(monkeypatch) -> None:
    reads: Counter[str] = Counter()
    read_yaml = decision.project.source.read_yaml

    def counted(path: Path, name: str) -> object:
        reads[name] += 1
        return read_yaml(path, name)

    readers = ("rulebook", "clauses", "deadline_files")  # every module that reads these files
    for module in [*(f"decision.project.{name}" for name in readers), "build_tools.training.scenarios"]:
        monkeypatch.setattr(f"{module}.read_yaml", counted)
    monkeypatch.setattr(model, "_loaded", {})
    config = _config()
    config.plugins.on_config(config)
    rule_files = [
        f"decision/rules/{path.name}" for path in sorted((PROJECT / "decision/rules").glob("*.yaml"))
    ]
    watched = [*rule_files, "decision/clocks.yaml", "build_tools/clauses/clauses.yaml"]
    assert {name: reads[name] for name in watched} == dict.fromkeys(watched, 1)
    assert config[model.CONFIG_KEY].trees.keys() == {path.rsplit("/", 1)[1][:-5] for path in rule_files}


def test_the_model_is_reused_until_one_of_its_files_changes(tmp_path: Path) -> None:
    copy = tmp_path / "project"
    for folder in ("decision", "docs", "build_tools/clauses"):
        shutil.copytree(PROJECT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    project = Project(copy)
    first = model.load_rules(project)
    assert model.load_rules(project) is first
    rule_file = project.tree_file("alert-response")
    text = rule_file.read_text(encoding="utf-8")
    rule_file.write_text(text.replace("\ntitle: ", "\ntitle: Changed ", 1), encoding="utf-8")
    second = model.load_rules(project)
    assert second is not first
    assert second.trees["alert-response"].title.startswith("Changed ")
    assert second.version["hash"] != first.version["hash"]
