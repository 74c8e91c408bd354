"""`procedures-rules`: fail the build on any problem in the rule files; make the Rules review pages.

The first procedures plugin in mkdocs.yml, so a wrong rule stops the build with its file and line
before any other plugin uses the rules; it loads them once (build_tools.rules.model) for all of them.
The review pages are generated in on_files; once every page is rendered (on_env), the text at each
clause they cite is copied in from the guidance pages.
"""

from collections.abc import Callable, Iterable
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from build_tools.rules.config import RulesConfig
from build_tools.rules.excerpts import Conflict, Excerpt, page_conflicts, page_excerpts
from build_tools.rules.model import CONFIG_KEY, Rules, RulesProblem, load_rules, model_files
from build_tools.rules.review import ReviewPage, filled, review_pages
from build_tools.rules.wording import WORDING
from decision.errors import InputError
from decision.project.rulebook import Project
from decision.project.wording import Wording, load_wording, wording_path

STATIC = Path(__file__).resolve().parent / "static"
ASSETS = "assets/review"


class RulesPlugin(BasePlugin[RulesConfig]):
    def __init__(self) -> None:
        self.rules: Rules | None = None
        self.reviews: dict[str, ReviewPage] = {}  # by docs-relative path
        self.wording = Wording({})

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Project(root=Path(config.config_file_path).resolve().parent, docs=Path(config.docs_dir))
        try:
            self.rules = load_rules(project)
            self.wording = load_wording("rules.yaml", WORDING)
            pages = review_pages(self.rules, self.wording, self.config.review_folder, self.config.aid_page)
        except RulesProblem as error:
            raise PluginError("procedures-rules: the rule files have problems:\n" + str(error)) from None
        except InputError as error:
            raise PluginError(f"procedures-rules: {error}") from None
        self.reviews = {page.path: page for page in pages}
        self._add_to_nav(config)
        config[CONFIG_KEY] = self.rules  # the other plugins take it from here (model.build_rules)
        return config

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable
    ) -> LiveReloadServer:
        # Rebuild when a file of the model or the review wording changes, not only the pages.
        assert self.rules is not None  # on_config always runs first
        for path in model_files(self.rules.project):
            server.watch(str(path))
        server.watch(str(wording_path("rules.yaml")))
        return server

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        for page in self.reviews.values():
            if files.get_file_from_path(page.path) is not None:
                raise PluginError(
                    f"procedures-rules: docs/{page.path} clashes with the page generated for it"
                )
            files.append(File.generated(config, page.path, content=page.markdown))
        for static in sorted(STATIC.iterdir()):
            files.append(File.generated(config, f"{ASSETS}/{static.name}", abs_src_path=str(static)))
        return files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # Every page's content is rendered by now, with what every plugin added.
        rendered = [file.page for file in files.documentation_pages() if file.page is not None]
        wanted = {cite.lower() for page in self.reviews.values() for cite in page.citations}
        excerpts: dict[str, Excerpt] = {}
        conflicts: list[Conflict] = []
        guidance = [page for page in rendered if page.file.src_uri not in self.reviews]
        for page in guidance:
            title = page.title or page.file.src_uri
            for excerpt in page_excerpts(page.content or "", page.url, title, wanted):
                excerpts.setdefault(excerpt.anchor, excerpt)
            conflicts += page_conflicts(page.content or "", page.url, title)
        _check_excerpts(self.reviews.values(), excerpts)
        for page in rendered:
            if page.file.src_uri in self.reviews:
                page.content = filled(page.content or "", page.url, excerpts, conflicts, self.wording)
        return env

    def _add_to_nav(self, config: MkDocsConfig) -> None:
        """Each review page goes into the nav section named in the settings, after what it lists."""
        section = next(
            (item for item in config.nav or [] if isinstance(item, dict) and self.config.nav_section in item),
            None,
        )
        if section is None or not isinstance(section[self.config.nav_section], list):
            raise PluginError(
                f"procedures-rules: mkdocs.yml: the nav needs a section '{self.config.nav_section}'"
            )
        entries = section[self.config.nav_section]
        listed = {
            value for entry in entries for value in (entry.values() if isinstance(entry, dict) else [entry])
        }
        entries += [{page.title: page.path} for page in self.reviews.values() if page.path not in listed]


def _check_excerpts(reviews: Iterable[ReviewPage], excerpts: dict[str, Excerpt]) -> None:
    """Every clause a rule cites must have text at its anchor on a rendered page."""
    problems = []
    for review in reviews:
        for cite, places in review.citations.items():
            excerpt = excerpts.get(cite.lower())
            if excerpt is None or excerpt.empty:
                found = "no page has the anchor" if excerpt is None else f"{excerpt.page_url} has no text at"
                problems += [f"{place}: cites {cite}, but {found} #{cite.lower()}" for place in places]
    if problems:
        listed = "\n  ".join(sorted(set(problems)))
        raise PluginError(f"procedures-rules: rules cite clauses with no guidance text:\n  {listed}")
