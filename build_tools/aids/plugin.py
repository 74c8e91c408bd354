"""`procedures-aids`: put each `[[aid TREE]]` on its page, and the aid's runtime into the site.

Each directive becomes the aid: its first question as a real form (usable before Python has loaded),
a status line, and the text version of the whole tree (read without JavaScript, or if the engine
fails). decision/aid/render.py draws both, as it draws every later step in the browser.
"""

import json
import shutil
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_tools.aids.config import AidsConfig
from build_tools.aids.directive import SLOT, replace_directives
from build_tools.aids.embed import aid_html
from build_tools.aids.site import aid_pages, check_citations, cited, clause_pages
from build_tools.pyodide import bundle as runtime
from decision.aid.browser import Bundle
from decision.aid.fragment import RESERVED
from decision.aid.render import version_text
from decision.errors import InputError
from decision.project.deadline_files import load_deadlines
from decision.project.rulebook import Project, compile_project, load_trees

STATIC = Path(__file__).resolve().parent / "static"
RULES_VERSION = "[[rules version]]"  # in a page's Markdown: the rules version the site's aids use now
AID_SITE = "decision/built/aid-site.json"  # inside the decision bundle, where decision.aid.browser reads it


class AidsPlugin(BasePlugin[AidsConfig]):
    def __init__(self) -> None:
        self.project = Project()
        self.bundle: Bundle | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project = Project(
            root=Path(config.config_file_path).resolve().parent, docs=Path(config.docs_dir)
        )
        try:
            trees = load_trees(self.project)
            rulebook = compile_project(self.project)
            data = load_deadlines()
        except InputError as error:
            raise PluginError(f"procedures-aids: {error}") from None
        for tree in trees.values():
            clash = set(RESERVED) & set(tree.questions)
            if clash:
                raise PluginError(
                    f"procedures-aids: {tree.origin}: question id '{clash.pop()}' is reserved "
                    "for the aid's URL fragment"
                )
        self.bundle = Bundle(trees, rulebook["version"], {}, {}, data)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.bundle is not None  # on_config always runs first
        clauses = clause_pages(files, {cite for tree in self.bundle.trees.values() for cite in cited(tree)})
        check_citations(self.bundle.trees, clauses)
        pages = aid_pages(files, self.bundle.trees, self.config.aid_page)
        self.bundle = Bundle(self.bundle.trees, self.bundle.version, clauses, pages, self.bundle.deadlines)
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.bundle is not None
        markdown = markdown.replace(RULES_VERSION, escape(version_text(self.bundle.version)))
        shown = f"docs/{page.file.src_uri}"
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
        extra = {AID_SITE: json.dumps(aid_site, ensure_ascii=False, sort_keys=True).encode("utf-8")}
        runtime.write(site_dir, self.project.root, extra=extra)  # the only writer of assets/aid and decision
        target = site_dir / self.config.assets
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(STATIC.iterdir()):
            shutil.copyfile(path, target / path.name)
