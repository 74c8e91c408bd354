"""`procedures-rules`: fail the build on any problem in the rule files; write the compiled rulebook."""

import json
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

from build_tools.rules.config import RulesConfig
from decision.rulebook import Project, check_project, compile_project


class RulesPlugin(BasePlugin[RulesConfig]):
    def __init__(self) -> None:
        self.rulebook: dict | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = _project(config)
        problems = check_project(project)
        if problems:
            raise PluginError("procedures-rules: the rule files have problems:\n" + "\n".join(problems))
        self.rulebook = compile_project(project)
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer:
        # Rebuild when a rule file or the clocks change, not only the pages.
        project = _project(config)
        server.watch(str(project.rules_dir))
        server.watch(str(project.clocks_file))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.rulebook is not None  # on_config always runs first
        target = Path(config.site_dir) / self.config.output
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(self.rulebook, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


def _project(config: MkDocsConfig) -> Project:
    return Project(root=Path(config.config_file_path).resolve().parent, docs=Path(config.docs_dir))
