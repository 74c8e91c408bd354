"""`procedures-training`: check every scenario against the tools, then build the Training section.

A scenario whose answers do not reach its outcome, or whose deadlines differ from the deadlines
engine's, fails the build: an answer sheet is never published for a route the aid would not give.
Each scenario gets a generated page, added to the nav's Training section grouped by tree; the
trainer's table, the handouts and the answer sheets fill `[[training ...]]` lines on the three
pages in docs/training/.
"""

import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from build_tools.directives import find_directives, replace_lines
from build_tools.rules.model import build_rules
from build_tools.training import pages
from build_tools.training.config import TrainingConfig
from build_tools.training.scenarios import SCENARIOS
from build_tools.training.wording import WORDING
from build_tools.training.worked import Worked, work
from decision.errors import InputError
from decision.project.rulebook import Project
from decision.project.wording import Wording, load_wording, wording_path
from decision.trees.tree import Tree

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
ASSETS = "assets/training"
# The `[[training ARGUMENT]]` line on each page of docs/training/ that the plugin fills, and what fills it.
DIRECTIVES = {
    "scenarios.md": ("scenarios", pages.trainer_table),
    "handouts.md": ("handouts", pages.handouts),
    "answers.md": ("answers", pages.answer_sheets),
}
# The theme's search (lunr) weighs a word in a title 1000 times a word in the text, and the cases' titles
# name the very words practitioners search for: at this boost every training page ranks below any
# procedure page with the words anywhere in it, and still comes up when nothing else has them.
SEARCH_BOOST = 0.0001
_ANCHOR = re.compile(r"\{\s*#([a-z0-9-]+)[^}]*\}|\bid=\"([a-z0-9-]+)\"")


class TrainingPlugin(BasePlugin[TrainingConfig]):
    def __init__(self) -> None:
        self.project = Project()
        self.trees: dict[str, Tree] = {}
        self.worked: list[Worked] = []
        self.wording = Wording({})
        self.site: pages.Site | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        rules = build_rules(config, "procedures-training")  # its scenarios are read and checked there too
        self.project, self.trees = rules.project, dict(rules.trees)
        try:
            self.wording = load_wording("training.yaml", WORDING)
        except InputError as error:
            raise PluginError(f"procedures-training: {error}") from None
        worked, problems = [], []
        for scenario in rules.scenarios:
            item, found = work(scenario, self.trees[scenario.tree], rules.deadlines)
            problems += [str(problem) for problem in found]
            if item is not None:
                worked.append(item)
        if problems:
            raise PluginError(
                "procedures-training: scenarios that disagree with the tools:\n  " + "\n  ".join(problems)
            )
        tree_order = list(self.trees)
        self.worked = sorted(
            worked, key=lambda item: (tree_order.index(item.scenario.tree), item.scenario.id)
        )
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer:
        # The scenarios and the wording live outside docs/.
        server.watch(str(self.project.root / SCENARIOS))
        server.watch(str(wording_path("training.yaml")))
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for name in DIRECTIVES:
            if files.get_file_from_path(self._path(name)) is None:
                raise PluginError(f"procedures-training: docs/{self._path(name)} is missing")
        self.site = pages.Site(self.trees, self._clause_files(files), self._aid_files(files), self.wording)
        for item in self.worked:
            path = self._path(f"{item.scenario.id}.md")
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"procedures-training: docs/{path} clashes with the page generated for it")
            page = File.generated(config, path, content="", inclusion=InclusionLevel.NOT_IN_NAV)
            base = "../" * page.url.count("/")
            page.content_string = pages.scenario_page(self.site, item, path, base)
            files.append(page)
        for static in sorted(STATIC.iterdir()):
            files.append(File.generated(config, f"{ASSETS}/{static.name}", abs_src_path=str(static)))
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        section = next(
            (
                item
                for item in nav.items
                if isinstance(item, Section) and item.title == self.config.nav_section
            ),
            None,
        )
        if section is None:
            raise PluginError(
                f"procedures-training: mkdocs.yml: the nav has no '{self.config.nav_section}' section"
            )
        for tree_id, tree in self.trees.items():
            scenario_pages = [
                self._page(files, item) for item in self.worked if item.scenario.tree == tree_id
            ]
            if scenario_pages:
                group = Section(tree.title, scenario_pages)
                group.parent = section
                for page in scenario_pages:
                    page.parent = group
                section.children.append(group)
        nav.pages = _pages_in(nav.items)
        for previous, page, following in zip(
            [None, *nav.pages[:-1]], nav.pages, [*nav.pages[1:], None], strict=True
        ):
            page.previous_page, page.next_page = previous, following
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri.startswith(f"{self.config.folder}/"):
            page.meta["search"] = {"boost": SEARCH_BOOST, **(page.meta.get("search") or {})}
        name = page.file.src_uri.removeprefix(f"{self.config.folder}/")
        if page.file.src_uri != self._path(name) or name not in DIRECTIVES:
            return markdown
        argument, fill = DIRECTIVES[name]
        shown, usage = f"docs/{page.file.src_uri}", f"[[training {argument}]]"
        found = find_directives(markdown, shown, "training", usage, "procedures-training", (argument,))
        if len(found) != 1:
            raise PluginError(f"procedures-training: {shown} must have the line {usage} once")
        assert self.site is not None  # on_files always runs first
        return replace_lines(markdown, {found[0].line: fill(self.site, self.worked, page.file.src_uri)})

    def _path(self, name: str) -> str:
        return f"{self.config.folder}/{name}"

    def _page(self, files: Files, item: Worked) -> Page:
        file = files.get_file_from_path(self._path(f"{item.scenario.id}.md"))
        assert file is not None and file.page is not None  # added in on_files; mkdocs made its page
        return file.page

    def _clause_files(self, files: Files) -> dict[str, File]:
        """Clause id -> the page anchoring it; PluginError names each cited clause no page anchors."""
        wanted = {cite.lower(): cite for item in self.worked for cite in _cited(self.trees, item)}
        found: dict[str, File] = {}
        for file in files.documentation_pages():
            for match in _ANCHOR.finditer(file.content_string):
                anchor = match.group(1) or match.group(2)
                if anchor in wanted:
                    found.setdefault(wanted[anchor], file)
        missing = sorted(
            f"{item.scenario.origin}: scenario '{item.scenario.id}': {cite} has no anchor #{cite.lower()}"
            for item in self.worked
            for cite in _cited(self.trees, item)
            if cite not in found
        )
        if missing:
            raise PluginError("procedures-training: links would lead nowhere:\n  " + "\n  ".join(missing))
        return found

    def _aid_files(self, files: Files) -> dict[str, File]:
        found = {}
        for tree_id in self.trees:
            path = self.config.aid_page.format(tree=tree_id)
            file = files.get_file_from_path(path)
            if file is None:
                raise PluginError(
                    f"procedures-training: docs/{path}, the aid page for '{tree_id}', is missing"
                )
            found[tree_id] = file
        return found


def _cited(trees: dict[str, Tree], worked: Worked) -> set[str]:
    """Every clause the scenario's pages link to: its teaching points and its route's answers."""
    cites = {cite for point in worked.scenario.teaching for cite in point.cites}
    return cites | {cite for entry in worked.result["trail"] for cite in entry["cites"]}


def _pages_in(items: list) -> list[Page]:
    found = []
    for item in items:
        if isinstance(item, Page):
            found.append(item)
        elif isinstance(item, Section):
            found += _pages_in(item.children)
    return found
