"""`procedures-aids`: put each `[[aid TREE]]` on its page, and the aid's runtime into the site.

Each directive becomes the aid: its first question as a real form (usable before Python has loaded),
a status line, and the text version of the whole tree (read without JavaScript, or if the engine
fails). decision/aid/ draws them (question_html.py, text_version.py), as it draws every later step in the
browser.
"""

import shutil
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_tools.aids.config import AidsConfig
from build_tools.aids.directive import SLOT, guidance_problems, replace_directives
from build_tools.aids.embed import aid_html
from build_tools.aids.site import aid_pages, check_citations, cited, clause_pages
from build_tools.calculator.catalogue import cited as clock_cites
from build_tools.directives import find_directives, replace_lines
from build_tools.pyodide import bundle as runtime
from build_tools.rules.model import build_rules
from decision.aid.browser import Bundle
from decision.aid.fragment import RESERVED
from decision.aid.pieces import version_text
from decision.aid.wording import WORDING
from decision.project.rulebook import Project
from decision.project.wording import WordingError, load_wording

STATIC = Path(__file__).resolve().parent / "static"
RULES_VERSION = "[[rules version]]"  # a line of a page's Markdown: the rules version the site's aids use now


class AidsPlugin(BasePlugin[AidsConfig]):
    def __init__(self) -> None:
        self.project = Project()
        self.bundle: Bundle | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        rules = build_rules(config, "procedures-aids")
        self.project, trees = rules.project, rules.trees
        for tree in trees.values():
            clash = set(RESERVED) & set(tree.questions)
            if clash:
                raise PluginError(
                    f"procedures-aids: {tree.origin}: question id '{clash.pop()}' is reserved "
                    "for the aid's URL fragment"
                )
        try:
            load_wording("aid.json", WORDING)  # the browser reads it as it is, so the build checks it
        except WordingError as error:
            raise PluginError(f"procedures-aids: {error}") from None
        self.bundle = Bundle(trees, rules.version, {}, {}, rules.deadlines)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.bundle is not None  # on_config always runs first
        # The calculator's results link the clauses the clocks cite, from the same engine.
        wanted = {cite for tree in self.bundle.trees.values() for cite in cited(tree)}
        clauses = clause_pages(files, wanted | clock_cites(self.bundle.deadlines.book))
        check_citations(self.bundle.trees, clauses)
        problems = guidance_problems(self.bundle.trees, files)
        if problems:
            raise PluginError("procedures-aids:\n  " + "\n  ".join(map(str, problems)))
        pages = aid_pages(files, self.bundle.trees, self.config.aid_page)
        self.bundle = Bundle(self.bundle.trees, self.bundle.version, clauses, pages, self.bundle.deadlines)
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.bundle is not None
        shown = f"docs/{page.file.src_uri}"
        versions = find_directives(markdown, shown, "rules", RULES_VERSION, "procedures-aids", ("version",))
        version = escape(version_text(self.bundle.version))
        markdown = replace_lines(markdown, {directive.line: version for directive in versions})
        markdown, found = replace_directives(markdown, shown, set(self.bundle.trees))
        if found:
            page.meta[runtime.STARTS_ENGINE] = True  # overrides/main.html then starts the engine from <head>
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        aids = self.bundle
        assert aids is not None
        base = "../" * page.url.count("/")  # from this page's URL back to the site root
        return SLOT.sub(
            lambda slot: aid_html(
                aids, slot.group(1), base, int(slot.group(2)), aids.aid_pages[slot.group(1)] == page.url
            ),
            html,
        )

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.bundle is not None
        site_dir = Path(config.site_dir)
        aid_site = {"clause_pages": self.bundle.clause_pages, "aid_pages": self.bundle.aid_pages}
        runtime.write(site_dir, self.project.root, aid_site)  # the engine, the code bundle and the rules
        target = site_dir / self.config.assets
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(STATIC.iterdir()):
            shutil.copyfile(path, target / path.name)
