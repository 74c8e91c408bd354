"""`procedures-serve`: under `mkdocs serve --dirty`, rebuild only the pages an edit changes, exactly.

mkdocs' own dirty build skips every page whose source is older than its output, so other pages'
navigation, the search index and the plugins' whole-site checks see only the pages it rebuilt. Here:
- a page is read and rendered again only when what it is made from changed (inputs.py); a page that is
  not gets back what its last render left (pages.py), so checks, excerpts and navigation see every page;
- a page is written again only when what it is written from changed: its content after every plugin
  (the Rules review pages quote other pages in on_env), its title and metadata, or the navigation;
- the search index keeps every page's entries and takes them again from the pages written (search.py).
mkdocs rebuilds a page whose output is missing, so that is how a page is sent to be made again.
Under `mkdocs build` and a plain `mkdocs serve` the plugin does nothing. tests/test_serve.py checks
that a rebuild after an edit gives the same site, file for file, as a full build.
"""

import hashlib
import logging
import shutil
import tempfile
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from build_tools.rules.model import build_rules
from build_tools.serve.config import ServeConfig
from build_tools.serve.inputs import site_inputs
from build_tools.serve.pages import Rendered, rendered, restore, with_title
from build_tools.serve.search import SearchEntries

SERVED = InclusionLevel.is_in_serve  # the pages mkdocs serve builds, drafts among them
# mkdocs warns on every dirty build that navigation may be wrong; this plugin keeps it right.
DIRTY_WARNING = "A 'dirty' build is being performed"


class ServePlugin(BasePlugin[ServeConfig]):
    def __init__(self) -> None:
        self.active = False
        self.generated = Path()  # where generated pages' Markdown is kept, so mkdocs can date it
        self.pages: list[str] = []  # src_uris, in the order mkdocs builds them
        self.inputs: dict[str, str] = {}  # by src_uri: the hash of what the page was last rendered from
        self.kept: dict[str, Rendered] = {}  # by src_uri: what its last render left
        self.written: dict[str, str] = {}  # by src_uri: the hash of what its output was last written from
        self.states: dict[str, str] = {}  # by src_uri: the hash of what it would be written from now
        self.navigation = ""  # the hash of the navigation the outputs were last written with
        self.nav: Navigation | None = None
        self.search = SearchEntries()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.active = command == "serve" and dirty
        if self.active:
            self.generated = Path(tempfile.mkdtemp(prefix="procedures-serve-"))
            logging.getLogger("mkdocs.commands.build").addFilter(
                lambda record: not record.getMessage().startswith(DIRTY_WARNING)
            )

    def on_shutdown(self) -> None:
        if self.active:
            shutil.rmtree(self.generated, ignore_errors=True)
            self.active = False

    # After every plugin has added its pages.
    @event_priority(-100)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if not self.active:
            return files
        files = Files([self._dated(file, config) for file in files])
        pages = files.documentation_pages(inclusion=SERVED)
        markdown = {file.src_uri: file.content_string for file in pages}
        inputs = site_inputs(config, files, markdown, build_rules(config, "procedures-serve"))
        for file in pages:
            made_from = inputs.of_page(markdown[file.src_uri])
            if self.inputs.get(file.src_uri) != made_from or file.src_uri not in self.kept:
                _send_to_rebuild(file)
            self.inputs[file.src_uri] = made_from
        self.pages = [file.src_uri for file in pages]
        for memory in (self.inputs, self.kept, self.written, self.search.by_page):
            for uri in set(memory) - set(self.pages):
                del memory[uri]
        return files

    # After the training plugin has put its pages into the navigation.
    @event_priority(-100)
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.active:
            self.nav = nav
            for file in files.documentation_pages(inclusion=SERVED):
                if not file.is_modified():
                    assert file.page is not None  # mkdocs made every page with the navigation
                    restore(file.page, self.kept[file.src_uri], files)
        return nav

    # After every other plugin has changed the page.
    @event_priority(-200)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.active:
            self.kept[page.file.src_uri] = rendered(page, html)
        return html

    # After every other plugin's checks, and the review pages' excerpts, have run over every page.
    @event_priority(-200)
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if not self.active:
            return env
        assert self.nav is not None  # on_nav always runs first
        navigation = _navigation(self.nav)
        for file in files.documentation_pages(inclusion=SERVED):
            page = file.page
            assert page is not None
            self.kept[file.src_uri] = with_title(self.kept[file.src_uri], page)
            self.states[file.src_uri] = _state(page)
            if navigation != self.navigation or self.written.get(file.src_uri) != self.states[file.src_uri]:
                _send_to_rebuild(file)
        self.navigation = navigation
        return env

    # Before the theme's search plugin indexes the page.
    @event_priority(100)
    def on_page_context(self, context: dict, /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
        if self.active:
            self.search.before_page(config)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.active:
            self.search.after_page(page, config)
            self.written[page.file.src_uri] = self.states[page.file.src_uri]
        return output

    # After the theme's search plugin has written its index, before procedures-offline lists the files.
    @event_priority(-50)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.active:
            self.search.write(config, self.pages)

    def _dated(self, file: File, config: MkDocsConfig) -> File:
        """A generated page as a file that changes only when its Markdown does: mkdocs always rebuilds
        a page whose Markdown is held in memory."""
        if not file.is_documentation_page() or file.abs_src_path is not None:
            return file
        path = self.generated / file.src_uri
        markdown = file.content_string
        if not path.is_file() or path.read_text(encoding="utf-8") != markdown:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(markdown, encoding="utf-8")
        return File.generated(config, file.src_uri, abs_src_path=str(path), inclusion=file.inclusion)


def _send_to_rebuild(file: File) -> None:
    Path(file.abs_dest_path).unlink(missing_ok=True)


def _state(page: Page) -> str:
    """A hash of what the page's output is written from, besides the navigation and the templates."""
    parts = [page.content or "", str(page.title), repr(sorted(page.meta.items())), str(page.toc)]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _navigation(nav: Navigation) -> str:
    """A hash of every title and address the navigation shows."""

    def lines(items: list, depth: int) -> list[str]:
        found = []
        for item in items:
            found.append(f"{depth} {item.title} {getattr(item, 'url', '')}")
            if isinstance(item, Section):
                found += lines(item.children, depth + 1)
        return found

    return hashlib.sha256("\n".join(lines(nav.items, 0)).encode()).hexdigest()
