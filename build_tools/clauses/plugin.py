"""`procedures-clauses`: fail the build unless every clause is anchored exactly once; fill the glossary."""

from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from build_tools.clauses.anchors import anchor_problems, html_ids
from build_tools.clauses.config import ClausesConfig
from build_tools.clauses.glossary import fill_glossary, glossary_table, read_abbreviations
from build_tools.rules.model import build_rules
from decision.project.clauses import Clause


class ClausesPlugin(BasePlugin[ClausesConfig]):
    def __init__(self) -> None:
        self.root = Path()
        self.clauses: list[Clause] = []
        self.glossary = ""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        self.clauses = list(build_rules(config, "procedures-clauses").clauses)
        unmapped = sorted({c.source for c in self.clauses} - set(self.config.seed_pages))
        if unmapped:
            raise PluginError(
                f"procedures-clauses: mkdocs.yml: seed_pages has no page for seed(s) {', '.join(unmapped)}"
            )
        abbreviations = self.root / self.config.abbreviations
        self.glossary = glossary_table(read_abbreviations(abbreviations, self._shown(abbreviations)))
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer:
        # The glossary is generated from this file, which lives outside docs/.
        server.watch(str(self.root / self.config.abbreviations))
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if files.get_file_from_path(self.config.glossary_page) is None:
            raise PluginError(
                f"procedures-clauses: the glossary page docs/{self.config.glossary_page} is missing"
            )
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri != self.config.glossary_page:
            return markdown
        return fill_glossary(markdown, self.glossary, self._shown_file(page.file))

    # Before procedures-rules fills the review pages with excerpts, whose anchors are not the clauses'.
    @event_priority(100)
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # Every page's content is rendered by now, with what every plugin added, and none is written yet.
        ids_by_page = {
            self._shown_file(file): html_ids(file.page.content or "")
            for file in files.documentation_pages()
            if file.page is not None
        }
        seed_pages = {seed: [f"docs/{p}" for p in pages] for seed, pages in self.config.seed_pages.items()}
        problems = anchor_problems(self.clauses, ids_by_page, seed_pages)
        if problems:
            raise PluginError(
                "procedures-clauses: every clause needs exactly one anchor (see CONTRIBUTING.md):\n  "
                + "\n  ".join(problems)
            )
        return env

    def _shown_file(self, file: File) -> str:
        if file.generated_by is not None:
            return f"{file.src_uri} (generated)"
        return self._shown(Path(file.abs_src_path))

    def _shown(self, path: Path) -> str:
        """The path as the writer knows it: relative to the project when it is inside it."""
        path = path.resolve()
        return str(path.relative_to(self.root)) if path.is_relative_to(self.root) else str(path)
